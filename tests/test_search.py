"""Full-text search (events/search.py): words of titles and backing passages, of the people, topics
and places of events and of the reporting documents, accents and case ignored, found through the
database's own indexes (FTS5 on SQLite, GIN indexes on PostgreSQL), which triggers keep up to date
however rows are written."""

import pytest
from django.db import connection

from events import search
from events.admin.curation import merge_events, split_source
from events.models import Country, Document, Event, Person, Place, Source, Topic


def found(text):
    return sorted(Event.objects.containing(text).values_list("title", flat=True))


def found_in(text):
    """The titles of the events the text matches, by where the words were found: (in titles and
    passages, in people, topics or places, only in the articles' text)."""
    tiers = search.found(text)
    return tuple(sorted(Event.objects.filter(pk__in=list(tiers.only(where))).values_list("title", flat=True))
                 for where in (search.REPORTS, search.DETAILS, search.ARTICLES))


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


def test_words_outside_the_passages_count_after_those_in_them(make_event):
    text = "Header about oil prices. Singh and Shoigu discussed deliveries. Footer."
    event = make_event(title="Talks", text=text)
    passage = "Singh and Shoigu discussed deliveries."
    event.sources.update(start=text.index(passage), end=text.index(passage) + len(passage))
    assert found_in("deliveries") == (["Talks"], [], [])
    assert found_in("oil") == ([], [], ["Talks"])
    # Within the reports (the admin's passage search) the article's other words do not count.
    assert list(Event.objects.containing("oil", within=search.REPORTS)) == []


def test_people_topics_and_places_find_their_events_ranked_after_titles_and_passages(make_event):
    Country.objects.create(code="TR", name="Türkiye")
    talks = make_event(title="Talks in the capital", people=[("Recep Tayyip Erdoğan", "TR")], venue=("Ankara", "TR"))
    Person.objects.filter(name="Recep Tayyip Erdoğan").update(aliases=["Tayyip Reis"])
    Topic.objects.create(name="Gas transit", slug="gas-transit", keywords=["TurkStream pipeline"]).events.add(talks)
    make_event(title="Erdogan visits Baku", people=[("Ilham Aliyev", "AZ")])
    assert found_in("erdogan") == (["Erdogan visits Baku"], ["Talks in the capital"], [])
    assert found_in("reis") == ([], ["Talks in the capital"], [])  # an alias
    assert found_in("transit") == found_in("turkstream") == ([], ["Talks in the capital"], [])  # a topic, its keyword
    assert found_in("ankara") == found_in("turkiye") == ([], ["Talks in the capital"], [])  # the venue, its country
    # Every term must be found, each wherever it is: "erdogan" in a title, "baku" too; not "ankara".
    assert found_in("erdogan baku") == (["Erdogan visits Baku"], [], [])
    assert found_in("erdogan ankara") == ([], ["Talks in the capital"], [])
    assert found("erdogan") == ["Erdogan visits Baku", "Talks in the capital"]


def test_accents_and_case_never_matter(make_event):
    make_event(title="Çavuşoğlu meets Lavrov", people=[("Mevlüt Çavuşoğlu", "TR")])
    make_event(title="Talks with Erdogan", people=[("Recep Tayyip Erdogan", "TR")])
    assert found("cavusoglu") == found("ÇAVUŞOĞLU") == found("Cavuşoğlu") == ["Çavuşoğlu meets Lavrov"]
    assert found("Erdoğan") == found("ERDOGAN") == ["Talks with Erdogan"]
    # A letter and its accent written as two characters (decomposed) are the same letter.
    assert found("Erdog\u0306an") == ["Talks with Erdogan"]
    assert found_in("mevlut") == ([], ["Çavuşoğlu meets Lavrov"], [])


def test_the_indexes_follow_renames_aliases_links_and_documents(make_event):
    event = make_event(title="Talks", people=[("Sergei Shoigu", "RU")], venue=("Moskva", "RU"))
    person, place = Person.objects.get(name="Sergei Shoigu"), Place.objects.get(name="Moskva")
    assert found_in("belousov") == found_in("moscow") == found_in("minsk") == ([], [], [])
    person.add_aliases(["Andrei Belousov"])
    person.save()
    place.name = "Moscow"
    place.save()
    assert found_in("belousov") == found_in("moscow") == ([], ["Talks"], [])
    Country.objects.filter(code="RU").update(name="Russian Federation")
    assert found_in("federation") == ([], ["Talks"], [])
    other = Person.objects.create(name="Viktor Khrenin")
    event.participants.set([other])
    assert found_in("belousov") == ([], [], []) and found_in("khrenin") == ([], ["Talks"], [])
    document = Document.objects.get(sources__event=event)
    document.text += " Minsk was mentioned at the end."
    document.save()
    assert found_in("minsk") == ([], [], ["Talks"])
    person.delete()
    place.delete()
    assert found_in("moscow") == ([], [], [])
    document.delete()
    assert found_in("minsk") == ([], [], [])


def test_every_search_trigger_is_in_place(db):
    """SQLite drops a table's triggers when a migration rebuilds the table: a later migration that
    forgot to make them again would leave an index silently behind."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'events_search%%'")
            expected = {"events_search_event", "events_search_source", "events_search_document", "events_search_truncate",
                        *(f"events_search_{name}{end}" for name in ("people", "topics", "places", "documents")
                          for end in ("", "_truncate")), "events_search_places_country"}
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'events_search%%'")
            expected = {*(f"events_search_{name}" for name in (
                "event_insert", "event_title", "event_delete", "source_insert", "source_update", "source_delete",
                "document_text", "places_country")),
                *(f"events_search_{name}_{op}" for name in ("people", "topics", "places", "documents")
                  for op in ("insert", "update", "delete"))}
        assert {name for name, in cursor.fetchall()} == expected


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


def test_search_reads_the_indexes_rather_than_scanning_tables(db):
    subquery = Event.objects.containing("shoigu").values("pk").query
    sql, params = subquery.sql_with_params()
    indexes = ["events_search", "events_search_people", "events_search_topics", "events_search_places",
               "events_search_documents"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # On a handful of rows the planner rightly prefers a scan (of the table, or of the primary
            # key's index); forbid both to see that the GIN indexes can answer the query.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            for index in indexes:
                assert f"Bitmap Index Scan on {index}_document " in plan
            assert "Seq Scan" not in plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            steps = [row[-1] for row in cursor.fetchall()]
            for index in indexes:
                assert any(step.startswith(f"SCAN {index} VIRTUAL TABLE INDEX 0:M") for step in steps)
            # Every other table is searched through an index: none is scanned.
            assert [step for step in steps if step.startswith("SCAN") and "VIRTUAL TABLE INDEX 0:M" not in step] == []


@pytest.mark.parametrize("query", ["shoigu", "S-400 talks", "tra"])
def test_the_timeline_api_and_export_share_the_search(client, make_event, query):
    make_event(title="Singh meets Shoigu for S-400 talks")
    make_event(title="Trade round")
    expected = found(query)
    api = [e["title"] for e in client.get("/api/events", {"q": query}).json()["events"]]
    assert sorted(api) == expected
