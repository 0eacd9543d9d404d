"""The person's notifications, grouped by day; their e-mail choices; one-click unsubscribe."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from glocal.lib import roles
from glocal.lib.edit_versions import (
    EditConflict,
    as_posted,
    conflict_context,
    loaded_base,
    posted_version,
    sign_base,
)

from . import services
from .access import get_notification_for_owner
from .forms import PreferencesForm
from .models import Kind, Notification, choices_version, deliveries_for


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    mine = Notification.objects.of(request.user)
    if request.GET.get("unread"):
        mine = mine.unread()
    page = Paginator(mine, 50).get_page(request.GET.get("page"))
    days = [(day, list(items)) for day, items in groupby(page.object_list, key=lambda n: n.day)]
    return render(request, "notifications/list.html", {"page": page, "days": days})


@never_cache
@require_GET
def unread_count(request: HttpRequest) -> HttpResponse:
    """The badge in the header, fetched after the page so pages keep their query counts."""
    count = 0
    if request.user.is_authenticated:
        count = Notification.objects.of(request.user).unread().count()
    return render(request, "notifications/unread_count.html", {"count": count})


@login_required
@require_POST
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go to the item it is about."""
    notification = get_notification_for_owner(request, pk)
    services.mark_read(user=request.user, ids=[notification.pk])
    return redirect(notification.url)


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_read(user=request.user)
    messages.success(request, _("%(count)d notifications marked read.") % {"count": count})
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """The person's e-mail choices; a save from a page older than another tab's save (or an
    unsubscribe link) merges, or shows both choices with the ones made here kept."""
    current, secretariat = deliveries_for(request.user), roles.is_secretariat(request.user)
    form = PreferencesForm(request.POST or None, current=current, secretariat=secretariat)
    context = {"form": form, "version": choices_version(request.user), "status": 200,
               "base": sign_base(shown(form, current))}  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            services.set_preferences(user=request.user, choices=form.cleaned_data,
                                     base_version=posted_version(request),
                                     base=loaded_base(request))  # fmt: skip
        except EditConflict as conflict:
            saved = deliveries_for(request.user)
            form = PreferencesForm(conflict.refilled(request.POST), current=saved,
                                   secretariat=secretariat)  # fmt: skip
            context |= conflict_context(form, conflict, shown(form, saved)) | {"status": 409}
        else:
            messages.success(request, _("Your e-mail choices are saved."))
            return redirect("notifications:preferences")
    elif request.method == "POST":
        context |= as_posted(request)
    return render(request, "notifications/preferences.html", context,
                  status=context.pop("status"))  # fmt: skip


def shown(form: PreferencesForm, deliveries: dict[str, str]) -> dict[str, str]:
    """The choices the page offers, as saved: the base its next save merges from."""
    return {kind: deliveries[kind] for kind in form.fields}


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (mail scanners follow links); POST — the RFC 8058 one-click POST
    from the mail client or the button on the page — stops that kind of e-mail."""
    try:
        user_id, kind = services.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    context = {"kind": Kind(kind).label, "token": token}
    if request.method == "POST":
        try:
            services.unsubscribe(token=token)
        except ObjectDoesNotExist:
            return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
        context["done"] = True
    return render(request, "notifications/unsubscribe.html", context)
