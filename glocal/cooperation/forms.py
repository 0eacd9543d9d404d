from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from glocal.lib import roles
from glocal.members.models import Municipality
from glocal.projects.models import Project
from glocal.reference.models import Theme

from .models import Collaboration, Consultation, Expert, FundingApplication, Partner, Post, Step

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def own_towns(user):
    return roles.represented_towns(user).order_by("name")


class CollaborationForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple,
        label=_("Themes"), to_field_name="slug",
    )  # fmt: skip

    class Meta:
        model = Collaboration
        fields = ["title", "summary", "themes", "status", "visibility", "start_date", "end_date"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), "start_date": DATE,
                   "end_date": DATE}  # fmt: skip

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return data


class NewCollaborationForm(CollaborationForm):
    lead = forms.ModelChoiceField(queryset=Municipality.objects.none(), label=_("Lead town"),
                                  empty_label=None)  # fmt: skip

    field_order = ["lead"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        secretariat = roles.is_secretariat(user)
        self.fields["lead"].queryset = (
            Municipality.objects.filter(is_member=True) if secretariat else own_towns(user)
        )


class InviteForm(forms.Form):
    municipality = forms.ModelChoiceField(queryset=Municipality.objects.none(), label=_("Town"))
    role = forms.ChoiceField(
        label=_("Role"), initial=Partner.Role.PARTNER,
        choices=[c for c in Partner.Role.choices if c[0] != Partner.Role.LEAD],
    )  # fmt: skip
    message = forms.CharField(label=_("Message"), max_length=500, required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args, collaboration: Collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        involved = collaboration.partners.exclude(status=Partner.Status.DECLINED)
        self.fields["municipality"].queryset = Municipality.objects.filter(is_member=True).exclude(
            pk__in=involved.values("municipality")
        )


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = ["title", "owner", "due_date"]
        widgets = {"due_date": DATE}

    def __init__(self, *args, collaboration: Collaboration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Municipality.objects.filter(
            collaborations__collaboration=collaboration,
            collaborations__status=Partner.Status.ACCEPTED,
        )


class FundingForm(forms.ModelForm):
    class Meta:
        model = FundingApplication
        fields = ["funder", "programme", "amount_eur", "deadline", "status"]
        widgets = {"deadline": DATE}


class FundingStatusForm(forms.ModelForm):
    class Meta:
        model = FundingApplication
        fields = ["status"]


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["municipality", "kind", "category", "title", "description", "quantity",
                  "place", "urgency", "until"]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 4}), "until": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = own_towns(user)
        self.fields["municipality"].empty_label = None

    def clean_until(self):
        until = self.cleaned_data.get("until")
        if until and until < timezone.localdate():
            raise forms.ValidationError(_("This date has passed; choose a later one."))
        return until


class ProposeForm(forms.Form):
    offer = forms.ModelChoiceField(queryset=Post.objects.none(), label=_("Your offer"),
                                   empty_label=None)  # fmt: skip

    def __init__(self, *args, need: Post, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offer"].queryset = (
            Post.objects.offers().open().filter(municipality__in=own_towns(user))
            .exclude(municipality=need.municipality_id).exclude(matches_as_offer__need=need)
        )  # fmt: skip


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["project", "expert", "topic", "question", "preferred_times"]
        widgets = {"question": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = Project.objects.editable_by(user).order_by("title")
        self.fields["project"].empty_label = None
        self.fields["expert"].queryset = Expert.objects.listed()
        self.fields["expert"].empty_label = _("The secretariat")


class ScheduleForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )  # fmt: skip

    class Meta:
        model = Consultation
        fields = ["starts_at", "duration_minutes", "location"]

    def clean_starts_at(self):
        starts_at = self.cleaned_data["starts_at"]
        if starts_at <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return starts_at

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if not 15 <= minutes <= 480:
            raise forms.ValidationError(_("Between 15 minutes and 8 hours."))
        return minutes

    def clean_location(self):
        location = self.cleaned_data["location"].strip()
        if not location:
            raise forms.ValidationError(_("Give the video link or the meeting place."))
        return location


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Notes"), max_length=10_000,
                            widget=forms.Textarea(attrs={"rows": 6}))  # fmt: skip
