"""The secretariat writes calls here: texts, eligibility, weighted criteria and questions."""

from django import forms
from django.contrib import admin

from glocal.lib.html import clean_html
from glocal.members.models import PopulationBand
from glocal.reference.models import Region

from .models import Application, AuditEntry, Call, Criterion, Hub, Question


class CallAdminForm(forms.ModelForm):
    regions = forms.MultipleChoiceField(
        choices=Region.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    population_bands = forms.MultipleChoiceField(
        choices=PopulationBand.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Call
        fields = [
            "title", "slug", "kind", "status", "summary", "description", "eligibility_notes",
            "members_only", "regions", "population_bands", "opens_at", "closes_at", "year",
        ]  # fmt: skip

    def clean(self):
        data = super().clean()
        for name in ("description", "eligibility_notes"):
            data[name] = clean_html(data.get(name, ""))
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The call must close after it opens.")
        return data


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 1


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 1


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    form = CallAdminForm
    list_display = ["title", "kind", "status", "opens_at", "closes_at"]
    list_filter = ["kind", "status"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CriterionInline, QuestionInline]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read only: applications change through their pages so the history stays whole."""

    list_display = ["municipality", "call", "status", "submitted_at"]
    list_filter = ["call", "status"]
    readonly_fields = [f.name for f in Application._meta.concrete_fields]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "call", "application", "user", "action"]
    list_filter = ["call", "action"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


admin.site.register(Hub)
