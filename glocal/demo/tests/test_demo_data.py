"""The demo network loads completely, only once, and people can sign in to it."""

from decimal import Decimal
from io import StringIO

from django.core.management import call_command

from glocal.demo.content import DEMO_PASSWORD, SOURCE_NAME, USERS
from glocal.members.models import Membership, Municipality, Need, User
from glocal.practices.models import Practice, Revision, Status
from glocal.reference.models import Country, Place

LEBANESE_TOWNS = {"zahle", "baalbek", "jbeil", "batroun"}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_load_demo_creates_the_sixteen_seed_practices_published(demo):
    published = Practice.objects.published().filter(source_name=SOURCE_NAME)
    assert published.count() == 16
    for practice in published:
        assert practice.published_at is not None
        actions = set(practice.revisions.values_list("action", flat=True))
        actions.discard(Revision.Action.PROPOSED)  # the desk's demo proposal (load_desk)
        assert actions == {Revision.Action.CREATED, Revision.Action.PUBLISHED}
    years = {p.published_at.year for p in published}
    assert years == {2023, 2024, 2025, 2026}


def test_the_kamenica_practice_is_found_by_the_word_language(demo):
    kamenica = Practice.objects.published().get(municipality__slug="kamenica")
    assert "language" in kamenica.title.lower()
    assert "language" in kamenica.summary.lower()
    assert kamenica in Practice.objects.published().search("language")


def test_spilamberto_and_us_started_in_2017_under_its_named_mayor(demo):
    practice = Practice.objects.get(municipality__slug="spilamberto")
    assert practice.start_year == 2017
    assert Municipality.objects.get(slug="spilamberto").mayor == "Umberto Costantini"


def test_the_review_queue_holds_one_submitted_practice_and_one_draft(demo):
    submitted = Practice.objects.get(status=Status.SUBMITTED)
    assert submitted.created_by.email == "officer@zahle.glocal.demo"
    assert submitted.revisions.filter(action=Revision.Action.SUBMITTED).exists()
    assert Practice.objects.filter(status=Status.DRAFT).count() == 1


def test_the_four_lebanese_towns_exist_and_ask_for_civic_engagement(demo):
    lebanese = Municipality.objects.filter(country_id="LB")
    assert set(lebanese.values_list("slug", flat=True)) == LEBANESE_TOWNS
    for town in lebanese:
        assert town.needs.filter(themes__slug="civic-engagement").exists(), town
    zahle_needs = " ".join(
        Need.objects.filter(municipality__slug="zahle").values_list("text", flat=True)
    )
    assert "language barriers" in zahle_needs.lower()


def test_every_municipality_ranks_two_to_four_needs_with_themes(demo):
    for town in Municipality.objects.all():
        ranks = list(town.needs.values_list("rank", flat=True))
        assert 2 <= len(ranks) <= 4, town
        assert ranks == list(range(1, len(ranks) + 1)), town
        assert all(need.themes.exists() for need in town.needs.all()), town


def test_khair_al_koura_belongs_to_a_jordanian_municipality(demo):
    practice = Practice.objects.get(source_id="khair-al-koura")
    assert practice.municipality.country_id == "JO"
    assert practice.municipality.admin1 == "Irbid"


def test_every_published_demo_practice_is_at_least_80_percent_complete(demo):
    for practice in Practice.objects.published():
        assert practice.completeness >= 80, practice


def test_running_load_demo_twice_changes_no_counts(demo):
    models = [Municipality, Need, User, Membership, Practice, Revision]
    before = {model: model.objects.count() for model in models}
    output = load_demo()
    assert {model: model.objects.count() for model in models} == before
    assert "Practices: 18 (0 new)" in output


def test_demo_users_can_log_in_with_the_shared_password(demo, client):
    for user in USERS:
        assert client.login(email=user["email"], password=DEMO_PASSWORD), user["email"]
        client.logout()


def test_demo_roles_and_memberships_are_as_listed(demo):
    secretariat = User.objects.get(email="secretariat@glocal.demo")
    assert secretariat.is_staff
    assert secretariat.is_superuser
    assert secretariat.full_name == "Secretariat Demo"
    assert User.objects.get(email="reviewer@glocal.demo").is_reviewer
    mayor = Membership.objects.get(user__email="mayor@spilamberto.glocal.demo")
    assert (mayor.municipality.slug, mayor.position) == ("spilamberto", "Mayor")
    towns = set(
        Membership.objects.filter(municipality__country_id="LB").values_list(
            "municipality__slug", flat=True
        )
    )
    assert towns == LEBANESE_TOWNS


def test_load_demo_links_a_place_once_places_are_loaded(demo):
    assert Municipality.objects.get(slug="zahle").place is None
    Place.objects.create(
        geonames_id=266045, name="Zahlé", ascii_name="Zahle", country=Country.objects.get(pk="LB"),
        population=78145, latitude=Decimal("33.84675"), longitude=Decimal("35.90203"),
    )  # fmt: skip
    load_demo()
    assert Municipality.objects.get(slug="zahle").place_id == 266045


def test_demo_logins_prints_every_address_and_the_password(demo):
    out = StringIO()
    call_command("demo_logins", stdout=out)
    text = out.getvalue()
    assert DEMO_PASSWORD in text
    assert all(user["email"] in text for user in USERS)
    assert "expert@glocal.demo" in text
    assert "Not loaded yet" not in text
