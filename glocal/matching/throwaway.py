"""Run a management command against a fresh, temporary SQLite database.

Evaluation and benchmarks write thousands of rows for minutes; doing that in the real
database would hold its write lock all along. A throw-away database keeps them apart.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings


def run_in_throwaway_database(arguments: list[str]) -> int:
    """Migrate a temporary database, run ``manage.py *arguments`` in it, return its exit code."""
    manage = Path(settings.BASE_DIR) / "manage.py"
    with tempfile.TemporaryDirectory(prefix="glocal-eval-") as folder:
        env = os.environ | {"DATABASE_URL": f"sqlite:///{folder}/throwaway.sqlite3"}
        migrate = [sys.executable, str(manage), "migrate", "--noinput", "-v0"]
        subprocess.run(migrate, env=env, check=True)
        return subprocess.run([sys.executable, str(manage), *arguments], env=env).returncode


def add_in_place_argument(parser) -> None:
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="use the configured database (inside a rolled-back transaction) instead of "
        "a throw-away SQLite database",
    )
