"""Admin for the reference tables, and the permission rule every Glocal admin shares."""

from django.contrib import admin
from django.http import HttpRequest

from glocal.lib import roles

from .models import Country, Place, Sdg, Theme


class SecretariatPermissions:
    """The secretariat (``roles.is_secretariat``) may do everything, without per-model grants."""

    def _is_secretariat(self, request: HttpRequest) -> bool:
        return roles.is_secretariat(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_secretariat(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._is_secretariat(request)

    def has_add_permission(self, request: HttpRequest, *args) -> bool:
        return self._is_secretariat(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._is_secretariat(request)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return self._is_secretariat(request)


@admin.register(Country)
class CountryAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["iso", "name", "region"]
    list_editable = ["region"]
    list_filter = ["region"]
    search_fields = ["iso", "name"]


@admin.register(Theme)
class ThemeAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Sdg)
class SdgAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["number", "name"]
    search_fields = ["name"]


@admin.register(Place)
class PlaceAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["name", "country", "admin1", "population"]
    list_select_related = ["country"]
    search_fields = ["name", "ascii_name"]
    autocomplete_fields = ["country"]
    show_full_result_count = False
    ordering = ["-population"]
