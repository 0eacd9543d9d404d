"""The Local Change Lab team rules, checked without the database.

A lab team has 5 to 10 people, 2 or 3 of them aged 18 to 30, at least 40 % women and 40 % men,
the mayor in the team or as its patron, and exactly one municipal contact person. The patron
stands behind the team and is not counted in its size, ages or gender balance.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models_plan import AgeGroup, Gender, TeamRole

MIN_PEOPLE, MAX_PEOPLE = 5, 10  # the size of a lab team
MIN_YOUNG, MAX_YOUNG = 2, 3  # people aged 18–30 in the team
GENDER_SHARE = (2, 5)  # each of women and men makes up at least 2/5 = 40 % of the team


@dataclass(frozen=True)
class Person:
    role: str
    gender: str
    age_group: str


@dataclass(frozen=True)
class TeamCheck:
    size: int
    young: int
    women: int
    men: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_team(people: list[Person]) -> TeamCheck:
    """Each rule the team breaks, explained in plain words with what to do about it."""
    team = [p for p in people if p.role != TeamRole.PATRON]
    size = len(team)
    young = sum(p.age_group == AgeGroup.YOUNG for p in team)
    women = sum(p.gender == Gender.WOMAN for p in team)
    men = sum(p.gender == Gender.MAN for p in team)
    problems = [
        *_size_problems(size),
        *_youth_problems(young),
        *_gender_problems(size, women, men),
        *_role_problems(people),
    ]
    return TeamCheck(size=size, young=young, women=women, men=men, problems=problems)


def _size_problems(size: int) -> list[str]:
    if size < MIN_PEOPLE:
        missing = MIN_PEOPLE - size
        return [ngettext(
            "Add %(n)d more person: the team has %(size)d and needs 5 to 10.",
            "Add %(n)d more people: the team has %(size)d and needs 5 to 10.", missing,
        ) % {"n": missing, "size": size}]  # fmt: skip
    if size > MAX_PEOPLE:
        extra = size - MAX_PEOPLE
        return [ngettext(
            "The team has %(size)d people, %(n)d more than the 10 a lab can work with.",
            "The team has %(size)d people, %(n)d more than the 10 a lab can work with.", extra,
        ) % {"n": extra, "size": size}]  # fmt: skip
    return []


def _youth_problems(young: int) -> list[str]:
    if young < MIN_YOUNG:
        missing = MIN_YOUNG - young
        return [ngettext(
            "Bring in %(n)d more young person aged 18 to 30 "
            "(the team needs 2 or 3; it has %(young)d).",
            "Bring in %(n)d more young people aged 18 to 30 "
            "(the team needs 2 or 3; it has %(young)d).",
            missing,
        ) % {"n": missing, "young": young}]  # fmt: skip
    if young > MAX_YOUNG:
        return [_("The team has %(young)d people aged 18 to 30; a lab team has 2 or 3.")
                % {"young": young}]  # fmt: skip
    return []


def _gender_problems(size: int, women: int, men: int) -> list[str]:
    if size == 0:
        return []
    part, whole = GENDER_SHARE
    needed = -(-size * part // whole)  # rounded up, in whole people
    problems = []
    for count, label in ((women, _("women")), (men, _("men"))):
        if count < needed:
            problems.append(
                _("At least 40 %% of the team must be %(label)s: with %(size)d people that is "
                  "%(needed)d, and there are %(count)d.")
                % {"label": label, "size": size, "needed": needed, "count": count}
            )  # fmt: skip
    return problems


def _role_problems(people: list[Person]) -> list[str]:
    problems = []
    if not any(p.role in (TeamRole.MAYOR, TeamRole.PATRON) for p in people):
        problems.append(_("The mayor is missing: add the mayor as a team member or as patron."))
    contacts = sum(p.role == TeamRole.CONTACT for p in people)
    if contacts == 0:
        problems.append(_("Name one municipal contact person for the team."))
    elif contacts > 1:
        problems.append(
            _("There are %(n)d municipal contact persons; keep exactly one.") % {"n": contacts}
        )
    return problems
