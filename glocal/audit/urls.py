from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("audit/", views.audit_log, name="log"),
    path("audit/open/<int:content_type_id>/<int:object_id>/", views.open_object, name="open"),
    path("audit/<str:type_key>/<int:object_id>/", views.history, name="history"),
]
