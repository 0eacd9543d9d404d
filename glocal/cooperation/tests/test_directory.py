import pytest
from django.urls import reverse

from glocal.reference.models import Theme

from ..models import Expert, PartnerNetwork


@pytest.fixture
def directory(expert):
    expert.themes.set(Theme.objects.filter(slug="children-youth"))
    Expert.objects.create(
        name="Civic Budget Lab",
        slug="civic-budget-lab",
        kind="organisation",
        topics="Participatory budgeting",
        languages="Italian, English",
        email="hello@budgetlab.test",
    )
    Expert.objects.create(name="Retired adviser", slug="retired", topics="Waste", is_listed=False)
    PartnerNetwork.objects.create(
        name="Mediterranean Towns Forum",
        slug="mtf",
        acronym="MTF",
        description="Coastal towns around the sea.",
        since=2019,
    )


def names(response) -> list[str]:
    return [e.name for e in response.context["page"].object_list]


def test_the_directory_lists_listed_experts_only(client, directory):
    assert names(client.get(reverse("cooperation:expert_list"))) == [
        "Civic Budget Lab",
        "Lina Haddad",
    ]
    assert client.get(reverse("cooperation:expert_detail", args=["retired"])).status_code == 404


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "children-youth"}, ["Lina Haddad"]),
        ({"language": "italian"}, ["Civic Budget Lab"]),
        ({"q": "budget"}, ["Civic Budget Lab"]),
        ({"q": "trauma", "language": "arabic"}, ["Lina Haddad"]),
    ],
)
def test_the_directory_filters_by_topic_theme_and_language(client, directory, params, expected):
    assert names(client.get(reverse("cooperation:expert_list"), params)) == expected


def test_contacts_are_shown_to_signed_in_members_only(client, member, project, directory):
    url = reverse("cooperation:expert_detail", args=["lina-haddad"])
    assert "lina@experts.test" not in client.get(url).content.decode()
    client.force_login(member)
    page = client.get(url).content.decode()
    assert "mailto:lina@experts.test" in page
    assert "Ask for a consultation" in page


def test_people_without_a_project_are_not_offered_a_consultation(client, reviewer, directory):
    client.force_login(reviewer)
    page = client.get(reverse("cooperation:expert_detail", args=["lina-haddad"])).content.decode()
    assert "mailto:lina@experts.test" in page
    assert "Ask for a consultation" not in page


def test_the_directory_page_runs_a_constant_number_of_queries(
    client, directory, django_assert_num_queries
):
    with django_assert_num_queries(4):
        client.get(reverse("cooperation:expert_list"))
    Expert.objects.create(name="Another", slug="another", topics="Housing")
    with django_assert_num_queries(4):
        client.get(reverse("cooperation:expert_list"))


def test_the_partner_networks_page_lists_them(client, directory):
    page = client.get(reverse("cooperation:network_list")).content.decode()
    assert "Mediterranean Towns Forum (MTF)" in page
    assert "partner since 2019" in page
