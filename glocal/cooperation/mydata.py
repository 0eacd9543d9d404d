"""Consultations a person asked for, their expert profile, solidarity posts and invitations
to collaborate. Consultations and posts belong to the town's project and stay."""

from glocal.lib.erasure import identifiers, scrub_rows

from .models import Collaboration, Consultation, Expert, Match, Partner
from .models import Post as SolidarityPost

FORMER = "Former member"


def export(user) -> dict[str, list[dict]]:
    consultations = Consultation.objects.filter(requested_by=user).values(
        "project__title", "topic", "question", "preferred_times", "status", "starts_at",
        "location", "notes", "created_at",
    )  # fmt: skip
    expert = Expert.objects.filter(user=user).values(
        "name", "kind", "organisation", "topics", "bio", "languages", "email", "phone", "website"
    )
    posts = SolidarityPost.objects.filter(created_by=user).values(
        "title", "description", "quantity", "place", "created_at", "closed_at"
    )
    return {"consultations": list(consultations), "expert_profile": list(expert),
            "solidarity_posts": list(posts)}  # fmt: skip


def erase(user) -> None:
    """An expert who was a person leaves the directory; an organisation only loses the link."""
    for expert in Expert.objects.filter(user=user, kind=Expert.Kind.PERSON):
        Expert.objects.filter(pk=expert.pk).update(
            name=FORMER, slug=f"former-member-{expert.pk}", organisation="", bio="", email="",
            phone="", website="", is_listed=False,
        )  # fmt: skip
    Expert.objects.filter(user=user).update(user=None)
    Consultation.objects.filter(requested_by=user).update(requested_by=None)
    SolidarityPost.objects.filter(created_by=user).update(created_by=None)
    Collaboration.objects.filter(created_by=user).update(created_by=None)
    Partner.objects.filter(invited_by=user).update(invited_by=None)
    Match.objects.filter(updated_by=user).update(updated_by=None)
    needles = identifiers(email=user.email, full_name=user.full_name)
    scrub_rows(Consultation.objects.all(), ["question", "notes", "preferred_times"], needles)
