"""Admin for the reference tables, and the permission and audit rules every Glocal admin shares."""

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from glocal.audit.services import form_changes, record
from glocal.lib import roles

from .admin_versions import EditVersionCheck
from .models import Country, Place, Sdg, Theme


class SecretariatPermissions(EditVersionCheck):
    """The secretariat (``roles.is_secretariat``) may do everything, without per-model grants;
    a change page of a row with a ``version`` checks the version it was loaded at."""

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

    # Every save and deletion in the admin leaves an audit entry with the fields it changed;
    # an admin whose save already goes through an audited service sets ``audit_in_admin``
    # to False (deletions are always recorded).
    audit_in_admin = True

    def audit_action(self, obj: models.Model, verb: str, changed: dict) -> str:
        prefix = AUDIT_PREFIXES.get(obj._meta.label_lower, "admin")
        if prefix == "user" and verb == "changed" and ROLE_FIELDS & set(changed):
            return "user.roles_changed"
        return f"{prefix}.{verb}"

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if self.audit_in_admin:
            self._audit(request, obj, form, "changed" if change else "added")

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        by_object = {id(f.instance): f for f in formset.forms}
        for obj in formset.new_objects:
            self._audit(request, obj, by_object.get(id(obj)), "added")
        for obj, _fields in formset.changed_objects:
            self._audit(request, obj, by_object.get(id(obj)), "changed")
        for obj in formset.deleted_objects:
            self._audit(request, obj, None, "deleted")

    def delete_model(self, request: HttpRequest, obj) -> None:
        self._audit(request, obj, None, "deleted")
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for obj in queryset:
            self._audit(request, obj, None, "deleted")
        super().delete_queryset(request, queryset)

    def _audit(self, request: HttpRequest, obj, form, verb: str) -> None:
        changed = form_changes(form) if form is not None else {}
        action = self.audit_action(obj, verb, changed)
        record(actor=request.user, action=action, obj=obj, changes=changed)


AUDIT_PREFIXES = {"members.user": "user", "members.membership": "membership"}
ROLE_FIELDS = {"is_active", "is_staff", "is_superuser", "is_reviewer", "groups"}


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
