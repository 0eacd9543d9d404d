import pytest


@pytest.fixture
def demo(demo_once, db) -> str:
    """The demo, loaded once for the module (root ``demo_once``): each test runs in its own
    savepoint (``db``), rolled back after it, so no test sees what another wrote."""
    return demo_once
