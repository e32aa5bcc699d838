"""Full-text search (SQLite FTS5, or PostgreSQL tsvector + GIN) and per-option event tallies, both
kept by triggers so that every way of writing events, sources and their links keeps them right;
the timeline's order by `sort_date` (undated last) over one index."""

import datetime
import django.db.models.functions.comparison
from django.db import migrations, models

# A passage is document.text[start:end]: cut out in SQL, joined per event.
PASSAGES = """(SELECT {agg}(substr(d.text, s.start + 1, s."end" - s.start), ' ') FROM events_source s
    JOIN events_document d ON d.id = s.document_id WHERE s.event_id = {event})"""

# (table, facet, value, condition) per tally; {row} is NEW, OLD or a table alias.
TALLIES = [
    ("events_event", "kind", "{row}.kind", "true"),
    ("events_event", "review", "''", "{row}.needs_review"),
    ("events_event", "month", "{month} || ' ' || {row}.date_precision", "{row}.date IS NOT NULL"),
    ("events_event_countries", "country", "{row}.country_id", "true"),
    ("events_event_participants", "person", "CAST({row}.person_id AS TEXT)", "true"),
    ("events_event_topics", "topic", "CAST({row}.topic_id AS TEXT)", "true"),
]
MONTH = {"sqlite": "substr({row}.date, 1, 7)", "postgresql": "to_char({row}.date, 'YYYY-MM')"}


def tally_sql(vendor, facet, value, condition, row, delta):
    value = value.format(row=row, month=MONTH[vendor].format(row=row))
    if delta < 0:
        # Never creates a row: when Django's flush empties events_tally before the tables it counts
        # (SQLite deletes row by row, so these triggers fire), nothing is left behind below zero.
        return (
            f"UPDATE events_tally SET events = events {delta} "
            f"WHERE facet = '{facet}' AND value = {value} AND {condition.format(row=row)};"
        )
    return (
        f"INSERT INTO events_tally (facet, value, events) SELECT '{facet}', {value}, {delta} "
        f"WHERE {condition.format(row=row)} "
        "ON CONFLICT (facet, value) DO UPDATE SET events = events_tally.events + excluded.events;"
    )


def sqlite_sql():
    passages = PASSAGES.format(agg="group_concat", event="e.id")

    def refresh(where):
        return (
            "INSERT OR REPLACE INTO events_search (rowid, title, passages) "
            f"SELECT e.id, e.title, coalesce({passages}, '') FROM events_event e {where};"
        )

    statements = [
        "CREATE VIRTUAL TABLE events_search USING fts5(title, passages, tokenize = 'unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER events_search_event_insert AFTER INSERT ON events_event BEGIN {refresh('WHERE e.id = NEW.id')} END",
        "CREATE TRIGGER events_search_event_title AFTER UPDATE OF title ON events_event BEGIN "
        "UPDATE events_search SET title = NEW.title WHERE rowid = NEW.id; END",
        "CREATE TRIGGER events_search_event_delete AFTER DELETE ON events_event BEGIN "
        "DELETE FROM events_search WHERE rowid = OLD.id; END",
        "CREATE TRIGGER events_search_source_insert AFTER INSERT ON events_source BEGIN "
        f"{refresh('WHERE e.id = NEW.event_id')} END",
        "CREATE TRIGGER events_search_source_update AFTER UPDATE ON events_source BEGIN "
        f"{refresh('WHERE e.id = OLD.event_id')} {refresh('WHERE e.id = NEW.event_id')} END",
        "CREATE TRIGGER events_search_source_delete AFTER DELETE ON events_source BEGIN "
        f"{refresh('WHERE e.id = OLD.event_id')} END",
        "CREATE TRIGGER events_search_document_text AFTER UPDATE OF text ON events_document BEGIN "
        f"{refresh('WHERE e.id IN (SELECT event_id FROM events_source WHERE document_id = NEW.id)')} END",
        f"INSERT INTO events_search (rowid, title, passages) SELECT e.id, e.title, coalesce({passages}, '') FROM events_event e",
    ]
    for table in sorted({t for t, *_ in TALLIES}):
        tallies = [t for t in TALLIES if t[0] == table]
        add = " ".join(tally_sql("sqlite", f, v, c, "NEW", 1) for _, f, v, c in tallies)
        remove = " ".join(tally_sql("sqlite", f, v, c, "OLD", -1) for _, f, v, c in tallies)
        statements += [
            f"CREATE TRIGGER {table}_tally_insert AFTER INSERT ON {table} BEGIN {add} END",
            f"CREATE TRIGGER {table}_tally_update AFTER UPDATE ON {table} BEGIN {remove} {add} END",
            f"CREATE TRIGGER {table}_tally_delete AFTER DELETE ON {table} BEGIN {remove} END",
        ]
    return statements


def postgresql_sql():
    words = "to_tsvector('simple', regexp_replace({text}, '[^[:alnum:]]+', ' ', 'g'))"
    document = words.format(text=f"e.title || ' ' || coalesce({PASSAGES.format(agg='string_agg', event='e.id')}, '')")
    statements = [
        "CREATE TABLE events_search (event_id bigint PRIMARY KEY, document tsvector NOT NULL)",
        "CREATE INDEX events_search_document ON events_search USING gin (document)",
        f"""CREATE FUNCTION events_search_refresh(event bigint) RETURNS void LANGUAGE sql AS $$
            DELETE FROM events_search WHERE event_id = event AND NOT EXISTS (SELECT FROM events_event WHERE id = event);
            INSERT INTO events_search (event_id, document) SELECT e.id, {document} FROM events_event e WHERE e.id = event
            ON CONFLICT (event_id) DO UPDATE SET document = excluded.document $$""",
        """CREATE FUNCTION events_search_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            PERFORM events_search_refresh(coalesce(NEW.id, OLD.id)); RETURN NULL; END $$""",
        """CREATE FUNCTION events_search_source() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM events_search_refresh(OLD.event_id); END IF;
            IF TG_OP <> 'DELETE' THEN PERFORM events_search_refresh(NEW.event_id); END IF;
            RETURN NULL; END $$""",
        """CREATE FUNCTION events_search_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            PERFORM events_search_refresh(event_id) FROM events_source WHERE document_id = NEW.id; RETURN NULL; END $$""",
        """CREATE FUNCTION events_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            TRUNCATE events_search; RETURN NULL; END $$""",
        "CREATE TRIGGER events_search_event AFTER INSERT OR DELETE OR UPDATE OF title ON events_event "
        "FOR EACH ROW EXECUTE FUNCTION events_search_event()",
        "CREATE TRIGGER events_search_source AFTER INSERT OR UPDATE OR DELETE ON events_source "
        "FOR EACH ROW EXECUTE FUNCTION events_search_source()",
        "CREATE TRIGGER events_search_document AFTER UPDATE OF text ON events_document "
        "FOR EACH ROW EXECUTE FUNCTION events_search_document()",
        # Django's flush (between transactional tests) truncates the tables it knows.
        "CREATE TRIGGER events_search_truncate AFTER TRUNCATE ON events_event "
        "FOR EACH STATEMENT EXECUTE FUNCTION events_search_truncate()",
        f"INSERT INTO events_search (event_id, document) SELECT e.id, {document} FROM events_event e",
    ]
    for table in sorted({t for t, *_ in TALLIES}):
        tallies = [t for t in TALLIES if t[0] == table]
        add = " ".join(tally_sql("postgresql", f, v, c, "NEW", 1) for _, f, v, c in tallies)
        remove = " ".join(tally_sql("postgresql", f, v, c, "OLD", -1) for _, f, v, c in tallies)
        statements += [
            f"""CREATE FUNCTION {table}_tally() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                IF TG_OP <> 'INSERT' THEN {remove} END IF;
                IF TG_OP <> 'DELETE' THEN {add} END IF;
                RETURN NULL; END $$""",
            f"CREATE TRIGGER {table}_tally AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_tally()",
        ]
    return statements


def backfill_tallies(vendor):
    return [
        f"INSERT INTO events_tally (facet, value, events) SELECT '{facet}', {value.format(row='t', month=MONTH[vendor].format(row='t'))}, "
        f"COUNT(*) FROM {table} t WHERE {condition.format(row='t')} GROUP BY 2"
        for table, facet, value, condition in TALLIES
    ]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite_sql, "postgresql": postgresql_sql}[vendor]()
    for statement in statements + backfill_tallies(vendor):
        schema_editor.execute(statement, params=None)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    tables = sorted({t for t, *_ in TALLIES})
    if vendor == "sqlite":
        triggers = [f"{t}_tally_{op}" for t in tables for op in ("insert", "update", "delete")] + [
            f"events_search_{name}" for name in
            ("event_insert", "event_title", "event_delete", "source_insert", "source_update", "source_delete", "document_text")
        ]
        statements = [f"DROP TRIGGER {name}" for name in triggers] + ["DROP TABLE events_search"]
    else:
        statements = [f"DROP FUNCTION {t}_tally CASCADE" for t in tables] + [
            f"DROP FUNCTION events_search_{name} CASCADE" for name in ("event", "source", "document", "truncate", "refresh")
        ] + ["DROP TABLE events_search"]
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_topics_and_editors'),
    ]

    operations = [
        migrations.CreateModel(
            name='Tally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facet', models.CharField(max_length=10)),
                ('value', models.CharField(max_length=20)),
                ('events', models.IntegerField(default=0)),
            ],
        ),
        migrations.AddField(
            model_name='event',
            name='sort_date',
            field=models.GeneratedField(db_persist=True, expression=django.db.models.functions.comparison.Coalesce('date', models.Value(datetime.date(9999, 12, 31))), output_field=models.DateField()),
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['sort_date', '-date_precision_rank', 'id'], name='event_timeline'),
        ),
        migrations.AddIndex(
            model_name='event',
            index=models.Index(condition=models.Q(('needs_review', True)), fields=['needs_review'], name='event_needs_review'),
        ),
        migrations.AddIndex(
            model_name='tally',
            index=models.Index(fields=['facet', '-events'], name='tally_largest'),
        ),
        migrations.AddConstraint(
            model_name='tally',
            constraint=models.UniqueConstraint(fields=('facet', 'value'), name='unique_tally'),
        ),
        migrations.RunPython(create, drop),
    ]
