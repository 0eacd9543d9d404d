from django import forms
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.members.models import Municipality, User
from glocal.projects.models import Project
from glocal.reference.models import Theme

from .models import DigestFrequency, StatementStatus, WorkingGroup

MENTION_HELP = _(
    "Simple formatting and links are kept. Mention someone with @ and their name written "
    "with hyphens (e.g. @amira-haddad) or their e-mail address: they get an e-mail."
)


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    summary = forms.CharField(label=_("In one sentence"), max_length=300)
    description = forms.CharField(
        label=_("What the group does"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Themes"), to_field_name="slug",
    )  # fmt: skip

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if WorkingGroup.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("A working group with this name exists already."))
        return name


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}),
                           max_length=20_000, help_text=MENTION_HELP)  # fmt: skip


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 4}),
                           max_length=20_000, help_text=MENTION_HELP)  # fmt: skip


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("What is wrong with this message?"), max_length=500)


class DigestForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Send me a digest of what is new"), choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip


class StatementForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    addressees = forms.CharField(
        label=_("Addressed to"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One named body per line, e.g. European Commission."),
    )  # fmt: skip
    text = forms.CharField(label=_("Text of the statement"), max_length=50_000,
                           widget=forms.Textarea(attrs={"rows": 14}))  # fmt: skip
    status = forms.ChoiceField(label=_("Status"), choices=StatementStatus.choices)

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        if not roles.is_secretariat(user):
            towns = roles.represented_towns(user)
        else:
            towns = Municipality.objects.all()
        self.fields["towns"] = forms.ModelMultipleChoiceField(
            queryset=towns, label=_("Drafted by"), widget=forms.CheckboxSelectMultiple,
            to_field_name="slug",
        )  # fmt: skip

    def clean_addressees(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["addressees"].splitlines()]
        if not any(lines):
            raise forms.ValidationError(_("Name at least one body the statement is addressed to."))
        return "\n".join(line for line in lines if line)


class DraftingTownForm(forms.Form):
    town = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), to_field_name="slug",
        label=_("Invite another member town to draft it with you"),
    )  # fmt: skip

    def __init__(self, *args, statement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["town"].queryset = (
            Municipality.objects.filter(is_member=True)
            .exclude(pk__in=statement.drafted_by.values("pk"))
            .order_by("name")
        )


class RevisionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    addressees = StatementForm.base_fields["addressees"]
    text = forms.CharField(label=_("Text of the statement"), max_length=50_000,
                           widget=forms.Textarea(attrs={"rows": 14}))  # fmt: skip
    note = forms.CharField(
        label=_("What changed"), max_length=300, required=False,
        help_text=_("Shown to the signatories who are asked to confirm again."),
    )  # fmt: skip
    status = forms.ChoiceField(label=_("Status"), choices=StatementStatus.choices)
    clean_addressees = StatementForm.clean_addressees


class SignatoryForm(forms.Form):
    person = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Representative"))
    title = forms.CharField(label=_("Title or office"), max_length=150, required=False,
                            help_text=_("As it should appear under the signature."))  # fmt: skip

    def __init__(self, *args, municipality: Municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            memberships__municipality=municipality, is_active=True
        ).order_by("full_name", "email")


class UpdateForm(forms.Form):
    project = forms.ModelChoiceField(queryset=Project.objects.none(), label=_("Project"))
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("What happened"), max_length=20_000,
                           widget=forms.Textarea(attrs={"rows": 8}))  # fmt: skip

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = (
            Project.objects.running()
            .filter(roles.represented_by(user, "municipality"))
            .select_related("municipality")
            .order_by("title")
        )
