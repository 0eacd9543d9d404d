"""Read as a person would: do the demo towns get what the network would hand-pick?"""

import pytest
from django.core.management import call_command

from glocal.matching.recommend import peers, recommend, with_profile
from glocal.members.models import Municipality

pytestmark = pytest.mark.django_db

LEBANESE_TOWNS = ["zahle", "baalbek", "jbeil", "batroun"]


@pytest.fixture
def demo(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", verbosity=0)
    call_command("reindex", verbosity=0)


def top_titles(slug: str, limit: int = 10) -> list[str]:
    town = with_profile(Municipality.objects).get(slug__startswith=slug)
    return [item.practice.title for item in recommend(town, limit)]


def test_demo_towns_get_what_the_network_would_pick(demo):
    for slug in LEBANESE_TOWNS:
        assert any(t.startswith("Spilamberto and Us") for t in top_titles(slug)), slug
    # Zahlé states a language barrier between its host community and refugee families.
    assert "Learning Each Other's Language in Kamenica" in top_titles("zahle", 5)
    town = with_profile(Municipality.objects).get(slug="baalbek")
    names = [peer.name for peer, _ in peers(town, 3)]
    assert {"Zahlé", "Batroun"} <= set(names)
