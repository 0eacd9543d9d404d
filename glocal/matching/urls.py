from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("municipalities/<slug:slug>/recommendations/", views.recommendations,
         name="recommendations"),
    path("municipalities/<slug:slug>/recommendations/<slug:practice_slug>/feedback/",
         views.feedback, name="feedback"),
    path("municipalities/<slug:slug>/peers/", views.peer_list, name="peers"),
    path("practices/<slug:slug>/adopters/", views.practice_adopters, name="adopters"),
]  # fmt: skip
