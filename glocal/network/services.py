"""Every write of the network community goes through here: pages, API and commands alike."""

import re
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glocal.audit.services import record
from glocal.lib import roles
from glocal.lib.edit_versions import StaleState, merge_edit, plain
from glocal.lib.html import clean_html
from glocal.lib.slugs import unique_slug
from glocal.members.languages import TranslateLater
from glocal.members.models import Municipality, User
from glocal.notifications.models import Kind
from glocal.notifications.services import notify
from glocal.projects.models import Project

from .access import (
    can_coordinate,
    can_edit_statement,
    can_grant_signatory,
    can_moderate,
    can_post_in,
    can_post_update,
    can_sign_for,
)
from .models import (
    DigestPreference,
    Follow,
    GroupMembership,
    Post,
    Report,
    Signatory,
    Signature,
    Statement,
    StatementStatus,
    StatementVersion,
    Thread,
    Update,
    WorkingGroup,
)

MENTION = re.compile(r"(?<![\w@/])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]{2,60})", re.UNICODE)


class NetworkError(ValueError):
    """A request that cannot be done as asked; the message is shown to the person."""


def mail(
    *, kind: str, subject: str, template: str, context: dict, recipients: Iterable[str], url: str
) -> None:
    """Notify each recipient; their e-mails leave once the transaction commits."""
    notify(kind=kind, recipients=recipients, subject=subject, url=url,
           template=f"network/email/{template}.txt",
           context=context | {"site": settings.SITE_URL})  # fmt: skip


# Working groups


@transaction.atomic
def create_group(
    *, name: str, summary: str, description: str, themes: Iterable, user: User
) -> WorkingGroup:
    if not roles.is_secretariat(user):
        raise PermissionDenied("Only the secretariat opens working groups.")
    group = WorkingGroup.objects.create(
        name=name, slug=unique_slug(WorkingGroup.objects.all(), name), summary=summary,
        description=clean_html(description), created_by=user,
    )  # fmt: skip
    group.themes.set(themes)
    record(actor=user, action="group.created", obj=group)
    return group


@transaction.atomic
def join_group(*, group: WorkingGroup, user: User) -> GroupMembership:
    if not group.is_active:
        raise NetworkError(_("This working group no longer takes new members."))
    membership, created = GroupMembership.objects.get_or_create(group=group, user=user)
    if created:
        record(actor=user, action="group.joined", obj=group, changes={"member": [None, str(user)]})
    return membership


@transaction.atomic
def leave_group(*, group: WorkingGroup, user: User) -> None:
    if GroupMembership.objects.filter(group=group, user=user).delete()[0]:
        record(actor=user, action="group.left", obj=group, changes={"member": [str(user), None]})


@transaction.atomic
def set_coordinator(
    *, group: WorkingGroup, member: User, is_coordinator: bool, user: User
) -> GroupMembership:
    if not can_coordinate(user, group):
        raise PermissionDenied("Only the secretariat and coordinators name coordinators.")
    membership, _created = GroupMembership.objects.get_or_create(group=group, user=member)
    before, membership.is_coordinator = membership.is_coordinator, is_coordinator
    membership.save(update_fields=["is_coordinator"])
    record(actor=user, action="group.coordinator", obj=group,
           changes={f"coordinator {member}": [before, is_coordinator]})  # fmt: skip
    return membership


# Exchange space


def find_mentions(text: str) -> list[User]:
    """People named as ``@e-mail`` or ``@first-last`` (their name as a slug) in a text."""
    handles = {m.group(1).lower().rstrip(".") for m in MENTION.finditer(text)}
    if not handles:
        return []
    emails = {h for h in handles if "@" in h}
    names = handles - emails
    found = {u.pk: u for u in User.objects.filter(is_active=True, email__in=emails)}
    if names:
        for person in User.objects.filter(is_active=True).exclude(full_name=""):
            if slugify(person.full_name) in names:
                found[person.pk] = person
    return list(found.values())


def _add_post(*, thread: Thread, body: str, author: User) -> Post:
    cleaned = clean_html(body)
    if not re.sub(r"<[^>]+>|\s|&nbsp;", "", cleaned):
        raise NetworkError(_("Write a message first."))
    post = Post.objects.create(thread=thread, author=author, body=cleaned)
    Follow.objects.get_or_create(thread=thread, user=author)
    mentioned = [
        person for person in find_mentions(body)
        if person != author and Thread.objects.visible_to(person).filter(pk=thread.pk).exists()
    ]  # fmt: skip
    post.mentions.set(mentioned)
    context = {"thread": thread, "post": post, "author": author}
    for person in mentioned:
        mail(
            subject=TranslateLater(gettext_lazy("%(name)s mentioned you in “%(title)s”"),
                                   name=author, title=thread.title),
            template="mention", context=context | {"person": person}, recipients=[person.email],
            kind=Kind.MENTION, url=f"{thread.get_absolute_url()}#post-{post.pk}",
        )  # fmt: skip
    return post


@transaction.atomic
def start_thread(
    *,
    title: str,
    body: str,
    author: User,
    group: WorkingGroup | None = None,
    project: Project | None = None,
) -> Thread:
    if group and project:
        raise NetworkError(_("A thread belongs to a group or a project, not both."))
    thread = Thread(title=title, group=group, project=project, author=author,
                    last_post_at=timezone.now())  # fmt: skip
    if not can_post_in(author, thread):
        raise PermissionDenied("Join the working group to start a discussion in it.")
    thread.save()
    _add_post(thread=thread, body=body, author=author)
    record(actor=author, action="thread.started", obj=thread)
    return thread


@transaction.atomic
def reply_to_thread(*, thread: Thread, body: str, author: User) -> Post:
    if not can_post_in(author, thread):
        raise PermissionDenied("Join the working group to reply.")
    post = _add_post(thread=thread, body=body, author=author)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at)
    record(actor=author, action="thread.replied", obj=thread, changes={"post": [None, post.pk]})
    return post


@transaction.atomic
def set_following(*, thread: Thread, user: User, follow: bool) -> None:
    if follow:
        Follow.objects.get_or_create(thread=thread, user=user)
    else:
        Follow.objects.filter(thread=thread, user=user).delete()
    record(actor=user, action="thread.following", obj=thread, changes={"following": [None, follow]})


def moderators_of(thread: Thread) -> list[User]:
    staff = roles.secretariat_q()
    if thread.group_id:
        staff |= Q(group_memberships__group=thread.group_id,
                   group_memberships__is_coordinator=True)  # fmt: skip
    return list(User.objects.filter(staff, is_active=True).distinct())


@transaction.atomic
def report_post(*, post: Post, reporter: User, reason: str) -> Report:
    reason = reason.strip()
    if not reason:
        raise NetworkError(_("Say briefly what is wrong with this message."))
    try:
        with transaction.atomic():
            report = Report.objects.create(post=post, reporter=reporter, reason=reason[:500])
    except IntegrityError:
        raise NetworkError(_("You already reported this message.")) from None
    mail(
        subject=TranslateLater(gettext_lazy("A message was reported in “%s”"), post.thread.title),
        template="report",
        context={"post": post, "report": report, "thread": post.thread},
        recipients=[m.email for m in moderators_of(post.thread)],
        kind=Kind.MODERATION, url=reverse("network:report_queue"),
    )  # fmt: skip
    record(actor=reporter, action="post.reported", obj=post.thread,
           changes={"report": [None, reason[:500]]})  # fmt: skip
    return report


@transaction.atomic
def set_post_hidden(*, post: Post, moderator: User, hidden: bool) -> Post:
    if not can_moderate(moderator, post.thread):
        raise PermissionDenied("Only moderators hide messages.")
    before, post.is_hidden = post.is_hidden, hidden
    post.hidden_by = moderator if hidden else None
    post.hidden_at = timezone.now() if hidden else None
    post.save(update_fields=["is_hidden", "hidden_by", "hidden_at"])
    post.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    record(actor=moderator, action="post.hidden", obj=post.thread,
           changes={f"post {post.pk} hidden": [before, hidden]})  # fmt: skip
    return post


@transaction.atomic
def set_digest_frequency(*, user: User, frequency: str, was: str | None = None) -> DigestPreference:
    """Save the person's digest choice; ``was`` is the choice their page showed: changed since
    (another tab) to something else, the save is refused with the current choice named."""
    DigestPreference.objects.get_or_create(user=user)
    preference = DigestPreference.objects.select_for_update().get(user=user)
    if was is not None and preference.frequency not in (was, frequency):
        raise StaleState(preference, _("Not saved: you chose “%(now)s” in another tab or device "
                                       "after opening this page. Your choice is still selected; "
                                       "save again to keep it.")
                         % {"now": preference.get_frequency_display()})  # fmt: skip
    before, preference.frequency = preference.frequency, frequency
    if preference.last_sent_at is None:
        preference.last_sent_at = timezone.now()  # the first digest covers what comes next
    preference.save(update_fields=["frequency", "last_sent_at"])
    record(actor=user, action="digest.frequency", obj=user,
           changes={"digest": [before, frequency]})  # fmt: skip
    return preference


# Joint statements


def drafting_towns_of(user: User):
    if roles.is_secretariat(user):
        return Municipality.objects.all()
    return roles.represented_towns(user)


@transaction.atomic
def create_statement(
    *, title: str, addressees: str, text: str, towns: Iterable[Municipality], user: User,
    status: str = StatementStatus.DRAFT,
) -> Statement:  # fmt: skip
    towns = list(towns)
    allowed = set(drafting_towns_of(user).values_list("pk", flat=True))
    if not towns or any(town.pk not in allowed for town in towns):
        raise PermissionDenied("You may draft only for towns you represent.")
    statement = Statement.objects.create(
        title=title, slug=unique_slug(Statement.objects.all(), title),
        addressees=addressees.strip(), status=status, created_by=user, current_number=1,
    )  # fmt: skip
    statement.drafted_by.set(towns)
    StatementVersion.objects.create(
        statement=statement, number=1, text=clean_html(text), note=_("First draft"),
        created_by=user, language=statement.language,
    )  # fmt: skip
    record(actor=user, action="statement.created", obj=statement, town=towns[0],
           changes={"drafting towns": [None, [str(t) for t in towns]]})  # fmt: skip
    return statement


@transaction.atomic
def revise_statement(
    *, statement: Statement, user: User, text: str, note: str = "", title: str | None = None,
    addressees: str | None = None, status: str | None = None, base_version: int | None = None,
    base: dict | None = None,
) -> StatementVersion | None:  # fmt: skip
    """Save a change; new wording is a new version and every signatory is asked to confirm.

    A save from a page older than ``base_version`` keeps what others changed meanwhile, or
    raises EditConflict when both changed one field."""
    if not can_edit_statement(user, statement):
        raise PermissionDenied("Only the drafting towns and the secretariat edit a statement.")
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if base_version is not None:
        theirs = statement.edit_values()
        mine = {
            "title": title,
            "addressees": addressees,
            "text": clean_html(text),
            "status": status,
        }
        theirs |= merge_edit(
            record=statement, base_version=base_version, base=base, theirs=theirs, mine=plain(mine)
        )
        title, addressees, text, status = (
            theirs[n] for n in ("title", "addressees", "text", "status")
        )
    fields, diff = ["updated_at"], {}
    for name, value in (("title", title), ("addressees", addressees), ("status", status)):
        if value is not None and getattr(statement, name) != value:
            diff[name] = [getattr(statement, name), value]
            setattr(statement, name, value)
            fields.append(name)
    current = statement.current_version
    cleaned = clean_html(text)
    version = None
    if current is None or cleaned != current.text:
        if statement.status == StatementStatus.CLOSED:
            raise NetworkError(_("A closed statement keeps its text; reopen it to change it."))
        statement.current_number += 1
        fields.append("current_number")
        version = StatementVersion.objects.create(
            statement=statement, number=statement.current_number, text=cleaned, note=note,
            created_by=user, language=statement.language,
        )  # fmt: skip
    if len(fields) > 1:
        statement.version += 1
        fields.append("version")
    statement.save(update_fields=fields)
    if version is not None:
        diff["text"] = [current.text if current else None, cleaned]
        _ask_to_reconfirm(statement, version)
    if diff:
        record(actor=user, action="statement.revised", obj=statement, changes=diff)
    return version


def _ask_to_reconfirm(statement: Statement, version: StatementVersion) -> None:
    signatures = statement.signatures.filter(withdrawn_at__isnull=True).select_related(
        "signed_by", "municipality"
    )
    for signature in signatures:
        people = (
            Signatory.objects.active()
            .filter(municipality=signature.municipality)
            .select_related("user")
        )
        recipients = {s.user.email for s in people} | (
            {signature.signed_by.email} if signature.signed_by else set()
        )
        mail(
            subject=TranslateLater(
                gettext_lazy("“%s” has changed: please confirm your signature"), statement.title
            ),
            template="reconfirm",
            context={"statement": statement, "version": version, "signature": signature},
            recipients=recipients,
            kind=Kind.SIGNATURE,
            url=statement.get_absolute_url(),
        )


@transaction.atomic
def add_drafting_town(*, statement: Statement, municipality: Municipality, user: User) -> None:
    """A drafting town invites another member town to draft with it, while it is a draft.

    The town's representatives hear of it by e-mail and may take their town off the list
    before the statement opens for signature.
    """
    if not can_edit_statement(user, statement):
        raise PermissionDenied("Only the drafting towns and the secretariat add co-drafters.")
    if statement.status != StatementStatus.DRAFT:
        raise NetworkError(_("Towns join the drafting while the statement is a draft."))
    if not municipality.is_member or statement.drafted_by.filter(pk=municipality.pk).exists():
        raise NetworkError(_("%s cannot be added as a drafting town.") % municipality)
    statement.drafted_by.add(municipality)
    record(actor=user, action="statement.drafting_town_added", obj=statement, town=municipality,
           changes={"drafting town": [None, str(municipality)]})  # fmt: skip
    mail(
        subject=TranslateLater(gettext_lazy("%(town)s is asked to draft “%(title)s”"),
                               town=municipality, title=statement.title),
        template="codraft", context={"statement": statement, "town": municipality, "by": user},
        recipients=municipality.memberships.filter(user__is_active=True).values_list(
            "user__email", flat=True
        ),
        kind=Kind.SIGNATURE, url=statement.get_absolute_url(),
    )  # fmt: skip


@transaction.atomic
def leave_drafting(*, statement: Statement, municipality: Municipality, user: User) -> None:
    """A town takes its name off a statement's drafters; one drafting town always remains."""
    if not (roles.is_secretariat(user) or roles.represents(user, municipality)):
        raise PermissionDenied("Only the town itself takes its name off the drafters.")
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if statement.status != StatementStatus.DRAFT:
        raise NetworkError(_("The drafting towns are fixed once the statement is open."))
    towns = statement.drafted_by.all()
    if not towns.filter(pk=municipality.pk).exists():
        raise NetworkError(_("%s is not among the drafting towns.") % municipality)
    if towns.count() == 1:
        raise NetworkError(_("A statement needs at least one drafting town."))
    statement.drafted_by.remove(municipality)
    record(actor=user, action="statement.drafting_town_left", obj=statement, town=municipality,
           changes={"drafting town": [str(municipality), None]})  # fmt: skip


def granting_towns_of(user: User):
    """The towns for which this person may authorise or revoke signatories."""
    if roles.is_secretariat(user):
        return Municipality.objects.all()
    return roles.signatory_towns(user)


@transaction.atomic
def grant_signatory(
    *, municipality: Municipality, person: User, title: str, granted_by: User
) -> Signatory:
    if not can_grant_signatory(granted_by, municipality):
        raise PermissionDenied("Only the secretariat or the town's signatories authorise.")
    if not roles.represents(person, municipality):
        raise NetworkError(_("The signatory must be a representative of %s.") % municipality)
    signatory, created = Signatory.objects.get_or_create(
        municipality=municipality, user=person, defaults={"title": title, "granted_by": granted_by}
    )
    renewed = not created and signatory.revoked_at is not None
    if renewed:
        signatory.title, signatory.granted_by, signatory.revoked_at = title, granted_by, None
        signatory.granted_at = timezone.now()
        signatory.save(update_fields=["title", "granted_by", "revoked_at", "granted_at"])
    if created or renewed:
        record(actor=granted_by, action="signatory.granted", obj=municipality,
               changes={"signatory": [None, f"{person} ({title})"]})  # fmt: skip
    return signatory


@transaction.atomic
def revoke_signatory(*, signatory: Signatory, revoked_by: User) -> None:
    if not can_grant_signatory(revoked_by, signatory.municipality):
        raise PermissionDenied("Only the secretariat or the town's signatories revoke.")
    signatory.revoked_at = timezone.now()
    signatory.save(update_fields=["revoked_at"])
    record(actor=revoked_by, action="signatory.revoked", obj=signatory.municipality,
           changes={"signatory": [f"{signatory.user} ({signatory.title})", None]})  # fmt: skip


@transaction.atomic
def sign_statement(
    *, statement: Statement, municipality: Municipality, user: User, language: str | None = None,
    number: int | None = None,
) -> Signature:  # fmt: skip
    """Sign (or confirm again) the current version, in the language version the signatory read.

    The signature keeps that language and a fingerprint of the text, so a later change of
    that wording (a new version, or an edited translation) asks for confirmation again.
    """
    if not can_sign_for(user, municipality):
        raise PermissionDenied("Only an authorised signatory of this town may sign for it.")
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if not statement.is_open:
        raise NetworkError(_("This statement is not open for signature."))
    if number is not None and number != statement.current_number:  # changed while read
        raise NetworkError(_("The text changed while you read it: version %(n)s is now current. "
                             "Read it, then sign.") % {"n": statement.current_number})  # fmt: skip
    version = statement.versions.get(number=statement.current_number)
    language = language or version.language
    digest = version.digest_in(language)
    if digest is None:
        raise NetworkError(_("This version cannot be signed in that language: its text is not "
                             "translated into it yet."))  # fmt: skip
    now = timezone.now()
    signed = {"version": version, "signed_by": user, "signed_at": now, "language": language,
              "text_digest": digest, "withdrawn_at": None}  # fmt: skip
    signature, created = Signature.objects.get_or_create(
        statement=statement, municipality=municipality, defaults=signed
    )
    if not created:
        for name, value in signed.items():
            setattr(signature, name, value)
        signature.save(update_fields=list(signed))
    record(
        actor=user,
        action="statement.signed",
        obj=statement,
        town=municipality,
        changes={f"signature of {municipality}": [None, f"version {version.number}"]},
    )
    return signature


@transaction.atomic
def withdraw_signature(
    *, statement: Statement, municipality: Municipality, user: User
) -> Signature:
    if not can_sign_for(user, municipality):
        raise PermissionDenied("Only an authorised signatory of this town may withdraw.")
    signature = (
        Signature.objects.select_for_update()
        .filter(statement=statement, municipality=municipality, withdrawn_at__isnull=True)
        .first()
    )
    if signature is None:
        raise NetworkError(_("%s has not signed this statement.") % municipality)
    signature.withdrawn_at = timezone.now()
    signature.save(update_fields=["withdrawn_at"])
    record(
        actor=user,
        action="statement.withdrawn",
        obj=statement,
        town=municipality,
        changes={f"signature of {municipality}": [f"version {signature.version.number}", None]},
    )
    return signature


# Updates and stories


@transaction.atomic
def post_update(*, project: Project, title: str, body: str, author: User) -> Update:
    if not can_post_update(author, project):
        raise PermissionDenied("Only the project's town posts its updates.")
    if not project.is_running:
        raise NetworkError(_("Updates are for ongoing projects."))
    update = Update.objects.create(project=project, title=title, body=clean_html(body),
                                   author=author)  # fmt: skip
    record(actor=author, action="update.posted", obj=update)
    return update


@transaction.atomic
def feature_update(*, update: Update, user: User, featured: bool) -> Update:
    if not roles.is_secretariat(user):
        raise PermissionDenied("Only the secretariat features stories.")
    before, update.is_story = update.is_story, featured
    update.featured_at = timezone.now() if featured else None
    update.save(update_fields=["is_story", "featured_at", "updated_at"])
    record(actor=user, action="update.featured", obj=update, changes={"story": [before, featured]})
    return update
