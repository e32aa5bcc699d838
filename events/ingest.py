"""Storing what extraction found: one atomic transaction per document, reports of one real event
joined into one Event, and nothing an editor changed overwritten."""

import datetime
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.db.models.functions import Substr

from .extraction import extract_document, places
from .extraction.merge import Report, best_match, content_words
from .extraction.names import name_keys, name_parts, names_match
from .extraction.types import DateValue
from .models import Country, Document, Event, Person, Place, Source, Suppression, Topic, period

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

    def summary(self):
        if self.duplicate:
            return f"{self.filename}: already ingested as document {self.document.pk}; nothing changed"
        parts = [f"{len(self.created)} new event(s)", f"{len(self.joined)} joined"]
        if self.flagged:
            parts.append(f"{len(self.flagged)} flagged for review")
        date = self.document.published.isoformat() if self.document.published else "no publication date"
        return f"{self.filename}: document {self.document.pk} ({date}): " + ", ".join(parts)


def ensure_countries(codes):
    """Country rows for these ISO codes, created in one statement where missing."""
    codes = {c for c in codes if c}
    if codes:
        Country.objects.bulk_create(
            [Country(code=c, name=places.country_name(c)) for c in sorted(codes)], ignore_conflicts=True
        )


def ingest_text(text, filename, published=None, outlet=None):
    """Store one document and the events it reports; the same text twice changes nothing."""
    sha256 = Document.hash_text(text)
    existing = Document.objects.filter(sha256=sha256).first()
    if existing:
        return IngestResult(filename, existing, duplicate=True)
    extraction = extract_document(text, published=published, topics=topic_table())
    try:
        with transaction.atomic():
            document = Document.objects.create(
                text=text,
                title=extraction.title,
                published=extraction.published,
                published_source=extraction.published_source,
                outlet=outlet,
                filename=filename,
            )
            result = IngestResult(filename, document)
            store_events(document, extraction, result)
    except IntegrityError:
        # Another process stored the same text between the check above and this transaction.
        existing = Document.objects.filter(sha256=sha256).first()
        if existing is None:
            raise
        return IngestResult(filename, existing, duplicate=True)
    return result


def reextract(document):
    """Read a document again (after its publication date changed, say): its passages are re-linked,
    events only it reported are rebuilt, and what editors changed stays."""
    with transaction.atomic():
        published = document.published if document.published_source != Document.DateSource.UNKNOWN else None
        extraction = extract_document(document.text, published=published, topics=topic_table())
        if document.published_source in (Document.DateSource.EDITOR, Document.DateSource.USER):
            extraction.published_source = document.published_source
        touched = set(Source.objects.filter(document=document).values_list("event_id", flat=True))
        # Passages of events an editor touched stay linked to them; store_events skips those passages.
        Source.objects.filter(document=document, event__edited_fields=[]).delete()
        # Events nothing else reports, and no editor touched, go: this document's reading replaces them.
        Event.objects.filter(pk__in=touched, sources__isnull=True, edited_fields=[]).delete()
        document.published = extraction.published
        document.published_source = extraction.published_source
        document.save(update_fields=["published", "published_source"])
        result = IngestResult(document.filename, document)
        store_events(document, extraction, result)
        for event in Event.objects.filter(pk__in=touched, sources__isnull=False).distinct():
            refresh_date(event)
    return result


def topic_table():
    return {t.slug: (t.name, t.keywords) for t in Topic.objects.all()}


def store_events(document, extraction, result):
    ensure_countries(
        [p.country for e in extraction.events for p in e.participants]
        + [c for e in extraction.events for c in e.countries]
        + [e.venue.country for e in extraction.events if e.venue]
    )
    suppressed = set(Suppression.objects.filter(document=document).values_list("start", "signature"))
    # On re-extraction, passages that back an event an editor curated stay with that event.
    curated = set(Source.objects.filter(document=document).exclude(event__edited_fields=[]).values_list("start", flat=True))
    for found in extraction.events:
        people = [resolve_person(p) for p in found.participants]
        signature = event_signature(found.kind, people)
        if (found.spans[0].start, signature) in suppressed or found.spans[0].start in curated:
            continue
        report = Report(
            kind=found.kind,
            participants=frozenset(p.pk for p in people),
            date=found.date,
            weekdays={found.date.weekday} if found.date.weekday is not None else set(),
            venue_country=found.venue.country if found.venue else None,
            words=content_words(" ".join(document.text[s.start : s.end] for s in found.spans), _name_words(p.name for p in people)),
            documents={document.pk},
        )
        match, evidence = best_match(report, candidates_for(report))
        if match is None:
            event = create_event(found, people)
            result.created.append(event)
            flag_near_misses(event, report)
        else:
            event = match.ref
            join_event(event, found, people, evidence)
            result.joined.append(event)
        for span in found.spans:
            Source.objects.get_or_create(
                event=event,
                document=document,
                start=span.start,
                end=span.end,
                defaults={
                    "claimed_date": found.date.date,
                    "claimed_precision": found.date.precision,
                    "weekday": found.date.weekday,
                },
            )
        if found.review:
            flag(event, found.review)
        if event.needs_review:
            result.flagged.append(event)


NEAR_MISS_DAYS = 3


def flag_near_misses(event, report):
    """Two reports of the same kind of event between the same people a day or two apart are kept
    apart (different dates never merge) but both are flagged: they may be one event misdated."""
    if report.date.precision != "day" or len(report.participants) < 2:
        return
    day = report.date.date
    window = (day - datetime.timedelta(days=NEAR_MISS_DAYS), day + datetime.timedelta(days=NEAR_MISS_DAYS))
    others = (
        Event.objects.filter(kind=event.kind, date_precision="day", date__range=window)
        .exclude(pk=event.pk)
        .exclude(date=day)
    )
    for person in report.participants:
        others = others.filter(participants=person)
    for other in others.distinct():
        if {p.pk for p in other.participants.all()} != set(report.participants):
            continue
        flag(event, [f"Reports of a {event.kind} of the same people give another date: {other.date_label} (event {other.pk})."])
        flag(other, [f"Reports of a {event.kind} of the same people give another date: {event.date_label} (event {event.pk})."])


def event_signature(kind, people):
    return f"{kind}:" + ",".join(str(pk) for pk in sorted(p.pk for p in people))


def _name_words(names):
    """The words of people's names, left out of an event's wording: shared names are not evidence."""
    return [w for name in names for w in name.split()]


WORDING_PASSAGES = 4


def candidates_for(report):
    """Events that could be the new report's: the same kind, a shared person, and a date that can
    fit (filtered in SQL), as plain Reports; a fixed number of queries however many there are."""
    if not report.participants:
        return []
    events = Event.objects.filter(kind=report.kind, participants__in=report.participants)
    if report.date.known:
        start, end = period(report.date.date, report.date.precision)
        dated = Q(date__lte=end, date_end__gte=start)
        if report.date.precision == "day":
            # An undated event can only be this day's if one of its reports names this weekday.
            dated |= Q(date__isnull=True, sources__weekday=report.date.date.weekday())
        events = events.filter(dated)
    elif report.weekdays:
        # Django's week_day counts from Sunday = 1; Python's weekday() from Monday = 0.
        events = events.filter(date_precision="day", date__week_day__in=[(w + 1) % 7 + 1 for w in report.weekdays])
    else:
        return []
    events = list(events.distinct().select_related("venue"))
    ids = [e.pk for e in events]
    people = {}
    for event_id, person_id, name in Event.participants.through.objects.filter(event_id__in=ids).values_list(
        "event_id", "person_id", "person__name"
    ):
        people.setdefault(event_id, []).append((person_id, name))
    sources = {}
    for pk, event_id, document_id, weekday in Source.objects.filter(event_id__in=ids).order_by("pk").values_list(
        "pk", "event_id", "document_id", "weekday"
    ):
        sources.setdefault(event_id, []).append((pk, document_id, weekday))
    # The wording of an event is that of its first few reports: enough to recognise it, and the cost
    # stays the same however many outlets later report it.
    sample = [pk for found in sources.values() for pk, _, _ in found[:WORDING_PASSAGES]]
    passages = {}
    for event_id, passage in (
        Source.objects.filter(pk__in=sample)
        .annotate(passage=Substr("document__text", F("start") + 1, F("end") - F("start")))
        .values_list("event_id", "passage")
    ):
        passages.setdefault(event_id, []).append(passage)
    out = []
    for event in events:
        members = people.get(event.pk, [])
        found = sources.get(event.pk, [])
        out.append(
            Report(
                kind=event.kind,
                participants=frozenset(pk for pk, _ in members),
                date=DateValue(event.date, event.date_precision),
                weekdays={w for _, _, w in found if w is not None},
                venue_country=event.venue.country_id if event.venue else None,
                words=content_words(" ".join(passages.get(event.pk, [])), _name_words(n for _, n in members)),
                documents={d for _, d, _ in found},
                ref=event,
            )
        )
    return out


def place(ref):
    if ref is None:
        return None
    obj, _ = Place.objects.get_or_create(name=ref.name, country_id=ref.country or None)
    return obj


def create_event(found, people):
    event = Event.objects.create(
        title=found.title[:300],
        kind=found.kind,
        date=found.date.date,
        date_precision=found.date.precision,
        date_evidence=found.date.evidence,
        venue=place(found.venue),
    )
    event.participants.set(people)
    event.topics.set(topics(found.topics))
    event.countries.set(event_countries(found, people))
    refresh_title(event, found, people)
    return event


def refresh_title(event, found, people, old_venue=None):
    """Keep a title the extractor wrote in step with the event: people by their names on the
    timeline ("Sergei Shoigu", not the "Sergei K Shoigu" of the first report) and the venue as
    precise as the reports make it. An editor's title is left alone."""
    if "title" in event.edited_fields:
        return
    title = event.title
    for ref, person in zip(found.participants, people):
        for form in sorted({ref.name, *person.aliases} - {person.name}, key=len, reverse=True):
            title = _rename(title, form, person.name)
    venue = event.venue
    if venue and old_venue and old_venue != venue and title.endswith(f" in {old_venue.name}"):
        title = title[: -len(old_venue.name)] + venue.name
    elif venue and event.kind in ("meeting", "summit", "agreement", "statement") and " in " not in title:
        title = f"{title} in {venue.name}"
    if title != event.title:
        event.title = title[:300]
        event.save(update_fields=["title"])


def topics(slugs):
    return list(Topic.objects.filter(slug__in=slugs).values_list("pk", flat=True)) if slugs else []


def event_countries(found, people):
    codes = {*found.countries, *(p.country_id for p in people if p.country_id)}
    if found.venue and found.venue.country:
        codes.add(found.venue.country)
    return sorted(c for c in codes if c)


def join_event(event, found, people, evidence):
    """Add a report to an event: fill what is unknown, unite lists, flag disagreements."""
    edited = set(event.edited_fields)
    reasons = []
    changed = []
    if "date" not in edited:
        if event.date_precision == "unknown" and found.date.known:
            event.date, event.date_precision = found.date.date, found.date.precision
            event.date_evidence = evidence or found.date.evidence
            changed += ["date", "date_precision", "date_evidence"]
        elif found.date.known and Event.PRECISION_RANK[found.date.precision] < event.date_precision_rank:
            event.date, event.date_precision = found.date.date, found.date.precision
            event.date_evidence = found.date.evidence
            changed += ["date", "date_precision", "date_evidence"]
    old_venue = event.venue
    if found.venue:
        new_venue = place(found.venue)
        if "venue" not in edited and (event.venue_id is None or _more_precise(new_venue, event.venue)):
            event.venue = new_venue
            changed.append("venue")
        elif event.venue and new_venue.country_id and event.venue.country_id and new_venue.country_id != event.venue.country_id:
            reasons.append(f"Reports disagree on the venue: {event.venue} or {new_venue}.")
    if changed:
        event.save(update_fields=changed)
    if "participants" not in edited:
        event.participants.add(*people)
    if "topics" not in edited:
        event.topics.add(*topics(found.topics))
    if "countries" not in edited:
        event.countries.add(*event_countries(found, people))
    refresh_title(event, found, people, old_venue)
    if reasons:
        flag(event, reasons)


def _rename(title, old, new):
    """The title with one written form of a name replaced by another, whole words only."""
    if old in new:
        return title  # "Shoigu" → "Sergei Shoigu" would double the first name
    return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, title)


def full_forms(names):
    """Forms worth keeping as aliases: full names, not a bare surname that could be anyone's."""
    return sorted(n for n in names if len(name_parts(n)[0]) >= 2 or (name_parts(n)[1] and name_parts(n)[0]))


def _more_precise(new, old):
    """A city in the country an event was only known to be in."""
    return new.country_id == old.country_id and new.name != old.name and old.name == places.country_name(old.country_id)


def flag(event, reasons):
    if "needs_review" in event.edited_fields:
        return
    known = [r for r in event.review_reason.splitlines() if r]
    new = [r for r in reasons if r not in known]
    if not new and event.needs_review:
        return
    event.needs_review = True
    event.review_reason = "\n".join(known + new)
    event.save(update_fields=["needs_review", "review_reason"])


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
            if new_full == old_full and len(new_initials) < len(old_initials):
                # "Sergei Shoigu" reads better than "Sergei K Shoigu"; the old form stays an alias.
                person.aliases = sorted({*person.aliases, person.name} - {ref.name})
                for event in person.events.all():
                    if "title" not in event.edited_fields:
                        event.title = _rename(event.title, person.name, ref.name)
                        event.save(update_fields=["title"])
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
