"""Who is who: the one place that reads role flags and town memberships.

Every permission question in Glocal is answered here: views, services, each app's
``access.py``, the admin (``SecretariatPermissions``), the API and templates (the ``roles``
context processor: ``{% if roles.secretariat %}``). ``tests/test_architecture.py`` fails on a raw
``is_staff``/``is_superuser`` read or a hand-written "represents a town" check anywhere else.

It lives in ``lib`` because apps on the far left (``reference``'s admin, ``notifications``) ask
too; it imports no app and reaches models through reverse relations and ``apps.get_model``.
Answers about one person are kept on the user object, so a page asks each question of the
database at most once (the user object lives for one request).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import HttpRequest

CACHE = "_roles_cache"


def _cache(user) -> dict:
    if CACHE not in user.__dict__:
        user.__dict__[CACHE] = {}
    return user.__dict__[CACHE]


def forget(user) -> None:
    """Drop the answers kept on ``user`` (after their memberships or grants change)."""
    user.__dict__.pop(CACHE, None)


# The secretariat


def is_secretariat(user) -> bool:
    """Active secretariat staff: they see and may do everything."""
    return bool(user.is_active and user.is_staff)


def is_superuser(user) -> bool:
    """A superuser's account, active or not: only a superuser may change it."""
    return bool(user.is_superuser)


def secretariat_q(prefix: str = "") -> Q:
    """The secretariat among users, as a filter (``prefix`` like ``"reviewer__"``)."""
    return Q(**{f"{prefix}is_staff": True, f"{prefix}is_active": True})


def secretariat_users() -> QuerySet:
    return get_user_model().objects.filter(secretariat_q())


# Reviewers and juries


def is_reviewer(user) -> bool:
    """Named a reviewer or jury member (the flag, independent of any assignment)."""
    return bool(user.is_active and getattr(user, "is_reviewer", False))


def may_review(user) -> bool:
    """Reviewers and the secretariat take part in reviews."""
    return is_reviewer(user) or is_secretariat(user)


def reviewers_q() -> Q:
    """Users who may review: reviewers and the secretariat, active."""
    return (Q(is_reviewer=True) | Q(is_staff=True)) & Q(is_active=True)


def reviews(user, call) -> bool:
    """Assigned to at least one application of ``call`` without having stepped aside."""
    if not user.is_authenticated:
        return False
    key = ("reviews", call.pk)
    cache = _cache(user)
    if key not in cache:
        assignments = apps.get_model("calls", "Assignment").objects
        cache[key] = assignments.filter(
            reviewer=user, application__call=call, conflict=False
        ).exists()
    return cache[key]


def conflict(user, application, towns: list | None = None) -> tuple[str, Any] | None:
    """Why ``user`` may not judge ``application``: ``("town", town)`` if they represent a subject
    town, ``("country", town)`` if they come from its country, ``("declared", None)`` if they
    stepped aside; ``None`` when they may. ``towns`` passes the user's towns fetched once."""
    towns = towns_of(user) if towns is None else towns
    for subject in application.subject_towns:
        for town in towns:
            if town.pk == subject.pk:
                return ("town", subject)
            if town.country_id == subject.country_id:
                return ("country", subject)
    mine = next((a for a in application.assignments.all() if a.reviewer_id == user.pk), None)
    if mine is not None and mine.conflict:
        return ("declared", None)
    return None


# Town representatives and signatories


def town_ids(user) -> frozenset[int]:
    """The ids of the towns this person represents (uses a prefetch of ``memberships``)."""
    if not user.is_authenticated:
        return frozenset()
    cache = _cache(user)
    if "town_ids" not in cache:
        cache["town_ids"] = frozenset(m.municipality_id for m in user.memberships.all())
    return cache["town_ids"]


def towns_of(user) -> list:
    """The towns this person represents, as objects (select ``memberships__municipality``
    in a prefetch to read them without a query per town)."""
    if not user.is_authenticated:
        return []
    return [m.municipality for m in user.memberships.all()]


def represents(user, town) -> bool:
    return town is not None and town.pk in town_ids(user)


def is_representative(user) -> bool:
    """Represents at least one town."""
    return bool(town_ids(user))


def represented_towns(user) -> QuerySet:
    """The towns this person represents, as a queryset."""
    municipalities = apps.get_model("members", "Municipality").objects
    if not user.is_authenticated:
        return municipalities.none()
    return municipalities.filter(memberships__user=user)


def represented_by(user, town_field: str = "municipality") -> Q:
    """Objects whose ``town_field`` (a path to a municipality) is a town ``user`` represents."""
    if not town_field:
        return Q(memberships__user=user)
    return Q(**{f"{town_field}__memberships__user": user})


def is_signatory(user, town) -> bool:
    """An authorised signatory (a grant not revoked) who still represents the town signs in
    its name."""
    if not represents(user, town):
        return False
    key = ("signatory", town.pk)
    cache = _cache(user)
    if key not in cache:
        grants = apps.get_model("network", "Signatory").objects
        cache[key] = grants.filter(municipality=town, user=user, revoked_at__isnull=True).exists()
    return cache[key]


def signatory_towns(user) -> QuerySet:
    """The towns for which this person is an authorised signatory and still a representative."""
    granted = {"signatories__user": user, "signatories__revoked_at__isnull": True}
    return represented_towns(user).filter(**granted).distinct()


# Experts


def is_expert(user) -> bool:
    """Has an expert profile (advises in consultations)."""
    if not user.is_authenticated:
        return False
    cache = _cache(user)
    if "expert" not in cache:
        experts = apps.get_model("cooperation", "Expert").objects
        cache["expert"] = experts.filter(user=user).exists()
    return cache["expert"]


# Templates


class Roles:
    """The viewer's roles for templates, each asked only when a template reads it."""

    def __init__(self, user) -> None:
        self.user = user

    @cached_property
    def secretariat(self) -> bool:
        return is_secretariat(self.user)

    @cached_property
    def superuser(self) -> bool:
        return is_superuser(self.user)

    @cached_property
    def reviewer(self) -> bool:
        return is_reviewer(self.user)

    @cached_property
    def may_review(self) -> bool:
        return may_review(self.user)

    @cached_property
    def representative(self) -> bool:
        return is_representative(self.user)

    @cached_property
    def expert(self) -> bool:
        return is_expert(self.user)

    def __bool__(self) -> bool:
        return bool(self.user.is_authenticated)


def context(request: HttpRequest) -> dict:
    """Template context processor: ``roles`` (``{% if roles.secretariat %}``)."""
    user = getattr(request, "user", None)
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    return {"roles": Roles(user)}
