"""The demo has an open lab call, a HUB call under review and last year's award."""

from io import StringIO

from django.core.management import call_command

from glocal.calls.models import Application, Assignment, AuditEntry, Call, Hub, Score
from glocal.practices.models import Distinction, Practice
from glocal.projects.models import Project


def test_demo_has_an_open_lab_call_a_hub_call_under_review_and_a_decided_award(demo):
    lab = Call.objects.get(slug="local-change-lab-2027-hosts")
    hub = Call.objects.get(slug="local4action-hubs-2026")
    award = Call.objects.get(slug="social-cohesion-award-2025")
    assert (lab.accepts_changes(), lab.criteria.count(), lab.questions.count()) == (True, 3, 5)
    assert (hub.status, hub.accepts_changes(), hub.applications.submitted().count()) == (
        "closed", False, 3)  # fmt: skip
    assert Assignment.objects.filter(application__call=hub).count() == 4
    assert Score.objects.filter(assignment__application__call=hub).count() == 12
    assert award.status == "decided"
    laureates = Practice.objects.exclude(distinction="").values_list("source_id", "distinction")
    assert dict(laureates) == {
        "kamenica-language": Distinction.WINNER, "chios-summer-camp": Distinction.FINALIST,
        "pop-up-vivid-street": Distinction.FINALIST,
    }  # fmt: skip


def test_demo_has_a_labelled_hub_run_as_baalbeks_existing_project(demo, client):
    hub = Hub.objects.select_related("project").get()
    assert (hub.title, hub.project.municipality.slug) == ("Baalbek Young Makers HUB", "baalbek")
    assert Project.objects.filter(municipality__slug="baalbek").count() == 1
    assert "Baalbek Young Makers HUB" in client.get("/hubs/").content.decode()
    assert client.get(hub.get_absolute_url()).status_code == 200


def test_loading_the_demo_twice_creates_no_more_calls(demo):
    counts = (Call.objects.count(), Application.objects.count(), AuditEntry.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (Call.objects.count(), Application.objects.count(), AuditEntry.objects.count()) == counts


def test_demo_review_ranks_the_scored_hub_proposals(demo, client):
    from glocal.members.models import User

    client.force_login(User.objects.get(email="secretariat@glocal.demo"))
    ranked = client.get("/calls/local4action-hubs-2026/review/").context["ranked"]
    assert [(r.application.municipality.slug, r.total, r.spread) for r in ranked] == [
        ("zahle", 76.3, 5.0), ("jbeil", 67.5, 0.0), ("spilamberto", None, None),
    ]  # fmt: skip
