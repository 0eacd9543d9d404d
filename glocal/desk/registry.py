"""Every installed app may add lines to the desk by holding a ``desk.py`` with ``items_for``.

A new app adds its items without touching the desk: the registry finds the module by name.
"""

from collections.abc import Callable
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

from glocal.lib.desk import DeskItem, by_deadline

Provider = Callable[[object], list[DeskItem]]


@cache
def providers() -> tuple[Provider, ...]:
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.desk"
        if config.name.startswith("glocal.") and find_spec(name) is not None:
            found.append(import_module(name).items_for)
    return tuple(found)


def items_for(user) -> list[DeskItem]:
    """What needs this person, from every app, most pressing first."""
    if not user.is_authenticated:
        return []
    return by_deadline([item for provider in providers() for item in provider(user)])
