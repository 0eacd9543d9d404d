"""The secretariat's filters over the log."""

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .actions import ACTIONS
from .models import AuditEntryQuerySet


def object_types() -> dict[str, ContentType]:
    """Every Glocal model by ``app_label.model`` (content types come from Django's cache)."""
    models = [m for m in apps.get_models() if m.__module__.startswith("glocal.")]
    found = ContentType.objects.get_for_models(*models)
    return {f"{ct.app_label}.{ct.model}": ct for ct in found.values()}


class AuditFilterForm(forms.Form):
    person = forms.CharField(label=_("Person (name or e-mail)"), required=False, max_length=150)
    town = forms.ModelChoiceField(label=_("Municipality"), required=False, queryset=None)
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        town = apps.get_model("members", "Municipality")
        self.fields["town"].queryset = town.objects.order_by("name").only("pk", "name")
        self.types = object_types()
        names = sorted((str(ct.model_class()._meta.verbose_name), key)
                       for key, ct in self.types.items())  # fmt: skip
        self.fields["object_type"].choices = [("", _("All"))] + [(k, n) for n, k in names]
        labels = sorted((str(label), code) for code, label in ACTIONS.items())
        self.fields["action"].choices = [("", _("All"))] + [(c, n) for n, c in labels]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return data

    def filter(self, entries: AuditEntryQuerySet) -> AuditEntryQuerySet:
        if not self.is_valid():
            return entries.none()
        data = self.cleaned_data
        if person := data["person"].strip():
            entries = entries.filter(
                Q(actor__email__icontains=person) | Q(actor__full_name__icontains=person)
            )
        if data["town"]:
            entries = entries.filter(town=data["town"])
        if data["object_type"]:
            entries = entries.filter(content_type=self.types[data["object_type"]])
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["since"]:
            entries = entries.filter(created_at__date__gte=data["since"])
        if data["until"]:
            entries = entries.filter(created_at__date__lte=data["until"])
        return entries
