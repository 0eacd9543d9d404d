"""The solidarity board: needs and offers, the matches between them, what is still unmet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from glocal.lib import roles

from . import services
from .access import get_match_for_party, get_post_for_owner, get_post_for_viewer
from .forms import PostForm, ProposeForm
from .models import Category, Match, Post

PAGE_SIZE = 20


def matches_of(user):
    """Matches of the user's towns that still need someone to act, newest first."""
    if not user.is_authenticated:
        return Match.objects.none()
    return (
        Match.objects.filter(
            roles.represented_by(user, "need__municipality")
            | roles.represented_by(user, "offer__municipality")
        )
        .filter(state__in=[Match.State.OFFERED, Match.State.ACCEPTED])
        .select_related("need__municipality", "offer__municipality")
        .distinct()
        .order_by("-updated_at")
    )


def towns_of(user) -> list:
    if not user.is_authenticated:
        return []
    memberships = user.memberships.select_related("municipality")
    return [membership.municipality for membership in memberships]


@require_GET
def solidarity(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    category = request.GET.get("category", "")
    posts = Post.objects.open().for_board()
    if kind in Post.Kind.values:
        posts = posts.filter(kind=kind)
    if category in Category.values:
        posts = posts.filter(category=category)
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "kind": kind, "category": category, "kinds": Post.Kind.choices,
               "categories": Category.choices, "my_matches": matches_of(request.user),
               "user_towns": towns_of(request.user)}  # fmt: skip
    context["can_post"] = bool(context["user_towns"])
    return render(request, "cooperation/solidarity.html", context)


@login_required
@require_GET
def solidarity_unmet(request: HttpRequest) -> HttpResponse:
    """For the secretariat: open needs nobody has delivered to yet, most urgent first."""
    if not roles.is_secretariat(request.user):
        raise PermissionDenied(_("The list of unmet needs is for the secretariat."))
    needs = Post.objects.unmet().for_board().order_by("-urgency", "until", "created_at")
    return render(request, "cooperation/solidarity_unmet.html", {"needs": needs})


@login_required
def post_new(request: HttpRequest) -> HttpResponse:
    if not roles.is_representative(request.user):
        raise PermissionDenied(_("Only municipality representatives post on the board."))
    initial = {"kind": request.GET.get("kind") if request.GET.get("kind") in Post.Kind.values
               else Post.Kind.NEED}  # fmt: skip
    form = PostForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        post = services.publish_post(user=request.user, **data)
        count = post.matches_as_need.count() + post.matches_as_offer.count()
        messages.success(request, _("Posted on the board. Suggested matches: %d.") % count)
        return redirect(post)
    return render(request, "cooperation/post_form.html", {"form": form})


@require_GET
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_post(request, get_post_for_viewer(request, pk))


def render_post(request, post: Post, status: int = 200, propose_form=None) -> HttpResponse:
    user = request.user
    is_owner = user.is_authenticated and roles.represents(user, post.municipality)
    field = "need" if post.kind == Post.Kind.NEED else "offer"
    matches = Match.objects.none()
    if is_owner or roles.is_secretariat(user):
        matches = Match.objects.filter(**{field: post}).select_related(
            "need__municipality", "offer__municipality"
        )
    elif user.is_authenticated:  # the other town sees the matches its own posts are in
        matches = Match.objects.filter(**{field: post}).filter(
            roles.represented_by(user, "need__municipality")
            | roles.represented_by(user, "offer__municipality")
        ).select_related("need__municipality", "offer__municipality")  # fmt: skip
    if propose_form is None and user.is_authenticated and post.kind == Post.Kind.NEED:
        propose_form = ProposeForm(need=post, user=user)
        if not propose_form.fields["offer"].queryset.exists():
            propose_form = None
    context = {"post": post, "matches": matches, "is_owner": is_owner,
               "propose_form": propose_form, "user_towns": towns_of(user)}  # fmt: skip
    return render(request, "cooperation/post_detail.html", context, status=status)


@login_required
@require_POST
def post_propose(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_post_for_viewer(request, pk)
    form = ProposeForm(request.POST, need=need, user=request.user)
    if form.is_valid():
        try:
            services.propose_match(need=need, offer=form.cleaned_data["offer"], user=request.user)
        except services.InvalidAction as error:
            form.add_error("offer", str(error))
        else:
            messages.success(request, _("Your offer is put forward; the town will answer."))
            return redirect(need)
    return render_post(request, need, status=400, propose_form=form)


@login_required
@require_POST
def post_close(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post_for_owner(request, pk)
    services.close_post(post=post, user=request.user)
    messages.success(request, _("Withdrawn from the board."))
    return redirect("cooperation:solidarity")


@login_required
@require_POST
def match_move(request: HttpRequest, pk: int) -> HttpResponse:
    match = get_match_for_party(request, pk)
    state = request.POST.get("state", "")
    try:
        if state not in Match.State.values:
            raise services.InvalidAction(_("Unknown step for a match."))
        match = services.move_match(match=match, user=request.user, state=state)
    except services.InvalidAction as error:
        messages.error(request, str(error))
        return render_post(request, match.need, status=400)
    messages.success(request, _("The match is now %s.") % match.get_state_display().lower())
    if request.POST.get("back") == "board":
        return redirect("cooperation:solidarity")
    return redirect(match.need)
