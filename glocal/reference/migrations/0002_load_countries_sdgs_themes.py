import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "countries.csv"


def load(apps, schema_editor):
    from glocal.reference.regions import default_region
    from glocal.reference.taxonomy import SDG_SHORT_NAMES, THEMES

    Country = apps.get_model("reference", "Country")
    Sdg = apps.get_model("reference", "Sdg")
    Theme = apps.get_model("reference", "Theme")
    with DATA.open(encoding="utf-8") as f:
        Country.objects.bulk_create(
            Country(iso=r["iso"], name=r["name"], region=default_region(r["iso"], r["continent"]))
            for r in csv.DictReader(f)
        )
    Sdg.objects.bulk_create(
        Sdg(number=i, name=name) for i, name in enumerate(SDG_SHORT_NAMES, start=1)
    )
    Theme.objects.bulk_create(Theme(slug=slug, name=name) for slug, name in THEMES)


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
