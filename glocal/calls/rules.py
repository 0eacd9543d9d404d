"""Who may apply to a call and who may judge an application, with the reason in plain words."""

from django.utils.translation import gettext as _

from glocal.lib import roles
from glocal.members.models import Municipality, PopulationBand
from glocal.practices.models import Practice, Status
from glocal.reference.models import Region

from .models import Application, Call


def town_problems(call: Call, town: Municipality) -> list[str]:
    """Why ``town`` falls outside the call's rules (member, region, population band)."""
    problems = []
    if call.members_only and not town.is_member:
        problems.append(_("Only member municipalities take part; %(town)s is not a member.")
                        % {"town": town})  # fmt: skip
    if call.regions and town.country.region not in call.regions:
        problems.append(
            _("This call is for towns in %(regions)s; %(town)s is in %(region)s.")
            % {"regions": ", ".join(call.region_labels), "town": town,
               "region": Region(town.country.region).label}
        )  # fmt: skip
    if call.population_bands and town.population_band not in call.population_bands:
        size = dict(PopulationBand.choices).get(town.population_band, _("unknown"))
        problems.append(
            _("This call is for towns of %(bands)s inhabitants; %(town)s has %(size)s.")
            % {"bands": " or ".join(call.band_labels), "town": town, "size": size}
        )  # fmt: skip
    return problems


def applicant_problems(call: Call, town: Municipality) -> list[str]:
    """Why ``town`` may not open an application. Award nominations check the nominee instead."""
    if call.is_award:
        if call.members_only and not town.is_member:
            return [_("Only member municipalities nominate; %(town)s is not a member.")
                    % {"town": town}]  # fmt: skip
        return []
    return town_problems(call, town)


def nomination_problems(call: Call, nominee: Municipality | None, practice: Practice | None):
    """Why a nomination cannot be submitted; a list of (field, message)."""
    problems = []
    if nominee is None:
        problems.append(("nominee", _("Choose the municipality you nominate.")))
    else:
        problems += [("nominee", message) for message in town_problems(call, nominee)]
    if practice is None:
        problems.append(("practice", _("Choose the practice you nominate.")))
    elif nominee is not None and practice.municipality_id != nominee.pk:
        problems.append(("practice", _("%(practice)s is not a practice of %(town)s.")
                         % {"practice": practice, "town": nominee}))  # fmt: skip
    elif practice.status != Status.PUBLISHED:
        problems.append(("practice", _("Only practices published in the showroom can win.")))
    return problems


def conflict_reason(reviewer, application: Application, towns_of_reviewer=None) -> str:
    """Why ``reviewer`` may not judge ``application``; empty when they may.

    ``towns_of_reviewer`` lets a caller pass the reviewer's municipalities fetched once.
    """
    found = roles.conflict(reviewer, application, towns_of_reviewer)
    if found is None:
        return ""
    kind, town = found
    if kind == "town":
        return _("represents %(town)s") % {"town": town}
    if kind == "country":
        return _("comes from the same country as %(town)s") % {"town": town}
    return _("declared a conflict of interest")
