from django.urls import path

from glocal.translations.views import edit_translations

from . import revision_views, views
from .access import get_practice_for_translator

app_name = "practices"
urlpatterns = [
    path("", views.practice_list, name="list"),
    path("submit/", views.practice_submit, name="submit"),
    path("autosave/", views.practice_autosave, name="autosave"),
    path("review/", views.review_queue, name="review_queue"),
    path("revisions/", revision_views.revision_queue, name="revision_queue"),
    path("revisions/<int:pk>/", revision_views.revision_detail, name="revision"),
    path("revisions/<int:pk>/decide/", revision_views.revision_decide, name="revision_decide"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/propose/", revision_views.revision_propose, name="propose"),
    path("<slug:slug>/edit/", views.practice_edit, name="edit"),
    path("<slug:slug>/attachments/", views.attachment_add, name="attachment_add"),
    path("<slug:slug>/review/", views.practice_review, name="review"),
    path("<slug:slug>/history/", views.practice_history, name="history"),
    path(
        "<slug:slug>/translations/",
        edit_translations,
        {"fetch": get_practice_for_translator},
        name="translations",
    ),  # fmt: skip
]
