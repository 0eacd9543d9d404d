"""Production settings behind a TLS-terminating proxy, read from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "GLOCAL_DEBUG": "0",
    "GLOCAL_SECRET_KEY": "y" * 60 + "-production-like-secret-for-the-test",
    "GLOCAL_ALLOWED_HOSTS": "glocal.example.org",
}
SHOW = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({k: getattr(settings, k, None) for k in ('SECURE_SSL_REDIRECT', "
    "'SECURE_PROXY_SSL_HEADER', 'SILENCED_SYSTEM_CHECKS')}))"
)


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    environ = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("GLOCAL_", "OMP_")) and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environ |= {"DJANGO_SETTINGS_MODULE": "glocal.settings"} | PRODUCTION | env
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environ, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def shown(**env: str) -> dict:
    result = run(["-c", SHOW], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_trusts_the_forwarded_proto_header_and_redirects_by_default():
    assert shown() == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SILENCED_SYSTEM_CHECKS": [],
    }


def test_proxy_header_and_redirect_come_from_the_environment():
    assert shown(GLOCAL_SSL_REDIRECT="0", GLOCAL_PROXY_SSL_HEADER="X-Scheme") == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_SCHEME", "https"],
        "SILENCED_SYSTEM_CHECKS": ["security.W008"],
    }
    assert shown(GLOCAL_PROXY_SSL_HEADER="")["SECURE_PROXY_SSL_HEADER"] is None


def test_deploy_check_stays_clean_when_the_proxy_does_the_redirect():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                 GLOCAL_SSL_REDIRECT="0")  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_each_process_uses_one_blas_thread_unless_told_otherwise():
    code = "import os, glocal.settings; print(os.environ['OMP_NUM_THREADS'])"
    assert run(["-c", code]).stdout.strip() == "1"
    assert run(["-c", code], OMP_NUM_THREADS="2").stdout.strip() == "2"
