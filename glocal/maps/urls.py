from django.urls import path

from . import views

app_name = "maps"
urlpatterns = [
    path("map/", views.network_map, name="map"),
]
