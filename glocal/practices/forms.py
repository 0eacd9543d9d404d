from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.lib.html import clean_html
from glocal.reference.models import Sdg, Theme
from glocal.translations.forms import language_optional

from .models import Attachment, Practice, Status
from .uploads import validate_upload

RICH_FIELDS = (
    "situation_before", "objectives", "approach", "partners", "results", "evidence",
    "lessons", "transferability",
)  # fmt: skip


class PracticeForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Themes"), to_field_name="slug",
    )  # fmt: skip
    sdgs = forms.ModelMultipleChoiceField(
        queryset=Sdg.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("SDG goals"),
    )  # fmt: skip

    class Meta:
        model = Practice
        fields = [
            "title", "summary", "language", "municipality", "owner_name", "country", "start_year",
            "end_year", "themes", "sdgs", "target_groups", "situation_before", "objectives",
            "approach", "partners", "budget_eur", "budget_notes", "cost_band", "staff",
            "duration_months", "results", "evidence", "lessons", "transferability", "award",
            "links", "contact_name", "contact_email", "source_name", "source_url", "licence",
        ]  # fmt: skip
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in RICH_FIELDS} | {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "links": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, lenient: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        language_optional(self)
        if not roles.is_secretariat(user):
            towns = roles.represented_towns(user)
            self.fields["municipality"].queryset = towns
            self.fields["municipality"].required = True
            self.fields["municipality"].empty_label = None
            del self.fields["owner_name"]
        if lenient:  # an auto-saved draft may be half written
            for field in self.fields.values():
                field.required = False

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        check = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(lines, start=1):
            try:
                check(line)
            except ValidationError:
                raise ValidationError(
                    _("Line %(n)s is not a web address: %(v)s"), params={"n": number, "v": line}
                ) from None
        return "\n".join(lines)

    def clean(self):
        data = super().clean()
        for name in RICH_FIELDS:
            if data.get(name):
                data[name] = clean_html(data[name])
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        if "owner_name" in self.fields and not (data.get("municipality") or data.get("owner_name")):
            self.add_error("owner_name", _("Name the owning municipality or an external owner."))
        town = data.get("municipality")
        if town and not data.get("country"):
            data["country"] = town.country
        return data


def form_values(form: PracticeForm) -> dict:
    """The form's cleaned values shaped like a practice's history snapshot, for merging."""
    values = {}
    for name, value in form.cleaned_data.items():
        if name not in form._meta.fields:
            continue
        if name == "themes":
            value = sorted(theme.slug for theme in value)
        elif name == "sdgs":
            value = sorted(sdg.number for sdg in value)
        elif hasattr(value, "pk"):
            value = value.pk
        values[name] = value
    return values


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Status.PUBLISHED, _("Publish")),
            (Status.CHANGES_REQUESTED, _("Ask for changes")),
            (Status.ARCHIVED, _("Archive")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the author"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == Status.CHANGES_REQUESTED and not data.get("note"):
            self.add_error("note", _("Tell the author what to change."))
        return data


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["kind", "file", "title", "alt_text"]

    def clean(self):
        data = super().clean()
        upload, kind = data.get("file"), data.get("kind")
        if upload and kind:
            try:
                validate_upload(upload, kind)
            except ValidationError as error:
                self.add_error("file", error)
        if kind == Attachment.Kind.IMAGE and not data.get("alt_text"):
            self.add_error("alt_text", _("Describe the image for people who cannot see it."))
        return data


class RevisionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the changes")), ("decline", _("Decline the changes"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the author"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not data.get("note", "").strip():
            self.add_error("note", _("Tell the author why the changes are declined."))
        return data
