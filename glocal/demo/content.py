"""Demo content for ``load_demo`` and ``demo_logins``: data only.

Facts about the ACT NOW Mayors' Network, its member towns and their sixteen showroom
projects come from the seed documents; everything else (figures not in the seeds, needs,
budgets, awards, contacts) is ILLUSTRATIVE and exists only to make the demo believable.
The ``.demo`` addresses do not exist.
"""

from .content_municipalities import MUNICIPALITIES
from .content_practices_1 import PRACTICES_1
from .content_practices_2 import PRACTICES_2

DEMO_PASSWORD = "glocal-demo-2026"
SOURCE_NAME = "ACT NOW Mayors' Network showroom (demo)"
SOURCE_URL = "https://innovationinpolitics.eu/showroom"
LICENCE = "CC BY 4.0"

USERS = [
    {
        "email": "secretariat@glocal.demo",
        "full_name": "Secretariat Demo",
        "role": "Secretariat (staff, superuser)",
        "is_staff": True,
        "is_superuser": True,
    },
    {
        "email": "reviewer@glocal.demo",
        "full_name": "Reviewer Demo",
        "role": "Reviewer / jury member",
        "is_reviewer": True,
    },
    {
        "email": "mayor@spilamberto.glocal.demo",
        "full_name": "Mayor of Spilamberto (demo)",
        "role": "Representative",
        "municipality": "spilamberto",
        "position": "Mayor",
    },
    {
        "email": "officer@kamenica.glocal.demo",
        "full_name": "Kamenica Officer (demo)",
        "role": "Representative",
        "municipality": "kamenica",
        "position": "Education officer",
    },
    {
        "email": "officer@zahle.glocal.demo",
        "full_name": "Zahlé Officer (demo)",
        "role": "Representative",
        "municipality": "zahle",
        "position": "Social development officer",
    },
    {
        "email": "officer@baalbek.glocal.demo",
        "full_name": "Baalbek Officer (demo)",
        "role": "Representative",
        "municipality": "baalbek",
        "position": "Youth officer",
    },
    {
        "email": "officer@jbeil.glocal.demo",
        "full_name": "Jbeil Officer (demo)",
        "role": "Representative",
        "municipality": "jbeil",
        "position": "Focal point",
    },
    {
        "email": "officer@batroun.glocal.demo",
        "full_name": "Batroun Officer (demo)",
        "role": "Representative",
        "municipality": "batroun",
        "position": "Focal point",
    },
]

# Who creates practices that name no author, and who publishes them (the secretariat).
DEFAULT_AUTHOR = "secretariat@glocal.demo"
PUBLISHER = "secretariat@glocal.demo"

PRACTICES = PRACTICES_1 + PRACTICES_2

__all__ = [
    "DEFAULT_AUTHOR",
    "DEMO_PASSWORD",
    "LICENCE",
    "MUNICIPALITIES",
    "PRACTICES",
    "PUBLISHER",
    "SOURCE_NAME",
    "SOURCE_URL",
    "USERS",
]
