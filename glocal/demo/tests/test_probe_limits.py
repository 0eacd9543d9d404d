"""The verdict of ``probe_limits``: which promise a probe's counts keep or break."""

from glocal.demo.management.commands.probe_limits import verdict

LOGIN_AS_DOCUMENTED = {"other_before": True, "wrong_accepted": 0, "other_after_burst": True,
                       "victim_right_password_after_burst": False}  # fmt: skip


def counts(ok: int, requests: int, seconds: float = 5.0) -> dict:
    return {"requests": requests, "ok": ok, "refused_429": requests - ok, "other": 0,
            "seconds": seconds}  # fmt: skip


def test_counts_within_the_batching_bound_keep_every_promise():
    row = verdict("database", counts(126, 300), counts(602, 700, 30), LOGIN_AS_DOCUMENTED)
    assert row["failed"] == []
    assert (row["anonymous"]["bound"], row["token"]["bound"]) == (132, 660)


def test_the_anonymous_limit_for_token_reads_or_a_blocked_account_fails_the_probe():
    login = LOGIN_AS_DOCUMENTED | {"other_after_burst": False}
    row = verdict("redis", counts(300, 300), counts(120, 700), login)
    assert row["failed"] == ["anonymous_within_bound", "token_gets_its_own_limit",
                             "other_account_never_blocked"]  # fmt: skip


def test_bursts_longer_than_a_minute_prove_nothing():
    row = verdict("database", counts(126, 300, 20), counts(602, 700, 45), LOGIN_AS_DOCUMENTED)
    assert row["failed"] == ["both_bursts_inside_one_minute"]
