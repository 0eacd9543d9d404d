"""Joint statements: drafting, versions, authorised signatories, signatures and the PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib import roles
from glocal.lib.confirmation import ask_to_confirm, confirmed
from glocal.lib.edit_versions import (
    EditConflict,
    as_posted,
    conflict_context,
    loaded_base,
    parse_version,
    posted_version,
    sign_base,
)
from glocal.members.models import Municipality
from glocal.translations.languages import active_language
from glocal.translations.reading import read_for, shown_translations

from . import services
from .access import (
    can_edit_statement,
    get_signatory_for_granter,
    get_statement_for_editor,
    get_statement_for_viewer,
    get_town_for_granter,
)
from .forms import DraftingTownForm, RevisionForm, SignatoryForm, StatementForm
from .models import Signatory, Statement, StatementStatus, StatementVersion, version_translations
from .pdf import statement_pdf


@require_GET
def statement_list(request: HttpRequest) -> HttpResponse:
    statements = Statement.objects.visible_to(request.user).prefetch_related(
        "drafted_by", shown_translations(active_language())
    )
    return render(request, "network/statement_list.html", {"statements": statements})


def signing_towns(user, statement: Statement) -> list[dict]:
    """The towns this person may sign for, with that town's signature on this statement."""
    if not user.is_authenticated:
        return []
    rows = statement.signatures.select_related("version").prefetch_related(version_translations())
    signatures = {s.municipality_id: s for s in rows}
    towns = roles.signatory_towns(user).order_by("name")
    return [
        {"town": town, "signature": signatures.get(town.pk),
         "stale": town.pk in signatures and signatures[town.pk].needs_reconfirmation}
        for town in towns
    ]  # fmt: skip


def drafting_context(user, statement: Statement) -> dict:
    """While a draft: the form to invite a co-drafting town, and the towns one may take off."""
    if statement.status != StatementStatus.DRAFT or not user.is_authenticated:
        return {}
    towns = list(statement.drafted_by.all())
    leaving = [t for t in towns if roles.is_secretariat(user) or roles.represents(user, t)]
    leaving = leaving if len(towns) > 1 else []
    return {"drafting_form": DraftingTownForm(statement=statement), "leaving": leaving}


@require_GET
def statement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for_viewer(request, slug)
    can_edit = can_edit_statement(request.user, statement)
    version = statement.current_version
    read_for(request, statement)
    if version:
        read_for(request, version)
    context = {
        "statement": statement,
        "version": version,
        "versions": statement.versions.select_related("created_by"),
        "signatures": statement.active_signatures(),
        "signing": signing_towns(request.user, statement),
        "can_edit": can_edit,
    }
    if can_edit:
        context |= drafting_context(request.user, statement)
    return render(request, "network/statement_detail.html", context)


@login_required
@require_POST
def statement_drafters(request: HttpRequest, slug: str) -> HttpResponse:
    """Invite a town to draft the statement, or take one's own town off the drafters."""
    statement = get_statement_for_viewer(request, slug)
    town = _town_for_signing(request)
    try:
        if request.POST.get("action") == "leave":
            services.leave_drafting(statement=statement, municipality=town, user=request.user)
            done = _("%s is no longer among the drafting towns.") % town
        else:
            services.add_drafting_town(statement=statement, municipality=town, user=request.user)
            done = _("%s is invited to draft the statement; its representatives are told.") % town
    except services.NetworkError as error:
        messages.error(request, str(error))
        return redirect(statement)
    messages.success(request, done)
    if not Statement.objects.visible_to(request.user).filter(pk=statement.pk).exists():
        return redirect("network:statement_list")
    return redirect(statement)


@require_GET
def statement_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    statement = get_statement_for_viewer(request, slug)
    version = get_object_or_404(StatementVersion, statement=statement, number=number)
    read_for(request, statement)
    read_for(request, version)
    context = {"statement": statement, "version": version}
    return render(request, "network/statement_version.html", context)


@login_required
def statement_create(request: HttpRequest) -> HttpResponse:
    form = StatementForm(request.POST or None, user=request.user)
    if not form.fields["towns"].queryset.exists():
        messages.error(request, _("Statements are drafted by the representatives of towns."))
        return redirect("network:statement_list")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        statement = services.create_statement(
            title=data["title"], addressees=data["addressees"], text=data["text"],
            towns=data["towns"], status=data["status"], user=request.user,
        )  # fmt: skip
        messages.success(request, _("The statement is saved."))
        return redirect(statement)
    return render(request, "network/statement_form.html", {"form": form})


@login_required
def statement_edit(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for_editor(request, slug)
    initial = statement.edit_values()
    form = RevisionForm(request.POST or None, initial=initial)
    context = {"form": form, "statement": statement, "version": statement.version,
               "base": sign_base(initial)}  # fmt: skip
    if request.method == "POST":  # an invalid form is shown again on the page it came from
        context |= as_posted(request)
    if request.method == "POST" and form.is_valid():
        try:
            new = services.revise_statement(
                statement=statement, user=request.user, base_version=posted_version(request),
                base=loaded_base(request), **form.cleaned_data,
            )  # fmt: skip
        except EditConflict as conflict:
            form = RevisionForm(conflict.refilled(request.POST), initial=initial)
            context |= conflict_context(form, conflict, conflict.record.edit_values())
            return render(request, "network/statement_form.html", context, status=409)
        except services.NetworkError as error:
            form.add_error("text", str(error))
            return render(request, "network/statement_form.html", context, status=400)
        if new:
            messages.success(request, _("Version %s is saved; signatories are asked to confirm "
                                        "again.") % new.number)  # fmt: skip
        else:
            messages.success(request, _("The statement is saved."))
        return redirect(statement)
    return render(request, "network/statement_form.html", context)


def _town_for_signing(request: HttpRequest) -> Municipality:
    return get_object_or_404(Municipality, slug=request.POST.get("town", ""))


@login_required
@require_POST
def statement_sign(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for_viewer(request, slug)
    town = _town_for_signing(request)
    if not confirmed(request):
        return ask_to_confirm(
            request, question=_("Sign “%(title)s” for %(town)s?") % {"title": statement.title,
                                                                   "town": town},
            consequence=_("Your town's name will appear publicly under this version of the "
                          "statement, as signed by you on its behalf."),
            button=_("Yes, sign for %s") % town, back=statement.get_absolute_url(),
        )  # fmt: skip
    try:
        signature = services.sign_statement(
            statement=statement, municipality=town, user=request.user,
            language=request.POST.get("language") or None,
            number=parse_version(request.POST.get("number")),
        )  # fmt: skip
    except services.NetworkError as error:
        messages.error(request, str(error))
        return redirect(statement)
    messages.success(request, _("%(town)s signed version %(n)s.")
                     % {"town": town, "n": signature.version.number})  # fmt: skip
    return redirect(statement)


@login_required
@require_POST
def statement_withdraw(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for_viewer(request, slug)
    town = _town_for_signing(request)
    if not confirmed(request):
        return ask_to_confirm(
            request, question=_("Withdraw the signature of %s?") % town,
            consequence=_("The town will no longer be listed among the signatories."),
            button=_("Yes, withdraw the signature"), back=statement.get_absolute_url(),
        )  # fmt: skip
    try:
        services.withdraw_signature(statement=statement, municipality=town, user=request.user)
    except services.NetworkError as error:
        messages.error(request, str(error))
        return redirect(statement)
    messages.success(request, _("The signature of %s is withdrawn.") % town)
    return redirect(statement)


@require_GET
def statement_pdf_view(request: HttpRequest, slug: str) -> HttpResponse:
    statement = get_statement_for_viewer(request, slug)
    response = HttpResponse(statement_pdf(statement), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{statement.slug}.pdf"'
    return response


@login_required
def signatories(request: HttpRequest) -> HttpResponse:
    """Who may sign for the towns this person represents (all towns for the secretariat)."""
    towns = services.drafting_towns_of(request.user).order_by("name")
    grants = (
        Signatory.objects.active()
        .filter(municipality__in=towns)
        .select_related("user", "municipality")
    )
    granting = services.granting_towns_of(request.user).order_by("name")
    context = {"grants": grants, "granting": granting,
               "granting_ids": {town.pk for town in granting}}  # fmt: skip
    return render(request, "network/signatories.html", context)


@login_required
def signatory_grant(request: HttpRequest, town: str) -> HttpResponse:
    municipality = get_town_for_granter(request, town)
    form = SignatoryForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_signatory(municipality=municipality, granted_by=request.user,
                                     **form.cleaned_data)  # fmt: skip
        except services.NetworkError as error:
            form.add_error("person", str(error))
        else:
            messages.success(request, _("The signatory is authorised."))
            return redirect("network:signatories")
    context = {"form": form, "town": municipality}
    status = 400 if form.errors else 200
    return render(request, "network/signatory_form.html", context, status=status)


@login_required
@require_POST
def signatory_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    signatory = get_signatory_for_granter(request, pk)
    services.revoke_signatory(signatory=signatory, revoked_by=request.user)
    messages.success(request, _("The authorisation is revoked."))
    return redirect("network:signatories")
