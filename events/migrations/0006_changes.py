"""The log of changed events that keeps each process's in-memory timeline index (events/timeline_index.py)
in step with the database: triggers append an event's id whenever what the index holds of it changes."""

from django.db import migrations, models

# The tables linking events to countries, people and topics; and what of an event the index holds.
LINKS = ["events_event_countries", "events_event_participants", "events_event_topics"]
EVENT_COLUMNS = "date, date_end, date_precision_rank, kind, needs_review, venue_id"
VENUE_EVENTS = "SELECT id FROM events_event WHERE venue_id = NEW.id"
# How far timeline_index.prune_changes has deleted the log (an id on SQLite, a transaction on
# PostgreSQL), and the log's generation, which timeline_index.invalidate changes (after a restore).
PRUNED = [
    "CREATE TABLE events_change_pruned (through bigint NOT NULL, generation bigint NOT NULL)",
    "INSERT INTO events_change_pruned VALUES (0, 0)",
]


def sqlite_sql():
    log = "INSERT INTO events_change (event_id) VALUES ({});"
    statements = PRUNED + [
        f"CREATE TRIGGER events_change_event_insert AFTER INSERT ON events_event BEGIN {log.format('NEW.id')} END",
        f"CREATE TRIGGER events_change_event_update AFTER UPDATE OF {EVENT_COLUMNS} ON events_event "
        f"BEGIN {log.format('NEW.id')} END",
        f"CREATE TRIGGER events_change_event_delete AFTER DELETE ON events_event BEGIN {log.format('OLD.id')} END",
        "CREATE TRIGGER events_change_place_country AFTER UPDATE OF country_id ON events_place "
        f"BEGIN INSERT INTO events_change (event_id) {VENUE_EVENTS}; END",
    ]
    for table in LINKS:
        statements += [
            f"CREATE TRIGGER {table}_change_insert AFTER INSERT ON {table} BEGIN {log.format('NEW.event_id')} END",
            f"CREATE TRIGGER {table}_change_update AFTER UPDATE ON {table} "
            f"BEGIN {log.format('OLD.event_id')} {log.format('NEW.event_id')} END",
            f"CREATE TRIGGER {table}_change_delete AFTER DELETE ON {table} BEGIN {log.format('OLD.event_id')} END",
        ]
    return statements


def sqlite_drop():
    names = ["events_change_event_insert", "events_change_event_update", "events_change_event_delete",
             "events_change_place_country"]
    names += [f"{table}_change_{op}" for table in LINKS for op in ("insert", "update", "delete")]
    return [f"DROP TRIGGER {name}" for name in names] + ["DROP TABLE events_change_pruned"]


def postgresql_sql():
    return PRUNED + [
        # Ids are handed out before commit, not in commit order: readers go by transaction instead.
        "ALTER TABLE events_change ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id()",
        "CREATE INDEX events_change_tx ON events_change (tx)",
        """CREATE FUNCTION events_change_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            INSERT INTO events_change (event_id) VALUES (coalesce(NEW.id, OLD.id)); RETURN NULL; END $$""",
        """CREATE FUNCTION events_change_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF TG_OP <> 'INSERT' THEN INSERT INTO events_change (event_id) VALUES (OLD.event_id); END IF;
            IF TG_OP <> 'DELETE' THEN INSERT INTO events_change (event_id) VALUES (NEW.event_id); END IF;
            RETURN NULL; END $$""",
        f"""CREATE FUNCTION events_change_place() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            INSERT INTO events_change (event_id) {VENUE_EVENTS}; RETURN NULL; END $$""",
        "CREATE TRIGGER events_change_event AFTER INSERT OR DELETE ON events_event "
        "FOR EACH ROW EXECUTE FUNCTION events_change_event()",
        f"CREATE TRIGGER events_change_event_update AFTER UPDATE OF {EVENT_COLUMNS} ON events_event "
        "FOR EACH ROW EXECUTE FUNCTION events_change_event()",
        "CREATE TRIGGER events_change_place AFTER UPDATE OF country_id ON events_place "
        "FOR EACH ROW EXECUTE FUNCTION events_change_place()",
    ] + [
        f"CREATE TRIGGER {table}_change AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION events_change_link()"
        for table in LINKS
    ]


def postgresql_drop():
    return [f"DROP FUNCTION events_change_{name} CASCADE" for name in ("event", "link", "place")] + [
        "ALTER TABLE events_change DROP COLUMN tx", "DROP TABLE events_change_pruned"
    ]


def create(apps, schema_editor):
    statements = {"sqlite": sqlite_sql, "postgresql": postgresql_sql}[schema_editor.connection.vendor]()
    for statement in statements:
        schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    statements = {"sqlite": sqlite_drop, "postgresql": postgresql_drop}[schema_editor.connection.vendor]()
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0005_document_byline_date"),
    ]

    operations = [
        migrations.CreateModel(
            name="Change",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("event_id", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
