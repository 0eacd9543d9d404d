"""The community landing page and the working groups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from glocal.events.models import Event
from glocal.lib import roles
from glocal.members.models import User

from . import services
from .access import can_coordinate, get_group_for_viewer
from .forms import GroupForm, ThreadForm
from .models import Statement, Thread, Update, WorkingGroup

COOPERATION_LINKS = [  # built by the cooperation app; shown once their pages exist
    ("cooperation:collaboration_list", gettext_lazy("Collaborative projects"),
     gettext_lazy("Towns working together across borders and applying for funding.")),
    ("cooperation:solidarity", gettext_lazy("Solidarity board"),
     gettext_lazy("Needs and offers between towns, matched with reasons.")),
    ("cooperation:expert_list", gettext_lazy("Experts and organisations"),
     gettext_lazy("Who can help with capacity building, by topic.")),
    ("cooperation:network_list", gettext_lazy("Partner city networks"),
     gettext_lazy("The networks we cooperate with.")),
]  # fmt: skip


def cooperation_links() -> list[dict]:
    links = []
    for name, label, text in COOPERATION_LINKS:
        try:
            links.append({"url": reverse(name), "label": label, "text": text})
        except NoReverseMatch:
            continue
    return links


@require_GET
def community(request: HttpRequest) -> HttpResponse:
    context = {
        "groups": WorkingGroup.objects.active().with_counts(),
        "threads": Thread.objects.visible_to(request.user).for_list()[:5],
        "statements": Statement.objects.visible_to(request.user).filter(status="open")[:3],
        "stories": Update.objects.visible_to(request.user).stories().for_list()[:3],
        "cooperation": cooperation_links(),
    }
    return render(request, "network/community.html", context)


@require_GET
def group_list(request: HttpRequest) -> HttpResponse:
    groups = WorkingGroup.objects.with_counts()
    if not roles.is_secretariat(request.user):
        groups = groups.active()
    mine = set()
    if request.user.is_authenticated:
        mine = set(request.user.group_memberships.values_list("group_id", flat=True))
    return render(request, "network/group_list.html", {"groups": groups, "mine": mine})


@require_GET
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_group_for_viewer(request, slug)
    themes = list(group.themes.all())
    events = Event.objects.visible_to(request.user).upcoming().filter(themes__in=themes)
    context = {
        "group": group,
        "themes": themes,
        "members": group.memberships.select_related("user").prefetch_related(
            "user__memberships__municipality"
        ),
        "is_member": group.has_member(request.user),
        "can_coordinate": can_coordinate(request.user, group),
        "practices": group.group_practices()[:6],
        "events": events.distinct().for_cards()[:5],
        "threads": Thread.objects.visible_to(request.user).filter(group=group).for_list()[:10],
        "thread_form": ThreadForm(),
    }
    return render(request, "network/group_detail.html", context)


@login_required
def group_create(request: HttpRequest) -> HttpResponse:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = services.create_group(user=request.user, **form.cleaned_data)
        messages.success(request, _("The working group is open."))
        return redirect(group)
    return render(request, "network/group_form.html", {"form": form})


@login_required
@require_POST
def group_membership(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_group_for_viewer(request, slug)
    if request.POST.get("action") == "leave":
        services.leave_group(group=group, user=request.user)
        messages.success(request, _("You left %s.") % group)
    else:
        try:
            services.join_group(group=group, user=request.user)
        except services.NetworkError as error:
            messages.error(request, str(error))
            return redirect(group)
        messages.success(request, _("Welcome to %s.") % group)
    return redirect(group)


@login_required
@require_POST
def group_coordinator(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    group = get_group_for_viewer(request, slug)
    member = get_object_or_404(User, pk=user_id, group_memberships__group=group)
    make = request.POST.get("coordinator") == "1"
    services.set_coordinator(group=group, member=member, is_coordinator=make, user=request.user)
    messages.success(request, _("Coordinators updated."))
    return redirect(group)
