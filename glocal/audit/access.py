"""Who reads the log: the secretariat all of it; a town's representatives the history of
their own town's profile, practices and projects (not reviews, scores or moderation)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest

from glocal.lib import roles

from .services import town_of

TOWN_READABLE = {"members.municipality", "practices.practice", "projects.project"}


def require_secretariat(request: HttpRequest) -> None:
    if not roles.is_secretariat(request.user):
        raise PermissionDenied("The audit log is for the secretariat.")


def can_read_history(user, obj: models.Model) -> bool:
    if roles.is_secretariat(user):
        return True
    key = f"{obj._meta.app_label}.{obj._meta.model_name}"
    if key not in TOWN_READABLE or not user.is_authenticated:
        return False
    town = town_of(obj)
    return town is not None and roles.represents(user, town)


def get_object_for_history(request: HttpRequest, type_key: str, object_id: int):
    """(content type, object or None once deleted) whose history the requester may read."""
    app_label, _dot, model = type_key.partition(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist as exc:
        raise Http404("No such kind of object.") from exc
    model_class = content_type.model_class()
    obj = model_class._default_manager.filter(pk=object_id).first() if model_class else None
    if obj is None and roles.is_secretariat(request.user):  # deleted since: its history stays
        return content_type, None
    if obj is None:
        raise Http404("No such object.")
    if not can_read_history(request.user, obj):
        raise PermissionDenied("Only the secretariat reads this history.")
    return content_type, obj
