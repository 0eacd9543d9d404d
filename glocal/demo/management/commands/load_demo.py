"""Load the demo network: member municipalities with their needs, demo users, and practices.

Idempotent: every row is looked up first (municipalities by slug, users by e-mail,
practices by their demo source id) and only what is missing is created, so a second run
changes nothing and never overwrites what people did in the demo. The only exception is
linking a municipality to its GeoNames place once ``load_places`` has run.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from glocal.audit.context import from_command
from glocal.demo import (
    load_calls,
    load_cooperation,
    load_desk,
    load_events,
    load_network,
    load_projects,
)
from glocal.demo.content import (
    DEFAULT_AUTHOR,
    DEMO_PASSWORD,
    LICENCE,
    MUNICIPALITIES,
    PRACTICES,
    PUBLISHER,
    SOURCE_NAME,
    SOURCE_URL,
    USERS,
)
from glocal.members.models import Membership, Municipality, Need, User
from glocal.practices.models import CostBand, Practice, Revision, Status
from glocal.practices.services import record_revision, unique_slug
from glocal.reference.models import Country, Place, Theme

PROFILE_TEXT_FIELDS = (
    "name", "admin1", "settlement", "languages", "budget_band", "mayor", "capacities",
    "practices_in_place",
)  # fmt: skip
PRACTICE_TEXT_FIELDS = (
    "title", "summary", "owner_name", "target_groups", "situation_before", "objectives",
    "approach", "partners", "budget_notes", "staff", "results", "evidence", "lessons",
    "transferability", "award", "contact_name", "contact_email",
)  # fmt: skip
PRACTICE_NUMBER_FIELDS = ("start_year", "end_year", "budget_eur", "duration_months")


def cost_band(budget_eur: int | None) -> str:
    if budget_eur is None:
        return ""
    if budget_eur < 20_000:
        return CostBand.LOW
    return CostBand.MEDIUM if budget_eur <= 200_000 else CostBand.HIGH


def publication_time(day: str) -> datetime:
    return timezone.make_aware(datetime.combine(date.fromisoformat(day), time(10, 0)))


def check_content(themes: dict[str, Theme]) -> None:
    """Fail early, before writing anything, if the content names something unknown."""
    countries = set(Country.objects.values_list("iso", flat=True))
    towns = {m["slug"] for m in MUNICIPALITIES}
    emails = {u["email"] for u in USERS}
    problems = [f"country {m['country']}" for m in MUNICIPALITIES if m["country"] not in countries]
    theme_lists = [t for m in MUNICIPALITIES for _, t in m["needs"]]
    theme_lists += [p["themes"] for p in PRACTICES]
    problems += [f"theme {s}" for slugs in theme_lists for s in slugs if s not in themes]
    for p in PRACTICES:
        if p.get("municipality") and p["municipality"] not in towns:
            problems.append(f"municipality {p['municipality']}")
        if (author := p.get("author", DEFAULT_AUTHOR)) not in emails:
            problems.append(f"author {author}")
    if problems:
        raise CommandError("Demo content names unknown " + ", ".join(sorted(set(problems))))


def find_place(data: dict) -> Place | None:
    geonames_id = data.get("geonames_id")
    return Place.objects.filter(pk=geonames_id).first() if geonames_id else None


def municipality_values(data: dict) -> dict:
    values = {field: data.get(field, "") for field in PROFILE_TEXT_FIELDS}
    values.update(
        country_id=data["country"],
        population=data["population"],
        latitude=Decimal(data["latitude"]),
        longitude=Decimal(data["longitude"]),
        place=find_place(data),
    )
    return values


def load_municipality(data: dict, themes: dict[str, Theme]) -> tuple[Municipality, bool]:
    town, created = Municipality.objects.get_or_create(
        slug=data["slug"], defaults=municipality_values(data)
    )
    if created:
        town.sdg_priorities.set(data["sdgs"])
        for rank, (text, slugs) in enumerate(data["needs"], start=1):
            need = Need.objects.create(municipality=town, rank=rank, text=text)
            need.themes.set([themes[slug] for slug in slugs])
    elif town.place_id is None and (place := find_place(data)):
        town.place = place
        town.save(update_fields=["place", "updated_at"])
    return town, created


def load_user(data: dict, towns: dict[str, Municipality]) -> tuple[User, bool]:
    user = User.objects.filter(email=data["email"]).first()
    created = user is None
    if created:
        user = User.objects.create_user(
            data["email"],
            DEMO_PASSWORD,
            full_name=data["full_name"],
            is_staff=data.get("is_staff", False),
            is_superuser=data.get("is_superuser", False),
            is_reviewer=data.get("is_reviewer", False),
        )
    if "municipality" in data:
        Membership.objects.get_or_create(
            user=user,
            municipality=towns[data["municipality"]],
            defaults={"position": data.get("position", "")},
        )
    return user, created


def practice_values(data: dict, towns: dict[str, Municipality]) -> dict:
    town = towns[data["municipality"]] if data.get("municipality") else None
    values = {field: data.get(field, "") for field in PRACTICE_TEXT_FIELDS}
    values.update({field: data.get(field) for field in PRACTICE_NUMBER_FIELDS})
    values.update(
        municipality=town,
        country_id=data.get("country") or (town.country_id if town else None),
        cost_band=cost_band(data.get("budget_eur")),
        links=SOURCE_URL,
        source_name=SOURCE_NAME,
        source_id=data["key"],
        source_url=SOURCE_URL,
        licence=LICENCE,
    )
    return values


def create_practice(data: dict, towns: dict, users: dict, themes: dict) -> Practice:
    """Create a practice as its author would, then move it to its demo status."""
    author = users[data.get("author", DEFAULT_AUTHOR)]
    practice = Practice(
        **practice_values(data, towns),
        slug=unique_slug(data["title"]),
        status=Status.DRAFT,
        created_by=author,
    )
    practice.save()
    practice.themes.set([themes[slug] for slug in data["themes"]])
    practice.sdgs.set(data["sdgs"])
    record_revision(practice=practice, action=Revision.Action.CREATED, user=author)
    target = data.get("status", Status.PUBLISHED)
    if target == Status.SUBMITTED:
        practice.status = Status.SUBMITTED
        practice.save(update_fields=["status", "updated_at"])
        record_revision(practice=practice, action=Revision.Action.SUBMITTED, user=author)
    elif target == Status.PUBLISHED:
        practice.status = Status.PUBLISHED
        practice.published_at = publication_time(data["published"])
        practice.is_verified = data.get("verified", True)
        practice.save(update_fields=["status", "published_at", "is_verified", "updated_at"])
        record_revision(practice=practice, action=Revision.Action.PUBLISHED, user=users[PUBLISHER])
    return practice


class Command(BaseCommand):
    help = "Load the demo network (municipalities, needs, users, practices). Safe to re-run."

    @from_command("load_demo")
    def handle(self, *args, **options):
        themes = {theme.slug: theme for theme in Theme.objects.all()}
        check_content(themes)
        with transaction.atomic():
            towns, new_towns = {}, 0
            for data in MUNICIPALITIES:
                town, created = load_municipality(data, themes)
                towns[town.slug], new_towns = town, new_towns + created
            self.stdout.write(f"Municipalities: {len(towns)} ({new_towns} new)")
            users, new_users = {}, 0
            for data in USERS:
                user, created = load_user(data, towns)
                users[user.email], new_users = user, new_users + created
            self.stdout.write(f"Demo users: {len(users)} ({new_users} new)")
            new_practices = 0
            for data in PRACTICES:
                key = data["key"]
                if not Practice.objects.filter(source_name=SOURCE_NAME, source_id=key).exists():
                    create_practice(data, towns, users, themes)
                    new_practices += 1
            self.stdout.write(f"Practices: {len(PRACTICES)} ({new_practices} new)")
            for module in (
                load_projects,
                load_calls,
                load_events,
                load_network,
                load_cooperation,
                load_desk,
            ):
                module.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(self.summary()))

    def summary(self) -> str:
        demo = Practice.objects.filter(source_name=SOURCE_NAME)
        published = demo.filter(status=Status.PUBLISHED).count()
        return (
            f"Demo data ready: {Municipality.objects.count()} municipalities, "
            f"{Need.objects.count()} needs, {demo.count()} demo practices "
            f"({published} published), {User.objects.count()} users. "
            f"Run `manage.py demo_logins` for the sign-in addresses."
        )
