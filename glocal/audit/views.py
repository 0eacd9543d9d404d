"""The log for the secretariat, and one object's history."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.views import shortcut
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .access import get_object_for_history, require_secretariat
from .forms import AuditFilterForm
from .models import AuditEntry

PAGE_SIZE = 50


@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require_secretariat(request)
    form = AuditFilterForm(request.GET or None)
    entries = AuditEntry.objects.for_list()
    if form.is_bound:
        entries = form.filter(entries)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/log.html", {"form": form, "page": page})


@require_GET
def history(request: HttpRequest, type_key: str, object_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    content_type, obj = get_object_for_history(request, type_key, object_id)
    entries = AuditEntry.objects.for_list().filter(content_type=content_type, object_id=object_id)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    model = content_type.model_class()
    kind = model._meta.verbose_name if model else content_type.model
    context = {"page": page, "obj": obj, "kind": kind, "type_key": type_key}
    return render(request, "audit/history.html", context)


@require_GET
def open_object(request: HttpRequest, content_type_id: int, object_id: int) -> HttpResponse:
    """The object's own page (its permissions apply there), from a row of the log."""
    require_secretariat(request)
    return shortcut(request, content_type_id, object_id)
