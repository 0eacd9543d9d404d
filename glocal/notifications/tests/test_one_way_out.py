"""Every e-mail leaves through notifications.services, so it is recorded and unsubscribable."""

import re
from pathlib import Path

GLOCAL = Path(__file__).resolve().parents[2]
SENDING = re.compile(r"\b(send_mail|send_mass_mail|EmailMessage|EmailMultiAlternatives)\b")
# allauth's own account mail (password reset): security mail, never recorded or unsubscribable;
# the adapter only chooses its language.
ACCOUNT_MAIL = {"members/adapters.py"}


def test_no_module_outside_notifications_sends_mail_itself():
    offenders = sorted(
        str(path.relative_to(GLOCAL))
        for path in GLOCAL.rglob("*.py")
        if "tests" not in path.parts
        and path.parts[len(GLOCAL.parts)] != "notifications"
        and str(path.relative_to(GLOCAL)) not in ACCOUNT_MAIL
        and SENDING.search(path.read_text(encoding="utf-8"))
    )
    assert offenders == []
