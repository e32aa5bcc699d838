"""The timeline index (events/timeline_index.py) counts every option under any filters, so the
per-option tallies that triggers kept in events_tally (migration 0003) go, and with them the work
each write did to keep them."""

import importlib

from django.db import migrations

TABLES = sorted({table for table, *_ in importlib.import_module("events.migrations.0003_search_and_tallies").TALLIES})


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        statements = [f"DROP TRIGGER {table}_tally_{op}" for table in TABLES for op in ("insert", "update", "delete")]
    else:
        statements = [f"DROP FUNCTION {table}_tally CASCADE" for table in TABLES]
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0006_changes"),
    ]

    operations = [
        migrations.RunPython(drop),  # irreversible: nothing would keep tallies right again
        migrations.DeleteModel(name="Tally"),
    ]
