"""Content written before languages were recorded was written in English."""

from django.db import migrations

MODELS = ["Practice"]


def mark_english(apps, schema_editor):
    for name in MODELS:
        apps.get_model("practices", name).objects.update(language="en")


class Migration(migrations.Migration):
    dependencies = [("practices", "0005_content_language")]

    operations = [migrations.RunPython(mark_english, migrations.RunPython.noop)]
