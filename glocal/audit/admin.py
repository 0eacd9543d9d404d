from django.contrib import admin

from glocal.lib import roles

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read only: the log is written by services and never edited or deleted."""

    list_display = ("created_at", "actor", "action", "object_repr", "town", "source")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr", "actor__email", "action")
    date_hierarchy = "created_at"
    list_select_related = ("actor", "town", "content_type")

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields]

    def has_module_permission(self, request) -> bool:
        return roles.is_secretariat(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return roles.is_secretariat(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
