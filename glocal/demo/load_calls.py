"""Demo content of the calls app, loaded by `load_demo` after the practices (idempotent).

Calls are found by slug and created with everything in them only when missing, so a second
run creates nothing and never undoes what people did in the demo.
"""

from datetime import timedelta
from typing import TextIO

from django.utils import timezone

from glocal.calls import services
from glocal.calls.models import (
    Application,
    ApplicationStatus,
    AuditEntry,
    Call,
    Criterion,
    Question,
)
from glocal.demo.content import SOURCE_NAME
from glocal.demo.content_calls import CALLS
from glocal.lib import roles
from glocal.members.models import Municipality, User
from glocal.practices.models import Practice
from glocal.projects.models import Project
from glocal.reference.models import Sdg

CALL_FIELDS = ("title", "kind", "summary", "description", "eligibility_notes", "status")


def load(*, stdout: TextIO) -> None:
    """Create what is missing; never overwrite what people changed in the demo."""
    created = 0
    for data in CALLS:
        if Call.objects.filter(slug=data["slug"]).exists():
            continue
        call = create_call(data)
        add_applications(call, data)
        add_reviews(call, data)
        add_nominations(call, data)
        created += 1
    stdout.write(f"Calls: {created} created.\n")


def create_call(data: dict) -> Call:
    now = timezone.now()
    call = Call.objects.create(
        slug=data["slug"], year=data.get("year"),
        opens_at=now + timedelta(days=data["opens"]),
        closes_at=now + timedelta(days=data["closes"]),
        reviews_due_at=now + timedelta(days=data["closes"] + 21),
        **{name: data[name] for name in CALL_FIELDS},
    )  # fmt: skip
    for position, (name, description, weight) in enumerate(data["criteria"], start=1):
        Criterion.objects.create(call=call, position=position, name=name,
                                 description=description, weight=weight)  # fmt: skip
    for position, (label, kind, choices, required) in enumerate(data["questions"], start=1):
        Question.objects.create(call=call, position=position, label=label, type=kind,
                                choices=choices, required=required)  # fmt: skip
    return call


def representative(town: Municipality) -> User | None:
    membership = town.memberships.select_related("user").first()
    return membership.user if membership else None


def add_applications(call: Call, data: dict) -> None:
    questions = list(call.questions.all())
    for item in data.get("applications", []):
        town = Municipality.objects.get(slug=item["town"])
        submitted = item["status"] == ApplicationStatus.SUBMITTED
        application = Application.objects.create(
            call=call, municipality=town, title=item["title"], status=item["status"],
            created_by=representative(town),
            submitted_at=call.closes_at - timedelta(days=3) if submitted else None,
            answers={str(q.pk): a for q, a in zip(questions, item["answers"], strict=False)},
            lead_government=item.get("lead_government", ""), partners=item.get("partners", ""),
            topic=item.get("topic", ""), duration_years=item.get("years"),
            deliverables=item.get("deliverables", ""), monitoring=item.get("monitoring", ""),
            communication=item.get("communication", ""),
        )  # fmt: skip
        application.sdgs.set(Sdg.objects.filter(number__in=item.get("sdgs", [])))
        if submitted:
            services.audit(call=call, action=AuditEntry.Action.SUBMITTED,
                           user=application.created_by, application=application)  # fmt: skip
        if application.is_decided:
            record_decision(call, application, item.get("feedback", ""))


def record_decision(call: Call, application: Application, feedback: str) -> None:
    """A past decision, as the secretariat took it; an accepted HUB gets its label."""
    secretariat = roles.secretariat_users().order_by("pk").first()
    decided_at = call.closes_at + timedelta(days=20)
    Application.objects.filter(pk=application.pk).update(
        submitted_at=call.closes_at - timedelta(days=3), decided_at=decided_at, feedback=feedback
    )
    services.audit(call=call, action=AuditEntry.Action.DECIDED, user=secretariat,
                   application=application, before="submitted", decision=application.status,
                   shared_comments=False)  # fmt: skip
    if call.is_hub and application.status == ApplicationStatus.ACCEPTED:
        running = Project.objects.filter(municipality=application.municipality, hub=None)
        services.label_hub(application=application, user=secretariat, on=decided_at.date(),
                           project=running.order_by("pk").first())  # fmt: skip


def add_reviews(call: Call, data: dict) -> None:
    secretariat = roles.secretariat_users().order_by("pk").first()
    criteria = list(call.criteria.all())
    for town_slug, email, values in data.get("reviews", []):
        application = call.applications.get(municipality__slug=town_slug)
        reviewer = User.objects.get(email=email)
        assignment = services.assign_reviewer(
            application=application, reviewer=reviewer, user=secretariat
        )
        if values:
            services.save_scores(assignment=assignment, user=reviewer, values={
                c: (v, "") for c, v in zip(criteria, values, strict=True)})  # fmt: skip


def add_nominations(call: Call, data: dict) -> None:
    """Last year's award, already decided: its laureates carry the badge in the showroom."""
    secretariat = roles.secretariat_users().order_by("pk").first()
    for town_slug, nominee_slug, key, decision, why in data.get("nominations", []):
        practice = Practice.objects.filter(source_name=SOURCE_NAME, source_id=key).first()
        town = Municipality.objects.get(slug=town_slug)
        question = call.questions.first()
        application = Application.objects.create(
            call=call, municipality=town, nominee=Municipality.objects.get(slug=nominee_slug),
            practice=practice, status=decision, answers={str(question.pk): why},
            submitted_at=call.closes_at - timedelta(days=2),
            decided_at=call.closes_at + timedelta(days=30), created_by=representative(town),
            feedback="Congratulations from the jury.",
        )  # fmt: skip
        services.audit(call=call, action=AuditEntry.Action.DECIDED, user=secretariat,
                       application=application, before="submitted", decision=decision,
                       shared_comments=False)  # fmt: skip
        if practice:
            services.set_distinction(practice=practice, call=call, decision=decision)
