"""The reference rows as a fixture, for tests that run in real transactions."""

import pytest


@pytest.fixture
def reference_rows(transactional_db):
    """Countries, SDGs and themes: a transactional test before this one emptied every table."""
    from glocal.reference.loading import load_reference_data
    from glocal.reference.models import Country, Sdg, Theme

    load_reference_data(Country, Sdg, Theme)
