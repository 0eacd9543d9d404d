from django.urls import path

from . import views

app_name = "desk"
urlpatterns = [
    path("desk/reviews/", views.my_reviews, name="my_reviews"),
]
