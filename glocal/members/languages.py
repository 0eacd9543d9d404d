"""Which language a person reads: their preference, the page's, and the one mail is written in.

``in_language_of(user)`` is the one way to render anything a person receives (e-mails, digests,
attachments) in their language rather than in the language of whoever triggered it.
"""

import contextlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def is_known_language(code: str) -> bool:
    return code in {c for c, _name in settings.LANGUAGES}


def validate_language(value: str) -> None:
    if value and not is_known_language(value):
        raise ValidationError(_("%(value)s is not a language of Glocal."), params={"value": value})


def language_choices() -> list[tuple[str, str]]:
    """Every interface language in its own name (endonym), as a person looks for it."""
    return [
        (code, translation.get_language_info(code)["name_local"].capitalize())
        for code, _name in settings.LANGUAGES
    ]


def language_of(user) -> str:
    """The person's chosen language, else the network's default."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE


@contextlib.contextmanager
def in_language_of(user) -> Iterator[str]:
    """Render what this person receives in their language: ``with in_language_of(user): …``."""
    language = language_of(user)
    with translation.override(language):
        yield language


def emails_by_language(emails: Iterable[str]) -> dict[str, list[str]]:
    """Group addresses by their owner's language, so each group gets one rendering.

    Addresses without an account get the network's default language.
    """
    from .models import User

    emails = sorted({e for e in emails if e})
    known = dict(User.objects.filter(email__in=emails).values_list("email", "language").order_by())
    groups: dict[str, list[str]] = defaultdict(list)
    for email in emails:
        groups[known.get(email) or settings.LANGUAGE_CODE].append(email)
    return dict(groups)


class TranslateLater:
    """A message put into words when it is rendered, so in the reader's language.

    ``TranslateLater(gettext_lazy("Reminder: %s"), title)``; ``str()`` of it inside
    ``in_language_of(user)`` gives that person's words. A parameter may be a function, called
    at that time too (for a choice's label).
    """

    def __init__(self, message, *args, **params):
        self.message, self.args, self.params = message, args, params

    def __str__(self) -> str:
        text = str(self.message)
        if self.params:
            return text % {name: str(value() if callable(value) else value)
                           for name, value in self.params.items()}  # fmt: skip
        args = tuple(str(arg() if callable(arg) else arg) for arg in self.args)
        return text % args if args else text
