"""Projects belong to their town; a person's part in them is what they wrote and recorded,
and their place in a project team."""

from .models import Measurement, ProgressUpdate, Project, Prototype, TransferOutcome
from .models_plan import TeamMember

FORMER = "Former member"


def export(user) -> dict[str, list[dict]]:
    projects = Project.objects.filter(created_by=user).values(
        "title", "municipality__name", "status", "created_at"
    )
    updates = ProgressUpdate.objects.filter(author=user).values("project__title", "text",
                                                                 "created_at")  # fmt: skip
    measurements = Measurement.objects.filter(recorded_by=user).values(
        "indicator__name", "measured_on", "value", "note", "created_at"
    )
    team = TeamMember.objects.filter(email__iexact=user.email).values(
        "project__title", "name", "email", "role", "gender", "age_group"
    )
    return {"projects_created": list(projects), "project_updates": list(updates),
            "measurements": list(measurements), "project_teams": list(team)}  # fmt: skip


def erase(user) -> None:
    Project.objects.filter(created_by=user).update(created_by=None)
    Prototype.objects.filter(created_by=user).update(created_by=None)
    ProgressUpdate.objects.filter(author=user).update(author=None)
    Measurement.objects.filter(recorded_by=user).update(recorded_by=None)
    TransferOutcome.objects.filter(recorded_by=user).update(recorded_by=None)
    mine = TeamMember.objects.filter(email__iexact=user.email)
    if user.full_name:
        mine = mine | TeamMember.objects.filter(name__iexact=user.full_name)
    mine.update(name=FORMER, email="")
