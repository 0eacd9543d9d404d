"""Practices a person wrote and their history: the practice belongs to the town and stays,
the person's name and address leave its contact fields and its history."""

from glocal.lib.erasure import identifiers, scrub_rows

from .models import Practice, ProposedRevision, Revision, Status


def export(user) -> dict[str, list[dict]]:
    practices = Practice.objects.filter(created_by=user).values(
        "title", "slug", "status", "municipality__name", "contact_name", "contact_email",
        "created_at", "published_at",
    )  # fmt: skip
    history = Revision.objects.filter(user=user).values(
        "practice__title", "action", "note", "changed_fields", "created_at"
    )
    proposals = ProposedRevision.objects.filter(proposed_by=user).values(
        "practice__title", "status", "values", "created_at", "decided_at", "note"
    )
    return {"practices_authored": list(practices), "practice_history": list(history),
            "practice_proposals": list(proposals)}  # fmt: skip


def erase(user) -> None:
    """Drafts without a town, which only the author could see, go; the rest stays."""
    Practice.objects.filter(
        created_by=user, municipality__isnull=True, status=Status.DRAFT
    ).delete()
    Practice.objects.filter(created_by=user).update(created_by=None)
    Revision.objects.filter(user=user).update(user=None)
    ProposedRevision.objects.filter(proposed_by=user).update(proposed_by=None)
    ProposedRevision.objects.filter(decided_by=user).update(decided_by=None)
    Practice.objects.filter(contact_email__iexact=user.email).update(contact_email="")
    if user.full_name:
        Practice.objects.filter(contact_name__iexact=user.full_name).update(contact_name="")
    needles = identifiers(email=user.email, full_name=user.full_name)
    scrub_rows(Revision.objects.all(), ["snapshot", "note"], needles)
    scrub_rows(ProposedRevision.objects.all(), ["values"], needles)
