import datetime
from io import StringIO

from django.core.management import call_command

from glocal.projects.models import ProgressUpdate, ProjectStatus, ReminderLog
from glocal.projects.models_plan import Milestone, TeamMember

TODAY = datetime.date(2026, 5, 4)


def run(today=TODAY) -> str:
    out = StringIO()
    call_command("remind_projects", f"--date={today.isoformat()}", stdout=out)
    return out.getvalue()


def test_team_is_reminded_of_late_milestones_once_a_day(
    project, milestone, member, mailoutbox, django_capture_on_commit_callbacks
):
    TeamMember.objects.create(project=project, name="Giulia", email="giulia@example.org",
                              role="contact", gender="woman", age_group="18_30")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        output = run()
    assert f"{project.pk} Parks in Common: reminded 2 people" in output
    assert "Done: 1 projects reminded, 0 skipped." in output
    assert sorted(m.to[0] for m in mailoutbox) == ["giulia@example.org", "mayor@spilamberto.test"]
    mail = mailoutbox[0]
    assert mail.subject == "Reminder: Parks in Common needs your attention"
    assert "- First pact signed (due 1 Mar 2026)" in mail.body
    assert f"/projects/{project.pk}/" in mail.body
    with django_capture_on_commit_callbacks(execute=True):
        second = run()
    assert "Done: 0 projects reminded, 1 skipped." in second
    assert len(mailoutbox) == 2
    assert ReminderLog.objects.filter(project=project, sent_on=TODAY).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        run(TODAY + datetime.timedelta(days=1))
    assert len(mailoutbox) == 4


def test_a_running_project_without_updates_for_a_month_is_reminded(
    project, member, mailoutbox, django_capture_on_commit_callbacks
):
    project.status = ProjectStatus.IMPLEMENTING
    project.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        run()
    assert len(mailoutbox) == 1
    assert "There has been no progress update for more than a month." in mailoutbox[0].body
    assert "These milestones are past their due date" not in mailoutbox[0].body


def test_projects_on_track_or_closed_get_no_reminder(
    project, milestone, member, mailoutbox, django_capture_on_commit_callbacks
):
    Milestone.objects.filter(pk=milestone.pk).update(status="done")
    project.status = ProjectStatus.IMPLEMENTING
    project.save(update_fields=["status"])
    update = ProgressUpdate.objects.create(project=project, text="Going well")
    ProgressUpdate.objects.filter(pk=update.pk).update(
        created_at=datetime.datetime(2026, 4, 20, tzinfo=datetime.UTC))  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        output = run()
    assert "Done: 0 projects reminded, 0 skipped." in output
    Milestone.objects.filter(pk=milestone.pk).update(status="planned")
    project.status = ProjectStatus.COMPLETED
    project.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        run()
    assert mailoutbox == []
    assert ReminderLog.objects.count() == 0
