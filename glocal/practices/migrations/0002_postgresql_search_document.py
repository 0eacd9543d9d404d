"""On PostgreSQL, keep a weighted full-text document per practice, indexed with GIN.

A stored generated column follows every write by itself, so no code has to remember to
update it. Other databases skip this migration.
"""

from django.db import migrations

DOCUMENT = """
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english',
        coalesce(objectives, '') || ' ' || coalesce(approach, '') || ' '
        || coalesce(results, '') || ' ' || coalesce(target_groups, '')), 'C')
"""


def add_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE practices_practice ADD COLUMN search_document tsvector "
        f"GENERATED ALWAYS AS ({DOCUMENT}) STORED"
    )
    schema_editor.execute(
        "CREATE INDEX practice_search_document ON practices_practice USING GIN (search_document)"
    )


def drop_document(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE practices_practice DROP COLUMN search_document")


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(add_document, drop_document)]
