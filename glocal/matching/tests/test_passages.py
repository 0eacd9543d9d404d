"""The sentence quoted as a reason: split, chosen across languages, taken from the version given."""

import pytest

from glocal.matching.passages import PracticeText, best_passages, sentences

pytestmark = pytest.mark.django_db  # sentence vectors are cached in the database

ENGLISH = PracticeText(
    1, "Cuckoo's Nest", "A flat became a meeting point for newcomers.",
    "Offer homework help in the afternoons and language courses in the evenings.\n"
    "Invite neighbours to shape the programme.",
)  # fmt: skip
FRENCH = PracticeText(
    1, "Le Nid de coucou", "Un appartement devenu lieu de rencontre pour les nouveaux venus.",
    "Proposer l'aide aux devoirs l'après-midi et des cours de langue le soir.\n"
    "Inviter les voisins à façonner le programme.", language="fr",
)  # fmt: skip
CAMP = PracticeText(
    2, "Summer Camp", "Children play sports in summer.",
    "Plan a daily programme of sport, art and play for children.",
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. Rent a flat.\n2. Offer courses.", ["Rent a flat.", "Offer courses."]),
        ("It works. Really well! Does it? Yes", ["It works.", "Really well!", "Does it?"]),
        ("هل ينجح ذلك؟ نعم ينجح جيداً.", ["هل ينجح ذلك؟", "نعم ينجح جيداً."]),
        ("In 2019. 200 people came.", ["In 2019. 200 people came."]),
    ],
)  # fmt: skip
def test_sentences_split_steps_and_scripts_but_keep_numbers(text, expected):
    assert sentences(text) == expected


def test_an_arabic_need_finds_the_english_sentence_that_answers_it():
    found = best_passages(["الكبار يطلبون دروساً مسائية لتعلم اللغة."], [ENGLISH, CAMP])
    assert found.passages[0][0].text == (
        "Offer homework help in the afternoons and language courses in the evenings."
    )
    assert found.sentence[0, 0] > found.sentence[0, 1]


def test_the_passage_is_quoted_from_the_language_version_given():
    found = best_passages(["Adults ask for evening language classes."], [FRENCH])
    assert found.passages[0][0].text == (
        "Proposer l'aide aux devoirs l'après-midi et des cours de langue le soir."
    )
