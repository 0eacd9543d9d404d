from django import forms

from .models import FIXED_KINDS, Kind, deliveries_of


class PreferencesForm(forms.Form):
    """One choice per kind: e-mail at once, in the digest, or not at all."""

    def __init__(self, *args, current: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            if kind in FIXED_KINDS:
                continue
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=deliveries_of(kind), initial=current[kind.value],
                widget=forms.RadioSelect,
            )  # fmt: skip
