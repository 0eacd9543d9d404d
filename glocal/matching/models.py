"""What representatives told us about recommendations, so the next list is better."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from glocal.members.models import Municipality
from glocal.practices.models import VECTOR_BYTES, Practice


class Feedback(models.Model):
    class Verdict(models.TextChoices):
        INTERESTING = "interesting", _("Interesting")
        NOT_RELEVANT = "not_relevant", _("Not relevant")
        ALREADY_DOING = "already_doing", _("Already doing this")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="recommendation_feedback"
    )
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="feedback")
    verdict = models.CharField(max_length=15, choices=Verdict.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "practice"], name="one_verdict_per_town_and_practice"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} · {self.practice}: {self.verdict}"


class SentenceVectorQuerySet(models.QuerySet):
    def malformed(self):
        """Rows that are not one vector of the model's width (truncated, another size, empty)."""
        return self.annotate(size=Length("data")).exclude(size=VECTOR_BYTES)


class SentenceVector(models.Model):
    """A cache shared by all workers: one sentence's multilingual vector (``passages``).

    Keyed by a hash of the model, the prefix (query or passage) and the text, so an edit
    simply makes new rows; ``embed_passages --prune`` drops those no practice uses.
    """

    key = models.CharField(max_length=64, primary_key=True)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SentenceVectorQuerySet.as_manager()

    def __str__(self) -> str:
        return self.key
