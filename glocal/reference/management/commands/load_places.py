"""Load the bundled GeoNames extract of populated places (CC BY 4.0) into ``Place``.

Idempotent: when the table already holds as many places as the file has loadable rows,
nothing is written; otherwise every row is upserted by its GeoNames id, in one transaction.
"""

import csv
import gzip
from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from glocal.reference.models import Country, Place

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "places.csv.gz"
BATCH_SIZE = 2000
UPDATE_FIELDS = ["name", "ascii_name", "country", "admin1", "population", "latitude", "longitude"]


def read_places(path: Path, known_countries: set[str]) -> tuple[list[Place], int]:
    """The loadable rows of a GeoNames CSV (gzip or plain) and how many rows were skipped."""
    opener = gzip.open if path.suffix == ".gz" else open
    places, skipped = [], 0
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["country"] not in known_countries:
                skipped += 1
                continue
            places.append(
                Place(
                    geonames_id=int(row["geonameid"]),
                    name=row["name"],
                    ascii_name=row["asciiname"] or row["name"],
                    country_id=row["country"],
                    admin1=row["admin1"],
                    population=int(row["population"] or 0),
                    latitude=Decimal(row["latitude"]),
                    longitude=Decimal(row["longitude"]),
                )
            )
    return places, skipped


class Command(BaseCommand):
    help = "Load the bundled GeoNames places into the Place table (skips when already loaded)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", type=Path, default=DEFAULT_PATH, help="CSV file, gzip or plain."
        )
        parser.add_argument(
            "--force", action="store_true", help="Upsert every row even if the counts match."
        )

    def handle(self, *args, path: Path, force: bool, verbosity: int, **options):
        if not path.exists():
            raise CommandError(f"No such file: {path}")
        known = set(Country.objects.values_list("iso", flat=True))
        places, skipped = read_places(path, known)
        existing = Place.objects.count()
        if existing == len(places) and not force:
            self.stdout.write(
                f"Places already loaded: {existing:,} in the database, nothing to do."
            )
            return
        self._upsert(places, show_progress=verbosity > 0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {len(places):,} places from {path.name} "
                f"({skipped:,} skipped for unknown countries); "
                f"{Place.objects.count():,} places in the database."
            )
        )

    def _upsert(self, places: list[Place], *, show_progress: bool) -> None:
        with (
            transaction.atomic(),
            tqdm(
                total=len(places),
                unit="places",
                disable=None if show_progress else True,
                leave=False,
            ) as bar,
        ):
            for start in range(0, len(places), BATCH_SIZE):
                batch = places[start : start + BATCH_SIZE]
                Place.objects.bulk_create(
                    batch,
                    update_conflicts=True,
                    unique_fields=["geonames_id"],
                    update_fields=UPDATE_FIELDS,
                )
                bar.update(len(batch))
