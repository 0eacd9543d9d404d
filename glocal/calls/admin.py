"""The secretariat writes calls here: texts, eligibility, weighted criteria and questions.

Every active secretariat member may use it (no per-model grants); opening and closing a call
are list actions that go through the same services as everything else.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from glocal.lib.html import clean_html
from glocal.members.models import PopulationBand
from glocal.reference.admin import SecretariatPermissions
from glocal.reference.models import Region
from glocal.translations.forms import language_optional

from . import services
from .models import Application, AuditEntry, Call, CallStatus, Criterion, Hub, Question


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
            "title", "slug", "language", "kind", "status", "summary", "description",
            "eligibility_notes", "members_only", "regions", "population_bands", "opens_at",
            "closes_at", "reviews_due_at", "year",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_optional(self)
        zone = timezone.get_current_timezone_name()
        for name in ("opens_at", "closes_at", "reviews_due_at"):
            self.fields[name].help_text = _("In your time zone, %(zone)s.") % {"zone": zone}

    def clean(self):
        data = super().clean()
        for name in ("description", "eligibility_notes"):
            data[name] = clean_html(data.get(name, ""))
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The call must close after it opens."))
        due = data.get("reviews_due_at")
        if due and closes and due <= closes:
            self.add_error("reviews_due_at", _("Reviews are due after the call closes."))
        return data


class CriterionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.scores.exists():
                form.add_error(
                    None,
                    _("Reviewers have scored %(name)s; it stays so their scores keep counting.")
                    % {"name": form.instance.name},
                )
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if self.instance.status != CallStatus.DRAFT and not kept:
            raise ValidationError(_("A call needs at least one criterion before it opens."))


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["position", "label", "help_text", "type", "choices", "required"]

    def clean(self):
        data = super().clean()
        choices = [line for line in data.get("choices", "").splitlines() if line.strip()]
        if data.get("type") == Question.Type.CHOICE and len(choices) < 2:
            self.add_error("choices", _("A choice question needs at least two choices."))
        return data


class CriterionInline(SecretariatPermissions, admin.TabularInline):
    model = Criterion
    formset = CriterionFormSet
    extra = 1


class QuestionInline(SecretariatPermissions, admin.StackedInline):
    model = Question
    form = QuestionForm
    extra = 1


@admin.register(Call)
class CallAdmin(SecretariatPermissions, admin.ModelAdmin):
    form = CallAdminForm
    list_display = ["title", "kind", "status", "phase", "opens_at", "closes_at"]
    list_filter = ["kind", "status"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CriterionInline, QuestionInline]
    actions = ["open_calls", "close_calls"]

    @admin.display(description=_("now"))
    def phase(self, call: Call) -> str:
        return call.phase

    def has_delete_permission(self, request, obj=None) -> bool:
        """A call with applications keeps them and their history: close it instead."""
        if obj is not None and obj.applications.exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request) -> dict:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # it would skip the check above
        return actions

    @admin.action(description=_("Open the selected calls for applications"))
    def open_calls(self, request, queryset) -> None:
        self.change_status(request, queryset, services.open_call)

    @admin.action(description=_("Close the selected calls now and start the review"))
    def close_calls(self, request, queryset) -> None:
        self.change_status(request, queryset, services.close_call)

    def change_status(self, request, queryset, change) -> None:
        done = 0
        for call in queryset:
            try:
                change(call=call)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, ngettext("%(n)d call changed.", "%(n)d calls changed.",
                                                done) % {"n": done})  # fmt: skip


@admin.register(Application)
class ApplicationAdmin(SecretariatPermissions, admin.ModelAdmin):
    """Read only: applications change through their pages so the history stays whole."""

    list_display = ["municipality", "call", "status", "submitted_at"]
    list_filter = ["call", "status"]
    readonly_fields = [f.name for f in Application._meta.concrete_fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["created_at", "call", "application", "user", "action"]
    list_filter = ["call", "action"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Hub)
class HubAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "labelled_on", "project"]
    readonly_fields = ["application"]
    raw_id_fields = ["project"]

    def has_add_permission(self, request) -> bool:
        return False  # a HUB is labelled by accepting its proposal
