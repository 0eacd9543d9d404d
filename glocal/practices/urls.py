from django.urls import path

from . import views

app_name = "practices"
urlpatterns = [
    path("", views.practice_list, name="list"),
    path("submit/", views.practice_submit, name="submit"),
    path("autosave/", views.practice_autosave, name="autosave"),
    path("review/", views.review_queue, name="review_queue"),
    path("<slug:slug>/", views.practice_detail, name="detail"),
    path("<slug:slug>/edit/", views.practice_edit, name="edit"),
    path("<slug:slug>/attachments/", views.attachment_add, name="attachment_add"),
    path("<slug:slug>/review/", views.practice_review, name="review"),
    path("<slug:slug>/history/", views.practice_history, name="history"),
]
