"""The timeline's filters, counts and order held in memory as compressed bitmaps of event ids
(Roaring), so that a page over 100,000 events costs milliseconds however many of them its filters select.

Every filter option (a country, a person, a topic, a kind, "needs review", a month) is the bitmap of
its events' ids. A page's events are the AND of its filters' bitmaps; a facet's counts the sizes of
its options' intersections with the other filters; the overview strip the same per month. Timeline
order is a sorted array of keys (`key()`: the sort date, the coarser precision first, the id) with
the ids alongside, so a date range is a slice of it and the next chunk a walk along it from the cursor.

The database stays the truth. Triggers (migration 0006) append the id of every event whose date,
kind, review flag, venue or links change to `events_change`; each request first reads what was
appended since it last looked (one indexed query, normally empty) and reloads those events, so every
process sees every write, however it was made, before it answers. On PostgreSQL, where ids are not
handed out in commit order, a process re-reads the changes of every transaction that was still open
the last time it looked (`pg_snapshot_xmin`); reloading an event twice does no harm.
"""

import datetime
import itertools
import secrets
import threading
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from contextlib import contextmanager
from sys import intern
from typing import NamedTuple

from django.db import connection, transaction
from pyroaring import BitMap

from . import search
from .models import UNDATED, Event, Topic

ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1
DAY_SHIFT = ID_BITS + 2  # two bits of precision between the day and the id
RANK = Event.PRECISION_RANK
UNDATED_KEY = UNDATED.toordinal() << DAY_SHIFT  # the first key of the undated events
RANKS = len(RANK)
# Rows of the change log `prune_changes` keeps: a process that has not looked for that many changes
# reads everything again.
KEEP_CHANGES = 100_000
# Below this many events, a chunk sorts the matching events; above, it walks the timeline order.
SORT_BELOW = 2_000
WALK = 512  # events looked at a time along the timeline order
MEMO_SIZE = 256


def day_key(date):
    """The first key of a day: every event on or after that day sorts at or after it."""
    return date.toordinal() << DAY_SHIFT


def key(date, rank, pk):
    """An event's place in timeline order: by date (undated last), the coarser precision first, by id."""
    return day_key(date or UNDATED) | ((RANKS - 1 - rank) << ID_BITS) | pk


class Facts(NamedTuple):
    """What the index knows of one event."""

    key: int
    kind: str
    needs_review: bool
    date: datetime.date | None
    date_end: datetime.date | None
    precision: str
    place_country: str | None
    countries: tuple = ()
    people: tuple = ()
    topics: tuple = ()

    def options(self):
        """(facet, value) of every filter option this event is under."""
        yield "kind", self.kind
        for facet, values in (("country", self.countries), ("person", self.people), ("topic", self.topics)):
            for value in values:
                yield facet, value
        if self.needs_review:
            yield "review", True
        if self.date:
            yield "month", (self.date.year, self.date.month, "any")
            if self.precision in ("month", "year"):
                yield "month", (self.date.year, self.date.month, self.precision)


class Index:
    def __init__(self):
        self.events = {}  # id -> Facts
        self.all = BitMap()
        self.options = {"kind": {}, "country": {}, "person": {}, "topic": {}, "review": {}, "month": {}}
        self.keys, self.ids = [], array("I")  # timeline order
        # Keys of events whose period runs past its first day (a month, a year, a span of days): a
        # date range must also take those that began before its start. `longest` bounds how far back.
        self.spanning = []
        self.longest = datetime.timedelta(0)
        self.horizon, self.seen, self.generation = None, {}, None  # where changes_since() goes on from
        self.memo = {}  # answers kept until the index next changes

    # Keeping step with the database

    def refresh(self):
        """Reload the events changed since the last look (all of them the first time)."""
        # The horizon moves on only once what it covers is loaded: after a failure (a database
        # error), the next look loads the same changes again.
        if self.horizon is not None:
            try:
                changed, horizon, seen, _ = changes_since(self.horizon, self.seen, self.generation)
            except Stale:
                self.__init__()
            else:
                if changed:
                    self.load(changed)
                self.horizon, self.seen = horizon, seen
                return
        _, horizon, seen, generation = changes_since(None, {}, None)
        self.load(None)
        self.horizon, self.seen, self.generation = horizon, seen, generation

    def load(self, ids):
        """Read these events (None: all) from the database and put them in the index."""
        if ids is None:
            found = read_events(None)
            self.bulk_add(found)
            return
        ids = sorted(set(ids))
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            found = read_events(chunk)
            for pk in chunk:
                self.remove(pk)
                if pk in found:
                    self.add(pk, found[pk])

    def bulk_add(self, found):
        """Fill an empty index with these events, all at once."""
        self.memo.clear()
        self.events.update(found)
        options = {facet: defaultdict(list) for facet in self.options}
        for pk, facts in found.items():
            for facet, value in facts.options():
                options[facet][value].append(pk)
        self.options = {facet: {value: BitMap(ids) for value, ids in values.items()} for facet, values in options.items()}
        self.all = BitMap(found)
        order = sorted((facts.key, pk) for pk, facts in found.items())
        self.keys = [k for k, _ in order]
        self.ids = array("I", (pk for _, pk in order))
        self.spanning = sorted(facts.key for facts in found.values() if self.is_spanning(facts))

    def is_spanning(self, facts):
        if facts.date and facts.date_end and facts.date_end > facts.date:
            self.longest = max(self.longest, facts.date_end - facts.date)
            return True
        return False

    def add(self, pk, facts):
        self.memo.clear()
        self.events[pk] = facts
        self.all.add(pk)
        for facet, value in facts.options():
            self.options[facet].setdefault(value, BitMap()).add(pk)
        at = bisect_left(self.keys, facts.key)
        self.keys.insert(at, facts.key)
        self.ids.insert(at, pk)
        if self.is_spanning(facts):
            self.spanning.insert(bisect_left(self.spanning, facts.key), facts.key)

    def remove(self, pk):
        facts = self.events.pop(pk, None)
        if facts is None:
            return
        self.memo.clear()
        self.all.discard(pk)
        for facet, value in facts.options():
            option = self.options[facet][value]
            option.discard(pk)
            if not option:
                del self.options[facet][value]
        at = bisect_left(self.keys, facts.key)
        del self.keys[at], self.ids[at]
        at = bisect_left(self.spanning, facts.key)
        if at < len(self.spanning) and self.spanning[at] == facts.key:
            del self.spanning[at]

    # Reading

    def option(self, facet, value):
        return self.options[facet].get(value) or BitMap()

    def between(self, start, end):
        """Ids of the events whose period overlaps [start, end] (either may be None); undated left out."""
        first = bisect_left(self.keys, day_key(start)) if start else 0
        last = bisect_left(self.keys, min((end.toordinal() + 1) << DAY_SHIFT if end else UNDATED_KEY, UNDATED_KEY))
        selected = BitMap(self.ids[first:last]) if first < last else BitMap()
        if start:
            ongoing = self.ongoing(start)
            if end and end < start:  # a range given backwards takes what spans it from end to start
                ongoing = BitMap(pk for pk in ongoing if self.events[pk].date <= end)
            selected |= ongoing
        return selected

    def ongoing(self, day):
        """Ids of the events that began before `day` and are still going on at it (a month, a year
        or a span of days that takes it in)."""
        found = BitMap()
        earliest = day - min(self.longest, day - datetime.date.min)
        for k in self.spanning[bisect_left(self.spanning, day_key(earliest)):bisect_left(self.spanning, day_key(day))]:
            if self.events[k & ID_MASK].date_end >= day:
                found.add(k & ID_MASK)
        return found

    def starting(self, days):
        """For day ordinals d0 < d1 < … dn, the ids of the dated events that begin in each run of
        days [d0, d1), [d1, d2) … [dn-1, dn): slices of the timeline order, one bisection a day."""
        at = [bisect_left(self.keys, min(d << DAY_SHIFT, UNDATED_KEY)) for d in days]
        return [BitMap(self.ids[a:b]) if a < b else BitMap() for a, b in zip(at, at[1:])]

    def undated(self):
        """Ids of the events without a date."""
        return BitMap(self.ids[bisect_left(self.keys, UNDATED_KEY):])

    def sets(self, countries=(), person=None, topic=None, kind=None, start=None, end=None, text="",
             needs_review=False):
        """{filter name: the ids it lets through} for the filters given, with the arguments of
        `Event.objects.matching` (the text may come as what `search.found` made of it already);
        filters left empty are left out."""
        sets = {}
        if countries:
            sets["countries"] = BitMap.union(BitMap(), *(self.option("country", c) for c in countries))
        if person:
            sets["person"] = self.option("person", person)
        if topic:
            topic_id = Topic.objects.filter(slug=topic).values_list("pk", flat=True).first()
            sets["topic"] = self.option("topic", topic_id)
        if kind:
            sets["kind"] = self.option("kind", kind)
        if start or end:
            sets["dates"] = self.between(start, end)
        if text:
            sets["text"] = (text if isinstance(text, search.Found) else search.found(text)).anywhere & self.all
        if needs_review:
            sets["needs_review"] = self.option("review", True)
        return sets

    def matching(self, sets, leave_out=()):
        """The ids that pass every filter in `sets` but those named in `leave_out`. Not to be changed:
        it may be one of the index's own bitmaps."""
        chosen = sorted((ids for name, ids in sets.items() if name not in leave_out), key=len)
        if not chosen:
            return self.all
        return BitMap.intersection(*chosen) if len(chosen) > 1 else chosen[0]

    def ids_after(self, ids, cursor, size):
        """The first `size` of these ids in timeline order after the cursor (date, rank, pk)."""
        start = key(*cursor) + 1 if cursor else 0
        if len(ids) < SORT_BELOW:
            keys = sorted(k for pk in ids if (k := self.events[pk].key) >= start)
            return [k & ID_MASK for k in keys[:size]]
        found, at = [], bisect_left(self.keys, start)
        while at < len(self.ids) and len(found) < size:
            found += [pk for pk in self.ids[at:at + WALK] if pk in ids]  # a slice: no walk from the start
            at += WALK
        return found[:size]

    def counts(self, facet, ids, values=None):
        """{option: events among `ids`} for a facet's options (or only `values`), empty ones left out."""
        options = self.options[facet]
        chosen = options.items() if values is None else ((v, options[v]) for v in values if v in options)
        if ids is self.all:
            return {value: len(option) for value, option in chosen}
        return {value: n for value, option in chosen if (n := option.intersection_cardinality(ids))}

    def per_month(self, ids):
        """(year, month, precision, count) rows of the dated events among `ids`."""
        months = self.counts("month", ids)
        rows = []
        for (year, month, precision), n in months.items():
            if precision == "any":
                coarse = months.get((year, month, "month"), 0) + months.get((year, month, "year"), 0)
                if n > coarse:
                    rows.append((year, month, "day", n - coarse))
            else:
                rows.append((year, month, precision, n))
        return rows

    def remembered(self, key, work):
        """work(), kept until the index changes (a few hundred answers at most: a crawler going
        through every person's page must not fill the memory)."""
        if key not in self.memo:
            if len(self.memo) >= MEMO_SIZE:
                self.memo.clear()
            self.memo[key] = work()
        return self.memo[key]

    def busiest(self, facet, n):
        """The `n` options of a facet with most events (ties by value)."""
        def work():
            ranked = sorted(self.options[facet].items(), key=lambda option: (-len(option[1]), option[0]))
            return [value for value, _ in ranked[:n]]
        return self.remembered(("busiest", facet, n), work)

    def met_with(self, person):
        """Counters of the people `person` took part in events with, and of the countries of the
        venues of their events."""
        return self.remembered(("met", person), lambda: self.count_met_with(person))

    def count_met_with(self, person):
        events = [self.events[pk] for pk in self.option("person", person)]
        people = Counter(itertools.chain.from_iterable(facts.people for facts in events))
        del people[person]
        return people, Counter(facts.place_country for facts in events if facts.place_country)


def read_events(ids):
    """{id: Facts} for these events (None: all) as the database has them now. Plain SQL: the first
    look reads every event and link, and the ORM's objects would triple what that costs."""
    where, params = ("", []) if ids is None else (f" WHERE {{}} IN ({', '.join(['%s'] * len(ids))})", list(ids))
    links = {"countries": defaultdict(list), "people": defaultdict(list), "topics": defaultdict(list)}
    with connection.cursor() as cursor:
        for name, table, column in (("countries", "events_event_countries", "country_id"),
                                    ("people", "events_event_participants", "person_id"),
                                    ("topics", "events_event_topics", "topic_id")):
            cursor.execute(f"SELECT event_id, {column} FROM {table}" + where.format("event_id"), params)
            linked, shared = links[name], intern if name == "countries" else None  # one "IN", not 30,000
            for pk, value in cursor.fetchall():
                linked[pk].append(shared(value) if shared else value)
        cursor.execute(
            "SELECT e.id, e.date, e.date_end, e.date_precision, e.kind, e.needs_review, p.country_id "
            "FROM events_event e LEFT JOIN events_place p ON p.id = e.venue_id" + where.format("e.id"), params
        )
        countries, people, topics = links["countries"], links["people"], links["topics"]
        return {
            pk: Facts(key(date, RANK[precision], pk), intern(kind), bool(review), date, date_end, intern(precision),
                      place_country and intern(place_country),
                      tuple(countries.get(pk, ())), tuple(people.get(pk, ())), tuple(topics.get(pk, ())))
            for pk, date, date_end, precision, kind, review, place_country in cursor.fetchall()
        }


class Stale(Exception):
    """Changes this process has not read are gone (pruned), or the database is not the one it read
    (restored, or behind it): read everything."""


def changes_since(horizon, seen, generation):
    """(ids of the events changed since `horizon`, the next horizon, the changes seen at it, the
    log's generation).

    On SQLite one writer commits at a time, so change ids grow in commit order: the horizon is the
    last id read. On PostgreSQL they do not: the horizon is the oldest transaction still open
    (pg_snapshot_xmin), whose changes and those of any later transaction are read again next time,
    and `seen` ({change id: transaction}) keeps those already taken in from being reloaded again.
    With no horizon yet, this says where to start (before the whole index is read). Raises Stale
    when changes after `horizon` were pruned, the generation is not `generation`, or the log is
    behind the horizon."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(
                "SELECT 'pruned', through, NULL FROM events_change_pruned UNION ALL "
                "SELECT 'generation', generation, NULL FROM events_change_pruned UNION ALL "
                "SELECT 'last', coalesce(max(id), 0), NULL FROM events_change UNION ALL "
                "SELECT 'change', id, event_id FROM events_change WHERE id > %s",
                [2**62 if horizon is None else horizon],
            )
            rows = cursor.fetchall()
            marks = {what: n for what, n, _ in rows if what != "change"}
            if horizon is None:
                return set(), marks["last"], {}, marks["generation"]
            if marks["pruned"] > horizon or marks["last"] < horizon or marks["generation"] != generation:
                raise Stale
            return {pk for what, _, pk in rows if what == "change"}, marks["last"], {}, generation
        cursor.execute(
            "SELECT 'xmin', NULL::bigint, NULL::bigint, pg_snapshot_xmin(pg_current_snapshot())::text::bigint "
            "UNION ALL SELECT 'pruned', NULL, NULL, through FROM events_change_pruned "
            "UNION ALL SELECT 'generation', NULL, NULL, generation FROM events_change_pruned UNION ALL "
            "SELECT 'change', id, event_id, tx::text::bigint FROM events_change "
            "WHERE tx >= coalesce(%s::bigint::text::xid8, pg_snapshot_xmin(pg_current_snapshot()))",
            [horizon],
        )
        rows = cursor.fetchall()
        marks = {what: tx for what, _, _, tx in rows if what != "change"}
        if horizon is not None and (marks["pruned"] > horizon or marks["generation"] != generation):
            raise Stale
        changes = [(change, pk, tx) for what, change, pk, tx in rows if what == "change"]
        changed = set() if horizon is None else {pk for change, pk, _ in changes if change not in seen}
        seen = {change: tx for change, _, tx in changes if tx >= marks["xmin"]}
        return changed, marks["xmin"], seen, marks["generation"]


def invalidate():
    """Make every process read the whole database again on its next look: for after a restore,
    which puts back a change log that says nothing of what the processes had read."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE events_change_pruned SET generation = %s", [secrets.randbits(62)])


# (the mark of the newest row to go, deleting it and all older, recording it) per database. On
# PostgreSQL the mark is a transaction: the row goes with all of its transaction's rows and every
# older transaction's, and a process whose horizon is not past it missed some.
PRUNE = {
    "postgresql": (
        "SELECT tx::text::bigint FROM events_change ORDER BY id DESC LIMIT 1 OFFSET %s",
        "DELETE FROM events_change WHERE tx <= %s::bigint::text::xid8",
        "UPDATE events_change_pruned SET through = greatest(through, %s + 1)",
    ),
    "sqlite": (
        "SELECT id FROM events_change ORDER BY id DESC LIMIT 1 OFFSET %s",
        "DELETE FROM events_change WHERE id <= %s",
        "UPDATE events_change_pruned SET through = max(through, %s)",
    ),
}


def prune_changes(keep=None):
    """Delete all but the newest `keep` (KEEP_CHANGES) rows of the change log, and say how many went;
    a process that had not read the deleted ones reads the whole database again on its next look."""
    # At least one: on SQLite the newest id left is how a process knows the log is not behind it.
    keep = max(1, KEEP_CHANGES if keep is None else keep)
    mark, delete, record = PRUNE[connection.vendor]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(mark, [keep])
        found = cursor.fetchone()
        if not found:
            return 0
        cursor.execute(delete, found)
        deleted = cursor.rowcount
        cursor.execute(record, found)
        return deleted


_index = Index()
_lock = threading.RLock()


@contextmanager
def current(refresh=True):
    """The index for the length of the block (one thread at a time), brought up to date with the
    database first unless `refresh` is false (for a request's later looks at what it already read)."""
    with _lock:
        if refresh:
            _index.refresh()
        yield _index


def reset():
    """Forget everything: the next look reads the whole database again. For tests, whose rollbacks
    take back writes the index has already seen, and after a restore."""
    global _index
    with _lock:
        _index = Index()
