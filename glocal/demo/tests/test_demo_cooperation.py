"""The cooperation demo: every piece filled, believable links between them, loaded once."""

from io import StringIO

from django.core.management import call_command

from glocal.cooperation.models import (
    Collaboration,
    Consultation,
    Expert,
    Match,
    PartnerNetwork,
    Post,
)


def counts() -> dict[str, int]:
    models = (Collaboration, Post, Match, Expert, PartnerNetwork, Consultation)
    return {model.__name__: model.objects.count() for model in models}


def test_the_demo_fills_every_part_of_the_cooperation_app(demo):
    assert counts() == {
        "Collaboration": 3,
        "Post": 10,
        "Match": 4,
        "Expert": 8,
        "PartnerNetwork": 4,
        "Consultation": 3,
    }


def test_a_second_load_creates_nothing(demo):
    before = counts()
    call_command("load_demo", stdout=StringIO())
    assert counts() == before


def test_the_cross_border_youth_collaboration_has_partners_plan_and_funding(demo):
    youth = Collaboration.objects.get(slug="youth-bridges-spilamberto-batroun")
    assert sorted(youth.partners.values_list("municipality__slug", "role", "status")) == [
        ("batroun", "partner", "accepted"),
        ("jbeil", "associate", "invited"),
        ("spilamberto", "lead", "accepted"),
    ]
    assert youth.steps.count() == 5
    assert list(youth.funding_applications.values_list("programme", "status")) == [
        ("Erasmus+ Youth Exchanges", "submitted"),
        ("Small grants", "drafting"),
    ]


def test_the_board_has_a_delivered_match_and_needs_still_unmet(demo):
    delivered = Match.objects.get(state="delivered")
    assert (delivered.need.municipality.slug, delivered.offer.municipality.slug) == (
        "zahle",
        "jbeil",
    )
    assert delivered.reasons[0] == "Same kind of help: Equipment"
    assert sorted(Post.objects.unmet().values_list("municipality__slug", flat=True)) == [
        "al-koura",
        "baalbek",
        "batroun",
        "kamenica",
    ]


def test_the_demo_expert_sees_the_consultation_asked_of_them(demo):
    expert = Expert.objects.get(user__email="expert@glocal.demo")
    agenda = Consultation.objects.on_agenda_of(expert.user)
    assert [(c.topic, c.status) for c in agenda] == [
        ("Keeping young volunteers involved", "scheduled")
    ]
    assert agenda[0].project.title == "Zahlé Engaged Neighbourhoods"
