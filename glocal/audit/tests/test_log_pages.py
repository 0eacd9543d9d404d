"""The secretariat reads and filters the log; nobody else does, and nobody edits it."""

import datetime

import pytest
from django.utils import timezone

from glocal.audit import mydata
from glocal.audit.models import AuditEntry
from glocal.audit.services import changes, record

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(town, other_town, member, other_member, secretariat):
    """Three changes by three people about two towns, on three days."""
    now = timezone.now()
    made = [
        record(actor=member, action="municipality.profile_edited", obj=town,
               changes={"languages": ["", "Italian"]}),
        record(actor=other_member, action="municipality.profile_edited", obj=other_town,
               changes={"population": [78000, 78145]}),
        record(actor=secretariat, action="user.roles_changed", obj=member,
               changes={"is_staff": [False, True]}),
    ]  # fmt: skip
    for days, entry in zip((2, 1, 0), made, strict=True):
        when = now - datetime.timedelta(days=days)
        AuditEntry.objects.filter(pk=entry.pk).update(created_at=when)
    return made


def shown(response) -> list[str]:
    return [f"{e.action} {e.object_repr}" for e in response.context["page"].object_list]


def test_secretariat_reads_the_log_newest_first_with_who_what_and_fields(
    secretariat_client, entries
):
    response = secretariat_client.get("/audit/")
    assert response.status_code == 200
    assert shown(response) == [
        "user.roles_changed Mayor",
        "municipality.profile_edited Zahlé",
        "municipality.profile_edited Spilamberto",
    ]
    html = response.content.decode()
    assert "changed the person&#x27;s roles" in html
    assert "<del>False</del> → <ins>True</ins>" in html
    assert f'href="/audit/members.municipality/{entries[0].object_id}/"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("person=mayor@spilamberto", ["municipality.profile_edited Spilamberto"]),
        ("person=Officer", ["municipality.profile_edited Zahlé"]),
        ("town=zahle", ["municipality.profile_edited Zahlé"]),
        ("object_type=members.user", ["user.roles_changed Mayor"]),
        ("action=user.roles_changed", ["user.roles_changed Mayor"]),
        ("since=DAY1&until=DAY1", ["municipality.profile_edited Zahlé"]),
    ],
)
def test_secretariat_filters_by_person_town_object_action_and_dates(
    secretariat_client, entries, town, other_town, query, expected
):
    day1 = timezone.localdate() - datetime.timedelta(days=1)
    query = query.replace("town=zahle", f"town={other_town.pk}").replace("DAY1", day1.isoformat())
    response = secretariat_client.get(f"/audit/?{query}")
    assert response.status_code == 200
    assert shown(response) == expected


def test_dates_in_the_wrong_order_are_told_next_to_the_field(secretariat_client, entries):
    response = secretariat_client.get("/audit/?since=2026-05-02&until=2026-05-01")
    assert response.status_code == 200
    assert response.context["form"].errors == {"until": ["The end date is before the start date."]}
    assert shown(response) == []


def test_the_log_is_paged_by_fifty_in_a_constant_number_of_queries(
    secretariat_client, secretariat, member, town, django_assert_num_queries
):
    def page_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert secretariat_client.get("/audit/").status_code == 200
        return len(captured)

    record(actor=member, action="municipality.profile_edited", obj=town)
    few = page_queries()
    for n in range(60):
        actor = member if n % 2 else secretariat
        record(actor=actor, action="municipality.profile_edited", obj=town,
               changes={"population": [n, n + 1]})  # fmt: skip
    with django_assert_num_queries(few):
        response = secretariat_client.get("/audit/?page=2")
    assert len(response.context["page"].object_list) == 11
    assert response.context["page"].paginator.per_page == 50


@pytest.mark.parametrize("client_name", ["member_client", "other_member_client"])
def test_representatives_are_refused_and_nothing_changes(request, client_name, entries):
    client = request.getfixturevalue(client_name)
    before = list(AuditEntry.objects.values())
    assert client.get("/audit/").status_code == 403
    assert client.get("/audit/?person=mayor").status_code == 403
    assert client.post("/audit/", {"action": "x"}).status_code in (403, 405)
    assert list(AuditEntry.objects.values()) == before


def test_anonymous_visitors_are_sent_to_sign_in(anonymous, entries):
    before = list(AuditEntry.objects.values())
    response = anonymous.get("/audit/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/audit/"
    history = anonymous.get(f"/audit/members.municipality/{entries[0].object_id}/")
    assert history.status_code == 302
    assert list(AuditEntry.objects.values()) == before


def test_an_objects_history_lists_only_its_entries(secretariat_client, entries, town):
    response = secretariat_client.get(f"/audit/members.municipality/{town.pk}/")
    assert response.status_code == 200
    assert shown(response) == ["municipality.profile_edited Spilamberto"]
    assert "History of “Spilamberto”" in response.content.decode()


def test_a_towns_representative_reads_its_own_profiles_history_not_anothers(
    member_client, entries, town, other_town, member
):
    assert member_client.get(f"/audit/members.municipality/{town.pk}/").status_code == 200
    assert member_client.get(f"/audit/members.municipality/{other_town.pk}/").status_code == 403
    assert member_client.get(f"/audit/members.user/{member.pk}/").status_code == 403


def test_unknown_histories_answer_not_found(secretariat_client):
    assert secretariat_client.get("/audit/nothing.here/1/").status_code == 404


def test_a_deleted_objects_history_stays_readable_by_the_secretariat(
    secretariat_client, entries, other_town
):
    url = f"/audit/members.municipality/{other_town.pk}/"
    other_town.delete()
    response = secretariat_client.get(url)
    assert response.status_code == 200
    assert shown(response) == ["municipality.profile_edited Zahlé"]


def test_a_row_opens_the_objects_own_page(secretariat_client, entries, town):
    entry = entries[0]
    response = secretariat_client.get(f"/audit/open/{entry.content_type_id}/{entry.object_id}/")
    assert response.status_code == 302
    assert response["Location"].endswith(town.get_absolute_url())


def test_the_admin_shows_entries_but_cannot_add_change_or_delete(secretariat_client, entries):
    entry = entries[0]
    before = list(AuditEntry.objects.values())
    assert secretariat_client.get("/admin/audit/auditentry/").status_code == 200
    assert secretariat_client.get(f"/admin/audit/auditentry/{entry.pk}/change/").status_code == 200
    assert secretariat_client.get("/admin/audit/auditentry/add/").status_code == 403
    delete = secretariat_client.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403
    change = secretariat_client.post(f"/admin/audit/auditentry/{entry.pk}/change/", {"action": "x"})
    assert change.status_code == 403
    assert list(AuditEntry.objects.values()) == before


def test_unknown_actions_are_refused_so_every_entry_has_a_label(town, member):
    with pytest.raises(ValueError, match="unknown audit action"):
        record(actor=member, action="town.renamed", obj=town)
    assert not AuditEntry.objects.exists()


def test_changes_lists_only_the_fields_that_differ():
    day = datetime.date(2026, 5, 1)
    assert changes({"a": 1, "b": day, "c": "x"}, {"a": 1, "b": None, "c": "y"}) == {
        "b": ["2026-05-01", None], "c": ["x", "y"]
    }  # fmt: skip


def test_my_data_holds_what_the_person_did(entries, member):
    exported = mydata.export(member)
    assert [(e["action"], e["object"], e["changes"]) for e in exported["audit_entries"]] == [
        ("municipality.profile_edited", "Spilamberto", {"languages": ["", "Italian"]})
    ]


def test_closing_an_account_keeps_the_entries_without_the_persons_name_or_email(
    entries, member, secretariat
):
    record(actor=secretariat, action="user.changed", obj=member,
           changes={"email": ["mayor@spilamberto.test", "m@spilamberto.test"],
                    "full_name": ["", "Mayor"]})  # fmt: skip
    count = AuditEntry.objects.count()
    mydata.erase(member)
    assert AuditEntry.objects.count() == count
    text = str(list(AuditEntry.objects.values_list("object_repr", "changes")))
    assert "mayor@spilamberto.test" not in text
    assert "Mayor" not in text
    assert AuditEntry.objects.filter(actor=member).count() == 1
