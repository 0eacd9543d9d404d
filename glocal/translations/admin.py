from django.contrib import admin

from glocal.reference.admin import SecretariatPermissions

from .models import Translation


@admin.register(Translation)
class TranslationAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["content_type", "object_id", "field", "language", "status", "by_author",
                    "translated_by", "reviewed_by"]  # fmt: skip
    list_filter = ["status", "language", "content_type"]
    search_fields = ["text"]
    raw_id_fields = ["translated_by", "reviewed_by"]
