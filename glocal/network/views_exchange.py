"""The exchange space: threads, replies, following, reporting, moderation and the digest."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from glocal.lib import roles
from glocal.lib.edit_versions import StaleState
from glocal.projects.access import get_project_for_viewer

from . import services
from .access import (
    can_moderate,
    can_post_in,
    get_group_for_viewer,
    get_post_for_moderator,
    get_post_for_reader,
    get_thread_for_viewer,
)
from .forms import DigestForm, ReplyForm, ReportForm, ThreadForm
from .models import DigestFrequency, DigestPreference, Follow, Post, Report, Thread

SCOPES = {
    "open": {"group__isnull": True, "project__isnull": True},
    "groups": {"group__isnull": False},
    "projects": {"project__isnull": False},
}
PAGE_SIZE = 20


@login_required
def exchange(request: HttpRequest) -> HttpResponse:
    threads = Thread.objects.visible_to(request.user).for_list()
    scope = request.GET.get("scope", "")
    if scope in SCOPES:
        threads = threads.filter(**SCOPES[scope])
    elif scope == "following":
        threads = threads.followed_by(request.user)
    page = Paginator(threads, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "scope": scope, "form": ThreadForm()}
    return render(request, "network/exchange.html", context)


@login_required
def thread_new(request: HttpRequest) -> HttpResponse:
    """A new thread in the open network, in a group (``?group=slug``) or on a project."""
    group = project = None
    if slug := request.GET.get("group") or request.POST.get("group"):
        group = get_group_for_viewer(request, slug)
    elif pk := request.GET.get("project") or request.POST.get("project", ""):
        if not pk.isdecimal():
            raise Http404("No such project.")
        project = get_project_for_viewer(request, int(pk))
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.start_thread(author=request.user, group=group, project=project,
                                           **form.cleaned_data)  # fmt: skip
        except services.NetworkError as error:
            form.add_error("body", str(error))
        else:
            return redirect(thread)
    context = {"form": form, "group": group, "project": project}
    return render(request, "network/thread_form.html", context, status=400 if form.errors else 200)


@login_required
def thread_detail(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread_for_viewer(request, pk)
    moderator = can_moderate(request.user, thread)
    posts = thread.posts.select_related("author")
    if not moderator:
        posts = posts.filter(is_hidden=False)
    else:
        open_reports = Report.objects.filter(resolved_at__isnull=True)
        posts = posts.prefetch_related(Prefetch("reports", queryset=open_reports))
    context = {
        "thread": thread,
        "posts": posts,
        "moderator": moderator,
        "can_post": can_post_in(request.user, thread),
        "following": Follow.objects.filter(thread=thread, user=request.user).exists(),
        "form": ReplyForm(),
    }
    return render(request, "network/thread_detail.html", context)


@login_required
@require_POST
def thread_reply(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread_for_viewer(request, pk)
    if not can_post_in(request.user, thread):
        raise PermissionDenied
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            post = services.reply_to_thread(thread=thread, author=request.user,
                                            body=form.cleaned_data["body"])  # fmt: skip
        except services.NetworkError as error:
            form.add_error("body", str(error))
        else:
            return redirect(f"{thread.get_absolute_url()}#post-{post.pk}")
    context = {"thread": thread, "posts": thread.posts.filter(is_hidden=False), "form": form,
               "can_post": True, "moderator": False}  # fmt: skip
    return render(request, "network/thread_detail.html", context, status=400)


@login_required
@require_POST
def thread_follow(request: HttpRequest, pk: int) -> HttpResponse:
    thread = get_thread_for_viewer(request, pk)
    follow = request.POST.get("follow") == "1"
    services.set_following(thread=thread, user=request.user, follow=follow)
    messages.success(request, _("You follow this thread.") if follow else _("Unfollowed."))
    return redirect(thread)


@login_required
def post_report(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post_for_reader(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(post=post, reporter=request.user, **form.cleaned_data)
        except services.NetworkError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, _("Thank you. The moderators will look at it."))
            return redirect(post.thread)
    status = 400 if form.errors else 200
    return render(request, "network/report_form.html", {"form": form, "post": post}, status=status)


@login_required
@require_POST
def post_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post_for_moderator(request, pk)
    hide = request.POST.get("hide") == "1"
    services.set_post_hidden(post=post, moderator=request.user, hidden=hide)
    messages.success(request, _("The message is hidden.") if hide else _("The message is shown."))
    return redirect(f"{post.thread.get_absolute_url()}#post-{post.pk}")


@login_required
def report_queue(request: HttpRequest) -> HttpResponse:
    """Open reports in the threads this person moderates."""
    posts = Post.objects.filter(reports__resolved_at__isnull=True).distinct()
    if not roles.is_secretariat(request.user):
        coordinated = request.user.group_memberships.filter(is_coordinator=True)
        if not coordinated.exists():
            raise PermissionDenied
        posts = posts.filter(thread__group__in=coordinated.values("group"))
    posts = posts.select_related("thread", "author").prefetch_related("reports__reporter")
    return render(request, "network/report_queue.html", {"posts": posts})


@login_required
def digest_settings(request: HttpRequest) -> HttpResponse:
    preference = DigestPreference.objects.filter(user=request.user).first()
    shown = preference.frequency if preference else DigestFrequency.OFF
    form = DigestForm(request.POST or None, initial={"frequency": shown})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.set_digest_frequency(user=request.user, was=request.POST.get("was") or None,
                                          **form.cleaned_data)  # fmt: skip
        except StaleState as stale:
            form.add_error(None, str(stale))
            shown, status = stale.record.frequency, 409  # the next save is based on it
        else:
            messages.success(request, _("Your digest preference is saved."))
            return redirect("network:digest")
    context = {"form": form, "preference": preference, "was": shown}
    return render(request, "network/digest_form.html", context, status=status)
