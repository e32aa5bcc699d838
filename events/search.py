"""Full-text search over events' titles and backing passages, without scanning: SQLite's FTS5 or
PostgreSQL's tsvector with a GIN index, in a table `events_search` that database triggers keep in
step with events, sources and documents (migration 0003), however they are written."""

import re

from django.db import connection
from django.db.models.expressions import RawSQL

# What both indexes count as a word: a run of letters and digits (FTS5's unicode61 tokenizer, and
# the migration's regexp_replace before PostgreSQL's 'simple' parser).
WORD = re.compile(r"[^\W_]+")


def terms(text):
    """Each whitespace-separated term of the query as its words: "S-400 talks" -> [["s", "400"], ["talks"]]."""
    return [words for words in (WORD.findall(term.casefold()) for term in text.split()) if words]


def ids_query(text):
    """SQL selecting the ids of the events whose title or passages hold every term of the text, and
    its parameters; None for text without any word. A term is a phrase of its words and its last
    word matches as a prefix, so "S-400" finds "S-400" and "shoi" finds "Shoigu"."""
    query = terms(text)
    if not query:
        return None
    if connection.vendor == "postgresql":
        tsquery = " & ".join("(" + " <-> ".join([*words[:-1], f"{words[-1]}:*"]) + ")" for words in query)
        return "SELECT event_id FROM events_search WHERE document @@ to_tsquery('simple', %s)", [tsquery]
    match = " AND ".join('"' + " ".join(words) + '"*' for words in query)
    return "SELECT rowid FROM events_search WHERE events_search MATCH %s", [match]


def matching(events, text):
    """The events of the queryset that match the text (see `ids_query`); text without a word matches nothing."""
    query = ids_query(text)
    return events.filter(pk__in=RawSQL(*query)) if query else events.none()


def event_ids(text):
    """The ids of the events that match the text (see `ids_query`)."""
    query = ids_query(text)
    if not query:
        return []
    with connection.cursor() as cursor:
        cursor.execute(*query)
        return [pk for pk, in cursor.fetchall()]
