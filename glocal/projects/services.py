"""Every write to prototypes and projects goes through here: pages, API, commands and admin."""

import datetime

from django.db import transaction

from glocal.members.models import Municipality, User
from glocal.practices.models import Practice

from .models import Project, ProjectVisibility, Prototype


@transaction.atomic
def start_project(
    *,
    municipality: Municipality,
    title: str,
    user: User | None,
    prototype: Prototype | None = None,
    source_practice: Practice | None = None,
    summary: str = "",
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    visibility: str = ProjectVisibility.NETWORK,
) -> Project:
    """Create a local action project for a municipality, keeping where it came from."""
    return Project.objects.create(
        municipality=municipality,
        title=title,
        summary=summary,
        prototype=prototype,
        source_practice=source_practice,
        start_date=start_date,
        end_date=end_date,
        visibility=visibility,
        created_by=user,
    )
