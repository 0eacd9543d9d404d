from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.audit.services import form_changes, record
from glocal.lib.pagecache import cached_for_anonymous
from glocal.reference.models import Place, Region

from . import services
from .access import can_edit_municipality, get_municipality_for_editor, get_municipality_for_viewer
from .forms import (
    AcceptInvitationForm,
    InvitationForm,
    LanguageForm,
    MunicipalityForm,
    NeedFormSet,
    ProfileForm,
    profile_values,
)
from .models import Invitation, Municipality, Need


@require_GET
@cached_for_anonymous()
def municipality_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    region = request.GET.get("region", "")
    municipalities = (
        Municipality.objects.visible_to(request.user)
        .search(q)
        .select_related("country")
        .annotate(practice_count=Count("practices", distinct=True))
        .order_by("name")
    )
    if region in Region.values:
        municipalities = municipalities.filter(country__region=region)
    page = Paginator(municipalities, 24).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "region": region, "regions": Region.choices}
    return render(request, "members/municipality_list.html", context)


@require_GET
def municipality_detail(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_municipality_for_viewer(request, slug)
    needs = municipality.needs.prefetch_related("themes")
    context = {
        "municipality": municipality,
        "needs": needs,
        "sdgs": municipality.sdg_priorities.all(),
        "show_contacts": municipality.contacts_visible_to(request.user),
        "can_edit": can_edit_municipality(request.user, municipality),
        "practices": municipality.practices.filter(status="published").order_by("title"),
    }
    return render(request, "members/municipality_detail.html", context)


def municipality_edit(request: HttpRequest, slug: str) -> HttpResponse:
    municipality = get_municipality_for_editor(request, slug)
    form = MunicipalityForm(request.POST or None, instance=municipality)
    needs = need_formset(request.POST or None, municipality)
    context = {"municipality": municipality, "form": form, "needs": needs}
    if request.method == "POST":
        if form.is_valid() and needs.is_valid():
            try:
                services.update_municipality_profile(
                    form=form, needs=needs, user=request.user, base=loaded_profile(request)
                )
            except services.ProfileConflict as conflict:
                return profile_conflict(request, context, conflict)
            messages.success(request, _("The profile of %s is saved.") % municipality.name)
            return redirect(municipality)
        if gone := needs.vanished():  # show today's needs, with the typed text ready to add
            context |= {"needs": need_formset(None, municipality, initial=gone), "gone": gone}
    loaded = loaded_profile(request) if request.method == "POST" else None
    context["base"] = signing.dumps(loaded if loaded is not None else profile_values(municipality))
    status = 409 if context.get("gone") else 200
    return render(request, "members/municipality_edit.html", context, status=status)


def need_formset(data, municipality: Municipality, initial: list | None = None) -> NeedFormSet:
    queryset = Need.objects.filter(municipality=municipality).prefetch_related("themes")
    return NeedFormSet(data, instance=municipality, queryset=queryset, initial=initial)


def loaded_profile(request: HttpRequest) -> dict | None:
    """The profile values the editor's page was rendered with (signed, so not forgeable)."""
    try:
        return signing.loads(request.POST.get("base", ""), max_age=60 * 60 * 24 * 7)
    except signing.BadSignature:
        return None


def profile_conflict(
    request: HttpRequest, context: dict, conflict: services.ProfileConflict
) -> HttpResponse:
    """Both versions side by side; the editor's values stay in the form."""
    form = context["form"]
    context["conflicts"] = [
        {"label": form.fields[name].label, "theirs": theirs, "mine": mine}
        for name, (theirs, mine) in sorted(conflict.conflicts.items())
    ]
    context["base"] = signing.dumps(profile_values(conflict.municipality))
    return render(request, "members/municipality_edit.html", context, status=409)


@require_GET
def place_suggestions(request: HttpRequest) -> HttpResponse:
    places = Place.objects.autocomplete(request.GET.get("place_search", ""))
    return render(request, "members/place_suggestions.html", {"places": places})


@staff_member_required
def invite(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invite_person(invited_by=request.user, **form.cleaned_data)
        messages.success(request, _("An invitation was sent to %s.") % invitation.email)
        return redirect("members:invite")
    invitations = Invitation.objects.select_related("municipality")[:30]
    return render(request, "members/invite.html", {"form": form, "invitations": invitations})


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("municipality"), token=token)
    if not invitation.is_usable:
        return render(request, "members/invitation_used.html", status=410)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.accept_invitation(
            invitation=invitation,
            full_name=form.cleaned_data["full_name"],
            password=form.cleaned_data["password1"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to the network."))
        return redirect("home")
    return render(
        request, "members/accept_invitation.html", {"form": form, "invitation": invitation}
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        record(actor=user, action="user.profile_edited", obj=user, changes=form_changes(form))
        with translation.override(user.language or translation.get_language()):
            messages.success(request, _("Your profile is saved."))
        return redirect("members:profile")
    return render(request, "members/profile.html", {"form": form})


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """The language switcher: remembered in a cookie, and in the profile when signed in."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose one of the languages offered."))
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        request.user.language = language
        request.user.save(update_fields=["language"])
    next_url = without_lang_parameter(form.cleaned_data["next"])
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = redirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax", secure=request.is_secure(),
    )  # fmt: skip
    return response


def without_lang_parameter(url: str) -> str:
    """The same page without ``?lang=``, which would otherwise override the new choice."""
    parts = urlsplit(url or "/")
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(key, value) for key, value in pairs if key != "lang"])
    return urlunsplit(("", "", parts.path or "/", query, parts.fragment))
