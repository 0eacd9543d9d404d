"""Pages to translate content field by field, and the secretariat's review of translations.

Each app wires ``edit_translations`` under its object's page with its own fetch-and-authorise
helper for editors (``{"fetch": get_practice_for_editor}``), so who may translate is who may
edit; the secretariat may always.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from glocal.lib import roles
from glocal.lib.edit_versions import (
    EditConflict,
    StaleState,
    as_posted,
    conflict_rows,
    loaded_base,
    sign_base,
)

from . import services
from .forms import LanguageChoiceForm, TranslationForm
from .languages import active_language, language_name
from .models import Translatable, Translation, TranslationStatus
from .reading import Text


def chosen_language(request: HttpRequest, obj: Translatable) -> LanguageChoiceForm:
    data = request.GET if "language" in request.GET else None
    form = LanguageChoiceForm(data, obj=obj)
    if data is None:
        choices = [code for code, _name in form.fields["language"].choices]
        viewer = active_language()
        form.initial["language"] = viewer if viewer in choices else (choices or [""])[0]
    return form


@login_required
def edit_translations(request: HttpRequest, fetch: Callable, **lookup) -> HttpResponse:
    """Write one language version of ``obj`` beside its original; the secretariat reviews it.

    The page carries the texts it showed (signed ``base``): a save merges with what others
    saved meanwhile, and "mark reviewed" is refused if a text changed since."""
    obj = fetch(request, **lookup)
    choice = chosen_language(request, obj)
    if choice.is_bound and not choice.is_valid():
        context = {"obj": obj, "choice": choice}
        return render(request, "translations/edit.html", context, status=400)
    language = choice.cleaned_data["language"] if choice.is_bound else choice.initial["language"]
    rows = {row.field: row for row in obj.translations.filter(language=language)}
    texts = {field: row.text for field, row in rows.items()}
    form = TranslationForm(request.POST or None, obj=obj, initial_texts=texts)
    context = {"form": form, "base": page_base(language, texts), "status": 200}
    if request.method == "POST" and _save_or_review(request, obj, language, context):
        return redirect(f"{obj.get_translations_url()}?{urlencode({'language': language})}")
    form = context["form"]
    context |= {
        "obj": obj, "choice": choice, "language": language,
        "language_label": language_name(language), "fields": _field_rows(obj, form, rows),
        "has_drafts": any(row.status == TranslationStatus.DRAFT for row in rows.values()),
    }  # fmt: skip
    status = context.pop("status")
    return render(request, "translations/edit.html", context,
                  status=400 if form.errors else status)  # fmt: skip


def page_base(language: str, texts: dict[str, str]) -> str:
    """The texts a page shows, signed with their language, for its hidden ``base``."""
    return sign_base({"language": language, "texts": texts})


def shown_texts(request: HttpRequest, language: str) -> dict[str, str] | None:
    """The texts the posted page showed (``None``: a script's post, or another language's)."""
    base = loaded_base(request)
    return base["texts"] if base and base.get("language") == language else None


def _field_rows(obj: Translatable, form: TranslationForm, rows: dict) -> list[dict]:
    """The fields that have an original or a translation; empty ones are left out."""
    return [
        {"field": form[name], "original": Text(getattr(obj, name) or "", obj.language),
         "row": rows.get(name)}
        for name in type(obj).TRANSLATABLE_FIELDS
        if getattr(obj, name) or name in rows
    ]  # fmt: skip


def _save_or_review(request: HttpRequest, obj: Translatable, language: str, context) -> bool:
    """True when done (the page is shown afresh); else ``context`` says what to show."""
    form, shown = context["form"], shown_texts(request, language)
    if request.POST.get("action") == "review":
        return _review(request, obj, language, shown)
    if not form.is_valid():
        context |= as_posted(request)
        return False
    try:
        count = services.save_translations(
            obj=obj, language=language, texts=form.cleaned_data, user=request.user,
            by_author=not roles.is_secretariat(request.user), base=shown,
        )  # fmt: skip
    except services.TranslationError as error:
        form.add_error(None, str(error))
        context |= as_posted(request)
        return False
    except EditConflict as conflict:
        context |= _conflict_context(request, obj, language, conflict)
        return False
    messages.success(request, _("The translation is saved (%(n)s fields changed).") % {"n": count})
    return True


def _conflict_context(request: HttpRequest, obj: Translatable, language: str, conflict) -> dict:
    """The typed texts kept in the form, the others' texts where only they changed, each field
    both changed shown with both texts, and the saved texts as the next save's base."""
    saved = obj.translations.filter(language=language).texts(type(obj).TRANSLATABLE_FIELDS)
    form = TranslationForm(conflict.refilled(request.POST), obj=obj, initial_texts=saved)
    return {"form": form, "conflicts": conflict_rows(form, conflict),
            "base": page_base(language, saved), "status": 409}  # fmt: skip


def _review(request: HttpRequest, obj: Translatable, language: str, shown) -> bool:
    try:
        count = services.review_translations(
            obj=obj, language=language, user=request.user, seen=shown
        )
    except StaleState as stale:
        messages.error(request, str(stale))
    else:
        messages.success(request, _("%(n)s translated fields are marked reviewed.") % {"n": count})
    return True


@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    """Draft translations waiting for the secretariat, newest first."""
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("Only the secretariat reviews translations.")
    drafts = (
        Translation.objects.drafts()
        .select_related("content_type", "translated_by")
        .prefetch_related("content_object")
        .order_by("-translated_at", "pk")
    )
    page = Paginator(drafts, 50).get_page(request.GET.get("page"))
    return render(request, "translations/review_queue.html", {"page": page})
