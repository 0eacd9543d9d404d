"""Imports go one way: an app may import only the apps to its left in APP_ORDER."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ORDER = [
    "lib", "audit", "reference", "notifications", "members", "translations", "practices",
    "matching", "projects", "calls", "events", "network", "cooperation", "desk", "opendata", "maps",
    "demo",
]  # fmt: skip


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n.split(".")[1] for n in names if n.startswith("glocal.") and n.count(".") >= 1}


@pytest.mark.parametrize("app", APP_ORDER)
def test_app_imports_only_apps_to_its_left(app):
    allowed = set(APP_ORDER[: APP_ORDER.index(app) + 1])
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_apps(path) - allowed)
        for path in (ROOT / "glocal" / app).rglob("*.py")
        if imported_apps(path) - allowed
    }
    assert offenders == {}


def test_every_app_is_in_the_import_order():
    apps = {p.name for p in (ROOT / "glocal").iterdir() if (p / "__init__.py").exists()}
    assert apps - {"locale"} == set(APP_ORDER)


def test_deploy_check_is_clean_under_production_settings():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "GLOCAL_DEBUG": "0",
        "GLOCAL_SECRET_KEY": "x" * 60 + "-production-like-secret-for-the-check",
        "GLOCAL_ALLOWED_HOSTS": "glocal.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = os.environ | {"GLOCAL_DEBUG": "0", "GLOCAL_SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "-c", "import glocal.settings"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert "GLOCAL_SECRET_KEY must be set" in result.stderr
