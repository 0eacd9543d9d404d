"""Pages of the desk beyond the home page: the reviewer's own list."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from glocal.lib import roles

from .registry import items_for

REVIEW_KINDS = {"review_assigned"}


@require_GET
@login_required
def my_reviews(request: HttpRequest) -> HttpResponse:
    """The applications and nominations waiting for this reviewer's scores."""
    if not roles.may_review(request.user):
        raise PermissionDenied
    items = [item for item in items_for(request.user) if item.kind in REVIEW_KINDS]
    return render(request, "desk/my_reviews.html", {"items": items})
