from django.db import transaction

from glocal.audit.services import record
from glocal.members.models import Municipality, User
from glocal.practices.models import Practice

from .models import Feedback


@transaction.atomic
def record_feedback(
    *, municipality: Municipality, practice: Practice, verdict: str, user: User
) -> Feedback:
    """A town's verdict on a recommendation; the latest one counts."""
    if verdict not in Feedback.Verdict.values:
        raise ValueError(f"unknown verdict {verdict!r}")
    before = Feedback.objects.filter(municipality=municipality, practice=practice).first()
    feedback, _ = Feedback.objects.update_or_create(
        municipality=municipality, practice=practice, defaults={"verdict": verdict, "user": user}
    )
    record(actor=user, action="recommendation.feedback", obj=feedback, town=municipality,
           changes={"verdict": [before.verdict if before else None, verdict]})  # fmt: skip
    return feedback
