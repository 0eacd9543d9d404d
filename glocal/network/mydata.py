"""A person's part in the exchange and in joint statements. Conversations and a town's
signature stay; the person's name, follows, groups and authorisations leave."""

from django.utils import timezone

from glocal.lib.erasure import identifiers, scrub_rows

from .models import (
    DigestPreference,
    Follow,
    GroupMembership,
    Post,
    Report,
    Signatory,
    Signature,
    Statement,
    StatementVersion,
    Thread,
    Update,
    WorkingGroup,
)

AUTHORED = [(Thread, "author"), (Post, "author"), (Post, "hidden_by"), (Update, "author"),
            (Statement, "created_by"), (StatementVersion, "created_by"),
            (WorkingGroup, "created_by")]  # fmt: skip


def export(user) -> dict[str, list[dict]]:
    posts = Post.objects.filter(author=user).values("thread__title", "body", "created_at")
    mentions = Post.objects.filter(mentions=user).values("thread__title", "created_at")
    return {
        "threads_started": list(Thread.objects.filter(author=user).values("title", "created_at")),
        "posts": list(posts),
        "mentions": list(mentions),
        "follows": list(Follow.objects.filter(user=user).values("thread__title", "created_at")),
        "working_groups": list(GroupMembership.objects.filter(user=user).values(
            "group__name", "is_coordinator", "joined_at")),
        "reports": list(Report.objects.filter(reporter=user).values(
            "post__thread__title", "reason", "created_at", "resolved_at")),
        "digest": list(DigestPreference.objects.filter(user=user).values(
            "frequency", "last_sent_at")),
        "signatory_grants": list(Signatory.objects.filter(user=user).values(
            "municipality__name", "title", "granted_at", "revoked_at")),
        "signatures": list(Signature.objects.filter(signed_by=user).values(
            "statement__title", "municipality__name", "version__number", "language",
            "signed_at", "withdrawn_at")),
        "project_updates_written": list(Update.objects.filter(author=user).values(
            "project__title", "title", "body", "created_at")),
    }  # fmt: skip


def erase(user) -> None:
    Follow.objects.filter(user=user).delete()
    GroupMembership.objects.filter(user=user).delete()
    DigestPreference.objects.filter(user=user).delete()
    Post.mentions.through.objects.filter(user=user).delete()
    Signatory.objects.active().filter(user=user).update(revoked_at=timezone.now())
    Signature.objects.filter(signed_by=user).update(signed_by=None)
    for model, field in AUTHORED:
        model.objects.filter(**{field: user}).update(**{field: None})
    needles = identifiers(email=user.email, full_name=user.full_name)
    scrub_rows(Post.objects.all(), ["body"], needles)
    scrub_rows(Thread.objects.all(), ["title"], needles)
    scrub_rows(Report.objects.filter(reporter=user), ["reason"], needles)
