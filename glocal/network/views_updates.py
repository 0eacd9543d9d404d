"""Project updates and stories, their public page and the Atom feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from glocal.lib.html import render_rich_text
from glocal.translations.reading import read_for

from . import services
from .access import can_translate_update, get_project_for_updater, get_update_for_viewer
from .forms import UpdateForm
from .models import Update

PAGE_SIZE = 20
FEED_SIZE = 30


@require_GET
def update_list(request: HttpRequest) -> HttpResponse:
    updates = Update.objects.visible_to(request.user).for_list()
    stories_only = request.GET.get("stories") == "1"
    if stories_only:
        updates = updates.stories()
    page = Paginator(updates, PAGE_SIZE).get_page(request.GET.get("page"))
    stories = Update.objects.visible_to(request.user).stories().for_list().order_by("-featured_at")
    context = {"page": page, "stories": stories[:3], "stories_only": stories_only,
               "can_post": UpdateForm(user=request.user).fields["project"].queryset.exists()
               if request.user.is_authenticated else False}  # fmt: skip
    return render(request, "network/update_list.html", context)


@require_GET
def update_detail(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_update_for_viewer(request, pk)
    read_for(request, update)
    context = {"update": update, "can_translate": can_translate_update(request.user, update)}
    return render(request, "network/update_detail.html", context)


@login_required
def update_new(request: HttpRequest) -> HttpResponse:
    form = UpdateForm(request.POST or None, user=request.user,
                      initial={"project": request.GET.get("project")})  # fmt: skip
    if not form.fields["project"].queryset.exists():
        raise PermissionDenied("Updates are posted by the towns of ongoing projects.")
    if request.method == "POST" and form.is_valid():
        project = get_project_for_updater(request, form.cleaned_data["project"].pk)
        try:
            update = services.post_update(project=project, author=request.user,
                                          title=form.cleaned_data["title"],
                                          body=form.cleaned_data["body"])  # fmt: skip
        except services.NetworkError as error:
            form.add_error("project", str(error))
        else:
            messages.success(request, _("Your update is published."))
            return redirect(update)
    status = 400 if form.errors else 200
    return render(request, "network/update_form.html", {"form": form}, status=status)


@login_required
@require_POST
def update_feature(request: HttpRequest, pk: int) -> HttpResponse:
    update = get_update_for_viewer(request, pk)
    featured = request.POST.get("featured") == "1"
    services.feature_update(update=update, user=request.user, featured=featured)
    messages.success(request, _("Featured as a story.") if featured else _("No longer a story."))
    return redirect(update)


class UpdatesFeed(Feed):
    """Public updates and stories as Atom; only what anonymous visitors may see."""

    feed_type = Atom1Feed
    title = gettext_lazy("Glocal network: updates and stories")
    subtitle = gettext_lazy("News from the local action projects of the network's towns.")
    author_name = gettext_lazy("Glocal network")  # Atom needs an author even with no entry

    def link(self) -> str:
        return reverse("network:update_list")

    def items(self):
        return Update.objects.visible_to(AnonymousUser()).for_list()[:FEED_SIZE]

    def item_title(self, item: Update) -> str:
        prefix = _("Story: ") if item.is_story else ""
        return f"{prefix}{item.title}"

    def item_description(self, item: Update) -> str:
        return render_rich_text(item.body)

    def item_link(self, item: Update) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Update) -> str:
        return f"tag:glocal,2026:update-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Update):
        return item.created_at

    def item_updateddate(self, item: Update):
        return item.updated_at

    def item_author_name(self, item: Update) -> str:
        town = item.project.municipality.name
        author = item.author.full_name if item.author and item.author.full_name else ""
        return f"{author}, {town}" if author else town

    def item_categories(self, item: Update) -> list[str]:
        return [_("Story")] if item.is_story else []


update_feed = UpdatesFeed()
