from django.urls import path

from glocal.translations.views import edit_translations

from . import views, views_dashboard, views_monitoring
from .access import get_project_for_editor, get_prototype_for_editor

app_name = "projects"
urlpatterns = [
    path("prototypes/", views.prototype_list, name="prototype_list"),
    path("prototypes/new/", views.prototype_edit, name="prototype_new"),
    path("prototypes/<slug:slug>/", views.prototype_detail, name="prototype_detail"),
    path("prototypes/<slug:slug>/edit/", views.prototype_edit, name="prototype_edit"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/adopt/", views.project_adopt, name="adopt"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/plan/<slug:kind>/add/", views.plan_item_add, name="plan_add"),
    path(
        "projects/<int:pk>/plan/<slug:kind>/<int:item_pk>/delete/",
        views.plan_item_delete,
        name="plan_delete",
    ),  # fmt: skip
    path(
        "projects/<int:pk>/milestones/<int:milestone_pk>/status/",
        views.milestone_status,
        name="milestone_status",
    ),  # fmt: skip
    path(
        "projects/<int:pk>/indicators/<int:indicator_pk>/measurements/add/",
        views.measurement_add,
        name="measurement_add",
    ),  # fmt: skip
    path("projects/<int:pk>/updates/add/", views.update_add, name="update_add"),
    path(
        "projects/<int:pk>/evidence/<int:evidence_pk>/", views.evidence_file, name="evidence"
    ),  # fmt: skip
    path("projects/<int:pk>/outcome/", views.outcome_record, name="outcome"),
    path("projects/<int:pk>/monitoring/", views_monitoring.monitoring, name="monitoring"),
    path(
        "projects/<int:pk>/monitoring.csv", views_monitoring.monitoring_csv, name="monitoring_csv"
    ),  # fmt: skip
    path("projects/<int:pk>/report/", views_monitoring.monitoring_report, name="report"),
    path("dashboard/", views_dashboard.dashboard, name="dashboard"),
    path(
        "dashboard/prototypes/<slug:slug>/",
        views_dashboard.dashboard_prototype,
        name="dashboard_prototype",
    ),  # fmt: skip
    path(
        "practices/<slug:slug>/transfers/",
        views_monitoring.practice_transfers,
        name="practice_transfers",
    ),  # fmt: skip
    path(
        "prototypes/<slug:slug>/translations/",
        edit_translations,
        {"fetch": get_prototype_for_editor},
        name="prototype_translations",
    ),
    path(
        "projects/<int:pk>/translations/",
        edit_translations,
        {"fetch": get_project_for_editor},
        name="project_translations",
    ),
]
