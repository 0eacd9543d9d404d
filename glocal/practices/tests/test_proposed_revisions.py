import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from glocal.practices import services
from glocal.practices.models import ProposedRevision, Status

from .conftest import make_practice

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Citizens care for parks, libraries and the school garden."


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def author(member) -> Client:
    """The representative of the practice's town (its author), in a browser of their own."""
    return signed_in(member)


@pytest.fixture
def staff(secretariat) -> Client:
    return signed_in(secretariat)


@pytest.fixture
def outsider(other_member) -> Client:
    """Another town's representative."""
    return signed_in(other_member)


def form_of(practice, **changes) -> dict:
    """The edit form as the author's browser sends it, with ``changes`` typed in."""
    data = {
        "title": practice.title, "summary": practice.summary, "language": practice.language,
        "municipality": practice.municipality_id, "country": practice.country_id,
        "start_year": practice.start_year or "", "cost_band": practice.cost_band,
        "themes": [t.slug for t in practice.themes.all()],
        "sdgs": [s.number for s in practice.sdgs.all()], "licence": practice.licence,
        "version": practice.version,
    }  # fmt: skip
    return data | changes


def propose(client, practice, **changes):
    return client.post(f"/practices/{practice.slug}/propose/", form_of(practice, **changes))


def published_state(practice) -> tuple:
    practice.refresh_from_db()
    return (practice.summary, practice.start_year, practice.status, practice.version)


def test_author_proposes_changes_and_the_published_text_stays_online(
    author, member, practice, secretariat, client, django_capture_on_commit_callbacks
):
    before = published_state(practice)
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(author, practice, summary=NEW_SUMMARY)
    assert (response.status_code, response["Location"]) == (302, f"/practices/{practice.slug}/")
    assert published_state(practice) == before
    proposal = ProposedRevision.objects.get()
    assert (proposal.status, proposal.proposed_by, proposal.base_version) == (
        "pending", member, practice.version
    )  # fmt: skip
    assert proposal.values["summary"] == NEW_SUMMARY
    assert proposal.values["themes"] == ["civic-engagement"]
    assert list(practice.revisions.values_list("action", "user")) == [("proposed", member.pk)]
    assert [m.to for m in mail.outbox] == [["staff@network.test"]]
    assert mail.outbox[0].subject == "Changes proposed to “Spilamberto and Us”"
    page = author.get(f"/practices/{practice.slug}/").content.decode()
    assert 'id="pending-proposal"' in page
    assert "Citizens care for parks and libraries." in page
    client.logout()
    public = client.get(f"/practices/{practice.slug}/").content.decode()
    assert "Citizens care for parks and libraries." in public
    assert NEW_SUMMARY not in public


def test_the_author_sees_propose_changes_instead_of_a_bare_403(author, practice):
    page = author.get(f"/practices/{practice.slug}/").content.decode()
    assert f'href="/practices/{practice.slug}/propose/"' in page
    assert f'href="/practices/{practice.slug}/edit/"' not in page
    form = author.get(f"/practices/{practice.slug}/propose/")
    assert form.status_code == 200
    assert form.context["form"].initial["summary"] == "Citizens care for parks and libraries."


def test_secretariat_sees_the_queue_and_only_the_changed_fields(author, staff, practice):
    propose(author, practice, summary=NEW_SUMMARY, start_year="2018")
    proposal = ProposedRevision.objects.get()
    queue = staff.get("/practices/revisions/")
    assert [p.pk for p in queue.context["proposals"]] == [proposal.pk]
    detail = staff.get(f"/practices/revisions/{proposal.pk}/")
    rows = [(r["label"], r["current"], r["proposed"], r["moved"]) for r in detail.context["rows"]]
    assert rows == [
        ("Summary", "Citizens care for parks and libraries.", NEW_SUMMARY, False),
        ("Start year", "2017", "2018", False),
    ]
    assert detail.context["form"] is not None


def test_a_long_text_is_compared_word_by_word(author, staff, town, member):
    long = "The town opened three parks to volunteers who plant trees every spring. " * 3
    practice = make_practice("Green", municipality=town, created_by=member, approach=long)
    propose(author, practice, approach=long.replace("three", "five"))
    proposal = ProposedRevision.objects.get()
    row = staff.get(f"/practices/revisions/{proposal.pk}/").context["rows"][0]
    assert row["label"] == "Approach and steps"
    assert str(row["diff"]).count("<del>three</del> <ins>five</ins>") == 3


def test_secretariat_accepts_and_the_new_text_goes_online(
    author, staff, practice, member, secretariat,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    propose(author, practice, summary=NEW_SUMMARY)
    proposal = ProposedRevision.objects.get()
    version = practice.version
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/practices/revisions/{proposal.pk}/decide/", {"decision": "accept", "note": ""}
        )
    assert (response.status_code, response["Location"]) == (302, "/practices/revisions/")
    assert published_state(practice) == (NEW_SUMMARY, 2017, Status.PUBLISHED, version + 1)
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("accepted", secretariat)
    latest = practice.revisions.first()
    assert (latest.action, latest.user, latest.changed_fields) == (
        "accepted", secretariat, ["summary"]
    )  # fmt: skip
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject == "Your proposed changes to “Spilamberto and Us”: accepted"
    assert NEW_SUMMARY in staff.get(f"/practices/{practice.slug}/").content.decode()


def test_declining_needs_a_note_and_keeps_the_published_text(
    author, staff, practice, member, django_capture_on_commit_callbacks
):
    propose(author, practice, summary=NEW_SUMMARY)
    proposal = ProposedRevision.objects.get()
    before = published_state(practice)
    url = f"/practices/revisions/{proposal.pk}/decide/"
    refused = staff.post(url, {"decision": "decline", "note": "  "})
    assert refused.status_code == 400
    assert refused.context["form"].errors["note"] == [
        "Tell the author why the changes are declined."
    ]
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"decision": "decline", "note": "Please add figures."})
    proposal.refresh_from_db()
    assert (proposal.status, proposal.note) == ("declined", "Please add figures.")
    assert published_state(practice) == before
    assert practice.revisions.first().action == "declined"
    assert mail.outbox[-1].to == [member.email]
    assert "Please add figures." in mail.outbox[-1].body


def test_accepting_over_a_newer_save_of_the_same_field_is_reported_and_applies_nothing(
    author, staff, practice, secretariat
):
    propose(author, practice, summary=NEW_SUMMARY, start_year="2018")
    proposal = ProposedRevision.objects.get()
    services.edit_practice(
        practice_id=practice.pk, base_version=practice.version,
        mine={"summary": "The secretariat's wording."}, user=secretariat,
    )  # fmt: skip
    before = published_state(practice)
    response = staff.post(
        f"/practices/revisions/{proposal.pk}/decide/", {"decision": "accept", "note": ""}
    )
    assert response.status_code == 409
    assert [c["label"] for c in response.context["conflicts"]] == ["Summary"]
    assert published_state(practice) == before  # start_year not half-applied either
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    moved = {r["label"]: r["moved"] for r in response.context["rows"]}
    assert moved == {"Summary": True, "Start year": False}


def test_accepting_keeps_a_newer_save_of_another_field(author, staff, practice, secretariat):
    propose(author, practice, summary=NEW_SUMMARY)
    proposal = ProposedRevision.objects.get()
    services.edit_practice(practice_id=practice.pk, base_version=practice.version,
                           mine={"start_year": 2016}, user=secretariat)  # fmt: skip
    staff.post(f"/practices/revisions/{proposal.pk}/decide/", {"decision": "accept", "note": ""})
    practice.refresh_from_db()
    assert (practice.summary, practice.start_year) == (NEW_SUMMARY, 2016)


def test_a_decided_proposal_cannot_be_decided_again(author, staff, practice):
    propose(author, practice, summary=NEW_SUMMARY)
    proposal = ProposedRevision.objects.get()
    url = f"/practices/revisions/{proposal.pk}/decide/"
    staff.post(url, {"decision": "decline", "note": "No."})
    response = staff.post(url, {"decision": "accept", "note": ""})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "declined"
    assert published_state(practice)[0] == "Citizens care for parks and libraries."


def test_the_author_takes_up_a_pending_proposal_where_they_left_it(author, practice, secretariat):
    propose(author, practice, summary=NEW_SUMMARY)
    services.edit_practice(practice_id=practice.pk, base_version=practice.version,
                           mine={"start_year": 2016}, user=secretariat)  # fmt: skip
    form = author.get(f"/practices/{practice.slug}/propose/")
    assert form.context["form"].initial["summary"] == NEW_SUMMARY
    assert form.context["version"] == ProposedRevision.objects.get().base_version == 1


def test_bad_values_are_shown_next_to_the_field_and_nothing_is_proposed(author, practice):
    response = propose(author, practice, title="", end_year="2010")
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "title": ["This field is required."],
        "end_year": ["The end year cannot be before the start year."],
    }
    assert ProposedRevision.objects.count() == 0
    assert practice.revisions.count() == 0


def test_proposing_again_replaces_the_pending_proposal(author, practice):
    propose(author, practice, summary="First try.")
    propose(author, practice, summary=NEW_SUMMARY)
    assert list(ProposedRevision.objects.values_list("status", "values__summary")) == [
        ("withdrawn", "First try."), ("pending", NEW_SUMMARY)
    ]  # fmt: skip


def test_another_towns_representative_is_refused_and_nothing_changes(outsider, author, practice):
    before = published_state(practice)
    assert outsider.get(f"/practices/{practice.slug}/propose/").status_code == 403
    assert propose(outsider, practice, summary="Hijacked.").status_code == 403
    assert ProposedRevision.objects.count() == 0
    propose(author, practice, summary=NEW_SUMMARY)
    proposal = ProposedRevision.objects.get()
    decide = f"/practices/revisions/{proposal.pk}/decide/"
    assert outsider.post(decide, {"decision": "accept"}).status_code == 403
    assert outsider.get(f"/practices/revisions/{proposal.pk}/").status_code == 403
    assert outsider.get("/practices/revisions/").status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    assert published_state(practice) == before
    assert practice.revisions.count() == 1  # only the author's "proposed"


def test_the_author_cannot_accept_their_own_proposal(author, practice):
    propose(author, practice, summary=NEW_SUMMARY)
    proposal = ProposedRevision.objects.get()
    response = author.post(f"/practices/revisions/{proposal.pk}/decide/", {"decision": "accept"})
    assert response.status_code == 403
    assert author.get(f"/practices/revisions/{proposal.pk}/").context["form"] is None
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    assert published_state(practice)[0] == "Citizens care for parks and libraries."


def test_anonymous_is_sent_to_sign_in(client, practice, author):
    propose(author, practice, summary=NEW_SUMMARY)
    proposal = ProposedRevision.objects.get()
    client.logout()
    for response in (
        client.get(f"/practices/{practice.slug}/propose/"),
        client.post(f"/practices/revisions/{proposal.pk}/decide/", {"decision": "accept"}),
        client.get("/practices/revisions/"),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_a_draft_is_edited_not_proposed(author, town, member):
    draft = make_practice("Half", municipality=town, created_by=member, status=Status.DRAFT)
    assert author.get(f"/practices/{draft.slug}/propose/").status_code == 403
    assert ProposedRevision.objects.count() == 0


@pytest.mark.parametrize("n", [1, 5])
def test_the_proposal_queue_makes_a_constant_number_of_queries(
    n, staff, town, member, django_assert_num_queries
):
    for i in range(n):
        practice = make_practice(f"Practice {i}", municipality=town)
        ProposedRevision.objects.create(practice=practice, values={}, base_version=1,
                                        proposed_by=member)  # fmt: skip
    with django_assert_num_queries(3):  # session, user, proposals
        response = staff.get("/practices/revisions/")
    assert len(response.context["proposals"]) == n


def test_the_desk_lists_proposals_pending_and_decided_in_the_last_30_days(
    author, staff, outsider, practice, member, secretariat
):
    other = make_practice("Old news", municipality=practice.municipality, created_by=member)
    month_ago = timezone.now() - datetime.timedelta(days=31)
    ProposedRevision.objects.create(
        practice=other, values={}, base_version=1, proposed_by=member, status="declined",
        decided_at=month_ago,
    )  # fmt: skip
    propose(author, practice, summary=NEW_SUMMARY)
    assert kinds(author) == ["revision_pending"]
    assert kinds(staff) == ["revision_to_review"]
    assert kinds(outsider) == []
    proposal = ProposedRevision.objects.get(status="pending")
    services.decline_revision(revision_id=proposal.pk, user=secretariat, note="Add figures.")
    items = [i for i in author.get("/").context["desk_items"] if "revision" in i.kind]
    assert [(i.kind, i.url) for i in items] == [
        ("revision_declined", f"/practices/revisions/{proposal.pk}/")
    ]
    assert author.get(items[0].url).status_code == 200
    assert kinds(staff) == []


def kinds(client) -> list[str]:
    """The proposal lines on this person's desk."""
    items = client.get("/").context["desk_items"]
    return sorted(item.kind for item in items if item.kind.startswith("revision_"))
