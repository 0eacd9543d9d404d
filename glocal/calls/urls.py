from django.urls import path

from glocal.translations.views import edit_translations

from . import review_views, views
from .access import get_call_for_secretariat

app_name = "calls"
urlpatterns = [
    path("calls/", views.call_list, name="list"),
    path("calls/<slug:slug>/", views.call_detail, name="detail"),
    path("calls/<slug:slug>/apply/", views.apply, name="apply"),
    path("calls/<slug:slug>/apply/autosave/", views.autosave, name="autosave"),
    path("calls/<slug:slug>/review/", review_views.review, name="review"),
    path("calls/<slug:slug>/history/", review_views.history, name="history"),
    path(
        "calls/<slug:slug>/applications/<int:pk>/",
        review_views.application_detail,
        name="application",
    ),  # fmt: skip
    path("calls/<slug:slug>/applications/<int:pk>/score/", review_views.score, name="score"),
    path(
        "calls/<slug:slug>/applications/<int:pk>/withdraw/",
        review_views.withdraw,
        name="withdraw",
    ),  # fmt: skip
    path(
        "calls/<slug:slug>/applications/<int:pk>/conflict/",
        review_views.declare_conflict,
        name="conflict",
    ),  # fmt: skip
    path("calls/<slug:slug>/applications/<int:pk>/assign/", review_views.assign, name="assign"),
    path("calls/<slug:slug>/applications/<int:pk>/decide/", review_views.decide, name="decide"),
    path(
        "calls/<slug:slug>/applications/<int:pk>/files/<int:file_pk>/",
        review_views.application_file,
        name="application_file",
    ),  # fmt: skip
    path("award/", views.award, name="award"),
    path("hubs/", views.hub_list, name="hubs"),
    path("hubs/<slug:slug>/", views.hub_detail, name="hub"),
    path("time-zone/", views.set_time_zone, name="time_zone"),
    path(
        "calls/<slug:slug>/translations/",
        edit_translations,
        {"fetch": get_call_for_secretariat},
        name="translations",
    ),
]
