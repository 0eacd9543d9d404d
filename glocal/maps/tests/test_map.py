from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glocal.maps.projection import X_SCALE, project, view_box
from glocal.maps.shapes import load_shapes
from glocal.members.models import Municipality, Visibility
from glocal.practices.tests.conftest import make_practice
from glocal.reference.models import Country

pytestmark = pytest.mark.django_db


def place(town: Municipality, latitude: str, longitude: str) -> Municipality:
    town.latitude, town.longitude = Decimal(latitude), Decimal(longitude)
    town.save()
    return town


@pytest.fixture
def mapped(town, other_town):
    place(town, "44.53330", "11.01670")
    place(other_town, "33.84675", "35.90203")
    make_practice("Caring for Parks", municipality=town, themes=["civic-engagement"])
    make_practice("Summer Urban Camp", municipality=other_town, themes=["children-youth"])
    return town, other_town


def test_map_page_draws_svg_with_a_linked_circle(anonymous, mapped):
    response = anonymous.get("/map/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg id="network-map"' in html
    assert 'role="group"' in html
    assert 'role="img"' not in html  # its links are not inside an image
    assert 'aria-labelledby="map-title" aria-describedby="map-desc"' in html
    x, y = project(44.5333, 11.0167)
    assert f'cx="{x}" cy="{y}"' in html
    assert 'href="/municipalities/spilamberto/"' in html
    assert "Natural Earth" in html
    assert "Events are not on the map yet" in html


def test_theme_filter_removes_a_point(anonymous, mapped):
    html = anonymous.get("/map/", {"theme": "children-youth"}).content.decode()
    assert 'href="/municipalities/zahle/"' in html
    assert 'href="/municipalities/spilamberto/"' not in html


def test_practice_without_municipality_is_counted_per_country(anonymous, mapped):
    make_practice("Learning Each Other's Language", country=Country.objects.get(iso="XK"))
    html = anonymous.get("/map/").content.decode()
    assert "/practices/?country=XK" in html


def test_network_only_municipality_is_hidden_from_visitors(anonymous, mapped, member):
    town, other_town = mapped
    other_town.profile_visibility = Visibility.NETWORK
    other_town.save()
    assert 'href="/municipalities/zahle/"' not in anonymous.get("/map/").content.decode()
    anonymous.force_login(member)
    assert 'href="/municipalities/zahle/"' in anonymous.get("/map/").content.decode()


def test_number_of_queries_does_not_grow_with_places(anonymous, mapped):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert anonymous.get("/map/", {"region": "europe"}).status_code == 200
        return len(queries)

    before = count()
    italy = Country.objects.get(iso="IT")
    for n in range(3):
        extra = Municipality.objects.create(name=f"Town {n}", slug=f"town-{n}", country=italy)
        place(extra, "45.0", f"{9 + n}.0")
        make_practice(f"Practice {n}", municipality=extra, themes=["education"], sdgs=[4])
    assert count() == before


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (0, 0, (0.0, -0.0)),
        (44.5333, 11.0167, (round(11.0167 * X_SCALE, 2), -44.53)),
        (33.84675, 35.90203, (27.5, -33.85)),
        (-33.9, -70.0, (-53.62, 33.9)),
        (Decimal("60.0"), Decimal("180.0"), (137.89, -60.0)),
    ],
)
def test_projection(latitude, longitude, expected):
    assert project(latitude, longitude) == expected


def test_view_box_covers_europe_and_the_mediterranean():
    x, y, width, height = map(float, view_box((-24.0, 12.0, 62.0, 71.5)).split())
    assert (x, y) == (round(-24 * X_SCALE, 2), -71.5)
    assert width > 0
    assert height == 59.5


def test_shapes_file_loads():
    shapes = load_shapes()
    assert "Natural Earth" in shapes["attribution"]
    countries = shapes["countries"]
    assert {"IT", "LB", "XK", "FR", "TN"} <= countries.keys()
    assert countries["IT"]["d"].startswith("M")
    assert countries["IT"]["numeric"] == "380"
    x, y = countries["IT"]["c"]
    assert 6 < x < 15
    assert -47 < y < -37
