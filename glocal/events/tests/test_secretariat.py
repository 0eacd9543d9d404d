import csv
import io
from datetime import timedelta

from django.utils import timezone

from glocal.events.models import Registration

from .conftest import make_event, make_person


def add(event, person, status="confirmed", role="staff", **fields) -> Registration:
    town = person.memberships.first().municipality if person.memberships.exists() else None
    return Registration.objects.create(event=event, user=person, role=role, status=status,
                                       municipality=town, **fields)  # fmt: skip


def test_secretariat_sees_participants_with_numbers_per_country_and_role(
    secretariat_client, event, town, other_town, django_assert_num_queries
):
    add(event, make_person("a@it.test", town, "Anna Rossi"), role="elected")
    add(event, make_person("b@it.test", town, "Bruno Neri"))
    add(event, make_person("c@lb.test", other_town, "Carla Haddad"), status="waitlisted")
    add(event, make_person("d@lb.test", other_town, "Dana Khoury"), status="cancelled")
    with django_assert_num_queries(8):
        response = secretariat_client.get(f"/events/{event.slug}/participants/")
    assert response.status_code == 200
    numbers = response.context["numbers"]
    assert numbers["countries"] == [("Italy", 2), ("Lebanon", 1)]
    assert numbers["roles"] == [("Municipal staff", 2), ("Mayor or elected official", 1)]
    add(event, make_person("e@lb.test", other_town, "Elie Saad"))
    with django_assert_num_queries(8):
        secretariat_client.get(f"/events/{event.slug}/participants/")


def test_participants_are_listed_fifty_a_page_with_numbers_over_all_of_them(
    secretariat_client, event, town, django_assert_num_queries
):
    for n in range(53):
        add(event, make_person(f"p{n}@it.test", town, f"Person {n:02}"))
    url = f"/events/{event.slug}/participants/"
    with django_assert_num_queries(8):
        first = secretariat_client.get(url)
    second = secretariat_client.get(url, {"page": "2"})
    assert (len(first.context["registrations"]), len(second.context["registrations"])) == (50, 3)
    assert first.context["numbers"]["countries"] == [("Italy", 53)]
    assert "53 registrations match." in first.content.decode()
    rows = secretariat_client.get(f"/events/{event.slug}/participants.csv").content
    assert rows.decode("utf-8-sig").count("@it.test") == 53


def test_participant_filters_narrow_the_list(secretariat_client, event, town, other_town):
    add(event, make_person("a@it.test", town, "Anna Rossi"), role="elected")
    add(event, make_person("c@lb.test", other_town, "Carla Haddad"), status="waitlisted")
    url = f"/events/{event.slug}/participants/"
    names = lambda r: [x.user.full_name for x in r.context["registrations"]]  # noqa: E731
    assert names(secretariat_client.get(url, {"country": "lb"})) == ["Carla Haddad"]
    assert names(secretariat_client.get(url, {"status": "confirmed"})) == ["Anna Rossi"]
    assert names(secretariat_client.get(url, {"role": "elected"})) == ["Anna Rossi"]
    assert names(secretariat_client.get(url, {"q": "hadd"})) == ["Carla Haddad"]
    assert names(secretariat_client.get(url, {"attended": "yes"})) == []


def test_csv_export_has_one_row_per_registration_with_answers(
    secretariat_client, event, town, questions
):
    person = make_person("a@it.test", town, "=Anna Rossi")
    add(event, person, answers={str(questions[0].pk): "Vegan", str(questions[1].pk): "French"})
    response = secretariat_client.get(f"/events/{event.slug}/participants.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="annual-conference-participants.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["name", "email", "municipality", "country", "role", "status",
                       "registered_at", "checked_in_at", "Dietary needs",
                       "Interpretation language"]  # fmt: skip
    assert rows[1][:6] == ["'=Anna Rossi", "a@it.test", "Spilamberto", "Italy",
                           "Municipal staff", "Confirmed"]  # fmt: skip
    assert rows[1][7:] == ["", "Vegan", "French"]
    assert len(rows) == 2


def test_members_cannot_see_participant_lists_csv_or_badges(other_member_client, member, event):
    add(event, member)
    for path in ("participants/", "participants.csv", "badges.pdf"):
        assert other_member_client.get(f"/events/{event.slug}/{path}").status_code == 403


def test_secretariat_checks_a_participant_in_and_only_then_a_certificate_exists(
    client, secretariat, member, event
):
    registration = add(event, member)
    client.force_login(member)
    assert client.get(f"/events/{event.slug}/certificate.pdf").status_code == 403
    client.force_login(secretariat)
    response = client.post(
        f"/events/{event.slug}/participants/{registration.pk}/check-in/", {"attended": "1"},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Present" in response.content.decode()
    registration.refresh_from_db()
    assert registration.attended_at is not None
    client.force_login(member)
    response = client.get(f"/events/{event.slug}/certificate.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")


def test_waiting_participants_cannot_be_checked_in(secretariat_client, member, event):
    registration = add(event, member, status="waitlisted")
    response = secretariat_client.post(
        f"/events/{event.slug}/participants/{registration.pk}/check-in/", {"attended": "1"}
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_a_representative_cannot_check_themselves_in(member_client, member, event):
    registration = add(event, member)
    response = member_client.post(
        f"/events/{event.slug}/participants/{registration.pk}/check-in/", {"attended": "1"}
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_badges_and_certificates_print_names_in_any_script(client, secretariat, town, event):
    names = ["Zahlé Ђорђе Đukić", "زحلة بلدية", "Ölçer Ærøskøbing"]
    registrations = [add(event, make_person(f"n{i}@x.test", town, name), attended_at=timezone.now())
                     for i, name in enumerate(names)]  # fmt: skip
    client.force_login(secretariat)
    response = client.get(f"/events/{event.slug}/badges.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert b"DejaVu" in response.content
    for registration in registrations:
        client.force_login(registration.user)
        pdf = client.get(f"/events/{event.slug}/certificate.pdf")
        assert pdf.status_code == 200
        assert pdf.content.startswith(b"%PDF-")


def test_reminders_go_once_to_confirmed_participants_of_events_starting_soon(
    town, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    soon = make_event("Webinar Soon", host=town, starts_at=timezone.now() + timedelta(hours=20),
                      registration_closes_at=None)  # fmt: skip
    later = make_event("Conference Later", host=town)
    add(soon, make_person("a@it.test", town))
    add(soon, make_person("b@it.test", town), status="waitlisted")
    add(later, make_person("c@it.test", town))
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", "--hours=48", stdout=out)
    assert out.getvalue().strip() == "1 reminder(s) sent."
    assert [m.to for m in mailoutbox] == [["a@it.test"]]
    assert mailoutbox[0].subject == "Reminder: Webinar Soon is coming up"
    assert mailoutbox[0].attachments[0][0] == "webinar-soon.ics"
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_event_reminders", "--hours=48", stdout=out)
    assert out.getvalue().strip() == "0 reminder(s) sent."
    assert len(mailoutbox) == 1


def test_csv_export_neutralises_formulas_in_every_typed_in_value(
    secretariat_client, event, town, questions
):
    person = make_person("=hyperlink@evil.test", town, "+Anna")
    add(event, person, answers={str(questions[0].pk): "\t@SUM(A1)"})
    response = secretariat_client.get(f"/events/{event.slug}/participants.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:2] == ["'+Anna", "'=hyperlink@evil.test"]
    assert rows[1][8] == "'\t@SUM(A1)"
