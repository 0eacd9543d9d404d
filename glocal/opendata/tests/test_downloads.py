import csv
import io
import json

from django.urls import reverse

from glocal.practices.models import Status
from glocal.practices.tests.conftest import make_practice


def test_the_practices_csv_is_an_attachment_with_a_header_and_only_published_practices(
    client, showroom
):
    response = client.get(reverse("opendata:practices_csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["source_name", "source_id", "title"]
    titles = {row[rows[0].index("title")] for row in rows[1:]}
    assert titles == {"Learning Each Other's Language", "Summer Urban Camp", "Caring for Parks"}


def test_the_practices_json_carries_licence_metadata_and_counts(client, showroom):
    make_practice("Imported Case", licence="EUPL-1.2", source_name="JRC IPS-X")
    response = client.get(reverse("opendata:practices_json"))
    data = response.json()
    assert data["count"] == 4 == len(data["practices"])
    assert "own licence" in data["licence"]
    assert data["default_licence"] == "CC BY 4.0"
    assert data["licences"] == {"CC BY 4.0": 3, "EUPL-1.2": 1}
    assert any("GeoNames" in line for line in data["attribution"])
    assert data["generated_at"]
    assert data["source"].endswith("/data/")
    by_title = {p["title"]: p for p in data["practices"]}
    assert "Secret Draft Language Plan" not in by_title
    imported = by_title["Imported Case"]
    assert imported["licence"] == "EUPL-1.2"
    assert imported["source_name"] == "JRC IPS-X"
    assert by_title["Summer Urban Camp"]["url"].endswith("/practices/summer-urban-camp/")
    assert by_title["Summer Urban Camp"]["sdgs"] == "4"


def test_the_downloads_take_a_constant_number_of_queries(
    client, showroom, django_assert_max_num_queries
):
    for n in range(5):
        make_practice(f"Extra {n}", themes=["education"], sdgs=[1, 2])
    with django_assert_max_num_queries(4):
        client.get(reverse("opendata:practices_json"))
    with django_assert_max_num_queries(3):
        client.get(reverse("opendata:practices_csv"))


def test_the_open_data_page_lists_the_downloads_and_the_licence(client, showroom):
    response = client.get(reverse("opendata:index"))
    assert response.status_code == 200
    for text in ("practices.csv", "practices.json", "CC BY 4.0", "GeoNames"):
        assert text in response.content.decode()


def test_the_practice_page_describes_itself_in_valid_json_ld(client, practice):
    practice.title = "Parks </script><script>alert(1)</script> & Us"
    practice.save()
    html = client.get(practice.get_absolute_url()).content.decode()
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    body = html[start : html.index("</script>", start)]
    assert "<" not in body
    assert "&" not in body
    data = json.loads(body)
    assert data["@type"] == "CreativeWork"
    assert data["name"] == practice.title
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["author"]["@type"] == "Organization"
    assert data["author"]["name"] == "Spilamberto"
    assert data["spatialCoverage"]["address"]["addressCountry"] == "IT"
    assert [term["termCode"] for term in data["about"]] == ["SDG 11", "SDG 16"]
    assert data["keywords"]
    assert data["url"].startswith("http://testserver/practices/")


def test_a_draft_page_has_no_json_ld(client, secretariat, practice):
    practice.status = Status.DRAFT
    practice.save()
    client.force_login(secretariat)
    html = client.get(practice.get_absolute_url()).content.decode()
    assert "application/ld+json" not in html
