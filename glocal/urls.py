from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from glocal import views
from glocal.api import api

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("api/", api.urls),  # early: each API request is resolved without trying the pages
    path("privacy/", views.privacy, name="privacy"),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("translations/", include("glocal.translations.urls")),
    path("", include("glocal.members.urls")),
    path("practices/", include("glocal.practices.urls")),
    path("", include("glocal.matching.urls")),
    path("", include("glocal.projects.urls")),
    path("", include("glocal.calls.urls")),
    path("", include("glocal.events.urls")),
    path("", include("glocal.network.urls")),
    path("", include("glocal.cooperation.urls")),
    path("", include("glocal.notifications.urls")),
    path("", include("glocal.desk.urls")),
    path("", include("glocal.opendata.urls")),
    path("", include("glocal.maps.urls")),
    path("", include("glocal.audit.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
