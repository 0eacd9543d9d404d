import pytest

from glocal.calls.models import (
    Application,
    ApplicationStatus,
    Assignment,
    AuditEntry,
    CallStatus,
    Criterion,
    Hub,
    Kind,
    Score,
)
from glocal.calls.ranking import rank_applications, reviewer_total
from glocal.members.models import Membership, Municipality, User
from glocal.projects.models import Project
from glocal.reference.models import Country

from .builders import make_call, submitted

pytestmark = pytest.mark.django_db


def juror(email: str, *, town: Municipality | None = None) -> User:
    user = User.objects.create_user(
        email, "pw-jury-x", is_reviewer=True, full_name=email.split("@")[0]
    )
    if town:
        Membership.objects.create(user=user, municipality=town)
    return user


def score_all(assignment: Assignment, values: list[int]) -> None:
    criteria = list(assignment.application.call.criteria.all())
    for criterion, value in zip(criteria, values, strict=True):
        Score.objects.create(assignment=assignment, criterion=criterion, value=value)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({1: 10, 2: 10}, 100.0),
        ({1: 10, 2: 0}, 75.0),  # weights 3 and 1: the heavy criterion counts three times
        ({1: 0, 2: 10}, 25.0),
        ({1: 7}, None),  # a partial review does not count yet
    ],
)
def test_reviewer_total_is_a_weighted_mean_on_a_hundred_point_scale(scores, expected):
    assert reviewer_total(scores, {1: 3, 2: 1}) == expected


def test_ranking_averages_reviewers_and_reports_their_spread():
    rows = [
        ("a", [{1: 10, 2: 0}, {1: 0, 2: 10}]),  # 75 and 25
        ("b", [{1: 6, 2: 6}]),  # 60
        ("c", [{1: 5}]),  # unfinished
    ]
    ranked = rank_applications(rows, {1: 3, 2: 1})
    assert [(r.application, r.rank, r.total, r.spread, r.incomplete) for r in ranked] == [
        ("b", 1, 60.0, 0.0, 0),
        ("a", 2, 50.0, 50.0, 0),
        ("c", None, None, None, 1),
    ]


def test_reviewer_from_the_applicants_country_cannot_be_assigned(
    secretariat_client, town, closed_call
):
    application = submitted(closed_call, town)
    neighbour = Municipality.objects.create(name="Modena", slug="modena", country=town.country)
    italian = juror("it@jury.test", town=neighbour)
    response = secretariat_client.post(
        f"/calls/closed-lab/applications/{application.pk}/assign/", {"reviewer": italian.pk}
    )
    assert response.status_code == 302
    assert not Assignment.objects.exists()
    page = secretariat_client.get("/calls/closed-lab/review/").content.decode()
    assert "it: comes from the same country as Spilamberto" in page


def test_reviewer_from_the_applicants_own_town_cannot_be_assigned(member, town, closed_call):
    from glocal.calls import services

    application = submitted(closed_call, town)
    member.is_reviewer = True
    member.save(update_fields=["is_reviewer"])
    with pytest.raises(Exception, match="represents Spilamberto"):
        services.assign_reviewer(application=application, reviewer=member, user=member)
    assert not Assignment.objects.exists()


def test_award_juror_from_the_nominees_country_is_excluded(town, other_town, secretariat):
    from glocal.calls import services

    award = make_call(slug="award-x", kind=Kind.AWARD, opens=-9, closes=-1)
    nomination = submitted(award, town, nominee=other_town)
    lebanese = juror("lb@jury.test", town=Municipality.objects.create(
        name="Jbeil", slug="jbeil", country=Country.objects.get(iso="LB")))  # fmt: skip
    with pytest.raises(Exception, match="same country as Zahlé"):
        services.assign_reviewer(application=nomination, reviewer=lebanese, user=secretariat)


def test_secretariat_assigns_a_reviewer_without_conflict(
    secretariat_client, secretariat, reviewer, town, closed_call
):
    application = submitted(closed_call, town)
    url = f"/calls/closed-lab/applications/{application.pk}/assign/"
    assert secretariat_client.post(url, {"reviewer": reviewer.pk}).status_code == 302
    assert Assignment.objects.get().reviewer == reviewer
    entry = AuditEntry.objects.get(action="assigned")
    assert (entry.user, entry.detail) == (secretariat, {"reviewer": "jury@network.test"})


def test_a_member_cannot_assign_reviewers(member_client, reviewer, town, closed_call):
    application = submitted(closed_call, town)
    url = f"/calls/closed-lab/applications/{application.pk}/assign/"
    assert member_client.post(url, {"reviewer": reviewer.pk}).status_code == 403
    assert not Assignment.objects.exists()


def test_reviewer_scores_each_criterion_and_changes_are_kept(client, reviewer, town, closed_call):
    application = submitted(closed_call, town)
    Assignment.objects.create(application=application, reviewer=reviewer)
    relevance, feasibility = closed_call.criteria.all()
    client.force_login(reviewer)
    url = f"/calls/closed-lab/applications/{application.pk}/score/"
    data = {f"score_{relevance.pk}": "8", f"comment_{relevance.pk}": "Clear need",
            f"score_{feasibility.pk}": "5", f"comment_{feasibility.pk}": ""}  # fmt: skip
    assert client.post(url, data).status_code == 302
    client.post(url, data | {f"score_{relevance.pk}": "6"})
    assert list(Score.objects.values_list("criterion__name", "value", "comment")) == [
        ("Relevance", 6, "Clear need"), ("Feasibility", 5, "")
    ]  # fmt: skip
    history = AuditEntry.objects.order_by("pk")
    assert [(e.action, e.detail.get("before"), e.detail["value"]) for e in history] == [
        ("scored", None, 8), ("scored", None, 5), ("rescored", 8, 6)
    ]  # fmt: skip


def test_scores_outside_the_scale_are_refused(client, reviewer, town, closed_call):
    application = submitted(closed_call, town)
    Assignment.objects.create(application=application, reviewer=reviewer)
    relevance, feasibility = closed_call.criteria.all()
    client.force_login(reviewer)
    url = f"/calls/closed-lab/applications/{application.pk}/score/"
    response = client.post(url, {f"score_{relevance.pk}": "11", f"score_{feasibility.pk}": "5"})
    assert response.status_code == 400
    assert "less than or equal to 10" in response.content.decode()
    assert not Score.objects.exists()


def test_scoring_waits_for_the_deadline(client, reviewer, town, lab_call):
    application = submitted(lab_call, town)
    Assignment.objects.create(application=application, reviewer=reviewer)
    relevance, feasibility = lab_call.criteria.all()
    client.force_login(reviewer)
    url = f"/calls/lab-2026/applications/{application.pk}/score/"
    client.post(url, {f"score_{relevance.pk}": "8", f"score_{feasibility.pk}": "5"})
    assert not Score.objects.exists()


def test_a_reviewer_who_is_not_assigned_cannot_score(client, reviewer, town, closed_call):
    application = submitted(closed_call, town)
    relevance, feasibility = closed_call.criteria.all()
    client.force_login(reviewer)
    url = f"/calls/closed-lab/applications/{application.pk}/score/"
    response = client.post(url, {f"score_{relevance.pk}": "8", f"score_{feasibility.pk}": "5"})
    assert response.status_code == 404
    assert not Score.objects.exists()


def test_declared_conflict_hides_the_application_and_drops_the_scores(
    client, reviewer, town, closed_call
):
    application = submitted(closed_call, town)
    assignment = Assignment.objects.create(application=application, reviewer=reviewer)
    score_all(assignment, [10, 10])
    client.force_login(reviewer)
    url = f"/calls/closed-lab/applications/{application.pk}/conflict/"
    assert client.post(url, {"note": "My sister works there"}).status_code == 302
    assert client.get(application.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.get().detail["note"] == "My sister works there"
    client.force_login(User.objects.create_user("s@x.test", "pw", is_staff=True))
    page = client.get("/calls/closed-lab/review/").content.decode()
    assert "conflict" in page
    assert '<td class="total">–</td>' in page


def test_ranking_page_orders_by_weighted_total_with_spread(
    secretariat_client, town, other_town, closed_call, django_assert_num_queries
):
    third = Municipality.objects.create(name="Kamenica", slug="kamenica",
                                        country=Country.objects.get(iso="RS"))  # fmt: skip
    a, b, c = (submitted(closed_call, t) for t in (town, other_town, third))
    one, two = juror("one@jury.test"), juror("two@jury.test")
    score_all(Assignment.objects.create(application=a, reviewer=one), [10, 0])  # 75
    score_all(Assignment.objects.create(application=a, reviewer=two), [0, 10])  # 25
    score_all(Assignment.objects.create(application=b, reviewer=one), [6, 6])  # 60
    with django_assert_num_queries(11):
        response = secretariat_client.get("/calls/closed-lab/review/")
    ranked = response.context["ranked"]
    assert [(r.application, r.total, r.spread) for r in ranked] == [
        (b, 60.0, 0.0), (a, 50.0, 50.0), (c, None, None)
    ]  # fmt: skip
    Criterion.objects.filter(name="Feasibility").update(weight=3)  # now the other way round
    ranked = secretariat_client.get("/calls/closed-lab/review/").context["ranked"]
    assert [(r.application, r.total) for r in ranked] == [(b, 60.0), (a, 50.0), (c, None)]


def test_review_page_is_for_the_secretariat_and_reviewers(member_client, town, closed_call):
    submitted(closed_call, town)
    assert member_client.get("/calls/closed-lab/review/").status_code == 403
    assert member_client.get("/calls/closed-lab/history/").status_code == 403


def test_decision_is_mailed_with_only_the_feedback_chosen_to_share(
    client, secretariat, member, town, reviewer, closed_call, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    application = submitted(closed_call, town, created_by=member)
    assignment = Assignment.objects.create(application=application, reviewer=reviewer)
    criterion = closed_call.criteria.first()
    Score.objects.create(assignment=assignment, criterion=criterion, value=9, comment="Bold idea")
    client.force_login(secretariat)
    data = {"decision": "accepted", "feedback": "Congratulations!", "internal_note": "Budget ok",
            "share_comments": "on"}  # fmt: skip
    url = f"/calls/closed-lab/applications/{application.pk}/decide/"
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.ACCEPTED
    assert [m.to for m in mailoutbox] == [["mayor@spilamberto.test"]]
    body = mailoutbox[0].body
    assert "Congratulations!" in body
    assert "Relevance: Bold idea" in body
    assert "Budget ok" not in body
    assert AuditEntry.objects.get(action="decided").detail == {
        "before": "submitted", "decision": "accepted", "shared_comments": True,
        "feedback": application.feedback,
    }  # fmt: skip
    history = client.get("/calls/closed-lab/history/").content.decode()
    assert "Feedback shared: Congratulations!" in history
    closed_call.refresh_from_db()
    assert closed_call.status == CallStatus.DECIDED
    client.force_login(member)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "Decision: Accepted" in page
    assert "Congratulations!" in page
    assert "Budget ok" not in page


def test_a_member_cannot_decide(member_client, town, closed_call, mailoutbox):
    application = submitted(closed_call, town)
    url = f"/calls/closed-lab/applications/{application.pk}/decide/"
    assert member_client.post(url, {"decision": "accepted"}).status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert mailoutbox == []


def test_an_award_decision_is_not_offered_for_a_lab(secretariat_client, town, closed_call):
    application = submitted(closed_call, town)
    url = f"/calls/closed-lab/applications/{application.pk}/decide/"
    secretariat_client.post(url, {"decision": "winner"})
    assert Application.objects.get().status == ApplicationStatus.SUBMITTED


def test_accepted_hub_becomes_a_labelled_project_in_the_public_list(
    client, secretariat, town, closed_call, django_capture_on_commit_callbacks
):
    hub_call = make_call(slug="hub-call", kind=Kind.HUB, opens=-9, closes=-1)
    application = submitted(hub_call, town, title="Water HUB", duration_years=2,
                            lead_government="Province of Modena", deliverables="<p>A map</p>",
                            topic="Clean rivers")  # fmt: skip
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/calls/hub-call/applications/{application.pk}/decide/",
                    {"decision": "accepted"})  # fmt: skip
    hub = Hub.objects.get()
    project = Project.objects.get()
    assert (hub.project, hub.title, project.municipality, project.title) == (
        project, "Water HUB", town, "Water HUB")  # fmt: skip
    assert (project.end_date.year - project.start_date.year) == 2
    client.logout()
    listing = client.get("/hubs/").content.decode()
    assert "Water HUB" in listing
    assert "Province of Modena" in listing
    page = client.get(f"/hubs/{hub.slug}/").content.decode()
    assert "Local4Action HUB" in page
    assert "<p>A map</p>" in page
    assert "2 years" in page


def test_history_lists_every_change_for_the_secretariat(secretariat_client, reviewer, town,
                                                        closed_call):  # fmt: skip
    application = submitted(closed_call, town)
    secretariat_client.post(f"/calls/closed-lab/applications/{application.pk}/assign/",
                            {"reviewer": reviewer.pk})  # fmt: skip
    page = secretariat_client.get("/calls/closed-lab/history/").content.decode()
    assert "assigned a reviewer" in page
    assert "jury@network.test" in page


def test_hub_label_shows_on_its_project_and_the_project_link_respects_visibility(
    client, member, secretariat, town, closed_call
):
    hub_call = make_call(slug="hub-call", kind=Kind.HUB, opens=-9, closes=-1)
    application = submitted(hub_call, town, title="Water HUB", duration_years=2)
    client.force_login(secretariat)
    client.post(f"/calls/hub-call/applications/{application.pk}/decide/",
                {"decision": "accepted"})  # fmt: skip
    project = Project.objects.get()
    Project.objects.filter(pk=project.pk).update(visibility="network")
    client.force_login(member)
    assert "Local4Action HUB" in client.get(f"/projects/{project.pk}/").content.decode()
    assert f'href="/projects/{project.pk}/"' in client.get("/hubs/water-hub/").content.decode()
    client.logout()
    assert f'href="/projects/{project.pk}/"' not in client.get("/hubs/water-hub/").content.decode()


def test_a_hub_accepted_by_mistake_loses_its_label_and_gets_it_back_on_the_same_project(
    client, secretariat, town
):
    hub_call = make_call(slug="hub-call", kind=Kind.HUB, opens=-9, closes=-1)
    application = submitted(hub_call, town, title="Water HUB", duration_years=2)
    client.force_login(secretariat)
    url = f"/calls/hub-call/applications/{application.pk}/decide/"
    client.post(url, {"decision": "accepted"})
    project = Project.objects.get()
    client.post(url, {"decision": "waiting"})
    assert not Hub.objects.exists()
    assert "Water HUB" not in client.get("/hubs/").content.decode()
    assert client.get("/hubs/water-hub/").status_code == 404
    assert list(Project.objects.all()) == [project]  # the town's project stays
    client.post(url, {"decision": "accepted"})
    assert (Hub.objects.get().project, Project.objects.count()) == (project, 1)


def test_a_hub_labelled_at_the_end_of_a_month_runs_its_full_time_frame(secretariat, town):
    import datetime

    from glocal.calls import services

    hub_call = make_call(slug="hub-call", kind=Kind.HUB, opens=-9, closes=-1)
    application = submitted(hub_call, town, title="Water HUB", duration_years=2)
    hub = services.label_hub(application=application, user=secretariat,
                             on=datetime.date(2027, 1, 31))  # fmt: skip
    end = datetime.date(2029, 1, 31)
    assert (hub.project.start_date, hub.project.end_date, hub.ends_on) == (
        datetime.date(2027, 1, 31), end, end)  # fmt: skip


def test_ranking_shows_fifty_applications_a_page_ranked_over_all_of_them(
    secretariat_client, closed_call, django_assert_num_queries
):
    one = juror("one@jury.test")
    countries = list(Country.objects.all()[:60])
    for n, country in enumerate(countries):
        town = Municipality.objects.create(name=f"Town {n:02}", slug=f"town-{n}", country=country)
        score_all(Assignment.objects.create(application=submitted(closed_call, town),
                                            reviewer=one), [n % 11, n % 11])  # fmt: skip
    with django_assert_num_queries(11):
        first = secretariat_client.get("/calls/closed-lab/review/")
    second = secretariat_client.get("/calls/closed-lab/review/", {"page": "2"}).context
    totals = [r.total for r in first.context["ranked"]] + [r.total for r in second["ranked"]]
    assert (len(first.context["ranked"]), len(second["ranked"])) == (50, 10)
    assert totals == sorted((10.0 * (n % 11) for n in range(60)), reverse=True)
    assert [r.rank for r in second["ranked"]][:1] == [51]
    assert first.context["page"].paginator.count == 60
    assert "60 submitted applications" in first.content.decode()
