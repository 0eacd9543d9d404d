"""The report's CSV is safe to open in a spreadsheet (apart from the demo-pinned figures: a
module of its own, as the demo those share stays loaded for the whole of their module)."""

import csv
import io

from django.urls import reverse


def test_the_report_csv_keeps_practice_titles_from_running_as_formulas(client, town):
    from glocal.practices.models import Practice, Status

    practice = Practice.objects.create(
        title='=HYPERLINK("http://x.test")', slug="formula", summary="s", municipality=town,
        status=Status.PUBLISHED,
    )  # fmt: skip
    practice.sdgs.set([11])
    response = client.get(reverse("opendata:sdg_report_csv"))
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[11][-1] == '\'=HYPERLINK("http://x.test")'
