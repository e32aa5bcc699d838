"""Storing what extraction found: one atomic transaction per document. Each document's reports are
stored, clustered again with the reports near them (the rules are in events/clustering.py), and the
events made to match the clusters, nothing an editor changed overwritten."""

import datetime
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from . import clustering
from .extraction import extract_document, places
from .extraction.dates import not_before
from .extraction.events import COMING_EVIDENCE, EARLIER_EVIDENCE, PLANNED_EVIDENCE
from .extraction.merge import content_words
from .extraction.names import name_keys, name_parts, names_match
from .extraction.types import DateValue
from .models import Country, Document, Event, Person, Place, Report, Source, Suppression, Topic

COMING = (COMING_EVIDENCE, PLANNED_EVIDENCE)  # an undated event its report tells as still to come
COMING_WITHIN_DAYS = 366  # news of a coming event without a date is news of this year's, not of one years away

class IngestError(Exception):
    """A document that cannot be ingested, with a message for the person who gave it."""


@dataclass
class IngestResult:
    filename: str
    document: Document | None = None
    duplicate: bool = False
    created: list = field(default_factory=list)
    joined: list = field(default_factory=list)
    flagged: list = field(default_factory=list)
    reports: list = field(default_factory=list)  # ids of the reports stored for the document
    updated: str = ""  # what a second ingest of a stored document changed ("publication date set to …")
    reread: bool = False  # whether that change read the document again (a new date does)

    def summary(self):
        if self.duplicate and self.updated and self.reread:
            return f"{self.filename}: already ingested as document {self.document.pk}; {self.updated} and its events read again: " + self._counts()
        if self.duplicate and self.updated:
            return f"{self.filename}: already ingested as document {self.document.pk}; {self.updated}"
        if self.duplicate:
            return f"{self.filename}: already ingested as document {self.document.pk}; nothing changed"
        date = self.document.published.isoformat() if self.document.published else "no publication date"
        return f"{self.filename}: document {self.document.pk} ({date}): " + self._counts()

    def _counts(self):
        parts = [f"{len(self.created)} new event(s)", f"{len(self.joined)} joined"]
        if self.flagged:
            parts.append(f"{len(self.flagged)} flagged for review")
        return ", ".join(parts)


def ensure_countries(codes):
    """Country rows for these ISO codes, created in one statement where missing."""
    codes = {c for c in codes if c}
    if codes:
        Country.objects.bulk_create(
            [Country(code=c, name=places.country_name(c)) for c in sorted(codes)], ignore_conflicts=True
        )


def ingest_text(text, filename, published=None, outlet=None, meta=None):
    """Store one document and the events it reports, in one transaction; the same text twice changes
    nothing (but a publication date or outlet given for it is set, and it is read again)."""
    with transaction.atomic():
        result = store_document(text, filename, published, outlet, meta=meta)
        if not result.duplicate:
            cluster_stored([result])
    return result


def stored_already(text, url=None):
    """The document holding this text, or this canonical address, if one does."""
    return Document.objects.filter(Q(sha256=Document.hash_text(text)) | (Q(url=url) if url else Q(pk__in=[]))).first()


def store_document(text, filename, published=None, outlet=None, topics=None, lookups=None, meta=None):
    """Store one document and its reports in one transaction, without clustering them yet (see
    `Batch`). The same text, or the same page by its canonical address, twice is one document: the
    second time changes nothing unless a publication date or an outlet is given for it (see
    `apply_given`). `published` and `outlet` are what the person ingesting gave; `meta` (a
    sources.Incoming) what a web page says of itself: title, outlet, author, address, and a
    publication date that beats the text's own. `topics`: the topic table, if already read;
    `lookups`: people and places already resolved (see `Lookups`)."""
    url = (meta.url if meta else None) or ""
    existing = stored_already(text, url)
    if existing:
        return apply_given(IngestResult(filename, existing, duplicate=True), published, outlet)
    page_date = meta.published if meta and not published else None
    extraction = extract_document(text, published=published or page_date, topics=topic_table() if topics is None else topics)
    try:
        with transaction.atomic():
            document = Document.objects.create(
                text=text,
                title=(meta.title if meta and meta.title else extraction.title)[:500],
                published=extraction.published,
                published_source=Document.DateSource.PAGE if page_date else extraction.published_source,
                published_evidence=(meta.published_basis or "") if page_date else "",
                outlet=outlet or (meta.outlet if meta else None),
                author=(meta.author or "")[:300] if meta else "",
                url=url,
                filename=filename[:500],
            )
            result = IngestResult(filename, document)
            store_reports(document, extraction, result, lookups or Lookups(), fresh=True)
    except IntegrityError:
        # Another process stored the same text (or page) between the check above and this transaction.
        existing = stored_already(text, url)
        if existing is None:
            raise
        return IngestResult(filename, existing, duplicate=True)
    return result


def apply_given(result, published=None, outlet=None):
    """A publication date or outlet given for a document already stored wins over what it had, as
    an editor's would in the admin: it is set and the document read again (the date anchors its
    relative dates). Nothing given, or nothing different: nothing changes."""
    document = result.document
    changes = []
    redate = bool(published) and (document.published != published or document.published_source != Document.DateSource.USER)
    if redate:
        document.published, document.published_source, document.published_evidence = published, Document.DateSource.USER, ""
        changes.append(f"publication date set to {published.isoformat()}")
    if outlet and document.outlet != outlet:
        document.outlet = outlet
        changes.append(f"outlet set to {outlet}")
    if not changes:
        return result
    with transaction.atomic():
        document.save(update_fields=["published", "published_source", "published_evidence", "outlet"])
        again = reextract(document) if redate else IngestResult(result.filename, document)
    again.filename, again.duplicate, again.updated, again.reread = result.filename, True, " and ".join(changes), redate
    return again


class Lookups:
    """People and places resolved while storing: a batch of news names the same leaders and cities
    again and again. A document's own lookups start from what earlier stored documents resolved."""

    def __init__(self, known=None):
        self.people = dict(known.people) if known else {}
        self.places = dict(known.places) if known else {}

    def person(self, ref):
        key = (ref.name, ref.country, ref.role, frozenset(ref.forms))
        if key not in self.people:
            self.people[key] = resolve_person(ref)
        return self.people[key]

    def place(self, ref):
        if ref is None:
            return None
        key = (ref.name, ref.country)
        if key not in self.places:
            self.places[key] = place(ref)
        return self.places[key]

    def adopt(self, other):
        self.people.update(other.people)
        self.places.update(other.places)


BATCH_SIZE = 200


class Batch:
    """Many documents: each stored in its own transaction as it comes, their reports clustered
    together every BATCH_SIZE documents and at the end. Clusters depend only on which reports there
    are, so this gives the events that clustering after each document would, at a fraction of the
    cost: a real event reported by many outlets is clustered once, not once per outlet."""

    def __init__(self, size=BATCH_SIZE):
        self.size = size
        self.pending = []
        self.topics = None  # read at the first document, once: a batch is one command's run
        self.known = Lookups()

    def add(self, text, filename, published=None, outlet=None, meta=None):
        """Store a document; the results whose reports were clustered by this call (when the batch
        is full), else []. A document already stored is done at once (see `apply_given`)."""
        lookups = Lookups(self.known)
        if self.topics is None:
            self.topics = topic_table()
        result = store_document(text, filename, published, outlet, self.topics, lookups, meta=meta)
        if result.duplicate:
            return [result]
        self.pending.append(result)
        self.known.adopt(lookups)  # only once the document is stored: a rolled-back row is no one's
        return self.flush() if len(self.pending) >= self.size else []

    def flush(self):
        """Cluster what is stored and not yet clustered, in one transaction; the results done."""
        done, self.pending = self.pending, []
        with transaction.atomic():
            cluster_stored(done)
        return done


def reextract(document):
    """Read a document again (after its publication date changed, say): its reports are replaced and
    clustered again with their neighbours; what editors changed stays, and so do the reports of the
    events they touched."""
    with transaction.atomic():
        published = document.published if document.published_source != Document.DateSource.UNKNOWN else None
        extraction = extract_document(document.text, published=published, topics=topic_table())
        if document.published_source in (Document.DateSource.EDITOR, Document.DateSource.USER, Document.DateSource.PAGE):
            extraction.published_source = document.published_source
        old = set(Report.objects.filter(document=document).values_list("pk", flat=True))
        # What the old reading was connected to is clustered again with the new one.
        connected = set(component(old)) if old else set()
        previous = set(Report.objects.filter(document=document).values_list("event_id", flat=True))
        previous |= set(Source.objects.filter(document=document).values_list("event_id", flat=True))
        # Reports and passages of events an editor touched stay with them; store_events skips those passages.
        unedited = Q(event__isnull=True) | Q(event__edited_fields=[])
        Report.objects.filter(unedited, document=document).delete()
        Source.objects.filter(document=document, event__edited_fields=[]).delete()
        document.published = extraction.published
        document.published_source = extraction.published_source
        document.save(update_fields=["published", "published_source"])
        result = IngestResult(document.filename, document)
        store_reports(document, extraction, result, Lookups())
        cluster_stored([result], previous={pk for pk in previous if pk is not None}, also=connected)
    return result


def topic_table():
    return {t.slug: (t.name, t.keywords) for t in Topic.objects.all()}


def store_reports(document, extraction, result, lookups, fresh=False):
    """Store what the document reports, one Report for each event it tells of, as `result.reports`.
    `fresh`: the document was just created, so nothing of an earlier reading is there to keep."""
    ensure_countries(
        [p.country for e in extraction.events for p in e.participants]
        + [c for e in extraction.events for c in e.countries]
        + [e.venue.country for e in extraction.events if e.venue]
    )
    suppressed, curated, position = set(), set(), 0
    if not fresh:
        suppressed = set(Suppression.objects.filter(document=document).values_list("start", "signature"))
        # On re-extraction, passages that back an event an editor curated stay with that event.
        curated = set(Source.objects.filter(document=document).exclude(event__edited_fields=[]).values_list("start", flat=True))
        kept = Report.objects.filter(document=document).order_by("-position").values_list("position", flat=True).first()
        position = 0 if kept is None else kept + 1
    slugs = {slug for found in extraction.events for slug in found.topics}
    topic_ids = dict(Topic.objects.filter(slug__in=slugs).values_list("slug", "pk")) if slugs else {}
    rows, links = [], []
    for found in extraction.events:
        people = [lookups.person(p) for p in found.participants]
        if (found.spans[0].start, event_signature(found.kind, people)) in suppressed or found.spans[0].start in curated:
            continue
        date = found.date
        end = date.end if date.precision == "day" and date.end and date.end > date.date else None
        rows.append(
            Report(
                document=document,
                position=position,
                kind=found.kind,
                title=found.title[:300],
                date=date.date if date.known else None,
                date_precision=date.precision,
                date_end=end,
                weekday=date.weekday,
                month_day="%02d-%02d" % date.month_day if date.month_day and not date.known else "",
                date_evidence=date.evidence,
                venue=lookups.place(found.venue),
                spans=[[s.start, s.end] for s in found.spans],
                words=sorted(content_words(" ".join(document.text[s.start : s.end] for s in found.spans), _name_words(p.name for p in people))),
                review=list(found.review),
                remote=found.remote,
                venue_stated=found.venue_stated,
            )
        )
        links.append((people, [topic_ids[t] for t in found.topics if t in topic_ids], event_countries(found, people)))
        position += 1
    Report.objects.bulk_create(rows)
    through = Report.participants.through, Report.topics.through, Report.countries.through
    through[0].objects.bulk_create([through[0](report=r, person=p) for r, (people, _, _) in zip(rows, links) for p in {p.pk: p for p in people}.values()])
    through[1].objects.bulk_create([through[1](report=r, topic_id=t) for r, (_, ts, _) in zip(rows, links) for t in sorted(set(ts))])
    through[2].objects.bulk_create([through[2](report=r, country_id=c) for r, (_, _, cs) in zip(rows, links) for c in cs])
    result.reports = [r.pk for r in rows]


def cluster_stored(results, previous=(), also=()):
    """Cluster the stored reports of these results again with the reports near them and bring the
    events in line with the clusters; each result learns the events its document created, joined or
    flagged (an event new in this clustering counts as created by the first document that reports
    it). `previous`: events the documents reported before; `also`: reports to cluster again too."""
    results = [r for r in results if not r.duplicate]
    if not results:
        return
    events_of = recluster([pk for r in results for pk in r.reports], previous, also)
    counted = set()
    for result in results:
        seen = set()
        for pk in result.reports:
            event, created = events_of[pk]
            if event.pk in seen:
                continue
            seen.add(event.pk)
            (result.created if created and event.pk not in counted else result.joined).append(event)
            counted.add(event.pk)
            if event.needs_review:
                result.flagged.append(event)


def event_signature(kind, people):
    return f"{kind}:" + ",".join(str(pk) for pk in sorted(p.pk for p in people))


def _name_words(names):
    """The words of people's names, left out of an event's wording: shared names are not evidence."""
    return [w for name in names for w in name.split()]


DAY = datetime.timedelta(days=1)
CHUNK = 500


def load_reports(ids):
    """{id: clustering.Report} for these report ids, their rows as `ref` (pinned is set later)."""
    ids = sorted(ids)
    out = {}
    for at in range(0, len(ids), CHUNK):
        chunk = ids[at : at + CHUNK]
        rows = (
            Report.objects.filter(pk__in=chunk).select_related("venue")
            .annotate(sha=F("document__sha256"), published=F("document__published"))
        )
        m2m = {}
        for name, column in (("participants", "person_id"), ("topics", "topic_id"), ("countries", "country_id")):
            m2m[name] = {}
            for report_id, value in getattr(Report, name).through.objects.filter(report_id__in=chunk).values_list("report_id", column):
                m2m[name].setdefault(report_id, set()).add(value)
        rows = list(rows)
        # Documents without a publication date may still say how late they are (dates.not_before).
        undated_documents = {row.document_id for row in rows if row.published is None}
        written_after = {
            pk: not_before(text)
            for pk, text in Document.objects.filter(pk__in=undated_documents).values_list("pk", "text")
        } if undated_documents else {}
        for row in rows:
            out[row.pk] = clustering.Report(
                key=(row.sha, row.spans[0][0] if row.spans else 0, row.position),
                document=row.document_id,
                kind=row.kind,
                participants=frozenset(m2m["participants"].get(row.pk, ())),
                date=DateValue(row.date, row.date_precision, row.date_evidence, row.weekday, row.date_end,
                               tuple(int(x) for x in row.month_day.split("-")) if row.month_day else None),
                venue_country=row.venue.country_id if row.venue else None,
                venue_name=_city(row.venue),
                remote=row.remote,
                venue_stated=row.venue_stated,
                before=_undated_before(row),
                after=_undated_after(row, written_after),
                document_dated=row.published is not None,
                published=row.published,
                words=frozenset(row.words),
                topics=frozenset(m2m["topics"].get(row.pk, ())),
                countries=frozenset(m2m["countries"].get(row.pk, ())),
                ref=row,
            )
    return out


def _undated_before(row):
    """The day an undated report's event came before: "the previous meeting …" before the day its
    report was published; anything else it tells as done, no later than that day; what it tells as
    still to come, within a year of it."""
    if row.date is not None or row.published is None:
        return None
    if row.date_evidence in COMING:
        return row.published + datetime.timedelta(days=COMING_WITHIN_DAYS)
    if row.date_evidence.startswith(EARLIER_EVIDENCE):
        return row.published
    return row.published + datetime.timedelta(days=1)


def _undated_after(row, written_after):
    """The day an undated report's event cannot have ended before: a coming one, the day its report
    was published; else the day the document says it was written after, if any (dates.not_before)."""
    if row.date is not None:
        return None
    if row.date_evidence in COMING and row.published is not None:
        return row.published
    return written_after.get(row.document_id)


def nearby_ids(frontier):
    """Ids of reports that may be related to these (clustering.related), found in SQL: a shared
    person, at a date near theirs unless one is undated; where one names nobody, or both are of a
    summit, the same venue country; and the other reports of their events. A superset: `related` decides."""
    found = set()
    undated_people = {p for r in frontier if not r.date.known for p in r.participants}
    dated = [r for r in frontier if r.date.known]
    dated_people = {p for r in dated for p in r.participants} - undated_people
    if undated_people:
        found |= set(Report.participants.through.objects.filter(person_id__in=undated_people).values_list("report_id", flat=True))
    near = Q()
    if dated:
        near = Q(date__isnull=True)
        gap = clustering.NEAR_MISS_DAYS * DAY
        for start, end in sorted({clustering.period(r.date) for r in dated}):
            start, end = start - gap, end + gap
            # A report's date is the first day of its period (of a range of days, of a month, of a year).
            near |= Q(date_precision="day", date__gte=start - 31 * DAY, date__lte=end)
            near |= Q(date_precision="month", date__gte=start.replace(day=1), date__lte=end)
            near |= Q(date_precision="year", date__gte=start.replace(month=1, day=1), date__lte=end)
    if dated_people:
        found |= set(
            Report.objects.filter(near, participants__in=dated_people).values_list("pk", flat=True)
        )
    personless = [r for r in frontier if not r.participants and r.venue_country]
    if personless:
        when = Q() if any(not r.date.known for r in personless) else near
        found |= set(Report.objects.filter(when, venue__country__in={r.venue_country for r in personless}).values_list("pk", flat=True))
    placed = [r for r in frontier if r.participants and r.venue_country]
    if placed:
        when = Q() if any(not r.date.known for r in placed) else near
        found |= set(
            Report.objects.filter(when, participants__isnull=True, venue__country__in={r.venue_country for r in placed})
            .values_list("pk", flat=True)
        )
    summits = [r for r in frontier if r.kind == "summit" and r.venue_country]
    if summits:
        # Reports of a summit at one place, whoever they name (clustering.one_summit).
        when = Q() if any(not r.date.known for r in summits) else near
        found |= set(
            Report.objects.filter(when, kind="summit", venue__country__in={r.venue_country for r in summits})
            .values_list("pk", flat=True)
        )
    events = {r.ref.event_id for r in frontier if r.ref.event_id}
    if events:
        found |= set(Report.objects.filter(event__in=events).values_list("pk", flat=True))
    undated_documents = {r.document for r in frontier if not r.document_dated}
    if undated_documents:
        # (the reports of one document without a date bear on each other: clustering.document_times)
        found |= set(Report.objects.filter(document__in=undated_documents).values_list("pk", flat=True))
    return found


def component(seeds):
    """{id: clustering.Report} of the reports connected to the seeds by `clustering.related` pairs or
    by belonging to one event: what must be clustered again when the seeds change. The rest keep
    their clusters (see clustering.cluster)."""
    pool = load_reports(seeds)
    inside = set(pool)
    frontier = [pool[i] for i in sorted(inside)]
    while frontier:
        nearby = nearby_ids(frontier) - inside
        pool.update(load_reports(nearby - pool.keys()))
        events = {r.ref.event_id for r in frontier if r.ref.event_id}
        # Only reports sharing a person, or a venue country where one names nobody or both are of a
        # summit, can be related.
        by_person, by_venue = {}, {}
        for f in frontier:
            for p in f.participants:
                by_person.setdefault(p, []).append(f)
            by_venue.setdefault(f.venue_country, []).append(f)

        def others(r):
            found = {id(f): f for p in r.participants for f in by_person.get(p, ())}
            found.update(
                (id(f), f) for f in by_venue.get(r.venue_country, ())
                if not f.participants or not r.participants or (f.kind == r.kind == "summit")
            )
            return found.values()

        undated_documents = {f.document for f in frontier if not f.document_dated}
        step = sorted(
            i for i in nearby if i in pool and (
                pool[i].ref.event_id in events or pool[i].document in undated_documents
                or any(clustering.related(f, pool[i]) for f in others(pool[i]))
            )
        )
        inside.update(step)
        frontier = [pool[i] for i in step]
    return {i: pool[i] for i in inside}


def recluster(new, previous=(), also=()):
    """Cluster the new reports with every report connected to them (events/clustering.py) and make
    the events match the clusters: {new report id: (its event, whether the event is new)}.
    `previous`: events whose reports changed; `also`: report ids to cluster again too."""
    seeds = set(new) | set(also) | set(Report.objects.filter(event__in=previous).values_list("pk", flat=True))
    reports = component(seeds)
    touched = {r.ref.event_id for r in reports.values() if r.ref.event_id} | set(previous)
    events = {e.pk: e for e in Event.objects.filter(pk__in=touched).select_related("venue")}
    for r in reports.values():
        event = events.get(r.ref.event_id)
        if event is not None and event.edited_fields:
            r.pinned = event.pk
    found = clustering.cluster(list(reports.values()))
    return reconcile(found, events, set(new))


def place(ref):
    if ref is None:
        return None
    obj, _ = Place.objects.get_or_create(name=ref.name, country_id=ref.country or None)
    return obj


def event_countries(found, people):
    codes = {*found.countries, *(p.country_id for p in people if p.country_id)}
    if found.venue and found.venue.country:
        codes.add(found.venue.country)
    return sorted(c for c in codes if c)


def _city(venue):
    """A venue more precise than its country, or None."""
    if venue is None or (venue.country_id and venue.name == places.country_name(venue.country_id)):
        return None
    return venue.name


def reconcile(found, events, new):
    """Events for the clusters: a cluster keeps the event that holds most of its reports (ties: the
    lowest id), or gets a new one; events left with no report go, unless an editor touched them;
    each event's fields follow from its reports, except those an editor changed."""
    clusters = found.clusters
    owner = {}
    taken = set()
    for n, members in enumerate(clusters):
        pinned = next((r.pinned for r in members if r.pinned is not None), None)
        if pinned is not None:
            owner[n] = events[pinned]
            taken.add(pinned)
    counts = {}
    for n, members in enumerate(clusters):
        if n in owner:
            continue
        for r in members:
            if r.ref.event_id in events:
                counts[(n, r.ref.event_id)] = counts.get((n, r.ref.event_id), 0) + 1
    for (n, event_id), count in sorted(counts.items(), key=lambda x: (-x[1], x[0][1], x[0][0])):
        if n not in owner and event_id not in taken:
            owner[n] = events[event_id]
            taken.add(event_id)
    created = set()
    for n, members in enumerate(clusters):
        if n not in owner:
            first = members[0]
            owner[n] = Event.objects.create(title=first.ref.title, kind=first.kind)
            created.add(owner[n].pk)
    # Reports follow their cluster.
    for n, members in enumerate(clusters):
        moved = [r.ref.pk for r in members if r.ref.event_id != owner[n].pk]
        if moved:
            Report.objects.filter(pk__in=moved).update(event=owner[n])
            for r in members:
                r.ref.event_id = owner[n].pk
    # An event an editor touched stays even with no report left: one added by hand has none.
    gone = {pk for pk in set(events) - taken if not events[pk].edited_fields}
    if gone:
        Event.objects.filter(pk__in=gone).delete()
    update_events(clusters, found.candidates, owner, created)
    out = {}
    for n, members in enumerate(clusters):
        for r in members:
            if r.ref.pk in new:
                out[r.ref.pk] = (owner[n], owner[n].pk in created)
    return out


def update_events(clusters, candidates, owner, created):
    """Each event's fields as its reports give them; only what differs is written."""
    event_ids = [owner[n].pk for n in range(len(clusters))]
    current = {}
    for name in ("participants", "topics", "countries"):
        through = getattr(Event, name).through
        column = {"participants": "person_id", "topics": "topic_id", "countries": "country_id"}[name]
        current[name] = {}
        for event_id, value in through.objects.filter(event_id__in=event_ids).values_list("event_id", column):
            current[name].setdefault(event_id, set()).add(value)
    sources = {}
    for source in Source.objects.filter(event_id__in=event_ids):
        sources.setdefault(source.event_id, {})[(source.document_id, source.start, source.end)] = source
    person_ids = {p for members in clusters for r in members for p in r.participants}
    people = {p.pk: p for p in Person.objects.filter(pk__in=person_ids)}
    venues = {r.ref.venue_id: r.ref.venue for members in clusters for r in members if r.ref.venue_id}

    # First what each event is (kind, date, venue, title), then the reasons to review that name others.
    derived, before = [], []
    for n, members in enumerate(clusters):
        event = owner[n]
        before.append({name: _value(event, name) for name in SNAPSHOT})
        edited = set(event.edited_fields)
        values = {}
        if "kind" not in edited:
            values["kind"] = clustering.event_kind(members)
        if "date" not in edited:
            values.update(date_fields(members))
        if "venue" not in edited:
            values["venue"] = venue_of(members, venues)
        if "title" not in edited:
            values["title"] = event_title(clustering.title_report(members), values.get("venue", event.venue),
                                          values.get("kind", event.kind), people)
        derived.append(values)
        for name, value in values.items():
            setattr(event, name, value)
        if "date" not in edited:
            event.set_period()
    dates = [DateValue(owner[n].date, owner[n].date_precision) if owner[n].date else None for n in range(len(clusters))]
    reasons = {n: [] for n in range(len(clusters))}
    for n, members in enumerate(clusters):
        for r in members:
            reasons[n] += r.ref.review
        countries = clustering.venue_countries(members)
        if len(countries) > 1:
            named = sorted({str(venues[r.ref.venue_id]) for r in members if r.ref.venue_id and venues[r.ref.venue_id].country_id})
            reasons[n].append(f"Reports disagree on the venue: {' or '.join(named)}.")
    for a, b in clustering.near_misses(clusters, dates):
        for x, y in ((a, b), (b, a)):
            reasons[x].append(f"Reports of a {owner[x].kind} of the same people give another date: {owner[y].date_label} (“{owner[y].title}”).")
    for report, fits in candidates:
        mine = next(n for n, members in enumerate(clusters) if report in members)
        named = "; ".join(f"“{owner[n].title}” ({owner[n].date_label})" for n in fits)
        if len(fits) == 1:
            reasons[mine].append(f"Possibly the same event as {named}: an undated report of its people that nothing else ties to it; not joined.")
            reasons[fits[0]].append(f"Possibly the same event as “{owner[mine].title}” (date unknown), an undated report of the same people; not joined.")
            continue
        reasons[mine].append(f"Possibly the same event as one of: {named}. An undated report fits each of them; none was chosen.")
        for n in fits:
            reasons[n].append(f"Possibly the same event as “{owner[mine].title}” (date unknown), an undated report that fits other events too.")

    for n, members in enumerate(clusters):
        event = owner[n]
        edited = set(event.edited_fields)
        changed = [name for name in derived[n] if name != "date_end"]
        if "needs_review" not in edited:
            unique = list(dict.fromkeys(reasons[n]))
            event.needs_review, event.review_reason = bool(unique), "\n".join(unique)
            changed += ["needs_review", "review_reason"]
        if any(before[n][name] != _value(event, name) for name in [*changed, "date_end"] if name in before[n]):
            event.save(update_fields=changed)  # save() adds date_end and the precision's rank
        wanted = {
            "participants": set().union(*(r.participants for r in members)),
            "topics": set().union(*(r.topics for r in members)),
            "countries": set().union(*(r.countries for r in members))
            | {people[p].country_id for r in members for p in r.participants if people[p].country_id},
        }
        for name, ids in wanted.items():
            if name not in edited and ids != current[name].get(event.pk, set()):
                getattr(event, name).set(sorted(ids))
        spans = {}
        for r in members:
            for start, end in r.ref.spans:
                spans.setdefault((r.ref.document_id, start, end), r.ref)
        have = sources.get(event.pk, {})
        if not event.edited_fields:
            stale = [s.pk for k, s in have.items() if k not in spans]
            if stale:
                Source.objects.filter(pk__in=stale).delete()
        missing = [
            Source(event=event, document_id=doc, start=start, end=end, claimed_date=row.date,
                   claimed_precision=row.date_precision, weekday=row.weekday)
            for (doc, start, end), row in sorted(spans.items(), key=lambda x: x[0]) if (doc, start, end) not in have
        ]
        Source.objects.bulk_create(missing)


SNAPSHOT = ["title", "kind", "date", "date_precision", "date_end", "date_evidence", "venue", "needs_review", "review_reason"]


def date_fields(members):
    """The date fields an event takes from its reports: the best date (clustering.best_date), else
    unknown with whatever evidence a report gives for that."""
    best = clustering.best_date(members)
    if best is None:
        evidence = next((r.date.evidence for r in members if r.date.evidence), "")
        return {"date": None, "date_precision": "unknown", "date_end": None, "date_evidence": evidence}
    date = best.date
    end = date.end if date.precision == "day" and date.end and date.end > date.date else None
    return {"date": date.date, "date_precision": date.precision, "date_end": end, "date_evidence": date.evidence}


def venue_of(members, venues):
    """The Place an event takes from its reports (clustering.venue_report); `venues` by id."""
    chosen = clustering.venue_report(members)
    return venues.get(chosen.ref.venue_id) if chosen else None


@dataclass
class Reading:
    """What extraction alone makes of an event: the fields its reports give it, no editor's change
    applied. Kept beside an editor's changes, as "found by extraction"."""

    title: str
    kind: str
    date: DateValue  # with its evidence
    venue: Place | None
    participants: list  # Person, by name
    topics: list  # Topic, by name
    countries: list  # Country, by name


def reading(event):
    """The extraction's reading of an event, from its reports as `update_events` derives an event's
    fields; None for an event no report backs (one an editor added by hand)."""
    members = list(load_reports(event.reports.values_list("pk", flat=True)).values())
    if not members:
        return None
    people = {p.pk: p for p in Person.objects.filter(pk__in=set().union(*(r.participants for r in members)))}
    venues = {r.ref.venue_id: r.ref.venue for r in members if r.ref.venue_id}
    kind, venue, dated = clustering.event_kind(members), venue_of(members, venues), date_fields(members)
    date = DateValue(dated["date"], dated["date_precision"], dated["date_evidence"], end=dated["date_end"])
    return Reading(
        title=event_title(clustering.title_report(members), venue, kind, people),
        kind=kind,
        date=date,
        venue=venue,
        participants=sorted(people.values(), key=lambda p: p.name),
        topics=list(Topic.objects.filter(pk__in=set().union(*(r.topics for r in members)))),
        countries=list(Country.objects.filter(pk__in=set().union(*(r.countries for r in members)))),
    )


def _value(event, name):
    return event.venue_id if name == "venue" else getattr(event, name)


def event_title(report, venue, kind, people):
    """An event's title: its report's, with people by their names on the timeline ("Sergei Shoigu",
    not the "Sergei K Shoigu" of one report) and the venue as precise as the reports make it."""
    row = report.ref
    title = current_names(row.title, [people[pk] for pk in sorted(report.participants)])
    if venue and row.venue and row.venue != venue and title.endswith(f" in {row.venue.name}"):
        title = title[: -len(row.venue.name)] + venue.name
    elif venue and kind in ("meeting", "summit", "agreement", "statement") and " in " not in title:
        title = f"{title} in {venue.name}"
    return title[:300]


def current_names(title, people):
    """The title with every other form of these people's names (their aliases) put as their name."""
    for person in people:
        for form in sorted(set(person.aliases) - {person.name}, key=len, reverse=True):
            title = _rename(title, form, person.name)
    return title


def retitle(events):
    """Bring the titles no editor wrote in line with their people's names, after a person was renamed
    or merged into another (whose aliases their old names became); an editor's title stays as it
    is. Saving the title updates the search index (the triggers of migration 0003)."""
    for event in events.prefetch_related("participants"):
        if "title" in event.edited_fields:
            continue
        title = current_names(event.title, sorted(event.participants.all(), key=lambda p: p.pk))[:300]
        if title != event.title:
            event.title = title
            event.save(update_fields=["title"])


def _rename(title, old, new):
    """The title with one written form of a name replaced by another, whole words only."""
    if old in new:
        return title  # "Shoigu" → "Sergei Shoigu" would double the first name
    return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, title)


def full_forms(names):
    """Forms worth keeping as aliases: full names, not a bare surname that could be anyone's."""
    return sorted(n for n in names if len(name_parts(n)[0]) >= 2 or (name_parts(n)[1] and name_parts(n)[0]))


def refresh_date(event):
    """Re-derive an event's date from the claims of its remaining sources (unless an editor set it)."""
    if "date" in event.edited_fields:
        return
    claims = [s for s in event.sources.all() if s.claimed_precision != "unknown"]
    if not claims:
        return
    best = min(claims, key=lambda s: Event.PRECISION_RANK[s.claimed_precision])
    if (best.claimed_date, best.claimed_precision) != (event.date, event.date_precision):
        event.date, event.date_precision = best.claimed_date, best.claimed_precision
        event.save(update_fields=["date", "date_precision"])


def resolve_person(ref):
    """The Person a name stands for: an existing one whose name or aliases match, else a new one."""
    # Every form that can match shares the words of the shorter name, so looking up the words of this
    # one through the index finds every candidate.
    keys = name_keys(ref.name)
    candidates = Person.objects.filter(keys__key__in=keys).distinct() if keys else Person.objects.none()
    for person in candidates.select_related("country"):
        if ref.country and person.country_id and ref.country != person.country_id:
            continue
        if any(names_match(ref.name, n) for n in [person.name, *person.aliases]):
            changed = person.add_aliases(full_forms({ref.name, *ref.forms} - {person.name}))
            new_full, new_initials = name_parts(ref.name)
            old_full, old_initials = name_parts(person.name)
            renamed = new_full == old_full and len(new_initials) < len(old_initials)
            if renamed:
                # "Sergei Shoigu" reads better than "Sergei K Shoigu"; the old form stays an alias.
                person.aliases = sorted({*person.aliases, person.name} - {ref.name})
                person.name = ref.name
                changed = True
            if not person.country_id and ref.country:
                person.country_id = ref.country
                changed = True
                for event in person.events.all():
                    if "countries" not in event.edited_fields:
                        event.countries.add(person.country_id)
            if not person.role and ref.role:
                person.role = ref.role
                changed = True
            if changed:
                person.save()
            if renamed:
                retitle(person.events.all())
            return person
    person = Person(name=ref.name, country_id=ref.country or None, role=ref.role)
    person.add_aliases(full_forms(ref.forms - {ref.name}))
    person.save()
    return person


def parse_published(value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise IngestError(f"publication date {value!r} is not YYYY-MM-DD") from None
