"""Two drafters on one statement, a signatory reading while it changes: nothing is lost, and
nobody signs a text they did not read."""

import pytest
from django.test import Client

from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, page_data, race
from glocal.members.models import Membership, User
from glocal.network import services
from glocal.network.models import Signature, Statement
from glocal.reference.tests.rows import reference_rows

pytestmark = pytest.mark.django_db


def edit_url(statement) -> str:
    return f"/statements/{statement.slug}/edit/"


@pytest.fixture
def codrafter_client(town) -> Client:
    colleague = User.objects.create_user("clerk@spilamberto.test", "pw", full_name="Clerk")
    Membership.objects.create(user=colleague, municipality=town)
    client = Client()
    client.force_login(colleague)
    return client


def test_two_drafters_changing_different_fields_keep_both(
    member_client, codrafter_client, statement
):
    tab_a = page_data(member_client.get(edit_url(statement)))
    tab_b = page_data(codrafter_client.get(edit_url(statement)))
    member_client.post(edit_url(statement), tab_a | {"text": "<p>Host towns need funds.</p>"})
    second = codrafter_client.post(edit_url(statement), tab_b | {"title": "Fund host towns"})
    statement.refresh_from_db()
    assert second.status_code == 302
    assert (statement.title, statement.current_version.text, statement.current_number) == (
        "Fund host towns", "<p>Host towns need funds.</p>", 2)  # fmt: skip


def test_two_drafters_changing_the_text_differently_see_both_and_lose_nothing(
    member_client, codrafter_client, statement
):
    tab_a = page_data(member_client.get(edit_url(statement)))
    tab_b = page_data(codrafter_client.get(edit_url(statement)))
    member_client.post(edit_url(statement), tab_a | {"text": "<p>Mine: funds.</p>"})
    mine = {"text": "<p>Theirs: aid.</p>", "addressees": "UNHCR"}
    response = codrafter_client.post(edit_url(statement), tab_b | mine)
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Text of the statement", "<p>Mine: funds.</p>", "<p>Theirs: aid.</p>")]
    assert response.context["form"]["text"].value() == "<p>Theirs: aid.</p>"
    statement.refresh_from_db()
    assert (statement.current_number, statement.addressees, statement.version) == (
        2, "European Commission\nUNHCR", 2)  # fmt: skip
    again = codrafter_client.post(edit_url(statement), page_data(response))
    statement.refresh_from_db()
    assert (again.status_code, statement.current_version.text, statement.addressees) == (
        302, "<p>Theirs: aid.</p>", "UNHCR")  # fmt: skip


def test_signing_a_version_that_changed_while_it_was_read_is_refused(
    member_client, statement, town, town_signatory, member
):
    read = statement.current_number
    services.revise_statement(statement=statement, user=member, text="<p>New wording.</p>")
    response = member_client.post(
        f"/statements/{statement.slug}/sign/",
        {"town": town.slug, "number": read, "confirmed": "yes"}, follow=True,
    )  # fmt: skip
    assert "The text changed while you read it: version 2 is now current" in (
        response.content.decode())  # fmt: skip
    assert not Signature.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_drafters_saving_at_once_keep_both_changes(town, member):
    statement = services.create_statement(
        title="Fair funding", addressees="UNHCR", text="<p>Old.</p>", towns=[town],
        user=member, status="draft",
    )  # fmt: skip
    base = statement.edit_values()
    common = {"statement": statement, "user": member, "base_version": 1, "base": base}
    outcomes = race(
        lambda: services.revise_statement(**common, **(base | {"text": "<p>New.</p>"})),
        lambda: services.revise_statement(**common, **(base | {"addressees": "UN"})),
    )
    statement = Statement.objects.get(pk=statement.pk)
    assert [isinstance(o, Exception) for o in outcomes] == [False, False]
    assert (statement.current_version.text, statement.addressees, statement.version) == (
        "<p>New.</p>", "UN", 3)  # fmt: skip


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_a_signature_racing_a_new_version_signs_only_the_version_read(town, member, secretariat):
    from glocal.network.models import Signatory

    statement = services.create_statement(
        title="Fair funding", addressees="UNHCR", text="<p>Old.</p>", towns=[town],
        user=member, status="open",
    )  # fmt: skip
    Signatory.objects.create(municipality=town, user=member, granted_by=secretariat)
    sign = {"statement": statement, "municipality": town, "user": member, "number": 1}
    revise = {"statement": statement, "user": member, "text": "<p>New.</p>", "base_version": 1,
              "base": statement.edit_values()}  # fmt: skip
    outcomes = race(lambda: services.sign_statement(**sign),
                    lambda: services.revise_statement(**revise))  # fmt: skip
    signature = Signature.objects.filter(statement=statement).first()
    if isinstance(outcomes[0], services.NetworkError):
        assert signature is None
    else:
        assert (signature.version.number, signature.needs_reconfirmation) == (1, True)
