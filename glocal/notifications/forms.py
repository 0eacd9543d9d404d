from django import forms

from .models import FIXED_KINDS, SECRETARIAT_KINDS, Kind, deliveries_of


class PreferencesForm(forms.Form):
    """One choice per kind: e-mail at once, in the digest, or not at all."""

    def __init__(self, *args, current: dict[str, str], secretariat: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in Kind:
            if kind in FIXED_KINDS or (kind in SECRETARIAT_KINDS and not secretariat):
                continue
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label, choices=deliveries_of(kind), initial=current[kind.value],
                widget=forms.RadioSelect,
            )  # fmt: skip
