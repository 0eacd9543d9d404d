from django.urls import path

from . import views

app_name = "opendata"
urlpatterns = [
    path("data/", views.data_index, name="index"),
    path("data/practices.csv", views.practices_csv, name="practices_csv"),
    path("data/practices.json", views.practices_json, name="practices_json"),
    path("reports/sdg/", views.sdg_report, name="sdg_report"),
    path("reports/sdg/print/", views.sdg_report_print, name="sdg_report_print"),
    path("reports/sdg.csv", views.sdg_report_csv, name="sdg_report_csv"),
]
