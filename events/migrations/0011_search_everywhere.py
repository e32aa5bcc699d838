"""Search everywhere, accents ignored (events/search.py): beside the events' titles and passages
(events_search, migration 0003), full-text indexes of people (names and aliases), topics (names and
keywords), places (the name and its country's name) and documents (their whole text), each kept by
triggers on its own table; a search joins them to events through the links, so no link needs a trigger.

Accents and case: SQLite's unicode61 tokenizer with `remove_diacritics 2` folds Latin letters, in
the text and in the query alike. On PostgreSQL `events_search_fold` decomposes (NFKD) and drops the
combining marks before the 'simple' parser lower-cases, and events/search.py folds a query the same
way (its MARKS are the ranges below). Not the unaccent extension: creating it needs a privilege a
hosted database's role may lack, and its rules file could not be mirrored on the query side.

SQLite drops a table's triggers when a migration rebuilds the table (as 0009 did events_document):
a later migration that alters events_person, events_topic, events_place, events_country or
events_document must make these triggers again (tests/test_search.py checks they all exist)."""

import importlib

from django.db import migrations

PASSAGES = importlib.import_module("events.migrations.0003_search_and_tallies").PASSAGES
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
# As events/search.py's MARKS: the combining diacritical marks, their extensions and supplements.
MARKS = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"

# A JSON list of strings (aliases, keywords) as its strings, space-separated.
SQLITE_LIST = "CASE WHEN json_valid({0}) THEN (SELECT group_concat(value, ' ') FROM json_each({0})) ELSE '' END"
POSTGRESQL_LIST = (
    "CASE WHEN jsonb_typeof({0}) = 'array' THEN (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text({0})) END"
)


COLUMNS = {"events_search_people": "name, aliases", "events_search_topics": "name, keywords", "events_search_places": "name, country"}


def sqlite_rows(table, select, where=""):
    return f"INSERT OR REPLACE INTO {table} (rowid, {COLUMNS[table]}) {select} {where};"


def sqlite_sql():
    people = "SELECT p.id, p.name, coalesce({}, '') FROM events_person p".format(SQLITE_LIST.format("p.aliases"))
    topics = "SELECT t.id, t.name, coalesce({}, '') FROM events_topic t".format(SQLITE_LIST.format("t.keywords"))
    places = "SELECT p.id, p.name, coalesce(c.name, '') FROM events_place p LEFT JOIN events_country c ON c.code = p.country_id"
    passages = PASSAGES.format(agg="group_concat", event="e.id")
    return [
        # The titles and passages again, with the tokenizer that folds accents.
        "DROP TABLE events_search",
        f"CREATE VIRTUAL TABLE events_search USING fts5(title, passages, {TOKENIZE})",
        f"INSERT INTO events_search (rowid, title, passages) SELECT e.id, e.title, coalesce({passages}, '') FROM events_event e",

        f"CREATE VIRTUAL TABLE events_search_people USING fts5(name, aliases, {TOKENIZE})",
        "CREATE TRIGGER events_search_people_insert AFTER INSERT ON events_person BEGIN "
        f"{sqlite_rows('events_search_people', people, 'WHERE p.id = NEW.id')} END",
        "CREATE TRIGGER events_search_people_update AFTER UPDATE OF name, aliases ON events_person BEGIN "
        f"{sqlite_rows('events_search_people', people, 'WHERE p.id = NEW.id')} END",
        "CREATE TRIGGER events_search_people_delete AFTER DELETE ON events_person BEGIN "
        "DELETE FROM events_search_people WHERE rowid = OLD.id; END",
        sqlite_rows("events_search_people", people),

        f"CREATE VIRTUAL TABLE events_search_topics USING fts5(name, keywords, {TOKENIZE})",
        "CREATE TRIGGER events_search_topics_insert AFTER INSERT ON events_topic BEGIN "
        f"{sqlite_rows('events_search_topics', topics, 'WHERE t.id = NEW.id')} END",
        "CREATE TRIGGER events_search_topics_update AFTER UPDATE OF name, keywords ON events_topic BEGIN "
        f"{sqlite_rows('events_search_topics', topics, 'WHERE t.id = NEW.id')} END",
        "CREATE TRIGGER events_search_topics_delete AFTER DELETE ON events_topic BEGIN "
        "DELETE FROM events_search_topics WHERE rowid = OLD.id; END",
        sqlite_rows("events_search_topics", topics),

        f"CREATE VIRTUAL TABLE events_search_places USING fts5(name, country, {TOKENIZE})",
        "CREATE TRIGGER events_search_places_insert AFTER INSERT ON events_place BEGIN "
        f"{sqlite_rows('events_search_places', places, 'WHERE p.id = NEW.id')} END",
        "CREATE TRIGGER events_search_places_update AFTER UPDATE OF name, country_id ON events_place BEGIN "
        f"{sqlite_rows('events_search_places', places, 'WHERE p.id = NEW.id')} END",
        "CREATE TRIGGER events_search_places_delete AFTER DELETE ON events_place BEGIN "
        "DELETE FROM events_search_places WHERE rowid = OLD.id; END",
        "CREATE TRIGGER events_search_places_country AFTER UPDATE OF name ON events_country BEGIN "
        f"{sqlite_rows('events_search_places', places, 'WHERE p.country_id = NEW.code')} END",
        sqlite_rows("events_search_places", places),

        # The documents' text is stored once, in events_document: the index reads it from there
        # (external content), and deleting a row's words from the index needs the text it had.
        f"CREATE VIRTUAL TABLE events_search_documents USING fts5(text, content='events_document', content_rowid='id', {TOKENIZE})",
        "CREATE TRIGGER events_search_documents_insert AFTER INSERT ON events_document BEGIN "
        "INSERT INTO events_search_documents (rowid, text) VALUES (NEW.id, NEW.text); END",
        "CREATE TRIGGER events_search_documents_update AFTER UPDATE OF text ON events_document BEGIN "
        "INSERT INTO events_search_documents (events_search_documents, rowid, text) VALUES ('delete', OLD.id, OLD.text); "
        "INSERT INTO events_search_documents (rowid, text) VALUES (NEW.id, NEW.text); END",
        "CREATE TRIGGER events_search_documents_delete AFTER DELETE ON events_document BEGIN "
        "INSERT INTO events_search_documents (events_search_documents, rowid, text) VALUES ('delete', OLD.id, OLD.text); END",
        "INSERT INTO events_search_documents (events_search_documents) VALUES ('rebuild')",
    ]


SQLITE_TABLES = ("people", "topics", "places", "documents")


def sqlite_drop():
    triggers = [f"events_search_{table}_{op}" for table in SQLITE_TABLES for op in ("insert", "update", "delete")]
    passages = PASSAGES.format(agg="group_concat", event="e.id")
    return [f"DROP TRIGGER {name}" for name in [*triggers, "events_search_places_country"]] + [
        f"DROP TABLE events_search_{table}" for table in SQLITE_TABLES
    ] + [
        "DROP TABLE events_search",
        "CREATE VIRTUAL TABLE events_search USING fts5(title, passages, tokenize = 'unicode61 remove_diacritics 0')",
        f"INSERT INTO events_search (rowid, title, passages) SELECT e.id, e.title, coalesce({passages}, '') FROM events_event e",
    ]


def postgresql_refresh(name, table, key, document, source):
    """A function making (or removing) the index row of one row of `source`."""
    return f"""CREATE FUNCTION events_search_{name}_refresh(row_id {key}) RETURNS void LANGUAGE sql AS $$
        DELETE FROM events_search_{name} WHERE id = row_id AND NOT EXISTS (SELECT FROM {table} WHERE {table}.id = row_id);
        INSERT INTO events_search_{name} (id, document) SELECT row_id, {document} FROM {source} WHERE {table}.id = row_id
        ON CONFLICT (id) DO UPDATE SET document = excluded.document $$"""


def postgresql_sql():
    weighted = "setweight(events_search_words({}), 'A') || setweight(events_search_words(coalesce({}, '')), 'B')"
    tables = [
        # (index, table, the document of a row, the rows it is made from, columns whose change remakes it)
        ("people", "events_person", weighted.format("events_person.name", POSTGRESQL_LIST.format("events_person.aliases")),
         "events_person", "name, aliases"),
        ("topics", "events_topic", weighted.format("events_topic.name", POSTGRESQL_LIST.format("events_topic.keywords")),
         "events_topic", "name, keywords"),
        ("places", "events_place", weighted.format("events_place.name", "c.name"),
         "events_place LEFT JOIN events_country c ON c.code = events_place.country_id", "name, country_id"),
        ("documents", "events_document", "events_search_text_words(events_document.text)", "events_document", "text"),
    ]
    passages = PASSAGES.format(agg="string_agg", event="e.id")
    statements = [
        f"""CREATE FUNCTION events_search_fold(body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT regexp_replace(normalize(body, NFKD), '{MARKS}', '', 'g') $$""",
        # What both indexes count as a word: a run of letters and digits, as 0003 had it.
        """CREATE FUNCTION events_search_words(body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT to_tsvector('simple', regexp_replace(events_search_fold(body), '[^[:alnum:]]+', ' ', 'g')) $$""",
        # A tsvector holds at most 1 MB: a text with more distinct words than that (a document may be
        # 5 MB) is indexed as far as its first 200,000 characters, rather than refused.
        """CREATE FUNCTION events_search_text_words(body text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
            BEGIN RETURN events_search_words(body);
            EXCEPTION WHEN program_limit_exceeded THEN RETURN events_search_words(left(body, 200000)); END $$""",
        # The titles and passages, folded.
        f"""CREATE OR REPLACE FUNCTION events_search_refresh(event bigint) RETURNS void LANGUAGE sql AS $$
            DELETE FROM events_search WHERE event_id = event AND NOT EXISTS (SELECT FROM events_event WHERE id = event);
            INSERT INTO events_search (event_id, document)
            SELECT e.id, events_search_words(e.title || ' ' || coalesce({passages}, '')) FROM events_event e WHERE e.id = event
            ON CONFLICT (event_id) DO UPDATE SET document = excluded.document $$""",
        "SELECT events_search_refresh(id) FROM events_event",
    ]
    for name, table, document, source, columns in tables:
        statements += [
            f"CREATE TABLE events_search_{name} (id bigint PRIMARY KEY, document tsvector NOT NULL)",
            f"CREATE INDEX events_search_{name}_document ON events_search_{name} USING gin (document)",
            postgresql_refresh(name, table, "bigint", document, source),
            f"""CREATE FUNCTION events_search_{name}_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                PERFORM events_search_{name}_refresh(coalesce(NEW.id, OLD.id)); RETURN NULL; END $$""",
            f"CREATE TRIGGER events_search_{name} AFTER INSERT OR DELETE OR UPDATE OF {columns} ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION events_search_{name}_row()",
            # Django's flush (between transactional tests) truncates the tables it knows.
            f"""CREATE FUNCTION events_search_{name}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                TRUNCATE events_search_{name}; RETURN NULL; END $$""",
            f"CREATE TRIGGER events_search_{name}_truncate AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION events_search_{name}_truncate()",
            f"SELECT events_search_{name}_refresh(id) FROM {table}",
        ]
    statements += [
        """CREATE FUNCTION events_search_places_country() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            PERFORM events_search_places_refresh(id) FROM events_place WHERE country_id = NEW.code; RETURN NULL; END $$""",
        "CREATE TRIGGER events_search_places_country AFTER UPDATE OF name ON events_country "
        "FOR EACH ROW EXECUTE FUNCTION events_search_places_country()",
    ]
    return statements


def postgresql_drop():
    document = "to_tsvector('simple', regexp_replace({text}, '[^[:alnum:]]+', ' ', 'g'))".format(
        text=f"e.title || ' ' || coalesce({PASSAGES.format(agg='string_agg', event='e.id')}, '')"
    )
    return [
        "DROP FUNCTION events_search_places_country CASCADE",
        *(f"DROP FUNCTION events_search_{name}_{what} CASCADE"
          for name in SQLITE_TABLES for what in ("row", "truncate", "refresh")),
        *(f"DROP TABLE events_search_{name}" for name in SQLITE_TABLES),
        f"""CREATE OR REPLACE FUNCTION events_search_refresh(event bigint) RETURNS void LANGUAGE sql AS $$
            DELETE FROM events_search WHERE event_id = event AND NOT EXISTS (SELECT FROM events_event WHERE id = event);
            INSERT INTO events_search (event_id, document) SELECT e.id, {document} FROM events_event e WHERE e.id = event
            ON CONFLICT (event_id) DO UPDATE SET document = excluded.document $$""",
        "SELECT events_search_refresh(id) FROM events_event",
        "DROP FUNCTION events_search_text_words",
        "DROP FUNCTION events_search_words",
        "DROP FUNCTION events_search_fold",
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
        ("events", "0010_provenance"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
