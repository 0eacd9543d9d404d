"""``GET /api/v1/audit``: the log for the secretariat's token, with the page's filters.

Mounted in ``glocal/api.py`` with the token authentication (this app imports no other).
"""

import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from glocal.lib import roles

from .forms import AuditFilterForm
from .models import AuditEntry

router = Router(tags=["audit"])


class ErrorDetail(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    error: ErrorDetail


ERRORS = {401: ErrorOut, 403: ErrorOut, 422: ErrorOut, 429: ErrorOut}
Text = Annotated[str, Field(max_length=150, pattern=r"^[^\x00]*$")]


class AuditQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(50, ge=1, le=100)
    person: Text = ""
    town: int | None = Field(None, ge=1, le=2**62, description="municipality id")
    object_type: Text = Field("", description="app_label.model, e.g. practices.practice")
    action: Text = Field("", description="e.g. practice.submitted")
    since: datetime.date | None = None
    until: datetime.date | None = None


class AuditEntryOut(Schema):
    id: int
    created_at: datetime.datetime
    actor: str | None
    actor_id: int | None
    town: str | None
    town_id: int | None
    action: str
    label: str
    object_type: str
    object_id: int | None
    object: str
    changes: dict
    source: str
    api_token_id: int | None

    @staticmethod
    def resolve_actor(obj: AuditEntry) -> str | None:
        return obj.actor.email if obj.actor else None

    @staticmethod
    def resolve_town(obj: AuditEntry) -> str | None:
        return obj.town.name if obj.town else None

    @staticmethod
    def resolve_object_type(obj: AuditEntry) -> str:
        return obj.type_key

    @staticmethod
    def resolve_object(obj: AuditEntry) -> str:
        return obj.object_repr


class AuditPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[AuditEntryOut]


@router.get("/audit", response={200: AuditPage, **ERRORS})
def audit_log(request: HttpRequest, query: Query[AuditQuery]):
    """Newest first; the secretariat only. Unknown filter values answer 422."""
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("The audit log is for the secretariat.")
    data = query.dict(exclude={"page", "page_size"}, exclude_none=True)
    form = AuditFilterForm({k: v for k, v in data.items() if v != ""})
    if not form.is_valid():
        raise ValidationError([{"loc": ["query", name], "msg": str(errors[0])}
                               for name, errors in form.errors.items()])  # fmt: skip
    entries = form.filter(AuditEntry.objects.for_list())
    start = (query.page - 1) * query.page_size
    return {"count": entries.count(), "page": query.page, "page_size": query.page_size,
            "results": list(entries[start : start + query.page_size])}  # fmt: skip
