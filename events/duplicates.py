"""Likely duplicates, for editors: pairs of events that clustering's own rules (events/clustering.py)
would take for one event, yet are two (reports that came apart, an event added by hand beside the
extracted one, two events an editor each touched).

Candidates come from the timeline index, in memory: dated events with the same participants (or,
naming nobody, the same countries), grouped, and within a group those whose periods overlap. Only
the candidates are read from the database and checked with `clustering.pair_fit`, so the page costs
a read of a few events rather than a scan of them all."""

from collections import defaultdict

from . import clustering, timeline_index
from .extraction.types import DateValue
from .models import Event, KeptApart, Report


def candidates(facts):
    """Sorted (id, id) pairs of dated events (timeline_index.Facts by id) of the same people whose
    periods overlap: every pair `pair_fit` can accept among events of the same people is here."""
    groups = defaultdict(list)
    for pk, f in facts.items():
        if f.date is None:
            continue
        if f.people:
            group = frozenset(f.people)
        elif len(f.countries) >= 2:
            group = ("countries", frozenset(f.countries))  # people_fit's rule for reports naming nobody
        else:
            continue
        groups[group].append((f.date, f.date_end or f.date, pk))
    pairs = []
    for members in groups.values():
        members.sort()
        for n, (_, end, pk) in enumerate(members):
            for start, _, other in members[n + 1 :]:
                if start > end:
                    break  # sorted by start: no later one overlaps this one either
                pairs.append((min(pk, other), max(pk, other)))
    return sorted(pairs)


CHUNK = 500


def as_reports(ids, facts):
    """{id: clustering.Report} of these events: their fields, and the words of all their reports."""
    ids = sorted(ids)
    words, remote, rows = defaultdict(set), defaultdict(list), []
    for at in range(0, len(ids), CHUNK):
        chunk = ids[at : at + CHUNK]
        for event_id, found, is_remote in Report.objects.filter(event_id__in=chunk).values_list("event_id", "words", "remote"):
            words[event_id].update(found)
            remote[event_id].append(is_remote)
        rows += Event.objects.filter(pk__in=chunk).values_list(
            "pk", "kind", "date", "date_precision", "date_end", "date_evidence", "venue__country_id"
        )
    out = {}
    for pk, kind, date, precision, end, evidence, venue_country in rows:
        out[pk] = clustering.Report(
            key=(pk,),
            document=("event", pk),  # two events are never "one document"
            kind=kind,
            participants=frozenset(facts[pk].people),
            date=DateValue(date, precision, evidence, end=end if precision == "day" else None),
            venue_country=venue_country,
            words=frozenset(words[pk]),
            countries=frozenset(facts[pk].countries),
            remote=bool(remote[pk]) and all(remote[pk]),
        )
    return out


def likely(limit=50):
    """(the first `limit` likely duplicate pairs as (Event, Event), the latest first; how many there
    are). Pairs an editor kept apart are left out."""
    with timeline_index.current() as index:
        pairs = index.remembered(("duplicates",), lambda: candidates(index.events))
        facts = {pk: index.events[pk] for pair in pairs for pk in pair}
    if pairs:
        apart = set(KeptApart.objects.values_list("first", "second"))  # a few rows: editors make them one by one
        pairs = [pair for pair in pairs if pair not in apart]
    reports = as_reports({pk for pair in pairs for pk in pair}, facts)
    found = [(a, b) for a, b in pairs if a in reports and b in reports and clustering.pair_fit(reports[a], reports[b])]
    found.sort(key=lambda pair: (max(facts[pair[0]].date, facts[pair[1]].date), pair), reverse=True)
    shown = found[:limit]
    events = Event.objects.filter(pk__in={pk for pair in shown for pk in pair}).with_source_counts()
    by_id = {e.pk: e for e in events.select_related("venue__country").prefetch_related("participants")}
    # A pair one of whose events was deleted since the index was read is gone.
    return [(by_id[a], by_id[b]) for a, b in shown if a in by_id and b in by_id], len(found)
