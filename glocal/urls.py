from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from glocal.members import views as member_views

urlpatterns = [
    path("", member_views.home, name="home"),
    path("healthz", member_views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("glocal.members.urls")),
    path("practices/", include("glocal.practices.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
