"""Demo content of the projects app, loaded by `load_demo` after the practices (idempotent)."""

import datetime
from decimal import Decimal
from typing import TextIO

from django.utils import timezone

from glocal.members.models import Municipality, User
from glocal.practices.models import Practice
from glocal.projects import services
from glocal.projects.forms import source_elements
from glocal.projects.models import (
    Indicator,
    Measurement,
    ProgressUpdate,
    Project,
    Prototype,
    PrototypeVariant,
)
from glocal.projects.models_plan import BudgetLine, Goal, Milestone, Partner, Risk, TeamMember
from glocal.reference.models import Sdg, Theme

from .content_projects import PROJECTS, PROTOTYPE


def months(day: datetime.date, n: int) -> datetime.date:
    """``day`` moved by ``n`` months (to the 28th at most, so every month has it)."""
    index = day.year * 12 + day.month - 1 + n
    return datetime.date(index // 12, index % 12 + 1, min(day.day, 28))


def load_prototype() -> tuple[Prototype, bool]:
    data = PROTOTYPE
    prototype, created = Prototype.objects.get_or_create(slug=data["slug"], defaults={
        key: data[key] for key in ("title", "summary", "approach", "steps", "preconditions",
                                   "typical_cost", "typical_staff", "risks", "learnings")
    } | {"is_published": True})  # fmt: skip
    if created:
        prototype.source_practices.set(
            Practice.objects.filter(source_id__in=data["source_practices"])
        )
        prototype.themes.set(Theme.objects.filter(slug__in=data["themes"]))
        prototype.sdgs.set(Sdg.objects.filter(number__in=data["sdgs"]))
        PrototypeVariant.objects.bulk_create(
            PrototypeVariant(prototype=prototype, name=name, size=size, budget=budget,
                             description=description)
            for name, size, budget, description in data["variants"]
        )  # fmt: skip
    return prototype, created


def load_plan(project: Project, data: dict, start: datetime.date) -> None:
    Goal.objects.bulk_create(Goal(project=project, text=text) for text in data["goals"])
    Milestone.objects.bulk_create(
        Milestone(project=project, title=title, due_date=months(start, month), status=status,
                  is_deliverable=deliverable,
                  completed_on=months(start, month) if status == "done" else None)
        for title, month, status, deliverable in data["milestones"]
    )  # fmt: skip
    BudgetLine.objects.bulk_create(BudgetLine(project=project, label=label, funder=funder,
                                              amount_eur=Decimal(amount))
                                   for label, amount, funder in data["budget"])  # fmt: skip
    Partner.objects.bulk_create(Partner(project=project, name=name, role=role)
                                for name, role in data["partners"])  # fmt: skip
    TeamMember.objects.bulk_create(
        TeamMember(project=project, name=name, role=role, gender=gender, age_group=age)
        for name, role, gender, age in data["team"]
    )  # fmt: skip
    Risk.objects.bulk_create(
        Risk(project=project, description=text, likelihood=likely, impact=impact,
             mitigation=mitigation)
        for text, likely, impact, mitigation in data["risks"]
    )  # fmt: skip


def load_monitoring(project: Project, data: dict, start: datetime.date, user: User) -> None:
    today = timezone.localdate()
    for spec in data["indicators"]:
        indicator = Indicator.objects.create(
            project=project, name=spec["name"], unit=spec["unit"],
            baseline=Decimal(spec["baseline"]), target=Decimal(spec["target"]),
            target_date=months(start, spec["target_month"]),
        )  # fmt: skip
        indicator.sdgs.set(Sdg.objects.filter(number__in=spec["sdgs"]))
        Measurement.objects.bulk_create(
            Measurement(indicator=indicator, measured_on=min(months(start, month), today),
                        value=Decimal(value), note=note, recorded_by=user)
            for month, value, note in spec["measurements"]
        )  # fmt: skip
    for month, text in data["updates"]:
        day = min(months(start, month), today)
        ProgressUpdate.objects.create(project=project, text=text, author=user,
                                      created_at=datetime.datetime.combine(
                                          day, datetime.time(10), tzinfo=datetime.UTC))  # fmt: skip


def load_project(data: dict, prototype: Prototype) -> bool:
    town = Municipality.objects.get(slug=data["town"])
    if Project.objects.filter(municipality=town, title=data["title"]).exists():
        return False
    user = User.objects.get(email=data["user"])
    start = months(timezone.localdate(), data["start"])
    texts = {label: text for _key, label, text in source_elements(prototype)}
    project = services.start_project(
        municipality=town, title=data["title"], summary=data["summary"], user=user,
        prototype=prototype, start_date=start, end_date=months(start, data["months"]),
        visibility=data["visibility"],
        adaptations=[
            services.Adaptation(element=element, source_text=texts.get(element, ""),
                                decision=decision, reason=reason)
            for element, decision, reason in data["adaptations"]
        ],
    )  # fmt: skip
    project.status = data["status"]
    project.save(update_fields=["status"])
    load_plan(project, data, start)
    load_monitoring(project, data, start, user)
    if outcome := data.get("outcome"):
        result, achievements, lessons = outcome
        services.record_transfer_outcome(project=project, result=result, user=user,
                                         achievements=achievements, lessons=lessons)  # fmt: skip
    return True


def load(*, stdout: TextIO) -> None:
    """Create what is missing; never overwrite what people changed in the demo."""
    prototype, created = load_prototype()
    new_projects = sum(load_project(data, prototype) for data in PROJECTS)
    stdout.write(f"Prototypes: 1 ({int(created)} new); projects: {len(PROJECTS)} "
                 f"({new_projects} new)")  # fmt: skip
