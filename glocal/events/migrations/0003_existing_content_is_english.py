"""Content written before languages were recorded was written in English."""

from django.db import migrations

MODELS = ["Event"]


def mark_english(apps, schema_editor):
    for name in MODELS:
        apps.get_model("events", name).objects.update(language="en")


class Migration(migrations.Migration):
    dependencies = [("events", "0002_content_language")]

    operations = [migrations.RunPython(mark_english, migrations.RunPython.noop)]
