"""Content written before languages were recorded was written in English."""

from django.db import migrations

MODELS = ["Statement", "StatementVersion", "Update", "Signature"]


def mark_english(apps, schema_editor):
    for name in MODELS:
        apps.get_model("network", name).objects.update(language="en")


class Migration(migrations.Migration):
    dependencies = [("network", "0003_content_language_and_signed_language")]

    operations = [migrations.RunPython(mark_english, migrations.RunPython.noop)]
