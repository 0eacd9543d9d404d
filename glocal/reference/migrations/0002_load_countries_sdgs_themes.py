from django.db import migrations


def load(apps, schema_editor):
    from glocal.reference.loading import load_reference_data

    load_reference_data(
        apps.get_model("reference", "Country"),
        apps.get_model("reference", "Sdg"),
        apps.get_model("reference", "Theme"),
    )


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
