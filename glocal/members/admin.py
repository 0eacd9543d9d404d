"""Secretariat admin for people, member municipalities and invitations."""

import secrets

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.reference.admin import SecretariatPermissions

from . import services
from .forms import ProfileForm
from .models import ApiToken, Invitation, Membership, Municipality, Need, User


class EmailUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class EmailUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")

    def clean_email(self) -> str:
        return self.cleaned_data["email"].lower()


class MembershipInline(SecretariatPermissions, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "municipality"]


class NeedInline(SecretariatPermissions, admin.TabularInline):
    model = Need
    extra = 0
    fields = ["rank", "text", "themes"]


@admin.register(User)
class UserAdmin(SecretariatPermissions, BaseUserAdmin):
    form = EmailUserChangeForm
    add_form = EmailUserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name",)}),
        (_("Roles"), {"fields": ("is_active", "is_staff", "is_reviewer", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "usable_password", "password1", "password2"),
            },
        ),
    )
    readonly_fields = ["last_login", "date_joined"]
    list_display = ["email", "full_name", "is_staff", "is_reviewer", "is_active"]
    list_filter = ["is_staff", "is_reviewer", "is_active", "groups"]
    search_fields = ["email", "full_name"]
    ordering = ["email"]
    filter_horizontal = ["groups"]
    inlines = [MembershipInline]
    actions = ["close_accounts"]

    def save_model(self, request: HttpRequest, obj: User, form, change: bool) -> None:
        """A name changed here is a newer own profile: a profile page the person opened
        before merges it instead of writing the old name back."""
        if change and set(form.changed_data) & set(ProfileForm._meta.fields):
            obj.profile_version += 1
        super().save_model(request, obj, form, change)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        """Only a superuser may change a superuser (and so their password)."""
        if obj is not None and roles.is_superuser(obj) and not roles.is_superuser(request.user):
            return False
        return super().has_change_permission(request, obj)

    # Deleting a person would take others' records with them (registrations, scores,
    # signatories are protected): "Delete" closes the account instead, as the person would.
    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        """Only a superuser may close a superuser's account."""
        if obj is not None and roles.is_superuser(obj) and not roles.is_superuser(request.user):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request: HttpRequest) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_deleted_objects(self, objs, request: HttpRequest):
        """Nothing is deleted: the confirmation lists only the accounts to close."""
        return [str(obj) for obj in objs], {}, set(), []

    def log_deletions(self, request: HttpRequest, queryset) -> None:
        """A deletion entry would keep the person's name; ``close`` logs a change instead."""

    def close(self, request: HttpRequest, user: User) -> None:
        services.close_account(user=user, closed_by=request.user)
        user.refresh_from_db()
        self.log_change(request, user, [{"closed": {}}])

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        self.close(request, obj)
        messages.info(request, _("The account is closed; the records of its towns are kept."))

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for user in queryset:
            self.close(request, user)

    @admin.action(description=_("Close the selected accounts"), permissions=["delete"])
    def close_accounts(self, request: HttpRequest, queryset) -> None:
        self.delete_queryset(request, queryset.filter(is_active=True))
        messages.info(request, _("The accounts are closed; the records of their towns are kept."))


@admin.register(Municipality)
class MunicipalityAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["name", "country", "population", "settlement", "is_member"]
    list_filter = ["country__region", "is_member", "settlement", "profile_visibility"]
    list_select_related = ["country"]
    search_fields = ["name", "admin1", "country__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country", "place"]
    filter_horizontal = ["sdg_priorities"]
    inlines = [NeedInline, MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["email", "role", "municipality", "invited_by", "created_at", "accepted_at"]
    list_filter = ["role"]
    list_select_related = ["municipality", "invited_by"]
    search_fields = ["email"]
    autocomplete_fields = ["municipality"]
    exclude = ["token"]
    readonly_fields = ["invited_by", "created_at", "accepted_at"]

    def save_model(self, request: HttpRequest, obj: Invitation, form, change: bool) -> None:
        if not change:
            obj.invited_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ApiToken)
class ApiTokenAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    list_select_related = ["user"]
    search_fields = ["name", "user__email", "prefix"]
    autocomplete_fields = ["user"]
    fields = ["user", "name", "prefix", "created_at", "last_used_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]

    def save_model(self, request: HttpRequest, obj: ApiToken, form, change: bool) -> None:
        """A new token's key is shown once, here; only its hash is kept."""
        if not change:
            key = secrets.token_urlsafe(32)
            obj.key_hash, obj.prefix = ApiToken.hash_key(key), key[:8]
            messages.warning(request, _("Copy the key now, it is not shown again: %s") % key)
        super().save_model(request, obj, form, change)
