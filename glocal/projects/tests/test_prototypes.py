from django.test import Client

from glocal.projects.models import Project, Prototype, PrototypeVariant

FORM = {
    "title": "Open Libraries", "slug": "open-libraries", "summary": "Volunteers open libraries.",
    "approach": "<p>Keys for volunteers</p><script>alert(1)</script>", "steps": "", "risks": "",
    "preconditions": "", "typical_cost": "Low", "typical_staff": "", "learnings": "",
    "is_published": "on",
    "variants-TOTAL_FORMS": "1", "variants-INITIAL_FORMS": "0",
    "variants-0-name": "Villages", "variants-0-size": "small", "variants-0-budget": "low",
    "variants-0-description": "One afternoon a week is enough.",
}  # fmt: skip


def test_secretariat_writes_a_prototype_with_variants_and_sources(secretariat_client, practice):
    response = secretariat_client.post("/prototypes/new/", FORM | {
        "source_practices": [practice.pk]})  # fmt: skip
    assert response.status_code == 302
    prototype = Prototype.objects.get()
    assert response["Location"] == "/prototypes/open-libraries/"
    assert prototype.approach == "<p>Keys for volunteers</p>"
    assert list(prototype.source_practices.all()) == [practice]
    assert list(PrototypeVariant.objects.values_list("name", "size", "budget")) == [
        ("Villages", "small", "low")]  # fmt: skip
    page = secretariat_client.get("/prototypes/open-libraries/").content.decode()
    assert "One afternoon a week is enough." in page
    assert f'href="{practice.get_absolute_url()}"' in page


def test_representatives_cannot_write_prototypes(member_client, prototype):
    assert member_client.post("/prototypes/new/", FORM).status_code == 403
    edit = member_client.post(f"/prototypes/{prototype.slug}/edit/", FORM)
    assert edit.status_code == 403
    assert list(Prototype.objects.values_list("slug", flat=True)) == [prototype.slug]


def test_draft_prototypes_are_hidden_except_from_the_secretariat(member, secretariat, prototype):
    prototype.is_published = False
    prototype.save(update_fields=["is_published"])
    client = Client()
    client.force_login(member)
    assert client.get(prototype.get_absolute_url()).status_code == 404
    assert prototype.title not in client.get("/prototypes/").content.decode()
    client.force_login(secretariat)
    assert client.get(prototype.get_absolute_url()).status_code == 200


def test_prototype_page_offers_adaptation_and_links_its_source(member_client, prototype, practice):
    page = member_client.get(prototype.get_absolute_url()).content.decode()
    assert f'href="/projects/adopt/?prototype={prototype.slug}"' in page
    assert "Spilamberto and Us" in page


def test_only_people_with_a_town_are_offered_to_adapt(client, reviewer, prototype):
    client.force_login(reviewer)
    page = client.get(prototype.get_absolute_url()).content.decode()
    assert "Adapt for my town" not in page
    assert "Activating Local Engagement" in page


def test_a_private_project_is_not_counted_for_other_towns(
    member, other_member, client, prototype, project
):
    other = Client()
    other.force_login(other_member)
    assert "0 towns adapting it" in other.get("/prototypes/").content.decode()
    assert other.get("/api/v1/prototypes/").json()["results"][0]["projects"] == 0
    assert client.get("/api/v1/prototypes/activating-local-engagement").json()["projects"] == 0
    client.force_login(member)
    assert "1 town adapting it" in client.get("/prototypes/").content.decode()


def test_prototype_list_runs_a_constant_number_of_queries(
    anonymous, town, prototype, django_assert_num_queries
):
    def add(n: int) -> None:
        for i in range(n):
            made = Prototype.objects.create(title=f"P{i}", slug=f"p{i}-{n}", is_published=True)
            Project.objects.create(municipality=town, title=f"T{i}", prototype=made,
                                   visibility="public")  # fmt: skip

    add(2)
    with django_assert_num_queries(5):  # one for translations
        anonymous.get("/prototypes/")
    add(6)
    with django_assert_num_queries(5):  # one for translations
        anonymous.get("/prototypes/")
