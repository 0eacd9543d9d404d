"""One person's e-mail choices from two tabs or an unsubscribe link: no choice lost silently."""

import pytest
from django.test import Client
from django.urls import reverse

from glocal.audit.models import AuditEntry
from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL, page_data, race
from glocal.notifications.models import Preference, choices_version
from glocal.notifications.services import unsubscribe_token
from glocal.reference.tests.rows import reference_rows

pytestmark = pytest.mark.django_db
CHOICES = "/notifications/preferences/"


def chosen(member) -> dict[str, str]:
    return dict(Preference.objects.filter(user=member).values_list("kind", "delivery"))


def test_two_tabs_changing_different_kinds_keep_both_choices(laptop, phone, member):
    tab_a, tab_b = page_data(laptop.get(CHOICES)), page_data(phone.get(CHOICES))
    first = laptop.post(CHOICES, tab_a | {"mention": "digest"})
    second = phone.post(CHOICES, tab_b | {"call_decision": "never"})
    assert (first.status_code, second.status_code) == (302, 302)
    assert (chosen(member)["mention"], chosen(member)["call_decision"]) == ("digest", "never")
    assert choices_version(member) == 3
    edits = AuditEntry.objects.filter(action="notifications.preferences").order_by("pk")
    assert [(entry.actor_id, entry.object_id, entry.changes) for entry in edits] == [
        (member.pk, member.pk, {"mention": ["immediately", "digest"]}),
        (member.pk, member.pk, {"call_decision": ["immediately", "never"]}),
    ]


def test_two_tabs_choosing_differently_for_one_kind_show_both_keep_mine_and_save_nothing(
    laptop, phone, member
):
    tab_a, tab_b = page_data(laptop.get(CHOICES)), page_data(phone.get(CHOICES))
    laptop.post(CHOICES, tab_a | {"mention": "digest", "signature": "never"})
    before = chosen(member)
    response = phone.post(CHOICES, tab_b | {"mention": "never", "call_decision": "digest"})
    assert response.status_code == 409
    rows = [(c["label"], c["theirs"], c["mine"]) for c in response.context["conflicts"]]
    assert rows == [("Mentions in the exchange", "In the digest", "Only here, no e-mail")]
    assert "In the digest" in response.content.decode()
    form = response.context["form"]
    assert (form["mention"].value(), form["call_decision"].value()) == ("never", "digest")
    assert form["signature"].value() == "never"  # the other tab's choice, laid in
    assert chosen(member) == before
    assert (before["mention"], before["call_decision"]) == ("digest", "immediately")
    assert choices_version(member) == 2
    assert AuditEntry.objects.filter(action="notifications.preferences").count() == 1
    again = phone.post(CHOICES, page_data(response))
    assert again.status_code == 302
    assert [chosen(member)[k] for k in ("mention", "call_decision", "signature")] == [
        "never", "digest", "never"]  # fmt: skip


def test_an_unsubscribe_link_used_meanwhile_is_kept_by_a_stale_save(laptop, member):
    tab = page_data(laptop.get(CHOICES))
    token = unsubscribe_token(user_id=member.pk, kind="mention")
    Client().post(reverse("notifications:unsubscribe", args=[token]))
    assert laptop.post(CHOICES, tab | {"call_decision": "digest"}).status_code == 302
    assert (chosen(member)["mention"], chosen(member)["call_decision"]) == ("never", "digest")


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures(reference_rows.__name__)
@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_two_first_saves_of_one_kind_at_once_leave_one_choice_and_one_conflict(
    laptop, phone, member
):
    tab_a, tab_b = page_data(laptop.get(CHOICES)), page_data(phone.get(CHOICES))
    answers = race(
        lambda: laptop.post(CHOICES, tab_a | {"mention": "digest"}),
        lambda: phone.post(CHOICES, tab_b | {"mention": "never"}),
    )
    assert sorted(a.status_code for a in answers) == [302, 409]
    winner = "digest" if answers[0].status_code == 302 else "never"
    assert (chosen(member)["mention"], choices_version(member)) == (winner, 2)
