from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from glocal.lib.edit_versions import plain
from glocal.lib.html import clean_html
from glocal.members.models import Municipality, time_zone_choices
from glocal.practices.models import Practice
from glocal.practices.uploads import validate_upload
from glocal.reference.models import Sdg

from .models import (
    DECISIONS,
    HUB_YEARS,
    SCORE_MAX,
    Application,
    ApplicationStatus,
    Call,
    Criterion,
    Question,
)
from .rules import nomination_problems

HUB_FIELDS = [
    "lead_government", "partners", "topic", "sdgs", "duration_years", "deliverables",
    "monitoring", "communication",
]  # fmt: skip
AWARD_FIELDS = ["nominee", "practice"]
RICH_FIELDS = ("partners", "deliverables", "monitoring", "communication")


def question_field(question: Question) -> forms.Field:
    label = f"{question.label} ({_('required')})" if question.required else question.label
    common = {"label": label, "help_text": question.help_text, "required": False}
    if question.type == Question.Type.CHOICE:
        choices = [("", "—")] + [(c, c) for c in question.choice_list]
        return forms.ChoiceField(choices=choices, **common)
    if question.type == Question.Type.NUMBER:
        return forms.DecimalField(max_digits=14, decimal_places=2, **common)
    if question.type == Question.Type.WHOLE_NUMBER:
        return forms.IntegerField(min_value=0, max_value=10**12, **common)
    if question.type == Question.Type.FILE:
        return forms.FileField(**common)
    return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}), **common)


class ApplicationForm(forms.ModelForm):
    """The call's own form: the proposal title, HUB or nomination fields, and its questions.

    ``lenient`` is for drafts: nothing is required, but what is typed must still be valid.
    """

    sdgs = forms.ModelMultipleChoiceField(
        queryset=Sdg.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("SDGs addressed"),
    )  # fmt: skip
    duration_years = forms.IntegerField(
        label=_("Time frame (years)"), required=False,
        help_text=_("Deliverables are agreed beforehand and delivered within 1 to 3 years."),
        widget=forms.NumberInput(attrs={"min": HUB_YEARS[0], "max": HUB_YEARS[1]}),
    )  # fmt: skip

    class Meta:
        model = Application
        fields = ["title", *HUB_FIELDS, *AWARD_FIELDS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in RICH_FIELDS}

    def __init__(self, *args, call: Call, questions: list[Question], files: dict, lenient=False,
                 **kwargs):  # fmt: skip
        super().__init__(*args, **kwargs)
        self.call, self.questions, self.existing_files = call, questions, files
        self.lenient = lenient
        for name in [] if call.is_hub else HUB_FIELDS:
            del self.fields[name]
        if call.is_award:
            del self.fields["title"]
            self.fields["nominee"].queryset = Municipality.objects.filter(is_member=True)
            self.fields["practice"].queryset = (
                Practice.objects.published().select_related("municipality").order_by("title")
            )
        else:
            for name in AWARD_FIELDS:
                del self.fields[name]
        for question in questions:
            field = self.fields[f"q{question.pk}"] = question_field(question)
            field.initial = self.instance.answers.get(str(question.pk))
            if question.pk in files:
                field.help_text = _("Already sent: %(name)s. Choose a file to replace it.") % {
                    "name": files[question.pk].file.name.rsplit("/", 1)[-1]
                }
        if not lenient:
            for name in [n for n in ("title", *HUB_FIELDS) if n in self.fields]:
                self.fields[name].required = name != "sdgs"

    def clean_duration_years(self) -> int | None:
        years = self.cleaned_data.get("duration_years")
        if years is not None and not HUB_YEARS[0] <= years <= HUB_YEARS[1]:
            raise ValidationError(_("A HUB runs for 1 to 3 years; %(n)s is outside that."),
                                  params={"n": years})  # fmt: skip
        return years

    def clean(self):
        data = super().clean()
        for name in RICH_FIELDS:
            if data.get(name):
                data[name] = clean_html(data[name])
        for question in self.questions:
            name = f"q{question.pk}"
            upload = data.get(name) if question.type == Question.Type.FILE else None
            if upload:
                try:
                    validate_upload(upload, "file")
                except ValidationError as error:
                    self.add_error(name, error)
            has_file = question.pk in self.existing_files
            if (
                not self.lenient
                and question.required
                and data.get(name) in (None, "")
                and not (question.type == Question.Type.FILE and has_file)
            ):
                self.add_error(name, _("This question needs an answer."))
        if self.call.is_award and not self.lenient:
            for field, message in nomination_problems(
                self.call, data.get("nominee"), data.get("practice")
            ):
                self.add_error(field, message)
        return data

    def question_fields(self) -> list:
        return [self[f"q{q.pk}"] for q in self.questions]

    def answers(self) -> dict[str, str]:
        """The typed answers by question id, numbers as text so JSON keeps them exact."""
        answers = {}
        for question in self.questions:
            if question.type == Question.Type.FILE:
                continue
            value = self.cleaned_data.get(f"q{question.pk}")
            if isinstance(value, Decimal):
                value = format(value.normalize(), "f")
            elif isinstance(value, int):
                value = str(value)
            answers[str(question.pk)] = value or ""
        return answers

    def posted_values(self) -> dict:
        """This editor's values as ``Application.edit_values`` gives the saved ones."""
        answers = self.answers()
        values = {f"q{pk}": answer for pk, answer in answers.items()}
        for name in self.fields:
            if not name.startswith("q"):
                values[name] = plain(self.cleaned_data.get(name))
        return values

    def uploads(self) -> dict[Question, object]:
        return {
            q: self.cleaned_data[f"q{q.pk}"]
            for q in self.questions
            if q.type == Question.Type.FILE and self.cleaned_data.get(f"q{q.pk}")
        }


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(queryset=None, label=_("Reviewer"))

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers


class ConflictForm(forms.Form):
    note = forms.CharField(label=_("Why you cannot review it"), max_length=300, required=False)


class ScoreForm(forms.Form):
    """One score and comment per criterion."""

    def __init__(self, *args, criteria: list[Criterion], scores: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            current = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("%(name)s — score from 0 to %(max)s")
                % {"name": criterion.name, "max": SCORE_MAX},
                min_value=0, max_value=SCORE_MAX, initial=current.value if current else None,
                help_text=criterion.description,
            )  # fmt: skip
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on %(name)s") % {"name": criterion.name}, required=False,
                max_length=3000, widget=forms.Textarea(attrs={"rows": 2}),
                initial=current.comment if current else "",
            )  # fmt: skip

    def values(self) -> dict[Criterion, tuple[int, str]]:
        data = self.cleaned_data
        return {c: (data[f"score_{c.pk}"], data[f"comment_{c.pk}"]) for c in self.criteria}

    def rows(self):
        return [(self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    feedback = forms.CharField(
        label=_("Feedback shared with the applicant"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    share_comments = forms.BooleanField(
        label=_("Also share the reviewers' comments (without their names)"), required=False
    )
    internal_note = forms.CharField(
        label=_("Note for the secretariat only"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ApplicationStatus.choices)
        self.fields["decision"].choices = [(s, labels[s]) for s in DECISIONS[call.is_award]]


class TimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(label=_("Your time zone"), choices=time_zone_choices)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
