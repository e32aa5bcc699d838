"""Which reports are one event: clustering over every report that could be, independent of the order
the documents arrived in. Pure functions over plain data (no database): `events/ingest.py` loads the
reports near a new document, calls `cluster`, and stores the result.

A report is what one document says of one event. Two reports can be one event only when:

- they come from different documents (extraction already joined what one document says of one event);
- their kinds agree: the same kind, or a meeting and a summit (a two-leader summit is a meeting; but
  not a summit of several days and a meeting of one, a meeting at it). A visit,
  an agreement and a statement join only their own kind: a visit report and a report of a meeting
  during it stay two events;
- their people agree (two reports of a summit at one place need not name the same leaders): with
  two people or more on both sides they share at least two; a one-person
  report joins only a report that names that person; a report naming nobody (a meeting known by the
  countries attending) joins only a report of the same set of two countries or more, at a venue in
  the same country;
- a phone call joins neither a report of a meeting at a venue nor a summit (unless both are calls);
- their dates agree, when both are known: the periods overlap (a day, a range of days, a month, a
  year; two reports of a visit to one country may be VISIT_SLACK_DAYS apart, one dating it by the
  arrival, the other by the day it is written; a report dated only by the day it was published may be
  news of a day another report states within the week before, REPORT_DAY_SLACK days, which the event
  then takes; two reports dated only by the days they were published may be PUBLICATION_LAG_DAYS
  apart, and the event takes the earlier); a date known only to the year needs more, the same venue country and two shared content
  words (date words such as "Friday" aside). Reports of different days never join; reports set in two
  countries join only when both state their day.

Clusters are built by complete linkage: a report, or a group, joins another only when every report of
one agrees with every report of the other, so one cluster never holds two days. Pairs are taken
strongest evidence first (precise dates, shared people, shared words and topics, the same venue), ties
by the reports' stable keys (document hash, passage start), never by arrival order: any order of the
same reports gives the same clusters.

An undated report joins only when exactly one dated cluster could be its event: all its reports
agree with it, it names the cluster's people or two of them (or, of a summit, some of them; of a
visit, the travellers and its host, or the traveller alone when another report names them alone,
in the same country), the weekday it names (if any) is that cluster's day (of a visit, within
VISIT_SLACK_DAYS when no visit is of that weekday), no venue country contradicts it (a visit to a
known country joins only a cluster some report places there) and the cluster did not end before the day its
document says it was written at the earliest (a document without a publication date: "the first …
in more than four years", the last "in late 2019"); and only when it also shares two content words
with that cluster, names the same venue city (its passage may name it), or names the cluster's very people and the weekday of
its day. Same people alone is never enough: the same two
ministers meet many times, so with several such clusters it joins none, and they are returned as
candidates ("possibly the same event") for an editor to decide (so is the one cluster of its people
that nothing else in the report ties it to); unless the wording clearly singles
one out (it shares CLEAR_MARGIN more content words with it than with any other). A document without
a publication date tells of one time: the dated clusters its undated reports of two people or more
join by that rule (taken from the dated clusters alone, before any undated report joins) single it
out, and its one-person reports join no cluster more than DOCUMENT_TIME_DAYS from it.

Undated reports that join no dated cluster and have no candidates join each other (undated_pair)
when their documents are of one time (neither has a publication date, or theirs are at most
REPORT_DAY_SLACK days apart), they name the very same people, nothing in them disagrees and the same
town or shared wording backs it; a group of them only when every two fit.

Reports pinned to an event (one an editor touched) form one fixed cluster: it never splits and never
merges with another pinned event, but other reports may join it by the same rules.
"""

import calendar
import datetime
import functools
from collections import defaultdict
from dataclasses import dataclass, field

from .extraction import places
from .extraction.merge import content_words
from .extraction.types import DateValue

MIN_SHARED_WORDS = 2
NEAR_MISS_DAYS = 3
VISIT_SLACK_DAYS = 2  # days apart two reports of one person's visit to one country may date it
PUBLICATION_LAG_DAYS = 1  # days apart two reports dated only by their publication may be of one day's news
REPORT_DAY_SLACK = 7  # days before its publication a report dated only by that day may tell of
RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}  # finer precision first
# The extraction marks a date taken from the report's own publication date this way; an explicit
# date in another report wins over it.
PUBLICATION_DAY = "the date of the report"
SAME_OCCASION = {frozenset({"meeting", "summit"})}
DATE_WORDS = {name.casefold() for name in [*calendar.day_name, *calendar.month_name, *calendar.month_abbr] if name}
DATE_WORDS |= {"today", "yesterday", "tomorrow", "week", "month", "year", "morning", "evening", "night", "day"}


@dataclass
class Report:
    """What one document says of one event, as clustering sees it."""

    key: tuple  # stable order: (document sha256, first passage start, position in the document)
    document: object  # reports of one document never join
    kind: str
    participants: frozenset = frozenset()  # person ids
    date: DateValue = field(default_factory=DateValue)
    venue_country: str | None = None
    venue_name: str | None = None  # a city or building; None when only the country is known
    words: frozenset = frozenset()  # content words of the passages, names left out
    topics: frozenset = frozenset()
    countries: frozenset = frozenset()  # ISO codes
    pinned: object = None  # the id of the event an editor touched that this report belongs to
    remote: bool = False  # a phone call or video conference
    venue_stated: bool = True  # the report says where, rather than where the report is set
    before: datetime.date | None = None  # an undated report of an event before this day (its report's)
    # An undated report from a document written no earlier than this day ("the first … in more than
    # four years", the last "in late 2019"): no event that ended before it.
    after: datetime.date | None = None
    document_dated: bool = True  # its document has a publication date
    published: datetime.date | None = None  # that date, where the caller knows it
    ref: object = field(default=None, compare=False)  # the caller's handle


@dataclass
class Result:
    clusters: list  # of lists of Report, each sorted by key; clusters sorted by their first key
    # Reports left alone that fitted several clusters: [(report, [cluster index, ...])], by key.
    candidates: list = field(default_factory=list)

    def cluster_of(self):
        return {r.key: i for i, c in enumerate(self.clusters) for r in c}


# Dates


def period(value):
    """First and last day of a known date: a day, a range of days, a month or a year."""
    return _period(value.date, value.precision, value.end)


@functools.lru_cache(maxsize=65536)
def _period(d, precision, end):
    # Cached: clustering compares the same few dates many times over.
    if precision == "year":
        return datetime.date(d.year, 1, 1), datetime.date(d.year, 12, 31)
    if precision == "month":
        return datetime.date(d.year, d.month, 1), datetime.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    return d, max(end or d, d)


def dates_fit(a, b):
    """Two reports with known dates can be one event: their periods overlap, and a year alone is
    backed by the same venue country and shared wording."""
    (a0, a1), (b0, b1) = period(a.date), period(b.date)
    if a.kind == b.kind == "visit" and a.date.precision == b.date.precision == "day" and a.venue_country and a.venue_country == b.venue_country:
        # A visit lasts days: one report dates it by the arrival, another by the day it is written.
        slack = datetime.timedelta(days=VISIT_SLACK_DAYS)
        return a0 - slack <= b1 and b0 - slack <= a1
    if a.date.precision == b.date.precision == "day" and not is_explicit(a.date) and not is_explicit(b.date) and a.date.date != b.date.date:
        # Two reports dated only by the days they were published, one a day after the other: the
        # later may be the wire copy of the earlier's news (the earlier day wins: best_date).
        if abs((a.date.date - b.date.date).days) <= PUBLICATION_LAG_DAYS:
            return not (a.venue_country and b.venue_country and a.venue_country != b.venue_country)
        return False
    if a.date.precision == b.date.precision == "day" and is_explicit(a.date) != is_explicit(b.date):
        # A report dated only by the day it was published ("the date of the report") may be news of a
        # day it does not state within the week before: the stated day wins (best_date).
        default, stated = (a, b) if is_explicit(b.date) else (b, a)
        (d0, _), (s0, s1) = period(default.date), period(stated.date)
        if s0 <= d0 and d0 - s1 <= datetime.timedelta(days=REPORT_DAY_SLACK):
            return not (default.venue_country and stated.venue_country and default.venue_country != stated.venue_country)
    if a1 < b0 or b1 < a0:
        return False
    if "year" in (a.date.precision, b.date.precision):
        return bool(a.venue_country) and a.venue_country == b.venue_country and len(shared_words(a, b)) >= MIN_SHARED_WORDS
    if a.venue_country and b.venue_country and a.venue_country != b.venue_country:
        # Set in two countries: one event only on two stated days (then flagged), not on a month, or a
        # day taken from a report's publication date.
        return all(r.date.precision == "day" and is_explicit(r.date) for r in (a, b))
    return True


def shared_words(a, b):
    """Content words both reports use, date words aside (the dates are compared on their own)."""
    return (a.words & b.words) - DATE_WORDS


def is_explicit(value):
    """A date the text states, not one taken from the report's publication date."""
    return not value.evidence.startswith(PUBLICATION_DAY)


# Pairs


def kinds_fit(a, b):
    return a == b or frozenset({a, b}) in SAME_OCCASION


def one_summit(a, b):
    """Two reports of a summit at one place (the same venue country, and the same town where both
    name one): one summit, whichever of the leaders attending each names (their dates are compared
    on their own)."""
    return (
        a.kind == b.kind == "summit" and bool(a.venue_country) and a.venue_country == b.venue_country
        and (not a.venue_name or not b.venue_name or same_town(a.venue_name, b.venue_name))
    )


def people_fit(a, b):
    if one_summit(a, b):
        return True
    p, q = a.participants, b.participants
    if not p or not q:
        # Known only by the countries attending: the same countries, at a venue in the same country.
        return len(a.countries) >= 2 and a.countries == b.countries and bool(a.venue_country) and a.venue_country == b.venue_country
    small, big = (p, q) if len(p) <= len(q) else (q, p)
    if len(small) == 1:
        return small <= big
    return len(p & q) >= 2


def basic_fit(a, b):
    """Everything but the dates."""
    return a.document != b.document and kinds_fit(a.kind, b.kind) and people_fit(a, b) and places_fit(a, b) and not _a_day_at_a_summit(a, b)


def _a_day_at_a_summit(a, b):
    """A meeting of one day and a summit of several ("the G-7 Summit on May 20-21"): a meeting at
    the summit, not the summit."""
    if a.kind == b.kind:
        return False
    summit, other = (a, b) if a.kind == "summit" else (b, a)
    return summit.kind == "summit" and bool(summit.date.end) and not other.date.end


def places_fit(a, b):
    """A phone call is held nowhere: it is not a meeting at a venue, nor a summit (unless both are
    calls: a virtual summit)."""
    if a.remote != b.remote and "summit" in (a.kind, b.kind):
        return False
    return not ((a.remote and b.venue_country) or (b.remote and a.venue_country))


def pair_fit(a, b):
    if not basic_fit(a, b):
        return False
    if a.date.known and b.date.known:
        return dates_fit(a, b)
    return True  # an undated member is in its cluster by an editor's or the undated rule's choice


def related(a, b):
    """Whether two reports can bear on each other's clustering: they could be one event, or one could
    be a candidate for the other, or a near miss of it. Reports related to none of a document's
    reports, directly or through others, keep their clusters when it arrives (see `cluster`)."""
    if not basic_fit(a, b):
        return False
    if not a.date.known and not b.date.known:
        return undated_pair(a, b)  # (else they join only through a dated report, related to both)
    if not (a.date.known and b.date.known):
        # What an undated report needs of every report of a cluster it joins.
        undated, dated = (a, b) if not a.date.known else (b, a)
        if undated.venue_country and dated.venue_country and undated.venue_country != dated.venue_country:
            return False
        weekday = undated.date.weekday
        if dated.date.precision in ("day", "month") and not _names_month_day(dated.date, undated.date.month_day):
            return False
        if undated.before and period(dated.date)[0] >= undated.before:
            return False
        if undated.after and period(dated.date)[1] < undated.after:
            return False
        return weekday is None or dated.date.precision != "day" or _names_weekday(dated.date, weekday, _visit_slack(undated, dated))
    (a0, a1), (b0, b1) = period(a.date), period(b.date)
    gap = datetime.timedelta(days=NEAR_MISS_DAYS)
    return a0 <= b1 + gap and b0 <= a1 + gap


def strength(a, b):
    """How strongly two fitting reports say they are one event; greater first."""
    precise = 2 - max(RANK[a.date.precision], RANK[b.date.precision])
    shared = len(shared_words(a, b)) + len(a.topics & b.topics)
    venue = int(bool(a.venue_name) and same_town(a.venue_name, b.venue_name)) + int(bool(a.venue_country) and a.venue_country == b.venue_country)
    return (precise, len(a.participants & b.participants), a.participants == b.participants, shared, venue)


def candidate_pairs(reports):
    """Pairs of reports that share a person, or a country where one names nobody: every pair that
    can fit is among them (people_fit needs one or the other)."""
    buckets = defaultdict(list)
    for i, r in enumerate(reports):
        for p in r.participants:
            buckets[("person", p)].append(i)
        if r.kind == "summit" and r.venue_country:
            buckets[("summit", r.venue_country)].append(i)
        for c in r.countries:
            buckets[("country", c, not r.participants)].append(i)
    pairs = set()
    for bucket, members in buckets.items():
        if bucket[0] in ("person", "summit"):
            pairs.update((i, j) for n, i in enumerate(members) for j in members[n + 1 :])
        elif bucket[2]:  # personless reports of this country, with every report of the country
            others = buckets.get(("country", bucket[1], False), [])
            pairs.update((min(i, j), max(i, j)) for i in members for j in others + members if i != j)
    return pairs


# Clustering


def cluster(reports):
    """Clusters of the reports (see the module's docstring for the rules), and the candidates of
    each undated report that fitted several.

    Reports join only along `related` pairs, so the clusters of a set of reports are the clusters of
    each of its parts connected by `related` pairs (and by being pinned to one event), clustered
    alone: a new document needs only the part it is connected to clustered again."""
    reports = sorted(reports, key=lambda r: r.key)
    keys = [r.key for r in reports]
    if len(set(keys)) != len(keys):
        raise ValueError("report keys must be unique")
    fits = {}

    def fit(i, j):
        k = (i, j) if i < j else (j, i)
        if k not in fits:
            fits[k] = pair_fit(reports[k[0]], reports[k[1]])
        return fits[k]

    # Each report's group: pinned reports start together; every other report starts alone.
    group = {}
    members = {}
    pinned_group = {}
    for i, r in enumerate(reports):
        if r.pinned is not None:
            g = pinned_group.setdefault(r.pinned, i)
        else:
            g = i
        group[i] = g
        members.setdefault(g, []).append(i)
    pin = {g: reports[g].pinned for g in members}

    # Groups that cannot merge never can: groups only grow, and complete linkage only gets harder.
    blocked = set()

    def can_merge(g, h):
        if (min(g, h), max(g, h)) in blocked:
            return False
        if (pin[g] is not None and pin[h] is not None) or not all(fit(i, j) for i in members[g] for j in members[h]):
            blocked.add((min(g, h), max(g, h)))
            return False
        return True

    def merge(g, h):
        keep, gone = min(g, h), max(g, h)
        for a, b in [pair for pair in blocked if gone in pair]:
            blocked.discard((a, b))
            other = b if a == gone else a
            if other != keep:
                blocked.add((min(keep, other), max(keep, other)))
        for i in members[gone]:
            group[i] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))
        pin[keep] = pin[keep] if pin[keep] is not None else pin[gone]
        del pin[gone]

    # Dated reports: strongest pairs first, complete linkage.
    pairs = sorted(candidate_pairs(reports))
    dated = [(i, j) for i, j in pairs if reports[i].date.known and reports[j].date.known and fit(i, j)]
    dated.sort(key=lambda p: (tuple(-x for x in strength(reports[p[0]], reports[p[1]])), p))
    for i, j in dated:
        g, h = group[i], group[j]
        if g != h and can_merge(g, h):
            merge(g, h)

    # Undated reports, one at a time in key order: they join the single dated cluster that fits.
    undated_pairs = defaultdict(set)
    for i, j in pairs:
        if reports[i].date.known == reports[j].date.known:
            continue
        undated_pairs[i].add(j)
        undated_pairs[j].add(i)
    candidates = {}

    def compatible_groups(i):
        groups = sorted({group[j] for j in undated_pairs[i] if reports[j].date.known} - {group[i]})
        # Every dated cluster it could be counts, whatever the wording: the same people meet many times.
        found = [g for g in groups if undated_compatible(reports[i], [reports[m] for m in members[g]]) and can_merge(group[i], g)]
        if not found and reports[i].kind == "visit" and reports[i].date.weekday is not None:
            # ("reached Austria on Tuesday", undated, and the visit another report dates by the
            # Wednesday: a visit lasts days; only when no visit is of that very weekday)
            found = [g for g in groups if undated_compatible(reports[i], [reports[m] for m in members[g]], visit_slack=True) and can_merge(group[i], g)]
        return found

    times = document_times(reports, members, compatible_groups)
    for i, r in enumerate(reports):
        if r.date.known or r.pinned is not None:
            continue
        compatible = compatible_groups(i)
        if len(r.participants) < 2 and times.get(r.document):
            # A one-person report of a document without a date (a visit) is of the time its reports
            # of two people or more single out, not of another year's.
            compatible = [g for g in compatible if _near_times(members_period(reports, members[g]), times[r.document])]
        clear = clearly_worded(r, [[reports[m] for m in members[g]] for g in compatible])
        if len(compatible) == 1 and undated_evidence(r, [reports[m] for m in members[compatible[0]]]):
            merge(group[i], compatible[0])
        elif clear is not None:
            merge(group[i], compatible[clear])
        elif compatible:
            # (one that only its people tie to a cluster, or several: an editor decides)
            candidates[i] = [members[g][0] for g in compatible]  # a report of each, as groups renumber

    # Undated reports that joined nothing and fit nothing dated: the reports of one event in documents
    # without a date, when every two of them say so (undated_pair).
    lone = {i for i, r in enumerate(reports) if not r.date.known and r.pinned is None and members[group[i]] == [i] and i not in candidates}
    partners = defaultdict(set)
    for i, j in pairs:
        if i in lone and j in lone and undated_pair(reports[i], reports[j]):
            partners[i].add(j)
            partners[j].add(i)
    seen = set()
    for i in sorted(partners):
        if i in seen:
            continue
        linked, todo = {i}, [i]
        while todo:
            for j in partners[todo.pop()] - linked:
                linked.add(j)
                todo.append(j)
        seen |= linked
        if all(linked - {k} <= partners[k] for k in linked):
            for j in sorted(linked - {i}):
                merge(group[i], group[j])

    clusters = sorted((members[g] for g in members), key=lambda m: m[0])
    index = {i: n for n, m in enumerate(clusters) for i in m}
    return Result(
        clusters=[[reports[i] for i in m] for m in clusters],
        candidates=[(reports[i], sorted({index[rep] for rep in reps})) for i, reps in sorted(candidates.items())],
    )


DOCUMENT_TIME_DAYS = 60  # how far a document's one-person report may be from the time its other reports single out


def document_times(reports, members, compatible_groups):
    """{document: [period, …]} for documents without a publication date: the periods of the dated
    clusters their undated reports of two people or more join by the rule for undated reports (one
    fitting cluster, with evidence), taken from the dated clusters alone, before any undated report
    joins: the time the document tells of."""
    times = defaultdict(list)
    for i, r in enumerate(reports):
        if r.document_dated or r.date.known or r.pinned is not None or len(r.participants) < 2:
            continue
        compatible = compatible_groups(i)
        if len(compatible) == 1 and undated_evidence(r, [reports[m] for m in members[compatible[0]]]):
            times[r.document].append(members_period(reports, members[compatible[0]]))
    return times


def members_period(reports, indices):
    """The period the dated reports of a cluster cover."""
    periods = [period(reports[m].date) for m in indices if reports[m].date.known]
    return min(p[0] for p in periods), max(p[1] for p in periods)


def _near_times(span, times):
    gap = datetime.timedelta(days=DOCUMENT_TIME_DAYS)
    return any(span[0] <= end + gap and start <= span[1] + gap for start, end in times)


def undated_compatible(report, members, visit_slack=False):
    """Nothing in an undated report contradicts a cluster with a dated report: its people, the
    weekday it names (with `visit_slack`, of a visit: within VISIT_SLACK_DAYS of the visit's days), its venue."""
    dated = [m for m in members if m.date.known]
    if not dated:
        return False
    # Without a date, one shared person of two is too little: the same people, or two of them; but a
    # summit has many people, and a report may name one of them ("Putin opened the summit").
    people = frozenset().union(*(m.participants for m in members))
    summit = report.kind == "summit" and all(m.kind == "summit" for m in members) and report.participants <= people
    # (a visit's report may name its host beside the traveller: "visiting the US at the invitation of Biden")
    hosted = report.kind == "visit" and all(m.kind == "visit" for m in members) and bool(people) and report.participants >= people
    # (and a report of the traveller alone, when another report names them alone too and a third the
    # host beside them: a visit to the same country, as the venue checks below require)
    traveller = (
        report.kind == "visit" and all(m.kind == "visit" for m in members) and len(report.participants) == 1
        and any(m.participants == report.participants for m in members) and bool(report.venue_country)
    )
    if report.participants and report.participants != people and len(report.participants & people) < 2 and not (summit or hosted or traveller):
        return False
    if report.venue_country and any(m.venue_country and m.venue_country != report.venue_country for m in members):
        return False
    if report.kind == "visit" and report.venue_country and not any(m.venue_country == report.venue_country for m in members):
        return False  # a visit is its destination: "visited Cyprus" is no visit that no report places ("arrived here from Cyprus")
    if _town(report) and any(_town(m) and not same_town(_town(m), _town(report)) for m in members):
        return False  # "met in Hiroshima" is not the meeting in Tokyo, whatever else fits
    weekday = report.date.weekday
    if weekday is not None:
        days = [m for m in dated if m.date.precision == "day"]
        if not days or not all(_names_weekday(m.date, weekday, _visit_slack(report, m) if visit_slack else 0) for m in days):
            return False
    if not all(_names_month_day(m.date, report.date.month_day) for m in dated if m.date.precision in ("day", "month")):
        return False  # "on April 2" of an unknown year is no November meeting
    if report.before and any(period(m.date)[0] >= report.before for m in dated):
        return False  # "the previous meeting" is no meeting of its report's day or later
    if report.after and any(period(m.date)[1] < report.after for m in dated):
        return False  # a report written after that cannot be news of it
    return True


CLEAR_MARGIN = 3  # shared content words by which the wording must single out one of several events


def clearly_worded(report, clusters):
    """The index of the one of several fitting clusters whose wording the undated report shares far
    more of than any other's ("their previous meeting at the Asia-Pacific Economic Cooperation
    summit" and the APEC summit's reports, not the G20 meeting's in Bali), or None. The same people
    alone never decide: it takes CLEAR_MARGIN more shared words than the next best."""
    if len(clusters) < 2:
        return None
    shared = sorted(
        ((len(report.words & (frozenset().union(*(m.words for m in members)) - DATE_WORDS)), n) for n, members in enumerate(clusters)),
        reverse=True,
    )
    (best, index), (second, _) = shared[0], shared[1]
    if best - second >= CLEAR_MARGIN and undated_evidence(report, clusters[index]):
        return index
    return None


def same_town(a, b):
    """Two names of one town: the same, or one the last words of the other ("Delhi", "New Delhi")."""
    return bool(a) and bool(b) and (a == b or a.endswith(" " + b) or b.endswith(" " + a))


def _town(report):
    """The town a report states, not a province or state ("in California" holds Woodside)."""
    name = report.venue_name if report.venue_stated else None
    return name if name and (places.is_city(name) or name not in places.subdivisions()) else None


def undated_evidence(report, members):
    """What says an undated report is a cluster's event: shared wording, the same venue city, or the
    weekday it names being the cluster's day (of the very same people)."""
    words = frozenset().union(*(m.words for m in members)) - DATE_WORDS
    if len(report.words & words) >= MIN_SHARED_WORDS:
        return True
    days = [m for m in members if m.date.precision == "day"]
    people = frozenset().union(*(m.participants for m in members))
    if report.date.weekday is not None and days and report.participants == people and all(_names_weekday(m.date, report.date.weekday) for m in days):
        return True  # ("held a telephonic conversation on Tuesday": the call of that Tuesday)
    if any(m.venue_name and (town := content_words(m.venue_name)) and town <= report.words for m in members):
        return True  # (its passage names the town the cluster's event was in: "… in the Namibian capital, Windhoek")
    return bool(report.venue_name) and any(m.venue_name and same_town(m.venue_name, report.venue_name) for m in members)


def undated_pair(a, b):
    """Two undated reports that say they are one event: their documents are of one time (neither has
    a publication date, or theirs are at most REPORT_DAY_SLACK days apart), nothing in them
    contradicts it (people, venue, the weekday or day of the month they name), they name the very
    same people, and the same town or two shared content words back it."""
    if a.date.known or b.date.known or not basic_fit(a, b):
        return False
    if a.document_dated or b.document_dated:
        if not (a.published and b.published and abs(a.published - b.published).days <= REPORT_DAY_SLACK):
            return False
    if not a.participants or a.participants != b.participants:
        return False
    if a.venue_country and b.venue_country and a.venue_country != b.venue_country:
        return False
    for x, y in ((a, b), (b, a)):
        if x.after and y.before and y.before <= x.after:
            return False
    if None not in (a.date.weekday, b.date.weekday) and a.date.weekday != b.date.weekday:
        return False
    if None not in (a.date.month_day, b.date.month_day) and a.date.month_day != b.date.month_day:
        return False
    towns = _town(a), _town(b)
    if all(towns):
        return same_town(*towns)
    return len(shared_words(a, b)) >= MIN_SHARED_WORDS


def _visit_slack(a, b):
    """Days two reports of one visit may date it apart by (one by the arrival, the other by a later
    day: "reached Austria on Tuesday", "called his visit special on Wednesday")."""
    return VISIT_SLACK_DAYS if a.kind == b.kind == "visit" else 0


def _names_month_day(value, month_day):
    """Whether a dated period holds the day and month an undated report names (any year), or it names none."""
    if month_day is None:
        return True
    start, end = period(value)
    days = (start + datetime.timedelta(days=n) for n in range(min((end - start).days + 1, 31)))
    return any((d.month, d.day) == month_day for d in days)


def _names_weekday(value, weekday, slack=0):
    """Whether a dated period holds a day of that weekday (with `slack` days either side)."""
    start, end = period(value)
    start, end = start - datetime.timedelta(days=slack), end + datetime.timedelta(days=slack)
    return any((start + datetime.timedelta(days=n)).weekday() == weekday for n in range(min((end - start).days + 1, 7)))


# What a cluster says


def best_date(reports):
    """The report whose date the event takes: the most precise, an explicit date before one taken
    from a report's publication date (of those, the earliest), of a visit its first day (one report tells of the arrival,
    another of the talks the day after), then the earliest key; None when no report is dated."""
    known = [r for r in reports if r.date.known]
    if not known:
        return None
    visit = event_kind(reports) == "visit"
    return min(known, key=lambda r: (RANK[r.date.precision], not is_explicit(r.date), r.date.date if visit or not is_explicit(r.date) else None, r.key))


def event_kind(reports):
    """The kind most reports give; a tie goes to the kind of the earliest report."""
    counts = defaultdict(int)
    for r in reports:
        counts[r.kind] += 1
    return min(reports, key=lambda r: (-counts[r.kind], r.key)).kind


def title_report(reports):
    """The report whose title the event takes: of the event's kind, naming the most people, earliest key."""
    kind = event_kind(reports)
    return min((r for r in reports if r.kind == kind), key=lambda r: (-len(r.participants), r.key))


def venue_report(reports):
    """The report whose venue the event takes: a venue a report states before one where a report is
    set (its dateline), a named place (a city) before a bare country, the venue most reports give,
    earliest key; None when none names one."""
    placed = [r for r in reports if r.venue_country or r.venue_name]
    if not placed:
        return None
    counts = defaultdict(int)
    for r in placed:
        counts[(r.venue_name, r.venue_country)] += 1
    return min(placed, key=lambda r: (not r.venue_stated, r.venue_name is None, -counts[(r.venue_name, r.venue_country)], r.key))


def venue_countries(reports):
    """The venue countries the reports give, sorted: more than one is a disagreement to review."""
    return sorted({r.venue_country for r in reports if r.venue_country})


def near_misses(clusters, dates):
    """Pairs of clusters (indexes) that are the same kind of event of the same people a day or two
    apart: kept apart (different days never join) but both worth a look, as one may be misdated.
    `dates` holds each cluster's DateValue (best_date's)."""
    by_people = defaultdict(list)
    for n, reports in enumerate(clusters):
        people = frozenset().union(*(r.participants for r in reports))
        if len(people) >= 2 and dates[n] is not None and dates[n].precision == "day":
            by_people[(event_kind(reports), people)].append(n)
    out = []
    for group in by_people.values():
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                gap = abs((dates[a].date - dates[b].date).days)
                if 0 < gap <= NEAR_MISS_DAYS:
                    out.append((a, b))
    return sorted(out)
