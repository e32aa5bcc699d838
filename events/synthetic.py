"""A synthetic corpus for `manage.py bench` and for the tests of how pages scale with the corpus:
people, places and documents reporting events over 30 years, spread as news is (a few countries
and people in most reports, more news in recent years), stored with bulk_create."""

import datetime
import itertools
import random
import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction

from .ingest import Batch, ensure_countries
from .models import UNDATED, Document, Event, Person, PersonKey, Place, Source, Topic

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "documents"
# The countries most reports are about come first; the rest of pycountry's list trails off.
LEADING = ["IN", "RU", "US", "CN", "FR", "GB", "DE", "JP", "BY", "UA", "PK", "IR", "IL", "TR", "SA", "AE", "KZ", "BR"]
SYLLABLES = ["ra", "na", "vi", "ko", "sha", "lin", "mar", "to", "bel", "or", "ge", "sun", "dar", "mi", "el", "ka",
             "po", "zan", "ti", "hu", "ser", "ya", "lo", "ven"]
ROLES = ["Defence Minister", "Foreign Minister", "Prime Minister", "President", "Chief of Army Staff", "Ambassador", ""]
KINDS = (["meeting", "visit", "agreement", "statement", "summit", "other"], [50, 20, 10, 10, 5, 5])
PRECISIONS = (["day", "month", "year", "unknown"], [85, 8, 5, 2])
FILLER = [
    "Officials said the talks were constructive and covered a wide range of issues.",
    "The two sides agreed to meet again before the end of the year.",
    "A joint statement was expected later in the day, according to people familiar with the plans.",
    "Analysts said the meeting signalled a deepening of ties despite earlier differences.",
]


@dataclass
class Size:
    events: int = 100_000
    people: int = 20_000
    sources: int = 200_000
    documents: int = 50_000
    years: int = 30


def zipf(n, rng, skew=1.0):
    """A function drawing k distinct indices below n, the low ones far more often (as a few people
    and countries are in most reports)."""
    weights = list(itertools.accumulate(1 / (i + 1) ** skew for i in range(n)))

    def draw(k=1):
        picked = set()
        while len(picked) < min(k, n):
            picked.update(rng.choices(range(n), cum_weights=weights, k=k - len(picked)))
        return list(picked)

    return draw


def name(rng, parts):
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


@transaction.atomic
def build(size=Size(), seed=1):
    """Store a corpus of the given size in the current (empty) database; returns what it made."""
    import pycountry

    rng = random.Random(seed)
    codes = LEADING + sorted({c.alpha_2 for c in pycountry.countries} - set(LEADING))
    ensure_countries(codes)
    country_of = zipf(len(codes), rng, 1.2)
    people = Person.objects.bulk_create(
        [Person(name=f"{name(rng, 2)} {name(rng, 3)}", country_id=codes[country_of()[0]], role=rng.choice(ROLES))
         for _ in range(size.people)],
        batch_size=1000,
    )
    PersonKey.objects.bulk_create(
        [PersonKey(person=p, key=k) for p in people for k in sorted(p.name_keys())], batch_size=5000
    )
    places = Place.objects.bulk_create(
        [Place(name=f"{name(rng, 3)} {i}", country_id=codes[country_of()[0]]) for i in range(max(10, size.people // 40))],
        batch_size=1000,
    )
    topics = list(Topic.objects.order_by("pk"))
    person_of, place_of, topic_of = zipf(len(people), rng, 0.9), zipf(len(places), rng), zipf(len(topics), rng)
    last = datetime.date(2025, 12, 31)
    first_year = last.year - size.years + 1
    # More news in later years: a year's weight grows with its distance from the first.
    years = list(range(first_year, last.year + 1))
    events, links = [], []
    for _ in range(size.events):
        precision = rng.choices(*PRECISIONS)[0]
        year = rng.choices(years, weights=[y - first_year + 1 for y in years])[0]
        date = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        who = [people[i] for i in person_of(rng.choices([1, 2, 3, 4], [10, 60, 20, 10])[0])]
        venue = places[place_of()[0]] if rng.random() < 0.8 else None
        kind = rng.choices(*KINDS)[0]
        surnames = [p.name.split()[-1] for p in who]
        event = Event(
            title=f"{' and '.join(surnames)}: {kind} in {venue.name if venue else 'talks'}"[:300], kind=kind,
            date=None if precision == "unknown" else date, date_precision=precision, venue=venue,
            needs_review=rng.random() < 0.04,
        )
        event.set_period()
        events.append(event)
        countries = {p.country_id for p in who} | ({venue.country_id} if venue else set())
        links.append((who, countries, [topics[i] for i in topic_of(rng.choice([0, 1, 1, 2]))], venue))
    Event.objects.bulk_create(events, batch_size=1000)
    through = Event.participants.through, Event.countries.through, Event.topics.through
    through[0].objects.bulk_create(
        [through[0](event_id=e.pk, person_id=p.pk) for e, (who, *_) in zip(events, links) for p in who], batch_size=5000
    )
    through[1].objects.bulk_create(
        [through[1](event_id=e.pk, country_id=c) for e, (_, cs, *_) in zip(events, links) for c in sorted(cs)], batch_size=5000
    )
    through[2].objects.bulk_create(
        [through[2](event_id=e.pk, topic_id=t.pk) for e, (_, _, ts, _) in zip(events, links) for t in ts], batch_size=5000
    )
    build_documents(size, rng, events, links)
    # Statistics for the query planner, as a database in use has them; without them PostgreSQL
    # plans for empty tables (autovacuum cannot see rows of a transaction still open).
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"events": len(events), "people": len(people), "places": len(places),
            "documents": Document.objects.count(), "sources": Source.objects.count()}


def build_documents(size, rng, events, links):
    """Each document reports a run of events close in time, each event in sources/events documents."""
    order = sorted(range(len(events)), key=lambda i: (events[i].date or UNDATED, i))
    per_document = max(1, round(size.sources / size.documents))
    step = len(events) / size.documents
    documents, spans = [], []
    for d in range(size.documents):
        covered = sorted({min(int(d * step) + j, len(events) - 1) for j in range(per_document)})
        text, doc_spans = f"Wire report {d}\n\n", []
        dates = [events[order[i]].date for i in covered if events[order[i]].date]
        for i in covered:
            event, (who, _, topics, venue) = events[order[i]], links[order[i]]
            sentence = (
                f"{who[0].role} {who[0].name} met {', '.join(p.name for p in who[1:]) or 'officials'}"
                f" in {venue.name if venue else 'the capital'} on {event.date_label}"
                f"{', discussing ' + ' and '.join(t.name for t in topics) if topics else ''}."
            )
            doc_spans.append((event, len(text), len(text) + len(sentence)))
            text += sentence + " " + rng.choice(FILLER) + "\n\n"
        documents.append(Document(
            text=text, sha256=Document.hash_text(text), title=f"Wire report {d}", filename=f"wire-{d:06d}.txt",
            published=max(dates) + datetime.timedelta(days=1) if dates else None,
            published_source=Document.DateSource.HEADER if dates else Document.DateSource.UNKNOWN, outlet="Synthetic Wire",
        ))
        spans.append(doc_spans)
    Document.objects.bulk_create(documents, batch_size=1000)
    Source.objects.bulk_create(
        [Source(event=event, document=document, start=start, end=end, claimed_date=event.date,
                claimed_precision=event.date_precision)
         for document, doc_spans in zip(documents, spans) for event, start, end in doc_spans],
        batch_size=2000,
    )


def seed_copies(copies):
    """The sample articles, `copies` times each, every copy a distinct text so none is a duplicate."""
    seeds = sorted(SEEDS.glob("*.txt"))
    return [(f"copy{n:04d}_{path.name}", path.read_text(encoding="utf-8") + f"\n(Copy {n}.)\n")
            for n in range(copies) for path in seeds]


def ingest_rate(texts):
    """Articles per second through the whole ingest (extraction and storing), once the gazetteers and
    date patterns are loaded (a one-time cost of about a second per process, not per article)."""
    from .extraction import extract_document
    from .ingest import topic_table

    extract_document(texts[0][1], topics=topic_table())
    started = time.perf_counter()
    batch = Batch()  # as `manage.py ingest` does
    for filename, text in texts:
        batch.add(text, filename)
    batch.flush()
    return len(texts) / (time.perf_counter() - started)
