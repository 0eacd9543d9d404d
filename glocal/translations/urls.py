from django.urls import path

from . import views

app_name = "translations"
urlpatterns = [
    path("review/", views.review_queue, name="review_queue"),
]
