"""Officers search the demo showroom in their own language and find the English practice."""

from io import StringIO

import pytest
from django.core.management import call_command

from glocal.practices.engine import embed_practices, engine

# Written for these tests: each describes one demo practice without naming it.
QUERIES = [
    ("fr", "appartements municipaux pour les personnes âgées au centre-ville",
     "Municipal Flats for Senior Citizens in the Centre of Ostrów Wielkopolski"),
    ("fr", "des fruits et légumes du potager pour les repas des crèches",
     "Healthy Eating in Nurseries"),
    ("de", "Mülltrennung: wer mehr recycelt, zahlt weniger Gebühren", "No Data Waste in Košeca"),
    ("de", "ein Online-Konto für alle Behördengänge der Stadt",
     "Resident's Account – Gdynia e-services Centre"),
    ("it", "campo estivo per bambini siriani sfollati", "Social Cohesion Summer Camp"),
    ("it", "una costituzione dei cittadini per decidere insieme nel villaggio",
     "The Citizens' Constitution of Molières: Participative Democracy in Action!"),
    ("ar", "دورات لغة مجانية ليتعلم السكان الألبانية والصربية",
     "Learning Each Other's Language in Kamenica"),
    ("ar", "توعية طلاب المدارس الثانوية بالصحة الإنجابية", "Protecting Myself, Protecting Others"),
    ("ar", "شقة في حي سكني صارت مكان لقاء للمهاجرين فيه دروس لغة ومساعدة في الواجبات المدرسية",
     "Cuckoo's Nest"),
    ("sr-Cyrl", "летњи камп за децу на острву током школског распуста",
     "Summer Urban Camp on Chios"),
    ("sr-Cyrl", "грађани потписују пактове да брину о парковима и библиотеци",
     "Spilamberto and Us: Active Citizens for the Common Good"),
    ("sr-Latn", "grad je pitao decu i mlade šta misle i kakvu budućnost žele, njihovi odgovori "
     "postali su strategija za mlade",
     "Werkstatt Junges Wien – Workshop Young Vienna"),
    ("sr-Latn", "mladi se sastaju svake nedelje i predlažu opštini odluke",
     "Youth Empowerment: the voice of young people represented and executed in "
     "local government"),
    ("sq", "qendër komunitare për refugjatët dhe banorët vendas",
     "Multi-Purpose Community Centre"),
    ("sq", "bashkitë bashkëpunojnë me firma private për të krijuar vende pune për refugjatët",
     "Khair al-Koura – Local Sustainable Development"),
]  # fmt: skip


@pytest.fixture
def demo_index(db):
    call_command("load_demo", stdout=StringIO())
    embed_practices()
    engine.refresh()


def test_fifteen_queries_in_six_languages_find_their_practice_in_the_top_three(
    anonymous, demo_index
):
    missed = []
    for language, query, title in QUERIES:
        response = anonymous.get("/practices/", {"q": query})
        top = [p.title for p in response.context["page"].object_list[:3]]
        if title not in top:
            missed.append((language, query, top))
    assert missed == []
