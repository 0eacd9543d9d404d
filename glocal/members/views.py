from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib.edit_versions import (
    EditConflict,
    as_posted,
    conflict_context,
    conflict_rows,
    loaded_base,
    posted_version,
    sign_base,
)
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
    own_profile_values,
    page_values,
    posted_own_profile_values,
)
from .models import Invitation, Municipality, Need, User


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
    """Edit the profile and needs; a save based on an older version is merged, or shown
    beside the other; a need removed meanwhile is reported with its text ready to add again."""
    municipality = get_municipality_for_editor(request, slug)
    form = MunicipalityForm(request.POST or None, instance=municipality)
    needs = need_formset(request.POST or None, municipality)
    context = {"municipality": municipality, "form": form, "needs": needs, "status": 200,
               "version": municipality.version,
               "base": sign_base(page_values(municipality))}  # fmt: skip
    if request.method == "POST" and form.is_valid() and needs.is_valid():
        try:
            services.update_municipality_profile(
                form=form, needs=needs, user=request.user,
                base_version=posted_version(request), base=loaded_base(request),
            )  # fmt: skip
        except EditConflict as conflict:
            context |= refused_page(request, conflict)
        else:
            messages.success(request, _("The profile of %s is saved.") % municipality.name)
            return redirect(municipality)
    elif request.method == "POST":
        context |= as_posted(request)  # the next save still merges from what was loaded
        if gone := needs.vanished():  # show today's needs, with the typed text ready to add
            context |= {"needs": need_formset(None, municipality, initial=gone), "gone": gone,
                        "status": 409}  # fmt: skip
    return render(request, "members/municipality_edit.html", context,
                  status=context.pop("status"))  # fmt: skip


def refused_page(request: HttpRequest, conflict: EditConflict) -> dict:
    """The edit page after a refused save: what was typed (with the others' changes where
    nothing was typed), each field both changed, profile first, then need by need."""
    data = conflict.refilled(request.POST)
    form = MunicipalityForm(data, instance=conflict.record)
    needs = need_formset(data, conflict.record)
    rows = conflict_rows(form, part_of(conflict, form, ""))
    for number, need in enumerate(needs.forms, start=1):
        label = _("Need %(number)s: %(field)s")
        for row in conflict_rows(need, part_of(conflict, need, need.prefix + "-")):
            named = label % {"number": number, "field": row["label"]}
            rows.append({"label": named, "theirs": as_words(row["theirs"]),
                         "mine": as_words(row["mine"])})  # fmt: skip
    return conflict_context(form, conflict, page_values(conflict.record)) | {
        "needs": needs, "conflicts": rows, "status": 409}  # fmt: skip


def part_of(conflict: EditConflict, form, prefix: str) -> EditConflict:
    """The conflicts about one form's fields (a need row's are named with its prefix)."""
    pairs = {name: conflict.conflicts[prefix + name] for name in form.fields
             if prefix + name in conflict.conflicts}  # fmt: skip
    return EditConflict(conflict.record, pairs)


def as_words(value):
    return ", ".join(map(str, value)) if isinstance(value, list) else value


def need_formset(data, municipality: Municipality, initial: list | None = None) -> NeedFormSet:
    queryset = Need.objects.filter(municipality=municipality).prefetch_related("themes")
    return NeedFormSet(data, instance=municipality, queryset=queryset, initial=initial)


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
    """The person's own profile; a save from a page older than another tab's save merges, or
    shows both values with the typed ones kept in the form."""
    form = ProfileForm(request.POST or None, instance=request.user)
    context = {"form": form, "version": request.user.profile_version, "status": 200,
               "base": sign_base(own_profile_values(request.user))}  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            user = services.edit_own_profile(
                user=request.user, base_version=posted_version(request),
                base=loaded_base(request), mine=posted_own_profile_values(form),
            )  # fmt: skip
        except EditConflict as conflict:
            form = ProfileForm(conflict.refilled(request.POST), instance=conflict.record)
            context |= conflict_context(form, conflict, own_profile_values(conflict.record))
            context["status"] = 409
        else:
            with translation.override(user.language or translation.get_language()):
                messages.success(request, _("Your profile is saved."))
            return redirect("members:profile")
    elif request.method == "POST":
        context |= as_posted(request)
    return render(request, "members/profile.html", context, status=context.pop("status"))


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """The language switcher: remembered in a cookie, and in the profile when signed in."""
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(_("Choose one of the languages offered."))
    language = form.cleaned_data["language"]
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language  # a profile page open elsewhere now merges with this
        User.objects.filter(pk=request.user.pk).update(
            language=language, profile_version=F("profile_version") + 1
        )
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
