"""The secretariat's back office for the network community; writes with rules use services."""

from django.contrib import admin

from glocal.reference.admin import SecretariatPermissions

from .models import (
    GroupMembership,
    Post,
    Report,
    Signatory,
    Signature,
    Statement,
    StatementVersion,
    Thread,
    Update,
    WorkingGroup,
)


class GroupMembershipInline(SecretariatPermissions, admin.TabularInline):
    model = GroupMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["name", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "summary"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes", "practices"]
    inlines = [GroupMembershipInline]


class PostInline(SecretariatPermissions, admin.StackedInline):
    model = Post
    extra = 0
    fields = ["author", "body", "is_hidden", "created_at"]
    readonly_fields = ["author", "body", "is_hidden", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Thread)
class ThreadAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "group", "project", "author", "last_post_at"]
    list_filter = ["group"]
    search_fields = ["title"]
    raw_id_fields = ["project", "author"]
    inlines = [PostInline]


@admin.register(Report)
class ReportAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["post", "reporter", "reason", "created_at", "resolved_at"]
    list_filter = ["resolved_at"]
    raw_id_fields = ["post", "reporter"]


class VersionInline(SecretariatPermissions, admin.TabularInline):
    model = StatementVersion
    extra = 0
    fields = ["number", "note", "created_by", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class SignatureInline(SecretariatPermissions, admin.TabularInline):
    model = Signature
    extra = 0
    fields = ["municipality", "version", "signed_by", "signed_at", "withdrawn_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Statement)
class StatementAdmin(SecretariatPermissions, admin.ModelAdmin):
    """Read-mostly: new versions and signatures go through the pages so that rules apply."""

    list_display = ["title", "status", "current_number", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    readonly_fields = ["current_number", "created_by"]
    filter_horizontal = ["drafted_by"]
    inlines = [VersionInline, SignatureInline]


@admin.register(Signatory)
class SignatoryAdmin(SecretariatPermissions, admin.ModelAdmin):
    """Listed here; granted on /statements/signatories/ where the rules are checked."""

    list_display = ["municipality", "user", "title", "granted_by", "granted_at"]
    list_filter = ["municipality"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Update)
class UpdateAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "project", "is_story", "created_at"]
    list_filter = ["is_story"]
    search_fields = ["title", "body"]
    raw_id_fields = ["project", "author"]
