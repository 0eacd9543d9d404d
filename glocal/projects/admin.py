from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from glocal.lib.edit_versions import load_base, parse_version
from glocal.reference.admin import SecretariatPermissions
from glocal.reference.admin_versions import VersionCheckedForm

from . import variant_rows
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


class VersionCheckedVariants(BaseInlineFormSet):
    """A prototype's variants on a change page older than the prototype's version: saved only
    if this page changed them and nobody else did meanwhile, refused if both changed them."""

    untouched = False

    def clean(self) -> None:
        super().clean()
        version = parse_version(self.data.get("version"))
        if version is None or version == self.instance.version:
            return  # current, or a script's post without a version
        loaded = (load_base(self.data.get("base", "")) or {}).get("variants")
        self.untouched = variant_rows.kept(variant_rows.posted_rows(self)) == loaded
        if not self.untouched and variant_rows.saved_rows(self.instance) != loaded:
            raise ValidationError(
                _("Not saved: someone changed the variants after you opened this page, and you "
                  "changed them too. Open the page again to see theirs, then make your changes "
                  "there."),
                code="conflict",
            )  # fmt: skip

    def save(self, commit: bool = True) -> list:
        if self.untouched:  # the page showed the variants as loaded: others' changes stay
            self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
            return []
        return super().save(commit)


class VariantInline(SecretariatPermissions, admin.StackedInline):
    model = PrototypeVariant
    formset = VersionCheckedVariants
    extra = 0


class VariantsInBase:
    """Mixed before the admin's version-checked form: the page also signs the variants."""

    def base_values(self) -> dict:
        return super().base_values() | {"variants": variant_rows.saved_rows(self.instance)}


@admin.register(Prototype)
class PrototypeAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["source_practices", "themes", "sdgs"]
    inlines = [VariantInline]

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not issubclass(form_class, VersionCheckedForm):
            return form_class
        return type(form_class.__name__, (VariantsInBase, form_class), {})


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
