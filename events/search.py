"""Full-text search without scanning: SQLite's FTS5, or PostgreSQL's tsvector with GIN indexes, in
tables that database triggers keep in step however rows are written (migrations 0003 and 0011).

An event is found by its title and passages (`events_search`), by its people's names and aliases,
its topics' names and keywords, its venue and the venue's country (`events_search_people`,
`_topics`, `_places`, reached through the event's links), and by any word of the documents that
report it (`events_search_documents`). Where a search is ranked, that is the order: REPORTS,
then DETAILS, then ARTICLES. Accents and case never matter."""

import re
import unicodedata
from typing import NamedTuple

from django.db import connection
from django.db.models.expressions import RawSQL
from pyroaring import BitMap

# What the indexes count as a word: a run of letters and digits (FTS5's unicode61 tokenizer, and
# the regexp_replace before PostgreSQL's 'simple' parser).
WORD = re.compile(r"[^\W_]+")
# The combining marks folding drops ("ğ" is "g" and a breve): the ranges of migration 0011's
# events_search_fold, which folds what PostgreSQL indexes.
MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Where a term was found, the best first.
REPORTS, DETAILS, ARTICLES = range(3)
# (where, the index searched, SQL turning the ids of its rows, {ids}, into the ids of events)
LEADS = [
    (REPORTS, "events_search", "{ids}"),
    (DETAILS, "events_search_people", "SELECT event_id FROM events_event_participants WHERE person_id IN ({ids})"),
    (DETAILS, "events_search_topics", "SELECT event_id FROM events_event_topics WHERE topic_id IN ({ids})"),
    (DETAILS, "events_search_places", "SELECT id FROM events_event WHERE venue_id IN ({ids})"),
    (ARTICLES, "events_search_documents", "SELECT event_id FROM events_source WHERE document_id IN ({ids})"),
]


def fold(text):
    """The text as the indexes read it. PostgreSQL's holds text decomposed, without its marks
    (events_search_fold), so the query is folded the same way; SQLite's tokenizer folds the query
    itself, as it folded the text (it takes "ğ" written as g and a breve too, but Python's words
    would split there: composed first)."""
    if connection.vendor == "postgresql":
        return MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()
    return unicodedata.normalize("NFC", text).lower()


def terms(text):
    """Each whitespace-separated term of the query as its words: "S-400 talks" -> [["s", "400"], ["talks"]]."""
    return [words for words in (WORD.findall(fold(term)) for term in text.split()) if words]


def expression(query, column=None):
    """The index's match expression for every term of the query (each a phrase of its words whose
    last word matches as a prefix, so "S-400" finds "S-400" and "shoi" finds "Shoigu"); with a
    column, in that column alone (the first column: a person's name rather than their aliases)."""
    if connection.vendor == "postgresql":
        # A person's name is weighted A, their aliases B (migration 0011).
        weight = "A" if column else ""
        return " & ".join(
            "(" + " <-> ".join([*(f"{w}:{weight}" if weight else w for w in words[:-1]), f"{words[-1]}:*{weight}"]) + ")"
            for words in query
        )
    restrict = f"{column} : " if column else ""
    return " AND ".join(f'{restrict}"{" ".join(words)}"*' for words in query)


def rows_matching(index):
    """SQL selecting the ids of the index's rows that match an expression (its one parameter)."""
    if connection.vendor == "postgresql":
        key = "event_id" if index == "events_search" else "id"
        return f"SELECT {key} FROM {index} WHERE document @@ to_tsquery('simple', %s)"
    return f"SELECT rowid FROM {index} WHERE {index} MATCH %s"


def leads(words, within):
    """(where, SQL of the ids of the events the term matches there, its parameters) for each index
    up to `within`."""
    match = expression([words])
    return [(where, lead.format(ids=rows_matching(index)), [match]) for where, index, lead in LEADS if where <= within]


def matching(events, text, within=ARTICLES):
    """The events of the queryset in which every term of the text is found, looking as far as
    `within` (REPORTS: titles and passages only); text without a word matches nothing."""
    query = terms(text)
    if not query:
        return events.none()
    for words in query:
        found = leads(words, within)
        events = events.filter(pk__in=RawSQL(" UNION ALL ".join(sql for _, sql, _ in found),
                                             [p for _, _, params in found for p in params]))
    return events


class Found(NamedTuple):
    """The ids of the events a search matched, each set taking in the one before: every term found
    in the titles and passages (`reports`); found there or in the people, topics and places
    (`details`); found anywhere, the articles' text too (`anywhere`)."""

    reports: BitMap
    details: BitMap
    anywhere: BitMap

    def only(self, where):
        """The ids matched at `where` (REPORTS, DETAILS or ARTICLES) and not better."""
        return self[where] - self[where - 1] if where else self[where]


def found(text):
    """What the text matches (a Found), one query a term; text without a word matches nothing."""
    query = terms(text)
    if not query:
        return Found(BitMap(), BitMap(), BitMap())
    tiers = None
    with connection.cursor() as cursor:
        for words in query:
            parts = leads(words, ARTICLES)
            cursor.execute(" UNION ALL ".join(f"SELECT {where}, t.* FROM ({sql}) t" for where, sql, _ in parts),
                           [p for _, _, params in parts for p in params])
            sets = [BitMap() for _ in range(ARTICLES + 1)]
            for where, pk in cursor.fetchall():
                sets[where].add(pk)
            for where in range(1, ARTICLES + 1):
                sets[where] |= sets[where - 1]
            tiers = sets if tiers is None else [a & b for a, b in zip(tiers, sets)]
    return Found(*tiers)


def people(text):
    """The ids of the people whose name holds every term of the text, and of those matched only
    with their aliases: two lists, in that order of rank."""
    query = terms(text)
    if not query:
        return [], []
    with connection.cursor() as cursor:
        cursor.execute(rows_matching("events_search_people"), [expression(query, column="name")])
        by_name = [pk for pk, in cursor.fetchall()]
        cursor.execute(rows_matching("events_search_people"), [expression(query)])
        named = set(by_name)
        return by_name, [pk for pk, in cursor.fetchall() if pk not in named]
