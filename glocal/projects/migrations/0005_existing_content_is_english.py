"""Content written before languages were recorded was written in English."""

from django.db import migrations

MODELS = ["Prototype", "Project"]


def mark_english(apps, schema_editor):
    for name in MODELS:
        apps.get_model("projects", name).objects.update(language="en")


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_content_language")]

    operations = [migrations.RunPython(mark_english, migrations.RunPython.noop)]
