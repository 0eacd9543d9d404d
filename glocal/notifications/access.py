"""Who may see a notification: only the person it was written for."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from .models import Notification


def get_notification_for_owner(request: HttpRequest, pk: int) -> Notification:
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(Notification.objects.of(request.user), pk=pk)
