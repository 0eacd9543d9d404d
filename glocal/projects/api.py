"""The /api/v1/ endpoints of the projects app: prototypes, projects, indicators, measurements."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status

from glocal.lib.edit_versions import EditConflict, plain
from glocal.members.api import (
    NO_NUL,
    READ_ERRORS,
    VERSIONED_WRITE_ERRORS,
    WRITE_ERRORS,
    PageQuery,
    Slug,
    api_user,
    error_body,
    sent_version,
    stale_write,
    token_auth,
    version_required,
)
from glocal.translations.api import TranslatedOut, all_translations

from . import services
from .access import can_record_measurement, get_project_for_editor, get_project_for_viewer
from .models import Indicator, Project, ProjectStatus, Prototype

Id = Annotated[int, Path(ge=1, le=2_000_000_000)]
Number = Annotated[Decimal, Field(ge=-(10**11), le=10**11, max_digits=14, decimal_places=2)]


class VariantOut(Schema):
    name: str
    size: str
    budget: str
    description: str


class PrototypeOut(TranslatedOut):
    slug: str
    title: str
    summary: str
    source_practices: list[str]
    sdgs: list[int]
    projects: int

    @staticmethod
    def resolve_source_practices(obj) -> list[str]:
        return [p.slug for p in obj.source_practices.all()]

    @staticmethod
    def resolve_sdgs(obj) -> list[int]:
        return [s.number for s in obj.sdgs.all()]

    @staticmethod
    def resolve_projects(obj) -> int:
        return len(obj.projects.all())


class PrototypeDetailOut(PrototypeOut):
    approach: str
    steps: str
    preconditions: str
    typical_cost: str
    typical_staff: str
    risks: str
    learnings: str
    variants: list[VariantOut]

    @staticmethod
    def resolve_variants(obj) -> list:
        return list(obj.variants.all())


class ProjectOut(TranslatedOut):
    id: int
    version: int
    title: str
    summary: str
    municipality: str
    status: str
    prototype: str | None
    source_practice: str | None
    start_date: datetime.date | None
    end_date: datetime.date | None

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.municipality.slug

    @staticmethod
    def resolve_prototype(obj) -> str | None:
        return obj.prototype.slug if obj.prototype_id else None

    @staticmethod
    def resolve_source_practice(obj) -> str | None:
        return obj.source_practice.slug if obj.source_practice_id else None


class MilestoneOut(Schema):
    title: str
    due_date: datetime.date
    status: str
    is_deliverable: bool


class AdaptationOut(Schema):
    element: str
    decision: str
    reason: str


class ProjectDetailOut(ProjectOut):
    goals: list[str]
    milestones: list[MilestoneOut]
    adaptations: list[AdaptationOut]

    @staticmethod
    def resolve_goals(obj) -> list[str]:
        return [g.text for g in obj.goals.all()]

    @staticmethod
    def resolve_milestones(obj) -> list:
        return list(obj.milestones.all())

    @staticmethod
    def resolve_adaptations(obj) -> list:
        return list(obj.adaptations.all())


class ProjectPatch(Schema):
    """The plan fields to change and the ``version`` they were read at (or send If-Match)."""

    version: int | None = Field(None, ge=1, le=2_000_000_000)
    title: str | None = Field(None, min_length=1, max_length=200, pattern=NO_NUL)
    summary: str | None = Field(None, max_length=10_000, pattern=NO_NUL)
    status: ProjectStatus | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None


class MeasurementOut(Schema):
    measured_on: datetime.date
    value: Decimal
    note: str


class IndicatorOut(Schema):
    id: int
    name: str
    unit: str
    baseline: Decimal
    target: Decimal
    target_date: datetime.date
    sdgs: list[int]
    measurements: list[MeasurementOut]

    @staticmethod
    def resolve_sdgs(obj) -> list[int]:
        return [s.number for s in obj.sdgs.all()]

    @staticmethod
    def resolve_measurements(obj) -> list:
        return list(obj.measurements.all())


class MeasurementIn(Schema):
    value: Number
    measured_on: datetime.date
    note: Annotated[str, Field(max_length=300, pattern=NO_NUL)] = ""


class ProjectQuery(PageQuery):
    status: ProjectStatus | None = None
    municipality: Annotated[str, Field(max_length=160, pattern=r"^[-a-zA-Z0-9_]*$")] = ""


class PrototypePage(Schema):
    count: int
    results: list[PrototypeOut]


class ProjectPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ProjectOut]


router = Router(tags=["projects"])


@router.get("/prototypes/", response={200: PrototypePage, **READ_ERRORS})
def list_prototypes(request: HttpRequest):
    user = api_user(request)
    prototypes = (
        Prototype.objects.visible_to(user)
        .with_related_visible_to(user)
        .prefetch_related(all_translations())
    )
    return {"count": len(prototypes), "results": list(prototypes)}


@router.get("/prototypes/{slug}", response={200: PrototypeDetailOut, **READ_ERRORS})
def get_prototype(request: HttpRequest, slug: Slug):
    user = api_user(request)
    prototypes = (
        Prototype.objects.visible_to(user)
        .with_related_visible_to(user)
        .prefetch_related("variants")
    )
    return get_object_or_404(prototypes, slug=slug)


@router.get("/projects/", response={200: ProjectPage, **READ_ERRORS})
def list_projects(request: HttpRequest, filters: Query[ProjectQuery]):
    user = api_user(request)
    projects = (
        Project.objects.visible_to(user)
        .for_list()
        .prefetch_related(all_translations())
        .order_by("-created_at", "pk")
    )
    if filters.status:
        projects = projects.filter(status=filters.status)
    if filters.municipality:
        projects = projects.filter(municipality__slug=filters.municipality)
    return {"count": projects.count(), "page": filters.page, "page_size": filters.page_size,
            "results": list(projects[filters.window()])}  # fmt: skip


@router.get("/projects/{id}", response={200: ProjectDetailOut, **READ_ERRORS})
def get_project(request: HttpRequest, id: Id):
    api_user(request)
    project = get_project_for_viewer(request, id)
    return (
        Project.objects.for_list()
        .prefetch_related("goals", "milestones", "adaptations")
        .get(pk=project.pk)
    )


@router.patch(
    "/projects/{id}", auth=token_auth,
    response={200: ProjectDetailOut, **VERSIONED_WRITE_ERRORS},
)  # fmt: skip
def patch_project(request: HttpRequest, id: Id, patch: ProjectPatch):
    """Change the plan read at ``version``; a field changed by someone since answers 409 with
    the current version and both values, and nothing is written."""
    project = get_project_for_editor(request, id)
    changes = patch.dict(exclude_unset=True)
    version = sent_version(request, changes)
    if version is None:
        return version_required()
    try:
        mine = {name: plain(str(value) if name == "status" else value)
                for name, value in changes.items()}  # fmt: skip
        services.edit_project(project_id=project.pk, base_version=version, base=None,
                              mine=mine, user=request.user)  # fmt: skip
    except EditConflict as conflict:
        return stale_write(version, conflict)
    except ValidationError as error:
        message = _("The project was not saved.")
        return Status(422, error_body("invalid", message, error.message_dict))
    return get_project(request, id)


@router.get("/projects/{id}/indicators", response={200: list[IndicatorOut], **READ_ERRORS})
def list_indicators(request: HttpRequest, id: Id):
    api_user(request)
    project = get_project_for_viewer(request, id)
    return list(project.indicators.prefetch_related("sdgs", "measurements"))


@router.post(
    "/projects/{id}/indicators/{indicator_id}/measurements", auth=token_auth,
    response={201: MeasurementOut, **WRITE_ERRORS},
)  # fmt: skip
def post_measurement(request: HttpRequest, id: Id, indicator_id: Id, body: MeasurementIn):
    project = get_project_for_viewer(request, id)
    if not can_record_measurement(request.user, project):
        raise PermissionDenied("Only this municipality's representatives report its figures.")
    indicator = get_object_or_404(Indicator.objects.filter(project=project), pk=indicator_id)
    try:
        measurement = services.record_measurement(
            indicator=indicator, value=body.value, measured_on=body.measured_on,
            note=body.note, user=request.user,
        )  # fmt: skip
    except ValidationError as error:
        return Status(422, error_body("invalid", _("The measurement was not saved."),
                                      error.message_dict))  # fmt: skip
    return Status(201, measurement)
