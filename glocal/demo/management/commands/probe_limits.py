"""Rate limits and sign-in throttling as production serves them: ``probe_limits``.

For each shared cache (the database cache, and Redis when ``--redis-url`` is given) the demo
database is copied, gunicorn serves it with ``gunicorn.conf.py`` (2 workers) and production
settings, and concurrent clients check the promises of the README:

Both bursts start together at the start of a minute, inside one window of the limits (across
a window boundary the previous minute's count is weighed by how much of it is left, see
``glocal/lib/ratelimit.py``):

1. ``--anonymous`` anonymous API reads, each with a random ``X-Forwarded-For``, from 8
   threads: at most the anonymous limit plus the batching bound get through;
2. reads with a personal token get the token's limit, not the anonymous one;
3. a burst of wrong passwords on one account never blocks another account's sign-in from the
   same address, and the right password right after the burst waits, as the README says.

Prints one JSON line per cache and a last summary line; exits non-zero if a check fails.
"""

import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError

from glocal.lib.ratelimit import batch
from glocal.members.models import ApiToken, User

from .bench_serve import production_env, serving

WORKERS = 2
PASSWORD = "probe-limits-right-password"
API = "/api/v1/practices?page_size=1"
TOKEN_READ = "/api/v1/municipalities?page_size=1"  # quick enough to send 700 within a minute


class Command(BaseCommand):
    help = "Check API rate limits and sign-in throttling under gunicorn (JSON lines)."

    def add_arguments(self, parser):
        parser.add_argument("--anonymous", type=int, default=300, help="anonymous requests")
        parser.add_argument("--token-reads", type=int, default=700, help="reads with a token")
        parser.add_argument("--wrong-passwords", type=int, default=15)
        parser.add_argument("--redis-url", default="", help="also probe with this Redis database")
        parser.add_argument("--port", type=int, default=8291)
        parser.add_argument("--prepare", action="store_true", help="internal: set the copy up")

    def handle(self, *args, **options):
        if options["prepare"]:
            return self.stdout.write(json.dumps(prepare()))
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                       env=production_env(), cwd=settings.BASE_DIR, check=True)  # fmt: skip
        caches = {"database": {}}
        if options["redis_url"]:
            caches["redis"] = {"GLOCAL_REDIS_URL": options["redis_url"]}
        rows = [probe(name, extra, options) for name, extra in caches.items()]
        for row in rows:
            self.stdout.write(json.dumps(row))
        failed = [f"{row['cache']}: {check}" for row in rows for check in row["failed"]]
        self.stdout.write(json.dumps({"gunicorn_workers": WORKERS, "caches": list(caches),
                                      "all_hold": not failed}))  # fmt: skip
        if failed:
            raise CommandError("; ".join(failed))


def prepare() -> dict:
    """In the copy: empty the shared cache, two accounts with a known password, one token."""
    cache.clear()
    first, second = User.objects.filter(is_active=True).order_by("pk")[:2]
    for user in (first, second):
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
    _, key = ApiToken.issue(first, "probe_limits")
    return {"accounts": [first.email, second.email], "token": key}


def prepared_copy(folder: str, env: dict) -> dict:
    copy = Path(folder) / "probe.sqlite3"
    source, target = sqlite3.connect(settings.DATABASES["default"]["NAME"]), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    env["DATABASE_URL"] = f"sqlite:///{copy}"
    command = [sys.executable, "manage.py", "probe_limits", "--prepare"]
    done = subprocess.run(command, env=env, cwd=settings.BASE_DIR, check=True,
                          capture_output=True, text=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def probe(name: str, extra: dict, options: dict) -> dict:
    env = production_env(**extra)
    with tempfile.TemporaryDirectory(prefix="probe-limits-") as folder:
        info = prepared_copy(folder, env)
        base = f"http://127.0.0.1:{options['port']}"
        with serving(env, options["port"], "glocal.wsgi:application", Path(folder) / "log"):
            time.sleep(60 - time.time() % 60)  # both bursts inside one window of the limits
            anonymous = statuses(base, options["anonymous"], forged=True)
            token = statuses(base, options["token_reads"], token=info["token"])
            login = login_burst(base, *info["accounts"], options["wrong_passwords"])
    return verdict(name, anonymous, token, login)


def statuses(base: str, count: int, *, forged: bool = False, token: str = "") -> dict:
    path = TOKEN_READ if token else API

    def one(_: int) -> int:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if forged:
            headers["X-Forwarded-For"] = ".".join(str(random.randint(1, 254)) for _ in range(4))
        return requests.get(base + path, headers=headers, timeout=60).status_code

    started = time.monotonic()
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(one, range(count)))
    return {"requests": count, "ok": codes.count(200), "refused_429": codes.count(429),
            "other": len(codes) - codes.count(200) - codes.count(429),
            "seconds": round(time.monotonic() - started, 1)}  # fmt: skip


def signs_in(base: str, email: str, password: str) -> bool:
    with requests.Session() as browser:
        page = browser.get(f"{base}/accounts/login/", timeout=60)
        token = page.cookies.get("csrftoken") or browser.cookies.get("csrftoken")
        answer = browser.post(f"{base}/accounts/login/", allow_redirects=False, timeout=60,
                              data={"login": email, "password": password,
                                    "csrfmiddlewaretoken": token},
                              cookies={"csrftoken": token})  # fmt: skip
        return answer.status_code == 302 and "sessionid" in answer.cookies


def login_burst(base: str, victim: str, other: str, wrong: int) -> dict:
    before = signs_in(base, other, PASSWORD)
    burst = [signs_in(base, victim, f"wrong-{n}") for n in range(wrong)]
    return {"other_before": before, "wrong_accepted": sum(burst),
            "other_after_burst": signs_in(base, other, PASSWORD),
            "victim_right_password_after_burst": signs_in(base, victim, PASSWORD)}  # fmt: skip


def verdict(name: str, anonymous: dict, token: dict, login: dict) -> dict:
    anon_limit, token_limit = limit(settings.API_ANONYMOUS_RATE), limit(settings.API_TOKEN_RATE)
    anon_bound = anon_limit + WORKERS * batch(anon_limit)
    token_bound = token_limit + WORKERS * batch(token_limit)
    checks = {
        "anonymous_within_bound": anon_limit <= anonymous["ok"] <= anon_bound,
        "token_gets_its_own_limit": min(token["requests"], token_limit)
        <= token["ok"]
        <= token_bound,
        "both_bursts_inside_one_minute": anonymous["seconds"] + token["seconds"] < 60,
        "nothing_but_200_or_429": anonymous["other"] == token["other"] == 0,
        "other_account_never_blocked": login["other_before"] and login["other_after_burst"],
        "no_wrong_password_accepted": login["wrong_accepted"] == 0,
        "victim_waits_as_documented": not login["victim_right_password_after_burst"],
    }
    return {"cache": name, "anonymous": anonymous | {"limit": anon_limit, "bound": anon_bound},
            "token": token | {"limit": token_limit, "bound": token_bound}, "login": login,
            "failed": [check for check, held in checks.items() if not held]}  # fmt: skip


def limit(rate: str) -> int:
    return int(rate.split("/")[0])
