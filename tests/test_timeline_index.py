"""The in-memory timeline index (events/timeline_index.py) must say exactly what SQL over the tables
says: the same events, in the same order, with the same counts, for any filters; and it must keep
saying so however the tables are written, since triggers tell it what changed."""

import datetime
import random
import re

import pytest
from django.db import connection
from django.db.models import Count
from django.http import QueryDict

from events import forms, search, timeline_index
from events.admin.curation import merge_events, merge_people
from events.forms import TimelineFilterForm
from events.models import Change, Country, Event, Person, Place, Topic
from events.synthetic import Size, build
from tests.conftest import SEEDS

FACETS = {"country": (Event.countries.through, "country_id"), "person": (Event.participants.through, "person_id"),
          "topic": (Event.topics.through, "topic_id")}


def counted(events):
    """{(facet, option): events} counted by SQL over a queryset of events."""
    counts = {("kind", kind): n for kind, n in events.values_list("kind").annotate(n=Count("id")).order_by()}
    if flagged := events.filter(needs_review=True).count():
        counts["review", True] = flagged
    for facet, (through, column) in FACETS.items():
        rows = through.objects.filter(event_id__in=events.values("pk")).values_list(column).annotate(n=Count("*"))
        counts.update({(facet, value): n for value, n in rows.order_by()})
    return counts


def indexed():
    """{(facet, option): events} as the index has them, brought up to date first."""
    with timeline_index.current() as index:
        return {
            (facet, value): n
            for facet in ("kind", "review", "country", "person", "topic")
            for value, n in index.counts(facet, index.all).items()
        }


def months(events):
    """Sorted (year, month, precision, count) rows of the dated events, counted by SQL."""
    rows = events.filter(date__isnull=False).values_list("date__year", "date__month", "date_precision")
    return sorted((year, month, precision, n) for year, month, precision, n in rows.annotate(n=Count("id")).order_by())


def index_months():
    with timeline_index.current() as index:
        return sorted(index.per_month(index.all))


def test_the_index_follows_every_way_of_writing(make_event):
    defence = Topic.objects.get_or_create(slug="defence", defaults={"name": "Defence"})[0]
    a = make_event(title="a", countries=("IN", "RU"), people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")])
    b = make_event(title="b", kind="visit", precision="month", countries=("IN", "BY"), people=[("S Jaishankar", "IN")],
                   venue=("Minsk", "BY"))
    c = make_event(title="c", precision="unknown")
    assert indexed() == counted(Event.objects.all()) and indexed()["kind", "meeting"] == 2
    assert index_months() == months(Event.objects.all())
    a.kind, a.date = "summit", datetime.date(2021, 3, 5)
    a.save()
    a.topics.add(defence)
    Event.objects.filter(pk=b.pk).update(needs_review=True, date=datetime.date(2020, 1, 1), date_precision="year")
    Event.objects.filter(pk=b.pk).get().save()  # the period follows the precision
    assert indexed() == counted(Event.objects.all()) and index_months() == months(Event.objects.all())
    c.countries.set(["BY"])
    a.participants.remove(Person.objects.get(name="Sergei Shoigu"))
    Event.objects.bulk_create([Event(title="bulk", kind="other", date=datetime.date(2022, 2, 2), date_precision="day")])
    assert indexed() == counted(Event.objects.all()) and index_months() == months(Event.objects.all())
    merge_people(Person.objects.get(name="Rajnath Singh"), [Person.objects.get(name="S Jaishankar")])
    merge_events(a, [b])
    c.delete()
    assert indexed() == counted(Event.objects.all()) and index_months() == months(Event.objects.all())
    Event.objects.all().delete()
    assert indexed() == {} and index_months() == []


def test_a_venue_moved_to_another_country_moves_its_events(make_event):
    singh = make_event(people=[("Rajnath Singh", "IN")], venue=("Tashkent", "RU")).participants.get()
    with timeline_index.current() as index:
        assert index.met_with(singh.pk)[1] == {"RU": 1}
    Country.objects.create(code="UZ", name="Uzbekistan")
    Place.objects.filter(name="Tashkent").update(country_id="UZ")
    with timeline_index.current() as index:
        assert index.met_with(singh.pk)[1] == {"UZ": 1}


@pytest.fixture
def corpus(db):
    build(Size(events=700, people=90, sources=1_400, documents=350, years=12), seed=3)
    return Event.objects.all()


def random_filters(rng):
    """Query parameters of the timeline, a few filters at a time, drawn from the corpus."""
    params = {}
    for name in rng.sample(["country", "person", "topic", "kind", "from", "to", "q", "review"], rng.randint(1, 3)):
        if name == "country":
            params[name] = rng.sample(["IN", "RU", "US", "CN", "FR", "ZZ"], rng.randint(1, 2))
        elif name == "person":
            params[name] = rng.choice(list(Person.objects.values_list("pk", flat=True)[:20]))
        elif name == "topic":
            params[name] = rng.choice(list(Topic.objects.values_list("slug", flat=True)))
        elif name == "kind":
            params[name] = rng.choice(Event.Kind.values)
        elif name in ("from", "to"):
            day = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(12 * 365))
            params[name] = rng.choice([str(day.year), day.strftime("%Y-%m"), day.isoformat()])
        elif name == "q":
            params[name] = rng.choice(list(Person.objects.values_list("name", flat=True)[:30])).split()[-1][:5]
        else:
            params[name] = "1"
    query = QueryDict(mutable=True)
    for name, value in params.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return query


def in_ranked_order(events, text):
    """The ids of the events in timeline order; with words searched, those the words were found in
    by their titles and passages first, then by their people, topics and places, then the rest."""
    if not text:
        return list(events.in_timeline_order().values_list("pk", flat=True))
    ranked = {}  # an ordered set
    for within in (search.REPORTS, search.DETAILS, search.ARTICLES):
        ranked |= dict.fromkeys(events.containing(text, within=within).in_timeline_order().values_list("pk", flat=True))
    return list(ranked)


@pytest.mark.parametrize("sort_below", [0, 10**9], ids=["walking the order", "sorting the matches"])
def test_the_index_selects_orders_and_counts_as_sql_does(corpus, monkeypatch, sort_below):
    monkeypatch.setattr(timeline_index, "SORT_BELOW", sort_below)
    monkeypatch.setattr(timeline_index, "WALK", 7)
    rng = random.Random(11)
    for _ in range(60):
        query = random_filters(rng)
        form = TimelineFilterForm(query)
        events = Event.objects.matching(**form.filters())
        assert form.count() == events.count(), query
        in_order = in_ranked_order(events, form.cleaned.get("q"))
        chunk, cursor = form.page(10)
        assert [card.pk for card in chunk] == in_order[:10], query
        assert (cursor is None) == (len(in_order) <= 10)
        if cursor:
            following = TimelineFilterForm(QueryDict(query.urlencode() + f"&after={cursor}")).page(10)[0]
            assert [card.pk for card in following] == in_order[10:20], query
        facets = form.facets()
        for facet, leave_out in (("country", "countries"), ("topic", "topic"), ("kind", "kind")):
            expected = counted(Event.objects.matching(**form.filters(leave_out)))
            for option in facets[facet]:
                value = option.value if facet != "topic" else Topic.objects.get(slug=option.value).pk
                assert option.count == expected.get((facet, value), 0), (query, facet, option)
        expected = counted(Event.objects.matching(**form.filters("person")))
        assert all(o.count == expected.get(("person", int(o.value)), 0) for o in facets["person"]), query
        assert facets["review"] == Event.objects.matching(**form.filters("needs_review")).filter(needs_review=True).count()
        assert sorted(form.per_month()) == months(Event.objects.matching(**form.filters("start", "end"))), query


def test_a_range_takes_the_events_whose_period_overlaps_it(make_event):
    year = make_event(title="year", date=datetime.date(2020, 1, 1), precision="year")
    month = make_event(title="month", date=datetime.date(2020, 6, 1), precision="month")
    day = make_event(title="day", date=datetime.date(2020, 6, 20))
    make_event(title="undated", precision="unknown")

    def found(query):
        form = TimelineFilterForm(QueryDict(query))
        return {card.title for card in form.page(10)[0]}, {e.title for e in Event.objects.matching(**form.filters())}

    for query, expected in [("from=2020-06-15", {"year", "month", "day"}), ("from=2020-07", {"year"}),
                            ("to=2020-05", {"year"}), ("from=2020-06-21&to=2020-06-30", {"year", "month"}),
                            ("from=2021", set()), ("to=2019-12-31", set()), ("to=9999", {"year", "month", "day"}),
                            ("from=0001&to=9999-12-31", {"year", "month", "day"})]:
        assert found(query) == (expected, expected), query
    assert year.pk and month.pk and day.pk


def test_a_write_by_another_connection_is_seen_before_the_next_answer(transactional_db, make_event):
    """What each web process sees: a write committed through another database connection."""
    from django.db import connections

    make_event(title="first")
    assert TimelineFilterForm(QueryDict("")).count() == 1
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("UPDATE events_event SET kind = 'visit'")
        if not other.get_autocommit():
            other.commit()
    finally:
        other.close()
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == 1


def test_reloading_the_same_events_twice_changes_nothing(corpus):
    before = indexed()
    with timeline_index.current() as index:
        index.load(list(corpus.values_list("pk", flat=True)[:50]))
        index.load(list(corpus.values_list("pk", flat=True)[:50]))
        assert len(index.keys) == len(index.ids) == len(index.events) == corpus.count()
        assert index.keys == sorted(index.keys)
    assert indexed() == before == counted(Event.objects.all())


def test_the_facet_options_are_the_ones_with_events(client, make_event):
    make_event(countries=("IN",))
    Topic.objects.get_or_create(slug="trade", defaults={"name": "Trade"})
    page = client.get("/").content.decode()
    assert 'value="IN"' in page and 'value="trade"' not in page


def test_the_person_facet_lists_the_people_with_most_events_and_the_one_chosen(client, make_event, monkeypatch):
    monkeypatch.setattr(forms, "PEOPLE_SHOWN", 2)
    for n, name in enumerate(["Many", "Some", "Few"]):
        for _ in range(3 - n):
            make_event(people=[(name, "IN")])
    few = Person.objects.get(name="Few")

    def listed(url):
        return re.findall(r'name="person" value="\d+"[^>]*> ([^<]+) <span', client.get(url).content.decode())

    assert listed("/") == ["Many", "Some"]
    assert listed(f"/?person={few.pk}") == ["Few", "Many", "Some"]


@pytest.fixture
def committed(transactional_db):
    """Writes committed one by one, as in production (on PostgreSQL pruning goes by transaction)."""
    yield
    with connection.cursor() as cursor:
        cursor.execute("UPDATE events_change_pruned SET through = 0")


def test_a_process_behind_a_pruned_change_log_reads_everything_again(committed, make_event):
    make_event(title="first")
    assert TimelineFilterForm(QueryDict("")).count() == 1  # this process has read the log so far
    for n in range(3):
        make_event(title=f"later {n}", kind="visit")
    before = Change.objects.count()
    assert timeline_index.prune_changes(keep=2) == before - Change.objects.count() > 0
    assert Change.objects.count() <= 2
    # Some of the changes that made the visits are gone: the process must not miss the visits.
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == 3
    make_event(title="after", kind="visit")
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == 4


def test_ingest_keeps_the_change_log_short(committed, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setattr(timeline_index, "KEEP_CHANGES", 5)
    call_command("ingest", str(SEEDS), stdout=open("/dev/null", "w"))
    assert Change.objects.count() <= 5
    assert TimelineFilterForm(QueryDict("")).count() == Event.objects.count() > 0


def test_remembered_answers_are_bounded_and_stay_right(make_event, monkeypatch):
    monkeypatch.setattr(timeline_index, "MEMO_SIZE", 2)
    for n in range(4):
        make_event(people=[(f"Minister {n}", "IN"), ("Host", "RU")])
    with timeline_index.current() as index:
        people = list(Person.objects.order_by("name").values_list("pk", flat=True))
        answers = [index.met_with(pk)[0] for pk in people]
        assert len(index.memo) <= 2
        assert [index.met_with(pk)[0] for pk in people] == answers
    host = Person.objects.get(name="Host")
    assert answers[people.index(host.pk)] == {pk: 1 for pk in people if pk != host.pk}


def test_a_write_committed_after_a_later_one_is_not_missed(committed, make_event):
    """Two writers: the first to start commits last. On PostgreSQL its change row has the smaller
    id but becomes visible after the larger one has been read; the index must still take it in."""
    from django.db import connections

    slow, quick = make_event(title="slow"), make_event(title="quick")
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == 0
    first, second = connections.create_connection("default"), connections.create_connection("default")
    try:
        first.set_autocommit(False)
        with first.cursor() as cursor:
            cursor.execute("UPDATE events_event SET kind = 'visit' WHERE id = %s", [slow.pk])
        if connection.vendor == "postgresql":  # SQLite lets one writer at a time: no overtaking there
            with second.cursor() as cursor:
                cursor.execute("UPDATE events_event SET kind = 'visit' WHERE id = %s", [quick.pk])
            assert TimelineFilterForm(QueryDict("kind=visit")).count() == 1  # the quick one
        first.commit()
    finally:
        first.close()
        second.close()
    expected = 2 if connection.vendor == "postgresql" else 1
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == expected


def test_after_a_restore_every_process_reads_everything_again(make_event):
    """A restore puts back a change log that says nothing of what a process had read; it marks the
    log with a new generation instead."""
    event = make_event(title="first")
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == 0
    seen = Change.objects.order_by("-id").values_list("id", flat=True).first()
    # As a restore does: the data changes and the log ends up saying nothing of it.
    Event.objects.filter(pk=event.pk).update(kind="visit")
    Change.objects.filter(id__gt=seen).update(event_id=0)
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == 0  # nothing told this process
    timeline_index.invalidate()
    assert TimelineFilterForm(QueryDict("kind=visit")).count() == 1


def test_a_gunicorn_worker_reads_the_index_before_its_first_request(make_event, monkeypatch):
    import importlib.util
    from unittest import mock

    from django.db import DatabaseError

    make_event(title="first")
    spec = importlib.util.spec_from_file_location("gunicorn_conf", SEEDS.parent.parent / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    monkeypatch.setattr("django.db.connection.close", lambda: None)  # the test's transaction stays open
    conf.post_worker_init(mock.Mock())
    assert len(timeline_index._index.events) == 1
    # A database that cannot be read yet leaves the index to the first request, and no half of it.
    timeline_index.reset()
    worker = mock.Mock()
    with mock.patch.object(timeline_index, "read_events", side_effect=DatabaseError("no such table")):
        conf.post_worker_init(worker)
    assert worker.log.warning.called and timeline_index._index.horizon is None
    assert TimelineFilterForm(QueryDict("")).count() == 1
