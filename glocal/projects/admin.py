from django.contrib import admin

from glocal.reference.admin import SecretariatPermissions

from .models import (
    AdaptationChoice,
    Indicator,
    Measurement,
    Project,
    Prototype,
    PrototypeVariant,
    TransferOutcome,
)
from .models_plan import BudgetLine, Goal, Milestone, Partner, Risk, TeamMember


class VariantInline(SecretariatPermissions, admin.StackedInline):
    model = PrototypeVariant
    extra = 0


@admin.register(Prototype)
class PrototypeAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["source_practices", "themes", "sdgs"]
    inlines = [VariantInline]


def inline(model_class, extra: int = 0):
    return type(f"{model_class.__name__}Inline", (SecretariatPermissions, admin.TabularInline),
                {"model": model_class, "extra": extra})  # fmt: skip


@admin.register(Project)
class ProjectAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "municipality", "status", "visibility", "prototype", "start_date"]
    list_filter = ["status", "visibility", "prototype"]
    search_fields = ["title", "municipality__name"]
    raw_id_fields = ["source_practice", "created_by"]
    inlines = [inline(m) for m in (AdaptationChoice, Goal, Milestone, BudgetLine, Partner,
                                    TeamMember, Risk, Indicator)]  # fmt: skip


@admin.register(Measurement)
class MeasurementAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["indicator", "measured_on", "value"]
    raw_id_fields = ["indicator", "recorded_by"]


@admin.register(TransferOutcome)
class TransferOutcomeAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["project", "result", "recorded_at"]
    raw_id_fields = ["project", "recorded_by"]
