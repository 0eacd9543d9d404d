from django import forms
from django.utils.translation import gettext_lazy as _

from .languages import active_language, language_choices
from .models import Translatable


class LanguageChoiceForm(forms.Form):
    """Which language version to write; the original language is not offered."""

    language = forms.ChoiceField(label=_("Translate into"))

    def __init__(self, *args, obj: Translatable, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, name) for code, name in language_choices() if code != obj.language
        ]


class TranslationForm(forms.Form):
    """One optional field per translatable field, as long as the original may be."""

    def __init__(self, *args, obj: Translatable, initial_texts: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in type(obj).TRANSLATABLE_FIELDS:
            model_field = obj._meta.get_field(name)
            long_text = model_field.get_internal_type() == "TextField"
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name, required=False,
                max_length=model_field.max_length, initial=initial_texts.get(name, ""),
                widget=forms.Textarea(attrs={"rows": 4}) if long_text else forms.TextInput,
            )  # fmt: skip


def language_optional(form) -> None:
    """A ModelForm's ``language`` preselects the author's; left empty, it keeps the current one."""
    field = form.fields["language"]
    field.required = False
    field.empty_value = form.instance.language or active_language()
