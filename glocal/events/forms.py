from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Event, ParticipantRole, Question, Registration

ANSWER_MAX = 500


class RegistrationForm(forms.Form):
    """The role and the event's own questions; answers come back keyed by question id."""

    role = forms.ChoiceField(label=_("You come as"), choices=ParticipantRole.choices)

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(event.questions.all())
        for question in self.questions:
            self.fields[f"q{question.pk}"] = question_field(question)

    def answers(self) -> dict[str, str]:
        return {
            str(q.pk): self.cleaned_data[f"q{q.pk}"]
            for q in self.questions
            if self.cleaned_data.get(f"q{q.pk}") not in (None, "")
        }


def question_field(question: Question) -> forms.Field:
    common = {"label": question.label, "help_text": question.help_text,
              "required": question.required}  # fmt: skip
    if question.kind == Question.Kind.CHOICE:
        choices = [("", "—")] + [(c, c) for c in question.choice_list]
        return forms.ChoiceField(choices=choices, **common)
    if question.kind == Question.Kind.YES_NO:
        choices = [("", "—"), ("yes", _("Yes")), ("no", _("No"))]
        return forms.ChoiceField(choices=choices, **common)
    return forms.CharField(
        max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 2}), **common
    )


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or e-mail"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Registration.Status.choices
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All"))] + ParticipantRole.choices
    )
    country = forms.CharField(label=_("Country code"), required=False, max_length=2)
    attended = forms.ChoiceField(
        label=_("Checked in"), required=False,
        choices=[("", _("All")), ("yes", _("Yes")), ("no", _("No"))],
    )  # fmt: skip

    def filter(self, registrations):
        if not self.is_valid():
            return registrations
        data = self.cleaned_data
        if data["q"]:
            registrations = registrations.filter(
                Q(user__full_name__icontains=data["q"]) | Q(user__email__icontains=data["q"])
            )
        if data["status"]:
            registrations = registrations.filter(status=data["status"])
        if data["role"]:
            registrations = registrations.filter(role=data["role"])
        if data["country"]:
            registrations = registrations.filter(municipality__country__iso=data["country"].upper())
        if data["attended"]:
            registrations = registrations.filter(attended_at__isnull=data["attended"] == "no")
        return registrations
