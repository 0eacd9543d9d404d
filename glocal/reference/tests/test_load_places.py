"""load_places reads a GeoNames extract into Place, once, whatever the database."""

import gzip
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from glocal.reference.models import Place

HEADER = "geonameid,name,asciiname,country,admin1,population,latitude,longitude"
ROWS = [
    "266045,Zahlé,Zahle,LB,Béqaa,78145,33.84675,35.90203",
    "2761369,Vienna,Vienna,AT,Vienna,1691468,48.20849,16.37208",
    "791646,Gjakovë,,XK,,94158,42.38028,20.43083",
    "9999999,Nowhere,Nowhere,ZZ,,10,0.5,0.5",
]


@pytest.fixture
def places_file(tmp_path):
    path = tmp_path / "places.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as f:
        f.write("\n".join([HEADER, *ROWS]) + "\n")
    return path


def load(path, **options) -> str:
    out = StringIO()
    call_command("load_places", path=path, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_load_places_loads_every_row_of_a_known_country(db, places_file):
    output = load(places_file)
    assert set(Place.objects.values_list("geonames_id", flat=True)) == {266045, 2761369, 791646}
    zahle = Place.objects.get(pk=266045)
    assert (zahle.name, zahle.country_id, zahle.admin1, zahle.population) == (
        "Zahlé", "LB", "Béqaa", 78145,
    )  # fmt: skip
    assert str(zahle.latitude) == "33.84675"
    assert "Loaded 3 places" in output
    assert "1 skipped" in output


def test_a_place_without_an_ascii_name_is_found_by_its_name(db, places_file):
    load(places_file)
    assert Place.objects.get(pk=791646).ascii_name == "Gjakovë"
    assert [p.pk for p in Place.objects.autocomplete("Gjak")] == [791646]


def test_running_load_places_twice_changes_nothing(db, places_file):
    load(places_file)
    before = list(Place.objects.order_by("pk").values())
    output = load(places_file)
    assert "already loaded" in output
    assert list(Place.objects.order_by("pk").values()) == before


def test_load_places_restores_and_updates_rows_when_the_counts_differ(db, places_file):
    load(places_file)
    Place.objects.filter(pk=2761369).delete()
    Place.objects.filter(pk=266045).update(population=1, name="Old name")
    load(places_file)
    assert Place.objects.count() == 3
    zahle = Place.objects.get(pk=266045)
    assert (zahle.name, zahle.population) == ("Zahlé", 78145)


def test_force_upserts_even_when_the_counts_match(db, places_file):
    load(places_file)
    Place.objects.filter(pk=266045).update(population=1)
    load(places_file, force=True)
    assert Place.objects.get(pk=266045).population == 78145


def test_load_places_refuses_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        load(tmp_path / "missing.csv.gz")
