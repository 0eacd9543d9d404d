"""The secretariat maintains the directory here, and can look into every cooperation record."""

from django.contrib import admin

from glocal.reference.admin import SecretariatPermissions

from .models import (
    Collaboration,
    Consultation,
    Expert,
    FundingApplication,
    Match,
    Partner,
    PartnerNetwork,
    Post,
    Step,
)


@admin.register(Expert)
class ExpertAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["name", "kind", "organisation", "languages", "country", "is_listed"]
    list_filter = ["kind", "is_listed", "themes"]
    search_fields = ["name", "organisation", "topics"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes"]
    autocomplete_fields = ["user"]


@admin.register(PartnerNetwork)
class PartnerNetworkAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["name", "acronym", "scope", "since"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}


class PartnerInline(SecretariatPermissions, admin.TabularInline):
    model = Partner
    extra = 0
    autocomplete_fields = ["municipality"]
    readonly_fields = ["invited_by", "invited_at", "responded_at"]


class StepInline(SecretariatPermissions, admin.TabularInline):
    model = Step
    extra = 0


class FundingInline(SecretariatPermissions, admin.TabularInline):
    model = FundingApplication
    extra = 0


@admin.register(Collaboration)
class CollaborationAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "status", "visibility", "created_at"]
    list_filter = ["status", "visibility"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PartnerInline, StepInline, FundingInline]


@admin.register(Post)
class PostAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "kind", "category", "municipality", "urgency", "until", "closed_at"]
    list_filter = ["kind", "category", "urgency"]
    search_fields = ["title", "description"]
    list_select_related = ["municipality"]


@admin.register(Match)
class MatchAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["__str__", "state", "score", "updated_at"]
    list_filter = ["state"]
    readonly_fields = ["need", "offer", "score", "reasons", "updated_by"]


@admin.register(Consultation)
class ConsultationAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["topic", "project", "expert", "status", "starts_at"]
    list_filter = ["status"]
    search_fields = ["topic", "question"]
    raw_id_fields = ["project", "requested_by"]
