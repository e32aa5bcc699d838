"""Full-text search (events/search.py): words of titles and backing passages, found through the
database's own index (FTS5 on SQLite, a GIN index on PostgreSQL), which triggers keep up to date
however events and sources are written."""

import pytest
from django.db import connection

from events.admin.curation import merge_events, split_source
from events.models import Event, Source


def found(text):
    return sorted(Event.objects.containing(text).values_list("title", flat=True))


def test_a_word_finds_events_by_title_or_by_passage_ignoring_case(make_event):
    make_event(title="Singh meets Shoigu")
    backed = make_event(title="Talks", text="Talks on the S-400 were held in Moscow.")
    backed.sources.update(end=len("Talks on the S-400 were held in Moscow."))
    assert found("SHOIGU") == ["Singh meets Shoigu"]
    assert found("moscow") == ["Talks"]


def test_a_word_matches_the_words_it_begins_and_every_word_must_match(make_event):
    make_event(title="Singh meets Shoigu")
    make_event(title="Singh meets Belousov")
    assert found("shoi") == ["Singh meets Shoigu"]
    assert found("singh") == ["Singh meets Belousov", "Singh meets Shoigu"]
    assert found("singh belo") == ["Singh meets Belousov"]
    assert found("igu") == []


def test_a_hyphenated_term_is_a_phrase_of_its_words(make_event):
    make_event(title="Talks on the S-400")
    make_event(title="S 500 and 400 troops")
    assert found("S-400") == ["Talks on the S-400"]


def test_text_without_a_word_matches_nothing(make_event):
    make_event(title="Singh meets Shoigu")
    assert found("-- !") == []


def test_words_outside_the_passages_do_not_count(make_event):
    text = "Header about oil prices. Singh and Shoigu discussed deliveries. Footer."
    event = make_event(title="Talks", text=text)
    passage = "Singh and Shoigu discussed deliveries."
    event.sources.update(start=text.index(passage), end=text.index(passage) + len(passage))
    assert found("deliveries") == ["Talks"]
    assert found("oil") == []


def test_the_index_follows_titles_sources_merges_splits_and_deletes(make_event):
    first = make_event(title="Summit", text="Singh meets Shoigu in Moscow.")  # the passage: "Singh "
    second = make_event(title="Talks in Delhi", text="Talks in Delhi on trade.")
    first.title = "Defence talks"
    first.save()
    assert found("summit") == [] and found("defence") == ["Defence talks"]
    Source.objects.filter(event=second).update(end=len("Talks in Delhi on trade."))
    assert found("trade") == ["Talks in Delhi"]
    merge_events(first, [second])
    assert found("trade") == ["Defence talks"]
    split_source(Source.objects.get(document__text__startswith="Talks in Delhi"))
    assert found("trade") == ["Defence talks"]  # the split-off event keeps the title, and the passage
    assert Event.objects.containing("trade").count() == 1
    Event.objects.filter(title="Defence talks").delete()
    assert found("defence") == []


def test_search_reads_the_index_rather_than_scanning_passages(db):
    subquery = Event.objects.containing("shoigu").values("pk").query
    sql, params = subquery.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On a handful of rows the planner rightly prefers a scan (of the table, or of the primary
            # key's index); forbid both to see that the GIN index can answer the query.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "events_search_document" in plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = "\n".join(row[-1] for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan
        assert "events_source" not in plan and "events_document" not in plan


@pytest.mark.parametrize("query", ["shoigu", "S-400 talks", "tra"])
def test_the_timeline_api_and_export_share_the_search(client, make_event, query):
    make_event(title="Singh meets Shoigu for S-400 talks")
    make_event(title="Trade round")
    expected = found(query)
    api = [e["title"] for e in client.get("/api/events", {"q": query}).json()["events"]]
    assert sorted(api) == expected
