from allauth.account.forms import LoginForm
from django import forms
from django.contrib.auth.password_validation import validate_password
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from glocal.lib.edit_versions import cleaned_values, plain, row_values
from glocal.reference.models import Place, Theme

from .languages import language_choices
from .models import Invitation, Municipality, Need, User, time_zone_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MunicipalityForm(forms.ModelForm):
    place = forms.ModelChoiceField(
        queryset=Place.objects.all(), required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = Municipality
        fields = [
            "name", "place", "country", "admin1", "population", "settlement", "latitude",
            "longitude", "languages", "budget_band", "term_start", "term_end", "mayor",
            "focal_point", "focal_point_email", "sdg_priorities", "capacities",
            "practices_in_place", "profile_visibility", "contact_visibility",
        ]  # fmt: skip
        widgets = {
            "sdg_priorities": forms.CheckboxSelectMultiple,
            "term_start": DATE,
            "term_end": DATE,
            "capacities": forms.Textarea(attrs={"rows": 3}),
            "practices_in_place": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("term_start"), data.get("term_end")
        if start and end and end <= start:
            self.add_error("term_end", _("The term must end after it starts."))
        place = data.get("place")
        if place and data.get("country") and place.country_id != data["country"].pk:
            self.add_error("country", _("The chosen place lies in %(c)s.") % {"c": place.country})
        return data


def profile_values(town: Municipality) -> dict:
    """The profile's form fields as they are stored, shaped for a three-way merge."""
    return row_values(town, MunicipalityForm._meta.fields)


def posted_profile_values(form: MunicipalityForm) -> dict:
    return cleaned_values(form, MunicipalityForm._meta.fields)


class NeedForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        to_field_name="slug",
    )

    class Meta:
        model = Need
        fields = ["rank", "text", "themes"]


def need_values(need: Need) -> dict:
    """A saved need as its row on the edit page shows it (themes by slug, as the form posts
    them), shaped for a three-way merge."""
    themes = sorted(theme.slug for theme in need.themes.all())
    return {"rank": need.rank, "text": plain(need.text), "themes": themes}


def posted_need_values(form: NeedForm) -> dict:
    data = form.cleaned_data
    themes = sorted(theme.slug for theme in data.get("themes") or [])
    return {"rank": data.get("rank"), "text": plain(data.get("text")), "themes": themes}


def page_values(town: Municipality) -> dict:
    """What the edit page is rendered with: the profile's fields and, under ``needs``, each
    need's values by its key (the base the next save merges from)."""
    needs = town.needs.prefetch_related("themes")
    return profile_values(town) | {"needs": {str(n.pk): need_values(n) for n in needs}}


class BaseNeedFormSet(forms.BaseInlineFormSet):
    def vanished(self) -> list[dict]:
        """Needs this page still shows but someone removed meanwhile, with the text typed here."""
        gone = []
        for form in self.forms[: self.initial_form_count()]:
            if "id" in form.errors and form.data.get(form.add_prefix("text")):
                gone.append({"rank": form.data.get(form.add_prefix("rank")),
                             "text": form.data.get(form.add_prefix("text")),
                             "themes": form.data.getlist(form.add_prefix("themes"))})  # fmt: skip
        return gone

    def clean(self):
        super().clean()
        ranks = [
            f.cleaned_data["rank"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and "rank" in f.cleaned_data
        ]
        if len(ranks) != len(set(ranks)):
            raise forms.ValidationError(_("Give each need a different rank."))


NeedFormSet = inlineformset_factory(
    Municipality, Need, form=NeedForm, formset=BaseNeedFormSet, extra=2, can_delete=True,
    max_num=12, validate_max=True,
)  # fmt: skip


class LanguageSelect(forms.Select):
    """Each option names its language in that language and says so with ``lang``."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class InvitationForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language"), required=False, widget=LanguageSelect,
        choices=lambda: [("", _("The language of this page"))] + language_choices(),
        help_text=_("The invitation is written in it and the new account starts with it."),
    )  # fmt: skip

    class Meta:
        model = Invitation
        fields = ["email", "role", "municipality", "position", "language"]

    def clean(self):
        data = super().clean()
        if data.get("role") == Invitation.Role.REPRESENTATIVE and not data.get("municipality"):
            self.add_error("municipality", _("Choose the municipality this person represents."))
        return data


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    password1 = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Repeat the password"), widget=forms.PasswordInput)

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        elif data.get("password1"):
            try:
                validate_password(data["password1"])
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class SignInForm(LoginForm):
    """allauth's sign-in form; a refused sign-in also marks both fields invalid and points
    them at the error summary, so screen readers say what went wrong where."""

    def full_clean(self) -> None:
        super().full_clean()
        if not self.non_field_errors():
            return
        for name in ("login", "password"):
            described = " ".join(filter(None, ["error-summary", self[name].aria_describedby]))
            self.fields[name].widget.attrs.update(
                {"aria-invalid": "true", "aria-describedby": described}
            )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class ProfileForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language"), required=False, widget=LanguageSelect,
        choices=lambda: [("", _("Your browser's language"))] + language_choices(),
        help_text=_("Pages and e-mails are in this language; empty means your browser's."),
    )  # fmt: skip
    time_zone = forms.ChoiceField(
        label=_("Time zone"), required=False,
        choices=lambda: [("", _("The network's time zone"))] + time_zone_choices(),
    )  # fmt: skip

    class Meta:
        model = User
        fields = ["full_name", "language", "time_zone"]


def own_profile_values(user: User) -> dict:
    """A person's own profile fields as they are stored, shaped for a three-way merge."""
    return row_values(user, ProfileForm._meta.fields)


def posted_own_profile_values(form: ProfileForm) -> dict:
    return cleaned_values(form, ProfileForm._meta.fields)


class CloseAccountForm(forms.Form):
    """Closing an account asks for the password, so a borrowed session cannot do it."""

    password = forms.CharField(
        label=_("Your password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )  # fmt: skip

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password; nothing was changed."))
        return password
