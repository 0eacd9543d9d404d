"""Open data downloads and the SDG localisation report; the work happens in the modules."""

import csv
import io

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from glocal.lib.spreadsheets import defuse_cell
from glocal.practices.exporting import write_csv

from . import dataset, reports


@require_GET
def data_index(request: HttpRequest) -> HttpResponse:
    context = {
        "licence_note": dataset.licence_note(),
        "attribution": dataset.attribution(),
        "default_licence": dataset.DEFAULT_LICENCE,
        "default_licence_url": dataset.licence_url(dataset.DEFAULT_LICENCE),
        "count": dataset.published_practices().count(),
    }
    return render(request, "opendata/data_index.html", context)


@require_GET
def practices_csv(request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    write_csv(dataset.published_practices(), buffer)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="practices.csv"'
    return response


@require_GET
def practices_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(dataset.practices_document(request), json_dumps_params={"indent": 1})
    response["Content-Disposition"] = 'inline; filename="practices.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def report_context(request: HttpRequest) -> dict:
    filters = reports.Filters.from_query(request.GET)
    choices = reports.filter_choices()
    names = dict(choices["countries"])
    return {
        "filters": filters,
        "filter_lines": filters.describe(names),
        "query": filters.as_query(),
        "choices": choices,
        "rows": reports.sdg_rows(filters),
        "totals": reports.totals(filters),
        "generated": timezone.now(),
    }


@require_GET
def sdg_report(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/sdg_report.html", report_context(request))


@require_GET
def sdg_report_print(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/sdg_report_print.html", report_context(request))


@require_GET
def sdg_report_csv(request: HttpRequest) -> HttpResponse:
    filters = reports.Filters.from_query(request.GET)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    rows = reports.csv_rows(reports.sdg_rows(filters))
    csv.writer(buffer).writerows([[defuse_cell(cell) for cell in row] for row in rows])
    suffix = "-".join(str(v) for v in (filters.region, filters.country, filters.year) if v)
    filename = f"sdg-report{'-' + suffix if suffix else ''}.csv"
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
