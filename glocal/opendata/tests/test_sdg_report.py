"""The report's figures, pinned on the demo network (glocal/demo/content_*.py).

Published demo practices: 16 of 18 (Zahlé's is submitted, Baalbek's a draft). Member towns: 15.
"""

import csv
import io

import pytest
from django.urls import reverse

from glocal.opendata import reports
from glocal.opendata.reports import Filters


def figures(rows: list[dict], number: int) -> tuple[int, int, int, int]:
    row = next(row for row in rows if row["number"] == number)
    return row["practices"], row["municipalities"], row["countries"], row["priorities"]


@pytest.fixture
def rows(demo):
    return reports.sdg_rows(Filters())


def test_the_report_has_one_row_per_goal_in_order(rows):
    assert [row["number"] for row in rows] == list(range(1, 18))


def test_quality_education_counts_nine_practices_in_five_towns_and_six_countries(rows):
    # Kamenica, Chios, Vienna, Postojna, Pazardzhik own one each; the Lebanese camp has a
    # country but no town; three more have neither. Six towns chose SDG 4 (with Zahlé).
    assert figures(rows, 4) == (9, 5, 6, 6)


def test_peace_and_institutions_counts_nine_practices_and_eleven_priority_towns(rows):
    # Zahlé's SDG 16 practice is only submitted, so it does not count.
    assert figures(rows, 16) == (9, 7, 8, 11)


def test_sustainable_cities_counts_nine_practices_in_seven_towns_and_six_countries(rows):
    # Ostrów and Gdynia are both in Poland; Baalbek's draft does not count.
    assert figures(rows, 11) == (9, 7, 6, 10)


def test_the_whole_network_has_sixteen_published_practices(demo):
    assert reports.totals(Filters()) == {"practices": 16, "with_goal": 16}


def test_goals_nobody_works_on_show_zero_not_a_gap(rows):
    assert figures(rows, 6) == (0, 0, 0, 0)
    assert figures(rows, 14) == (0, 0, 0, 1)  # Jbeil's priority


def test_the_mena_region_narrows_to_lebanon_and_jordan(demo):
    rows = reports.sdg_rows(Filters(region="mena"))
    assert figures(rows, 4) == (1, 0, 1, 1)
    assert figures(rows, 16) == (1, 0, 1, 4)
    assert figures(rows, 11) == (0, 0, 0, 3)
    assert figures(rows, 10) == (2, 1, 2, 2)
    assert reports.totals(Filters(region="mena"))["practices"] == 2


def test_the_country_and_year_filters_combine(demo):
    rows = reports.sdg_rows(Filters(country="PL"))
    assert figures(rows, 11) == (2, 2, 1, 2)
    rows = reports.sdg_rows(Filters(country="PL", year=2018))
    assert figures(rows, 11) == (2, 2, 1, 2)
    rows = reports.sdg_rows(Filters(year=2019))
    assert figures(rows, 4) == (2, 1, 1, 6)  # priorities are not dated


def test_each_goal_lists_at_most_five_example_practices_newest_first(rows):
    examples = next(row for row in rows if row["number"] == 4)["examples"]
    assert len(examples) == 5
    assert all(example["slug"] for example in examples)


def test_malformed_filters_are_ignored():
    query = "region=atlantis&country=<b>&year=soon"
    from django.http import QueryDict

    assert Filters.from_query(QueryDict(query)) == Filters()
    assert Filters.from_query(QueryDict("region=MENA&country=lb&year=2018")) == Filters(
        region="mena", country="LB", year=2018
    )


def test_the_report_page_shows_bars_and_the_note_about_projects(client, demo):
    response = client.get(reverse("opendata:sdg_report"), {"region": "mena"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="sdg-16"' in html
    assert 'style="width: 100%"' in html
    assert "Local action projects count when they are public" in html
    assert "Middle East and North Africa" in html
    assert "sdg.csv?region=mena" in html


def test_the_report_page_takes_a_constant_number_of_queries(
    client, demo, django_assert_num_queries
):
    with django_assert_num_queries(8):
        client.get(reverse("opendata:sdg_report"))
    with django_assert_num_queries(8):
        client.get(reverse("opendata:sdg_report"), {"region": "balkans", "year": "2018"})


def test_the_report_csv_has_a_header_and_seventeen_goals_with_the_same_figures(client, demo):
    response = client.get(reverse("opendata:sdg_report_csv"), {"region": "mena"})
    assert response["Content-Disposition"] == 'attachment; filename="sdg-report-mena.csv"'
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(lines) == 18
    assert lines[0] == list(reports.CSV_COLUMNS)
    assert lines[16][:6] == ["16", lines[16][1], "1", "0", "1", "4"]


def test_the_printable_report_names_its_filters_and_offers_print(client, demo):
    response = client.get(reverse("opendata:sdg_report_print"), {"country": "LB"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-print" in html
    assert "js/print.js" in html
    assert "onclick" not in html
    assert "@media print" in html
    assert "Country: Lebanon" in html
    assert "site-header" not in html


def test_the_report_counts_public_projects_and_their_indicator_progress_per_goal(client, demo):
    everywhere = reports.sdg_rows(reports.Filters())
    mena = reports.sdg_rows(reports.Filters(region="mena"))
    figures = [(r["projects"], r["indicators"], r["indicator_progress"]) for r in everywhere]
    assert figures[10] == (2, 2, 74)  # Spilamberto (target passed: 100 %) and Zahlé (47 %)
    assert figures[13] == (1, 2, 74)  # Batroun's two shore indicators: 79 % and 68 %
    assert figures[14] == (0, 0, None)  # Jbeil's green corners are not public
    assert (mena[10]["projects"], mena[10]["indicator_progress"]) == (1, 47)
    response = client.get(reverse("opendata:sdg_report_csv"))
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[11][6:9] == ["2", "2", "74"]
