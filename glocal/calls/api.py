"""Calls and HUBs in the API: public fields for everyone, applications for their town and staff."""

import datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema

from glocal.lib import roles
from glocal.lib.html import render_rich_text
from glocal.members.api import READ_ERRORS, PageQuery, Slug, api_user
from glocal.translations.api import TranslatedOut, all_translations

from .access import get_call_for_viewer
from .models import Call, Hub

router = Router(tags=["calls"])


class CriterionOut(Schema):
    name: str
    description: str
    weight: int


class QuestionOut(Schema):
    label: str
    help_text: str
    type: str
    choices: list[str]
    required: bool

    @staticmethod
    def resolve_choices(obj) -> list[str]:
        return obj.choice_list


class CallOut(TranslatedOut):
    slug: str
    title: str
    kind: str
    status: str
    summary: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    accepting: bool
    url: str

    @staticmethod
    def resolve_accepting(obj) -> bool:
        return obj.accepts_changes()

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class CallDetailOut(CallOut):
    description: str
    eligibility_notes: str
    members_only: bool
    regions: list[str]
    population_bands: list[str]
    criteria: list[CriterionOut]
    questions: list[QuestionOut]

    @staticmethod
    def resolve_description(obj) -> str:
        return render_rich_text(obj.description)

    @staticmethod
    def resolve_eligibility_notes(obj) -> str:
        return render_rich_text(obj.eligibility_notes)

    @staticmethod
    def resolve_criteria(obj) -> list:
        return list(obj.criteria.all())

    @staticmethod
    def resolve_questions(obj) -> list:
        return list(obj.questions.all())


class CallPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[CallOut]


class HubOut(Schema):
    slug: str
    title: str
    municipality: str
    lead_government: str
    topic: str
    sdgs: list[int]
    duration_years: int | None
    labelled_on: datetime.date
    deliverables: str
    url: str

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.application.municipality.slug

    @staticmethod
    def resolve_lead_government(obj) -> str:
        return obj.application.lead_government

    @staticmethod
    def resolve_topic(obj) -> str:
        return obj.application.topic

    @staticmethod
    def resolve_sdgs(obj) -> list[int]:
        return [sdg.number for sdg in obj.application.sdgs.all()]

    @staticmethod
    def resolve_duration_years(obj) -> int | None:
        return obj.application.duration_years

    @staticmethod
    def resolve_deliverables(obj) -> str:
        return render_rich_text(obj.application.deliverables)

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.get_absolute_url()


class HubPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[HubOut]


class ApplicationOut(Schema):
    id: int
    municipality: str
    title: str
    status: str
    submitted_at: datetime.datetime | None
    decided_at: datetime.datetime | None
    feedback: str
    answers: dict[str, str]

    @staticmethod
    def resolve_municipality(obj) -> str:
        return obj.municipality.slug

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.display_title

    @staticmethod
    def resolve_feedback(obj) -> str:
        return obj.feedback if obj.is_decided else ""

    @staticmethod
    def resolve_answers(obj) -> dict[str, str]:
        return {str(k): str(v) for k, v in obj.answers.items()}


@router.get("/calls/", response={200: CallPage, **READ_ERRORS})
def list_calls(request: HttpRequest, page: Query[PageQuery]):
    calls = (
        Call.objects.visible_to(api_user(request))
        .prefetch_related(all_translations())
        .order_by("-closes_at", "pk")
    )
    return {"count": calls.count(), "page": page.page, "page_size": page.page_size,
            "results": list(calls[page.window()])}  # fmt: skip


@router.get("/calls/{slug}", response={200: CallDetailOut, **READ_ERRORS})
def get_call(request: HttpRequest, slug: Slug):
    api_user(request)
    return get_call_for_viewer(request, slug)


@router.get("/calls/{slug}/applications", response={200: list[ApplicationOut], **READ_ERRORS})
def list_applications(request: HttpRequest, slug: Slug):
    """The applications the caller may read: their own town's; the secretariat sees all."""
    user = api_user(request)
    call = get_call_for_viewer(request, slug)
    applications = call.applications.select_related("municipality", "practice")
    if not roles.is_secretariat(user):
        applications = applications.of_representative(user)
    return list(applications)


@router.get("/hubs/", response={200: HubPage, **READ_ERRORS})
def list_hubs(request: HttpRequest, page: Query[PageQuery]):
    api_user(request)
    hubs = Hub.objects.select_related("application__municipality").prefetch_related(
        "application__sdgs"
    )
    return {"count": hubs.count(), "page": page.page, "page_size": page.page_size,
            "results": list(hubs.order_by("-labelled_on", "pk")[page.window()])}  # fmt: skip
