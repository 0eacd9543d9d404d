"""Signed in as each demo role, the desk lists that role's demo items and every link opens."""

import pytest

from glocal.members.models import User

ROLE_KINDS = {
    "secretariat@glocal.demo": {
        "practice_to_review", "registrations_to_approve", "post_reported", "project_late",
        "call_closing", "call_to_decide", "solidarity_unmet", "consultation_to_schedule",
        "revision_to_review",
    },
    "reviewer@glocal.demo": {"review_assigned"},
    "mayor@spilamberto.glocal.demo": {
        "statement_to_reconfirm", "registration_waitlisted", "solidarity_match",
        "revision_pending",
    },
    "officer@batroun.glocal.demo": {
        "practice_changes", "application_draft", "milestone_late", "update_missing",
        "statement_to_sign", "solidarity_match",
    },
    "officer@zahle.glocal.demo": {
        "application_decision", "consultation_coming", "milestone_late", "registration_confirmed",
    },
    "officer@kamenica.glocal.demo": {"statement_draft", "registration_pending"},
    "officer@jbeil.glocal.demo": {"collaboration_invitation"},
    "officer@baalbek.glocal.demo": {"practice_draft"},
}  # fmt: skip


@pytest.fixture
def demo(demo_once, db) -> None:
    """The demo, loaded once for this module; what a test writes is rolled back after it."""


def test_the_demo_covers_every_kind_of_desk_item_for_its_roles(demo, client):
    for email, kinds in ROLE_KINDS.items():
        client.force_login(User.objects.get(email=email))
        response = client.get("/")
        assert response.status_code == 200
        found = {item.kind for item in response.context["desk_items"]}
        assert kinds <= found, email
        for item in response.context["desk_items"]:
            assert client.get(item.url).status_code == 200, (email, item.kind, item.url)


def test_each_demo_person_has_notifications_on_their_page(demo, client):
    for email in ["secretariat@glocal.demo", "reviewer@glocal.demo",
                  "mayor@spilamberto.glocal.demo", "officer@zahle.glocal.demo"]:  # fmt: skip
        client.force_login(User.objects.get(email=email))
        page = client.get("/notifications/")
        assert page.status_code == 200
        assert page.context["page"].paginator.count >= 1, email
