import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from glocal.practices.models import Attachment, Practice, Revision, Status

pytestmark = pytest.mark.django_db

FULL = {
    "title": "Neighbourhood Repair Café",
    "summary": "Volunteers repair household items with residents every month.",
    "start_year": "2021",
    "themes": ["civic-engagement"],
    "sdgs": ["12"],
    "approach": "<p>Find a room</p><script>steal()</script>",
    "situation_before": "Broken things were thrown away.",
    "objectives": "Repair instead of throwing away.",
    "results": "Forty repairs a month.",
    "links": "https://example.org/repair",
    "licence": "CC BY 4.0",
}


def test_representative_submits_a_practice_for_review(
    member_client, town, secretariat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post("/practices/submit/", FULL | {"municipality": town.pk})
    practice = Practice.objects.get(title="Neighbourhood Repair Café")
    assert response.status_code == 302
    assert response["Location"] == f"/practices/{practice.slug}/"
    assert practice.status == Status.SUBMITTED
    assert practice.municipality == town
    assert practice.country_id == "IT"
    assert practice.approach == "<p>Find a room</p>"
    assert list(practice.revisions.values_list("action", flat=True)) == ["submitted", "created"]
    assert [m.to for m in mail.outbox] == [["staff@network.test"]]


def test_representative_cannot_submit_for_another_town(member_client, other_town):
    response = member_client.post("/practices/submit/", FULL | {"municipality": other_town.pk})
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    assert not Practice.objects.exists()


def test_missing_title_is_reported_next_to_the_field(member_client, town):
    response = member_client.post(
        "/practices/submit/", FULL | {"title": "", "municipality": town.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title"] == ["This field is required."]
    assert not Practice.objects.exists()


def test_autosave_keeps_a_half_written_draft_and_updates_the_same_one(member_client, town):
    first = member_client.post("/practices/autosave/", {"title": "Half", "municipality": town.pk})
    practice = Practice.objects.get()
    assert first.status_code == 200
    assert "Draft saved at" in first.content.decode()
    assert f'value="{practice.slug}"' in first.content.decode()
    member_client.post(
        "/practices/autosave/",
        {
            "draft": practice.slug,
            "title": "Half written",
            "summary": "More",
            "municipality": town.pk,
        },
    )
    practice.refresh_from_db()
    assert Practice.objects.count() == 1
    assert (practice.title, practice.summary, practice.status) == ("Half written", "More", "draft")


def test_autosave_reports_invalid_fields_without_saving(member_client, town):
    response = member_client.post(
        "/practices/autosave/", {"title": "X", "start_year": "12", "municipality": town.pk}
    )
    assert "Not saved yet" in response.content.decode()
    assert not Practice.objects.exists()


def test_draft_can_be_resumed_and_submitted(member_client, town):
    member_client.post("/practices/autosave/", {"title": "Later", "municipality": town.pk})
    slug = Practice.objects.get().slug
    page = member_client.get(f"/practices/submit/?draft={slug}")
    assert page.context["form"]["title"].value() == "Later"
    member_client.post("/practices/submit/", FULL | {"draft": slug, "municipality": town.pk})
    practice = Practice.objects.get()
    assert (practice.title, practice.status) == ("Neighbourhood Repair Café", Status.SUBMITTED)


def test_other_town_cannot_edit_or_autosave_into_your_practice(other_member_client, practice):
    before = Practice.objects.values().get(pk=practice.pk)
    practice.status = Status.DRAFT
    practice.save(update_fields=["status"])
    before["status"] = Status.DRAFT
    edit = other_member_client.post(f"/practices/{practice.slug}/edit/", FULL)
    autosave = other_member_client.post(
        "/practices/autosave/", {"draft": practice.slug, "title": "Hijacked"}
    )
    assert edit.status_code == 404
    assert autosave.status_code == 404
    assert Practice.objects.values().get(pk=practice.pk) == before


def test_representative_cannot_change_a_published_practice(member_client, practice):
    response = member_client.post(f"/practices/{practice.slug}/edit/", FULL)
    assert response.status_code == 403
    practice.refresh_from_db()
    assert practice.title == "Spilamberto and Us"


def test_secretariat_publishes_and_the_author_is_told(
    secretariat_client, practice, member, django_capture_on_commit_callbacks
):
    practice.status = Status.SUBMITTED
    practice.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            f"/practices/{practice.slug}/review/", {"decision": "published", "note": "Lovely."}
        )
    practice.refresh_from_db()
    assert response.status_code == 302
    assert practice.status == Status.PUBLISHED
    assert practice.published_at is not None
    assert mail.outbox[0].to == [member.email]
    assert "Lovely." in mail.outbox[0].body
    assert practice.revisions.first().action == Revision.Action.PUBLISHED


def test_asking_for_changes_needs_a_note(secretariat_client, practice):
    practice.status = Status.SUBMITTED
    practice.save(update_fields=["status"])
    secretariat_client.post(f"/practices/{practice.slug}/review/", {"decision": "changes"})
    practice.refresh_from_db()
    assert practice.status == Status.SUBMITTED
    assert mail.outbox == []


def test_representative_cannot_review(member_client, practice):
    practice.status = Status.SUBMITTED
    practice.save(update_fields=["status"])
    response = member_client.post(f"/practices/{practice.slug}/review/", {"decision": "published"})
    practice.refresh_from_db()
    assert response.status_code == 403
    assert practice.status == Status.SUBMITTED


def test_history_lists_every_change_with_the_fields(secretariat_client, member_client, town):
    member_client.post("/practices/submit/", FULL | {"municipality": town.pk})
    practice = Practice.objects.get()
    secretariat_client.post(
        f"/practices/{practice.slug}/edit/", FULL | {"municipality": town.pk, "title": "Repair"}
    )
    response = secretariat_client.get(f"/practices/{practice.slug}/history/")
    revisions = list(response.context["revisions"])
    assert [r.action for r in revisions] == ["edited", "submitted", "created"]
    assert revisions[0].changed_fields == ["title"]


def test_image_upload_is_checked_by_content_and_needs_alt_text(member_client, practice):
    practice.status = Status.DRAFT
    practice.save(update_fields=["status"])
    fake = SimpleUploadedFile("photo.png", b"<script>not a png</script>", "image/png")
    response = member_client.post(
        f"/practices/{practice.slug}/attachments/", {"kind": "image", "file": fake}
    )
    errors = response.context["attachment_form"].errors
    assert response.status_code == 400
    assert errors["file"] == ["The file's content does not match its .png name."]
    assert errors["alt_text"] == ["Describe the image for people who cannot see it."]
    assert not Attachment.objects.exists()


def test_valid_pdf_is_attached(member_client, practice, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    practice.status = Status.DRAFT
    practice.save(update_fields=["status"])
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 small", "application/pdf")
    response = member_client.post(
        f"/practices/{practice.slug}/attachments/", {"kind": "file", "file": pdf, "title": "Plan"}
    )
    assert response.status_code == 302
    assert Attachment.objects.get().title == "Plan"


def test_oversized_upload_is_refused(member_client, practice, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    practice.status = Status.DRAFT
    practice.save(update_fields=["status"])
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024 + 1))
    response = member_client.post(
        f"/practices/{practice.slug}/attachments/", {"kind": "file", "file": big}
    )
    assert response.status_code == 400
    assert "at most 5 MB" in response.context["attachment_form"].errors["file"][0]
    assert not Attachment.objects.exists()


def autosave(client, practice, version, **fields):
    data = {"draft": practice.slug, "version": version, "municipality": practice.municipality_id}
    return client.post("/practices/autosave/", data | fields)


@pytest.fixture
def half_draft(member_client, town):
    member_client.post("/practices/autosave/", {"title": "Repair Café", "municipality": town.pk})
    return Practice.objects.get()


def test_an_autosave_arriving_after_submit_never_turns_it_back_into_a_draft(
    member_client, town, half_draft
):
    loaded = half_draft.version
    member_client.post(
        "/practices/submit/",
        FULL | {"draft": half_draft.slug, "version": loaded, "municipality": town.pk},
    )
    late = autosave(member_client, half_draft, loaded, title="Neighbourhood Repair Café",
                    summary="A late autosave of the same text")  # fmt: skip
    practice = Practice.objects.get()
    assert practice.status == Status.SUBMITTED
    assert practice.summary == FULL["summary"]
    assert "no longer a draft" in late.content.decode()
    actions = list(practice.revisions.order_by("pk").values_list("action", flat=True))
    assert actions == ["created", "edited", "submitted"]


def test_two_tabs_autosaving_different_fields_keep_both(member_client, half_draft):
    loaded = half_draft.version
    autosave(member_client, half_draft, loaded, title="Repair Café", summary="From tab A")
    tab_b = autosave(member_client, half_draft, loaded, title="Repair Café", results="From B")
    practice = Practice.objects.get()
    assert (practice.summary, practice.results) == ("From tab A", "From B")
    assert "Draft saved at" in tab_b.content.decode()


def test_two_tabs_changing_one_field_differently_show_both_texts_and_save_nothing(
    member_client, half_draft
):
    loaded = half_draft.version
    autosave(member_client, half_draft, loaded, title="Repair Café", summary="Tab A's summary")
    version_after_a = Practice.objects.get().version
    tab_b = autosave(member_client, half_draft, loaded, title="Repair Café",
                     summary="Tab B's summary")  # fmt: skip
    page = tab_b.content.decode()
    assert "Not saved" in page
    assert "Tab A&#x27;s summary" in page
    assert "Tab B&#x27;s summary" in page
    practice = Practice.objects.get()
    assert (practice.summary, practice.version) == ("Tab A's summary", version_after_a)


def test_a_stale_submit_shows_the_conflict_keeps_the_text_and_does_not_submit(
    member_client, town, half_draft
):
    loaded = half_draft.version
    autosave(member_client, half_draft, loaded, title="Repair Café", summary="Tab A's summary")
    response = member_client.post("/practices/submit/", FULL | {
        "draft": half_draft.slug, "version": loaded, "municipality": town.pk})  # fmt: skip
    assert response.status_code == 409
    assert response.context["form"]["summary"].value() == FULL["summary"]  # kept in the form
    assert [c["label"] for c in response.context["conflicts"]] == ["Summary"]
    practice = Practice.objects.get()
    assert (practice.status, practice.summary) == (Status.DRAFT, "Tab A's summary")
    resubmit = member_client.post("/practices/submit/", FULL | {
        "draft": half_draft.slug, "version": practice.version, "municipality": town.pk,
    })  # fmt: skip
    assert resubmit.status_code == 302
    assert Practice.objects.get().status == Status.SUBMITTED


def test_a_practice_too_incomplete_is_not_submitted_and_the_author_is_told_why(
    member_client, town, half_draft
):
    response = member_client.post("/practices/submit/", {
        "draft": half_draft.slug, "version": half_draft.version, "title": "Repair Café",
        "summary": "Short.", "municipality": town.pk}, follow=True)  # fmt: skip
    text = response.content.decode()
    assert "is 14 % complete; 50 % is needed to submit it" in text
    assert "situation before" in text
    assert Practice.objects.get().status == Status.DRAFT


def test_a_person_without_a_town_cannot_open_the_form_or_autosave_a_draft(client, reviewer):
    client.force_login(reviewer)
    assert client.get("/practices/submit/").status_code == 403
    response = client.post("/practices/autosave/", {"title": "A reviewer's idea"})
    assert response.status_code == 403
    assert client.post("/practices/submit/", {"title": "Sneaky"}).status_code == 403
    assert Practice.objects.count() == 0


def test_the_secretariat_still_opens_the_form_to_write_for_any_town(secretariat_client):
    assert secretariat_client.get("/practices/submit/").status_code == 200
