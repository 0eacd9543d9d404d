"""The personas and the named objects the permission matrix's rows point at (``@name``).

Everything is found in the demo network by slug, title or owner (ids differ between
databases), plus the few things the demo lacks: a staff-only secretariat (the network's
secretariat is staff, not superuser), a second reviewer who declared a conflict on every
application the demo reviewer reviews, an open invitation, and one uploaded file each for
an application and a progress update.
"""

from django.core.files.base import ContentFile

REPRESENTATIVES = {
    "spilamberto": "mayor@spilamberto.glocal.demo",
    "kamenica": "officer@kamenica.glocal.demo",
    "zahle": "officer@zahle.glocal.demo",
    "baalbek": "officer@baalbek.glocal.demo",
    "jbeil": "officer@jbeil.glocal.demo",
    "batroun": "officer@batroun.glocal.demo",
}
SECRETARIAT = "secretariat@matrix.test"
REVIEWER = "reviewer@glocal.demo"
CONFLICTED_REVIEWER = "conflicted@matrix.test"
EXPERT = "expert@glocal.demo"


def persona_emails(row=None) -> list[str]:
    """Who asks, in the table's persona order; without a row: everyone who signs in."""
    if row is None:
        return [SECRETARIAT, *REPRESENTATIVES.values(), REVIEWER, CONFLICTED_REVIEWER, EXPERT]
    town, other = REPRESENTATIVES[row.town], REPRESENTATIVES[row.other]
    return [SECRETARIAT, town, other, REVIEWER, CONFLICTED_REVIEWER, EXPERT, ""]


def add_personas() -> None:
    from glocal.calls import services
    from glocal.calls.models import Assignment
    from glocal.members.models import User

    User.objects.create_user(SECRETARIAT, "pw-matrix-1", is_staff=True, full_name="Staff")
    conflicted = User.objects.create_user(CONFLICTED_REVIEWER, "pw-matrix-2", is_reviewer=True,
                                          full_name="Conflicted Reviewer")  # fmt: skip
    staff = User.objects.get(email=SECRETARIAT)
    for assignment in Assignment.objects.filter(reviewer__email=REVIEWER):
        mine = services.assign_reviewer(
            application=assignment.application, reviewer=conflicted, user=staff
        )
        services.declare_conflict(assignment=mine, note="My cousin wrote it.", user=conflicted)


def add_files(objects: dict) -> None:
    from glocal.calls.models import Application, ApplicationFile
    from glocal.members.models import Invitation, Municipality, User
    from glocal.projects.models import EvidenceFile, ProgressUpdate

    application = Application.objects.get(pk=objects["application_zahle"])
    attached = ApplicationFile(application=application, question=application.call.questions.first())
    attached.file.save("budget.pdf", ContentFile(b"%PDF-1.4 budget"), save=True)
    objects["application_file"] = attached.pk
    update = ProgressUpdate.objects.filter(project__municipality__slug="zahle").first()
    evidence = EvidenceFile(update=update, name="photo.png")
    evidence.file.save("photo.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    objects["evidence_zahle"] = evidence.pk
    invitation = Invitation.objects.create(
        email="new@zahle.test", role=Invitation.Role.REPRESENTATIVE,
        municipality=Municipality.objects.get(slug="zahle"),
        invited_by=User.objects.get(email=SECRETARIAT),
    )  # fmt: skip
    objects["invitation"] = invitation.token


def demo_objects() -> dict:
    """Add the personas and files the demo lacks, then name every object a row points at."""
    from glocal.calls.models import Application
    from glocal.cooperation.models import (
        Collaboration,
        Consultation,
        FundingApplication,
        Match,
        Partner,
        Step,
    )
    from glocal.cooperation.models import Post as SolidarityPost
    from glocal.events.models import Booking, Registration
    from glocal.members.models import User
    from glocal.network.models import Post, Signatory, Thread, Update
    from glocal.notifications.models import Notification
    from glocal.notifications.services import unsubscribe_token
    from glocal.practices.models import ProposedRevision
    from glocal.projects.models import Indicator, Project
    from glocal.projects.models_plan import Goal, Milestone

    add_personas()
    zahle_project = Project.objects.get(municipality__slug="zahle")
    conference_booking = Booking.objects.get(
        registration__event__slug="mayors-conference-vienna",
        registration__user__email=REPRESENTATIVES["spilamberto"], status="confirmed",
    )  # fmt: skip
    from django.contrib.contenttypes.models import ContentType

    from glocal.members.models import Municipality

    objects = {
        "town_zahle": Municipality.objects.get(slug="zahle").pk,
        "ct_project": ContentType.objects.get_for_model(Project).pk,
        "revision_spilamberto": ProposedRevision.objects.get(
            practice__municipality__slug="spilamberto", status="pending").pk,  # fmt: skip
        "project_zahle": zahle_project.pk,
        "project_jbeil": Project.objects.get(municipality__slug="jbeil").pk,
        "project_spilamberto": Project.objects.get(municipality__slug="spilamberto").pk,
        "goal_zahle": Goal.objects.filter(project=zahle_project).first().pk,
        "milestone_zahle": Milestone.objects.filter(project=zahle_project).first().pk,
        "indicator_zahle": Indicator.objects.filter(project=zahle_project).first().pk,
        "application_zahle": Application.objects.get(
            call__slug="local4action-hubs-2026", municipality__slug="zahle").pk,  # fmt: skip
        "application_kamenica": Application.objects.get(
            call__slug="local-change-lab-2027-hosts", municipality__slug="kamenica").pk,
        "session_conference": conference_booking.session_id,
        "registration_spilamberto": conference_booking.registration_id,
        "registration_zahle": Registration.objects.get(
            event__slug="webinar-citizens-constitution", user__email=REPRESENTATIVES["zahle"]
        ).pk,  # fmt: skip
        "user_zahle": User.objects.get(email=REPRESENTATIVES["zahle"]).pk,
        "thread_zahle": Thread.objects.get(project=zahle_project).pk,
        "thread_group": Thread.objects.get(group__slug="childrens-rights").pk,
        "post_zahle": Post.objects.filter(thread__project=zahle_project,
                                          author__email=REPRESENTATIVES["zahle"]).first().pk,
        "post_group": Post.objects.filter(thread__group__slug="childrens-rights")
        .exclude(author__email=REPRESENTATIVES["kamenica"]).first().pk,
        "signatory_zahle": Signatory.objects.get(municipality__slug="zahle").pk,
        "update_zahle": Update.objects.filter(project=zahle_project).order_by("pk").first().pk,
        "invitation_jbeil": Partner.objects.get(
            collaboration__slug="youth-bridges-spilamberto-batroun", municipality__slug="jbeil"
        ).pk,  # fmt: skip
        "step_youth_bridges": Step.objects.filter(
            collaboration__slug="youth-bridges-spilamberto-batroun").first().pk,
        "funding_youth_bridges": FundingApplication.objects.filter(
            collaboration__slug="youth-bridges-spilamberto-batroun").first().pk,
        "need_zahle": SolidarityPost.objects.get(municipality__slug="zahle", kind="need").pk,
        "match_baalbek": Match.objects.get(need__municipality__slug="baalbek").pk,
        "offer_spilamberto": SolidarityPost.objects.get(municipality__slug="spilamberto",
                                                        kind="offer").pk,
        "consultation_zahle": Consultation.objects.get(project=zahle_project).pk,
        "consultation_spilamberto": Consultation.objects.get(
            project__municipality__slug="spilamberto").pk,
        "notification_zahle": Notification.objects.filter(
            user__email=REPRESENTATIVES["zahle"]).first().pk,
        "unsubscribe_zahle": unsubscribe_token(
            user_id=User.objects.get(email=REPRESENTATIVES["zahle"]).pk, kind="mention"),
        "collaboration_network": Collaboration.objects.get(visibility="network").slug,
    }  # fmt: skip
    add_files(objects)
    return objects
