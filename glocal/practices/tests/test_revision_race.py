"""Two secretariat members decide one proposal at the same moment: exactly one decision
holds. Real threads on PostgreSQL; SQLite's interleaved case is in test_proposed_revisions."""

import threading

import pytest
from django.db import connection

from glocal.lib.tests.edit_pages import ONLY_POSTGRESQL
from glocal.members.models import User
from glocal.practices import services
from glocal.practices.models import ProposedRevision

from .conftest import make_practice

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def reference_rows(transactional_db):
    """Countries, SDGs and themes: a transactional test before this one emptied every table."""
    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme

    load_reference_data(Country, Sdg, Theme)


@pytest.mark.skipif(**ONLY_POSTGRESQL)
def test_accept_and_decline_at_once_leave_exactly_one_decision(town, member):
    practice = make_practice("Parks", municipality=town, created_by=member, summary="Old.")
    values = services.snapshot(practice) | {"summary": "New."}
    proposal = services.propose_revision(
        practice=practice, values=values, base_version=practice.version, user=member
    )
    staff = [User.objects.create_user(f"s{i}@network.test", "pw", is_staff=True) for i in (1, 2)]
    barrier, outcomes = threading.Barrier(2), []

    def accept():
        services.accept_revision(revision_id=proposal.pk, user=staff[0])

    def decline():
        services.decline_revision(revision_id=proposal.pk, user=staff[1], note="No.")

    def run(work):
        try:
            barrier.wait()
            work()
            outcomes.append("done")
        except services.NotPending:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(w,)) for w in (accept, decline)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["done", "refused"]
    proposal.refresh_from_db()
    practice.refresh_from_db()
    expected = {"accepted": ("New.", "accepted"), "declined": ("Old.", "declined")}
    assert (practice.summary, practice.revisions.first().action) == expected[proposal.status]
    assert ProposedRevision.objects.get().decided_by in staff
