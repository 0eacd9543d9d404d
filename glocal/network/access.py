"""One fetch-and-authorise helper per object type: every view and endpoint uses these."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from glocal.lib import roles
from glocal.members.models import Municipality, User
from glocal.projects.models import Project

from .models import Post, Signatory, Statement, StatementVersion, Thread, Update, WorkingGroup


def can_post_in(user: User, thread: Thread) -> bool:
    """Group threads take posts from the group's members; other threads from anyone signed in."""
    if not user.is_authenticated:
        return False
    if roles.is_secretariat(user) or not thread.group_id:
        return True
    return thread.group.has_member(user)


def can_coordinate(user: User, group: WorkingGroup) -> bool:
    """The secretariat and a group's coordinators name its coordinators."""
    return roles.is_secretariat(user) or group.is_coordinated_by(user)


def can_moderate(user: User, thread: Thread) -> bool:
    if not user.is_authenticated:
        return False
    if roles.is_secretariat(user):
        return True
    return bool(thread.group_id and thread.group.is_coordinated_by(user))


def can_edit_statement(user: User, statement: Statement) -> bool:
    if not user.is_authenticated:
        return False
    if roles.is_secretariat(user):
        return True
    return statement.drafted_by.filter(roles.represented_by(user, town_field="")).exists()


def can_sign_for(user: User, municipality: Municipality) -> bool:
    """Only an authorised signatory who still represents the town signs in its name."""
    return roles.is_signatory(user, municipality)


def can_grant_signatory(user: User, municipality: Municipality) -> bool:
    """The secretariat names a town's first signatory; a signatory may then delegate.

    A representative who is not authorised cannot authorise anyone, themselves included.
    """
    return roles.is_secretariat(user) or can_sign_for(user, municipality)


def can_post_update(user: User, project: Project) -> bool:
    """Representatives of the project's own town post its updates."""
    return roles.represents(user, project.municipality)


def get_group_for_viewer(request: HttpRequest, slug: str) -> WorkingGroup:
    queryset = WorkingGroup.objects.all()
    if not roles.is_secretariat(request.user):
        queryset = queryset.active()
    return get_object_or_404(queryset, slug=slug)


def get_thread_for_viewer(request: HttpRequest, pk: int) -> Thread:
    """Threads live behind sign-in; project threads follow the project's visibility (404)."""
    queryset = Thread.objects.visible_to(request.user).select_related("group", "project")
    return get_object_or_404(queryset, pk=pk)


def get_post_for_moderator(request: HttpRequest, pk: int) -> Post:
    visible = Thread.objects.visible_to(request.user)
    post = get_object_or_404(Post.objects.select_related("thread__group"), pk=pk,
                             thread__in=visible)  # fmt: skip
    if not can_moderate(request.user, post.thread):
        raise PermissionDenied("Only moderators hide or show messages.")
    return post


def get_post_for_reader(request: HttpRequest, pk: int) -> Post:
    visible = Thread.objects.visible_to(request.user)
    return get_object_or_404(
        Post.objects.select_related("thread__group"), pk=pk, thread__in=visible, is_hidden=False
    )


def get_statement_for_viewer(request: HttpRequest, slug: str) -> Statement:
    queryset = Statement.objects.visible_to(request.user).prefetch_related("drafted_by")
    return get_object_or_404(queryset, slug=slug)


def get_statement_for_editor(request: HttpRequest, slug: str) -> Statement:
    statement = get_statement_for_viewer(request, slug)
    if not can_edit_statement(request.user, statement):
        raise PermissionDenied("Only the drafting towns and the secretariat edit a statement.")
    return statement


def get_town_for_granter(request: HttpRequest, slug: str) -> Municipality:
    town = get_object_or_404(Municipality.objects.visible_to(request.user), slug=slug)
    if not can_grant_signatory(request.user, town):
        raise PermissionDenied("Only the secretariat or the town's signatories authorise.")
    return town


def get_signatory_for_granter(request: HttpRequest, pk: int) -> Signatory:
    signatory = get_object_or_404(
        Signatory.objects.active().select_related("municipality", "user"), pk=pk
    )
    if not can_grant_signatory(request.user, signatory.municipality):
        raise PermissionDenied("Only the secretariat or the town's signatories revoke.")
    return signatory


def get_update_for_viewer(request: HttpRequest, pk: int) -> Update:
    return get_object_or_404(Update.objects.visible_to(request.user).for_list(), pk=pk)


def get_project_for_updater(request: HttpRequest, pk: int) -> Project:
    project = get_object_or_404(Project.objects.visible_to(request.user), pk=pk)
    if not can_post_update(request.user, project):
        raise PermissionDenied("Only the project's town posts its updates.")
    return project


def can_translate_update(user, update: Update) -> bool:
    """The town that posted the update, and the secretariat."""
    return roles.is_secretariat(user) or can_post_update(user, update.project)


def get_update_for_translator(request: HttpRequest, pk: int) -> Update:
    update = get_update_for_viewer(request, pk)
    if not can_translate_update(request.user, update):
        raise PermissionDenied("Only the project's town and the secretariat translate its updates.")
    return update


def get_version_for_translator(request: HttpRequest, slug: str, number: int) -> StatementVersion:
    statement = get_statement_for_editor(request, slug)
    return get_object_or_404(StatementVersion, statement=statement, number=number)
