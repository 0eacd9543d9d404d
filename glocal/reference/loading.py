"""Load the bundled countries, SDGs and themes (used by a data migration and by tests)."""

import csv
from pathlib import Path

from .regions import default_region
from .taxonomy import SDG_SHORT_NAMES, THEMES

COUNTRIES_CSV = Path(__file__).resolve().parent / "data" / "countries.csv"


def load_reference_data(country_model, sdg_model, theme_model) -> None:
    """Create whatever is missing; existing rows (and the secretariat's edits) stay."""
    with COUNTRIES_CSV.open(encoding="utf-8") as f:
        country_model.objects.bulk_create(
            [
                country_model(
                    iso=r["iso"], name=r["name"], region=default_region(r["iso"], r["continent"])
                )
                for r in csv.DictReader(f)
            ],
            ignore_conflicts=True,
        )
    sdg_model.objects.bulk_create(
        [sdg_model(number=i, name=name) for i, name in enumerate(SDG_SHORT_NAMES, start=1)],
        ignore_conflicts=True,
    )
    theme_model.objects.bulk_create(
        [theme_model(slug=slug, name=name) for slug, name in THEMES], ignore_conflicts=True
    )
