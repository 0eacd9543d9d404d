"""Applications a person prepared and the reviews they gave: both belong to the call and the
town, so they stay; the person's name leaves them."""

from glocal.lib.erasure import identifiers, scrub_rows

from .models import Application, Assignment, AuditEntry, Score

APPLICATION_TEXT = ["title", "answers", "lead_government", "partners", "topic", "deliverables",
                    "monitoring", "communication", "feedback", "internal_note"]  # fmt: skip


def export(user) -> dict[str, list[dict]]:
    applications = Application.objects.filter(created_by=user).values(
        "call__title", "municipality__name", "title", "status", "answers", "submitted_at",
        "created_at",
    )  # fmt: skip
    assignments = Assignment.objects.filter(reviewer=user).values(
        "application__call__title", "application__municipality__name", "conflict",
        "conflict_note", "created_at",
    )  # fmt: skip
    scores = Score.objects.filter(assignment__reviewer=user).values(
        "assignment__application__call__title", "assignment__application__municipality__name",
        "criterion__name", "value", "comment", "updated_at",
    )  # fmt: skip
    audit = AuditEntry.objects.filter(user=user).values(
        "call__title", "action", "detail", "created_at"
    )
    return {"applications": list(applications), "review_assignments": list(assignments),
            "review_scores": list(scores), "call_history": list(audit)}  # fmt: skip


def erase(user) -> None:
    """Scores and assignments keep their (now anonymous) reviewer: rankings stay true."""
    Application.objects.filter(created_by=user).update(created_by=None)
    needles = identifiers(email=user.email, full_name=user.full_name)
    scrub_rows(Application.objects.all(), APPLICATION_TEXT, needles)
    scrub_rows(AuditEntry.objects.all(), ["detail"], needles)
    scrub_rows(Score.objects.filter(assignment__reviewer=user), ["comment"], needles)
