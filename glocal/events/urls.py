from django.urls import path

from glocal.translations.views import edit_translations

from . import secretariat, views
from .access import get_event_for_secretariat

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/feed.ics", views.feed_ics, name="feed"),
    path("events/agenda/", views.agenda, name="agenda"),
    path("events/<slug:slug>.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/", views.event_detail, name="detail"),
    path("events/<slug:slug>/register/", views.event_register, name="register"),
    path("events/<slug:slug>/cancel/", views.registration_cancel, name="cancel"),
    path(
        "events/<slug:slug>/sessions/<int:session_id>/book/",
        views.session_book,
        name="session_book",
    ),  # fmt: skip
    path(
        "events/<slug:slug>/sessions/<int:session_id>/leave/",
        views.booking_cancel,
        name="session_leave",
    ),  # fmt: skip
    path("events/<slug:slug>/certificate.pdf", views.certificate, name="certificate"),
    path("events/<slug:slug>/participants/", secretariat.participant_list, name="participants"),
    path(
        "events/<slug:slug>/participants.csv", secretariat.participant_csv, name="participants_csv"
    ),  # fmt: skip
    path(
        "events/<slug:slug>/participants/<int:pk>/decide/",
        secretariat.registration_decide,
        name="decide",
    ),  # fmt: skip
    path(
        "events/<slug:slug>/participants/<int:pk>/check-in/",
        secretariat.registration_checkin,
        name="checkin",
    ),  # fmt: skip
    path("events/<slug:slug>/badges.pdf", secretariat.badges, name="badges"),
    path("practices/<slug:slug>/events/", views.practice_events, name="practice_events"),
    path("projects/<int:pk>/events/", views.project_events, name="project_events"),
    path(
        "events/<slug:slug>/translations/",
        edit_translations,
        {"fetch": get_event_for_secretariat},
        name="translations",
    ),
]
