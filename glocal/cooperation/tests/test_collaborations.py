import pytest
from django.urls import reverse

from glocal.members.models import Need
from glocal.reference.models import Theme

from ..models import Collaboration, FundingApplication, Partner, Step
from ..services import start_collaboration


@pytest.fixture
def collaboration(town, member):
    return start_collaboration(
        lead=town,
        user=member,
        title="Youth across the sea",
        summary="Young people of both towns meet, plan and run a summer exchange on first jobs.",
        themes=Theme.objects.filter(slug="children-youth"),
    )


@pytest.fixture
def invited(collaboration, other_town, member):
    return Partner.objects.create(
        collaboration=collaboration, municipality=other_town, invited_by=member
    )


def detail(collaboration):
    return reverse("cooperation:collaboration_detail", args=[collaboration.slug])


def test_a_representative_starts_a_collaboration_that_their_town_leads(member_client, town):
    response = member_client.post(
        reverse("cooperation:collaboration_new"),
        {
            "lead": town.pk,
            "title": "Green schoolyards",
            "summary": "Shade and trees",
            "themes": ["environment-climate"],
            "status": "preparing",
            "visibility": "network",
        },
    )
    collaboration = Collaboration.objects.get()
    assert response.status_code == 302
    assert response.url == "/collaborations/green-schoolyards/"
    assert [(p.municipality, p.role, p.status) for p in collaboration.partners.all()] == [
        (town, "lead", "accepted")
    ]


def test_nobody_can_start_one_for_another_town(member_client, other_town):
    response = member_client.post(
        reverse("cooperation:collaboration_new"),
        {
            "lead": other_town.pk,
            "title": "X",
            "summary": "Y",
            "status": "preparing",
            "visibility": "network",
        },
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Collaboration.objects.count() == 0


def test_the_lead_invites_a_town_which_hears_of_it_by_mail(
    member_client,
    collaboration,
    other_town,
    other_member,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    url = reverse("cooperation:partner_invite", args=[collaboration.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            url, {"municipality": other_town.pk, "role": "partner", "message": "Join us!"}
        )
    assert response.status_code == 302
    partner = collaboration.partners.get(municipality=other_town)
    assert (partner.role, partner.status) == ("partner", "invited")
    assert [m.to for m in mailoutbox] == [["officer@zahle.test"]]
    assert mailoutbox[0].subject == "Invitation to collaborate: Youth across the sea"
    assert "/collaborations/youth-across-the-sea/" in mailoutbox[0].body


def test_a_second_lead_cannot_be_invited(member_client, collaboration, other_town):
    url = reverse("cooperation:partner_invite", args=[collaboration.slug])
    response = member_client.post(url, {"municipality": other_town.pk, "role": "lead"})
    assert response.status_code == 400
    assert collaboration.partners.count() == 1


def test_the_invited_town_accepts_and_may_then_edit_the_plan(
    other_member_client, collaboration, invited
):
    url = reverse("cooperation:invitation_answer", args=[collaboration.slug, invited.pk])
    step_url = reverse("cooperation:step_add", args=[collaboration.slug])
    assert other_member_client.post(step_url, {"title": "Too early"}).status_code == 403
    assert other_member_client.post(url, {"answer": "accept"}).status_code == 302
    invited.refresh_from_db()
    assert invited.status == Partner.Status.ACCEPTED
    assert other_member_client.post(step_url, {"title": "Kick-off in Zahlé"}).status_code == 302
    assert list(collaboration.steps.values_list("title", flat=True)) == ["Kick-off in Zahlé"]


def test_only_the_invited_town_answers_its_invitation(client, third_member, collaboration, invited):
    client.force_login(third_member)
    url = reverse("cooperation:invitation_answer", args=[collaboration.slug, invited.pk])
    assert client.post(url, {"answer": "accept"}).status_code == 404
    invited.refresh_from_db()
    assert invited.status == Partner.Status.INVITED


def test_another_town_cannot_change_the_plan_or_the_funding(other_member_client, collaboration):
    steps = reverse("cooperation:step_add", args=[collaboration.slug])
    funding = reverse("cooperation:funding_add", args=[collaboration.slug])
    edit = reverse("cooperation:collaboration_edit", args=[collaboration.slug])
    assert other_member_client.post(steps, {"title": "Mine"}).status_code == 403
    assert (
        other_member_client.post(funding, {"funder": "EU", "status": "drafting"}).status_code == 403
    )
    assert other_member_client.post(edit, {"title": "Taken over"}).status_code == 403
    collaboration.refresh_from_db()
    assert collaboration.title == "Youth across the sea"
    assert (Step.objects.count(), FundingApplication.objects.count()) == (0, 0)


def test_the_towns_record_a_joint_funding_application_and_its_status(member_client, collaboration):
    url = reverse("cooperation:funding_add", args=[collaboration.slug])
    response = member_client.post(
        url,
        {
            "funder": "European Commission",
            "programme": "Erasmus+",
            "amount_eur": "60000",
            "deadline": "2027-02-15",
            "status": "drafting",
        },
    )
    assert response.status_code == 302
    application = FundingApplication.objects.get()
    status_url = reverse("cooperation:funding_status", args=[collaboration.slug, application.pk])
    member_client.post(status_url, {"status": "submitted"})
    application.refresh_from_db()
    assert (application.amount_eur, application.status) == (60000, "submitted")


def test_a_funding_application_with_a_negative_amount_is_refused(member_client, collaboration):
    url = reverse("cooperation:funding_add", args=[collaboration.slug])
    response = member_client.post(url, {"funder": "EU", "amount_eur": "-5", "status": "drafting"})
    assert response.status_code == 400
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert FundingApplication.objects.count() == 0


def test_the_detail_suggests_towns_with_the_same_need(member_client, collaboration, other_town):
    need = Need.objects.create(
        municipality=other_town,
        rank=1,
        text="Young people leave; they need first jobs and summer exchange",
    )
    need.themes.set(Theme.objects.filter(slug="children-youth"))
    response = member_client.get(detail(collaboration))
    assert [(town, reasons) for town, reasons in response.context["suggestions"]] == [
        (
            other_town,
            [
                "Zahlé names the same need: “Young people leave; they need first jobs and "
                "summer exchange” (shared theme: Children and youth)"
            ],
        )
    ]


def test_network_collaborations_are_hidden_from_anonymous_visitors(client, collaboration):
    assert client.get(detail(collaboration)).status_code == 404
    assert (
        client.get(reverse("cooperation:collaboration_list")).context["page"].paginator.count == 0
    )


def test_the_list_shows_towns_and_roles_in_a_constant_number_of_queries(
    member_client, member, town, other_town, django_assert_num_queries
):
    for number in range(3):
        start_collaboration(lead=town, user=member, title=f"Joint work {number}", summary="...")
    with django_assert_num_queries(7):
        response = member_client.get(reverse("cooperation:collaboration_list"))
    assert "Spilamberto · Lead" in response.content.decode()
    start_collaboration(lead=other_town, user=member, title="One more", summary="...")
    with django_assert_num_queries(7):
        member_client.get(reverse("cooperation:collaboration_list"))
