"""Forms of prototypes, the adoption flow and the project plan; each says what is wrong where."""

import datetime
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.lib.dates import add_years
from glocal.practices.uploads import validate_upload
from glocal.reference.models import Sdg
from glocal.translations.forms import language_optional

from .models import (
    EVIDENCE_TYPES,
    Decision,
    Indicator,
    Project,
    ProjectStatus,
    Prototype,
    PrototypeVariant,
    TransferOutcome,
)
from .models_plan import BudgetLine, Goal, Milestone, Partner, Risk, TeamMember
from .services import PROTOTYPE_FIELDS, Adaptation

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_EVIDENCE_FILES = 5
PROTOTYPE_ELEMENTS = [
    ("approach", _("General approach")), ("steps", _("Steps")),
    ("preconditions", _("Preconditions")), ("typical_cost", _("Typical cost")),
    ("typical_staff", _("Typical staff")), ("risks", _("Risks")),
]  # fmt: skip
PRACTICE_ELEMENTS = [
    ("objectives", _("Objectives")), ("approach", _("Approach and steps")),
    ("target_groups", _("Target groups")), ("partners", _("Partners")),
    ("staff", _("Staff")), ("budget_notes", _("Budget")),
]  # fmt: skip


def check_duration(start: datetime.date | None, end: datetime.date | None) -> None:
    """Deliverables are agreed over one to three years."""
    if not (start and end):
        return
    if end <= start:
        raise ValidationError({"end_date": _("The end date must come after the start date.")})
    if end < add_years(start, 1) - datetime.timedelta(days=1):
        raise ValidationError({"end_date": _("A project runs for at least one year.")})
    if end > add_years(start, 3):
        raise ValidationError({"end_date": _("A project runs for at most three years.")})


def source_elements(source) -> list[tuple[str, str, str]]:
    """(key, label, text) of each element of a prototype or practice that a town adapts."""
    elements = PROTOTYPE_ELEMENTS if isinstance(source, Prototype) else PRACTICE_ELEMENTS
    return [(key, str(label), getattr(source, key) or "") for key, label in elements]


class AdoptionForm(forms.ModelForm):
    """Adapt a prototype or practice: the project's frame plus a decision per element."""

    class Meta:
        model = Project
        fields = ["municipality", "title", "summary", "language", "start_date", "end_date",
                  "visibility"]  # fmt: skip
        widgets = {"start_date": DATE, "end_date": DATE,
                   "summary": forms.Textarea(attrs={"rows": 3})}  # fmt: skip

    def __init__(self, *args, user, source, **kwargs):
        super().__init__(*args, **kwargs)
        language_optional(self)
        if not roles.is_secretariat(user):
            self.fields["municipality"].queryset = roles.represented_towns(user)
        self.fields["municipality"].empty_label = None
        for name in ("start_date", "end_date"):
            self.fields[name].required = True
        self.elements = source_elements(source)
        for key, label, _text in self.elements:
            self.fields[f"decision_{key}"] = forms.ChoiceField(
                label=label, choices=Decision.choices, initial=Decision.KEPT,
                widget=forms.RadioSelect,
            )  # fmt: skip
            self.fields[f"reason_{key}"] = forms.CharField(
                label=_("What changes and why"), required=False, max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def clean(self):
        data = super().clean()
        check_duration(data.get("start_date"), data.get("end_date"))
        for key, _label, _text in self.elements:
            decision = data.get(f"decision_{key}")
            if decision in (Decision.CHANGED, Decision.DROPPED) and not data.get(f"reason_{key}"):
                self.add_error(f"reason_{key}", _("Say what you change or why you drop it."))
        return data

    def element_rows(self) -> list[dict]:
        return [
            {"label": label, "text": text, "decision": self[f"decision_{key}"],
             "reason": self[f"reason_{key}"]}
            for key, label, text in self.elements
        ]  # fmt: skip

    def adaptations(self) -> list[Adaptation]:
        return [
            Adaptation(element=label, source_text=text,
                       decision=self.cleaned_data[f"decision_{key}"],
                       reason=self.cleaned_data[f"reason_{key}"])
            for key, label, text in self.elements
        ]  # fmt: skip


class ProjectForm(forms.ModelForm):
    class Meta:
        model = Project
        fields = ["title", "summary", "language", "status", "visibility", "start_date", "end_date"]
        widgets = {"start_date": DATE, "end_date": DATE,
                   "summary": forms.Textarea(attrs={"rows": 3})}  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_optional(self)

    def clean(self):
        data = super().clean()
        check_duration(data.get("start_date"), data.get("end_date"))
        return data


class PlanItemForm(forms.ModelForm):
    """A row of the plan; dates must fall inside the project's own dates."""

    date_fields: tuple[str, ...] = ()

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project

    def clean(self):
        data = super().clean()
        start, end = self.project.start_date, self.project.end_date
        for name in self.date_fields:
            day = data.get(name)
            if day and start and day < start:
                self.add_error(name, _("This is before the project starts (%(d)s).") % {"d": start})
            elif day and end and day > end:
                self.add_error(name, _("This is after the project ends (%(d)s).") % {"d": end})
        return data

    def save(self, commit: bool = True):
        self.instance.project = self.project
        return super().save(commit)


class GoalForm(PlanItemForm):
    class Meta:
        model = Goal
        fields = ["text"]


class MilestoneForm(PlanItemForm):
    date_fields = ("due_date",)

    class Meta:
        model = Milestone
        fields = ["title", "due_date", "is_deliverable"]
        widgets = {"due_date": DATE}


class BudgetLineForm(PlanItemForm):
    class Meta:
        model = BudgetLine
        fields = ["label", "amount_eur", "funder"]


class PartnerForm(PlanItemForm):
    class Meta:
        model = Partner
        fields = ["name", "role"]


class TeamMemberForm(PlanItemForm):
    class Meta:
        model = TeamMember
        fields = ["name", "email", "role", "gender", "age_group"]


class RiskForm(PlanItemForm):
    class Meta:
        model = Risk
        fields = ["description", "likelihood", "impact", "mitigation"]
        widgets = {"mitigation": forms.Textarea(attrs={"rows": 2})}


class IndicatorForm(PlanItemForm):
    date_fields = ("target_date",)
    sdgs = forms.ModelMultipleChoiceField(
        queryset=Sdg.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("SDG goals"),
    )  # fmt: skip

    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target", "target_date", "sdgs"]
        widgets = {"target_date": DATE}

    def clean(self):
        data = super().clean()
        if data.get("baseline") is not None and data.get("baseline") == data.get("target"):
            self.add_error("target", _("The target must differ from the baseline."))
        return data


PLAN_FORMS = {
    "goal": (GoalForm, _("Goal")), "milestone": (MilestoneForm, _("Milestone or deliverable")),
    "budget": (BudgetLineForm, _("Budget line")), "partner": (PartnerForm, _("Partner")),
    "team": (TeamMemberForm, _("Team member")), "risk": (RiskForm, _("Risk")),
    "indicator": (IndicatorForm, _("Indicator")),
}  # fmt: skip


class MeasurementForm(forms.Form):
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    measured_on = forms.DateField(label=_("Measured on"), widget=DATE)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if len(files) > MAX_EVIDENCE_FILES:
            raise ValidationError(_("Attach at most %(n)d files.") % {"n": MAX_EVIDENCE_FILES})
        for upload in files:
            super().clean(upload, initial)
            try:
                check_evidence(upload)
            except ValidationError as error:
                raise ValidationError(
                    _("%(name)s: %(problem)s"),
                    params={"name": upload.name, "problem": " ".join(error.messages)},
                ) from error
        return files


def check_evidence(upload) -> None:
    """The practices' upload check (5 MB, ending, first bytes) with the evidence endings."""
    content_type = EVIDENCE_TYPES.get(Path(upload.name).suffix.lower())
    if content_type is None:
        raise ValidationError(
            _("Allowed file types: %(types)s."), params={"types": ", ".join(EVIDENCE_TYPES)}
        )
    validate_upload(upload, "image" if content_type.startswith("image/") else "file")


class ProgressUpdateForm(forms.Form):
    text = forms.CharField(label=_("What happened since the last update?"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip
    evidence = EvidenceField(
        label=_("Evidence (photos, PDF or office files; up to 5, 5 MB each)"), required=False
    )


class TransferOutcomeForm(forms.ModelForm):
    status = forms.ChoiceField(
        label=_("The project"), initial=ProjectStatus.COMPLETED,
        choices=[(ProjectStatus.COMPLETED, _("is completed")),
                 (ProjectStatus.DISCONTINUED, _("was stopped early"))],
    )  # fmt: skip

    class Meta:
        model = TransferOutcome
        fields = ["result", "achievements", "lessons"]
        widgets = {"result": forms.RadioSelect, "achievements": forms.Textarea(attrs={"rows": 4}),
                   "lessons": forms.Textarea(attrs={"rows": 3})}  # fmt: skip


class PrototypeForm(forms.ModelForm):
    class Meta:
        model = Prototype
        fields = list(PROTOTYPE_FIELDS)  # the fields its edit page merges three-way
        widgets = {"source_practices": forms.SelectMultiple(attrs={"size": 8}),
                   "themes": forms.CheckboxSelectMultiple, "sdgs": forms.CheckboxSelectMultiple,
                   "summary": forms.Textarea(attrs={"rows": 3})}  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language_optional(self)


VariantFormSet = forms.inlineformset_factory(
    Prototype, PrototypeVariant, fields=["name", "size", "budget", "description"], extra=1,
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
)  # fmt: skip
