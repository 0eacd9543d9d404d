from django.contrib import admin

from glocal.reference.admin import SecretariatPermissions

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "user", "kind", "email", "created_at", "read_at"]
    list_filter = ["kind", "email"]
    search_fields = ["title", "user__email"]
    raw_id_fields = ["user"]
