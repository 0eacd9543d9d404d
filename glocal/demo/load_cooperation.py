"""Demo content of the cooperation app, loaded by `load_demo` after the practices (idempotent).

Collaborations, experts and networks are found by slug, posts by town, kind and title,
matches by their need and offer, consultations by project and topic: a second run creates
nothing. No e-mail is sent while loading.
"""

import datetime
from typing import TextIO

from django.utils import timezone

from glocal.cooperation import scoring, services, suggest
from glocal.cooperation.models import (
    Collaboration,
    Consultation,
    Expert,
    FundingApplication,
    Match,
    Partner,
    PartnerNetwork,
    Post,
    Step,
)
from glocal.members.models import Municipality, User
from glocal.projects.models import Project
from glocal.reference.models import Country, Theme

from .content import DEMO_PASSWORD
from .content_cooperation import (
    COLLABORATIONS,
    CONSULTATIONS,
    EXPERT_USER,
    EXPERTS,
    MATCHES,
    NETWORKS,
    POSTS,
)


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def representative(town: Municipality) -> User | None:
    return User.objects.filter(memberships__municipality=town).order_by("pk").first()


def load_directory() -> tuple[int, int]:
    user, created = User.objects.get_or_create(
        email=EXPERT_USER["email"], defaults={"full_name": EXPERT_USER["full_name"]}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    new_experts = 0
    for data in EXPERTS:
        fields = {k: v for k, v in data.items() if k not in ("slug", "themes", "country", "user")}
        expert, created = Expert.objects.get_or_create(
            slug=data["slug"],
            defaults=fields
            | {
                "country": Country.objects.filter(iso=data["country"]).first(),
                "user": user if data.get("user") else None,
            },
        )
        if created:
            expert.themes.set(Theme.objects.filter(slug__in=data["themes"]))
            new_experts += 1
    new_networks = sum(
        PartnerNetwork.objects.get_or_create(slug=data["slug"], defaults=data)[1]
        for data in NETWORKS
    )
    return new_experts, new_networks


def load_collaboration(data: dict) -> bool:
    if Collaboration.objects.filter(slug=data["slug"]).exists():
        return False
    towns = Municipality.objects.in_bulk([slug for slug, *_ in data["partners"]], field_name="slug")
    lead_slug = next(slug for slug, role, _ in data["partners"] if role == Partner.Role.LEAD)
    lead, user = towns[lead_slug], representative(towns[lead_slug])
    collaboration = services.start_collaboration(
        lead=lead,
        user=user,
        title=data["title"],
        summary=data["summary"],
        themes=Theme.objects.filter(slug__in=data["themes"]),
        status=data["status"],
        visibility=data["visibility"],
        start_date=days(data["start"]),
        end_date=days(data["end"]),
    )
    Collaboration.objects.filter(pk=collaboration.pk).update(slug=data["slug"])
    for slug, role, status in data["partners"]:
        if slug != lead_slug:
            Partner.objects.create(
                collaboration=collaboration,
                municipality=towns[slug],
                role=role,
                status=status,
                invited_by=user,
                responded_at=timezone.now() if status != "invited" else None,
            )
    Step.objects.bulk_create(
        Step(
            collaboration=collaboration,
            title=title,
            owner=towns[owner],
            due_date=days(due),
            done=done,
        )
        for title, owner, due, done in data["steps"]
    )
    FundingApplication.objects.bulk_create(
        FundingApplication(
            collaboration=collaboration,
            funder=funder,
            programme=programme,
            amount_eur=amount,
            deadline=days(deadline),
            status=status,
        )
        for funder, programme, amount, deadline, status in data["funding"]
    )
    return True


def load_board() -> tuple[int, int]:
    posts, new_posts = {}, 0
    towns = Municipality.objects.select_related("country").in_bulk(field_name="slug")
    for key, town, kind, category, title, description, quantity, place, urgency, until in POSTS:
        posts[key], created = Post.objects.get_or_create(
            municipality=towns[town],
            kind=kind,
            title=title,
            defaults={
                "category": category,
                "description": description,
                "quantity": quantity,
                "place": place,
                "urgency": urgency,
                "until": days(until),
                "created_by": representative(towns[town]),
            },
        )
        new_posts += created
    new_matches = 0
    for need_key, offer_key, state in MATCHES:
        need, offer = posts[need_key], posts[offer_key]
        scored = scoring.score_offer(suggest.post_view(need), suggest.post_view(offer))
        _match, created = Match.objects.get_or_create(
            need=need,
            offer=offer,
            defaults={"state": state, "score": scored.score, "reasons": scored.reasons},
        )
        new_matches += created
    return new_posts, new_matches


def load_consultations() -> tuple[int, int]:
    """Consultations on the demo projects; skipped when the projects are not loaded."""
    new, skipped = 0, 0
    for title, expert, topic, question, times, day, hour, place, notes in CONSULTATIONS:
        project = Project.objects.filter(title=title).select_related("municipality").first()
        if project is None:
            skipped += 1
            continue
        starts_at = None
        if day is not None:
            starts_at = timezone.make_aware(
                datetime.datetime.combine(days(day), datetime.time(hour))
            )
        status = "held" if notes else ("scheduled" if starts_at else "requested")
        _consultation, created = Consultation.objects.get_or_create(
            project=project,
            topic=topic,
            defaults={
                "expert": Expert.objects.filter(slug=expert).first() if expert else None,
                "question": question,
                "preferred_times": times,
                "starts_at": starts_at,
                "location": place,
                "notes": notes,
                "status": status,
                "requested_by": representative(project.municipality),
            },
        )
        new += created
    return new, skipped


def load(*, stdout: TextIO) -> None:
    """Create what is missing; never overwrite what people changed in the demo."""
    experts, networks = load_directory()
    collaborations = sum(load_collaboration(data) for data in COLLABORATIONS)
    posts, matches = load_board()
    consultations, skipped = load_consultations()
    stdout.write(
        f"Experts: {len(EXPERTS)} ({experts} new); networks: {len(NETWORKS)} ({networks} new); "
        f"collaborations: {len(COLLABORATIONS)} ({collaborations} new); solidarity posts: "
        f"{len(POSTS)} ({posts} new), matches: {len(MATCHES)} ({matches} new); "
        f"consultations: {consultations} new"
        + (f", {skipped} skipped (their demo project is missing)" if skipped else "")
    )
