import datetime
from pathlib import Path

import pytest

from events import timeline_index
from events.models import Country, Document, Event, Person, Place, Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "documents"


@pytest.fixture(autouse=True)
def fresh_timeline_index():
    """Each test starts with a process that has not looked at the database yet: the rollback that
    ends a test takes back writes the in-memory timeline index has already taken in."""
    timeline_index.reset()
    yield
    timeline_index.reset()


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    """Background tasks run inside the call that enqueues them (once its transaction commits), so a
    test sees an upload's results without a worker; tests of the worker itself ask for the database
    backend."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def seeded(db):
    """The five sample articles, ingested as on first run."""
    from django.core.management import call_command

    call_command("ingest", str(SEEDS), stdout=open("/dev/null", "w"))
    return Document.objects.order_by("filename")


@pytest.fixture
def make_event(db):
    """An event backed by one passage of a small document, built directly (no extraction)."""
    counter = iter(range(1, 10_000))

    def make(title="A meets B", kind="meeting", date=datetime.date(2023, 4, 28), precision="day",
             countries=("IN",), people=(("Rajnath Singh", "IN"),), venue=None, text=None):
        n = next(counter)
        text = text or f"Report {n}. {title} in the capital on the day."
        doc = Document.objects.create(text=text, filename=f"doc{n}.txt", title=f"Doc {n}")
        codes = {*countries, *(c for _, c in people)}
        for code in codes:
            Country.objects.get_or_create(code=code, defaults={"name": code})
        event = Event.objects.create(
            title=title, kind=kind, date=date if precision != "unknown" else None, date_precision=precision,
            venue=Place.objects.get_or_create(name=venue[0], country_id=venue[1])[0] if venue else None,
        )
        event.countries.set(countries)
        for name, code in people:
            person, _ = Person.objects.get_or_create(name=name, defaults={"country_id": code})
            event.participants.add(person)
        start = text.index(title) if title in text else 0
        Source.objects.create(event=event, document=doc, start=start, end=start + len(title))
        return event

    return make


@pytest.fixture
def editor(db):
    """A staff member in the "editors" group the migration creates, and nothing more."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def event_form_data(event, **changes):
    """The event admin's change form as an editor would submit it untouched, with `changes` applied."""
    data = {
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else "",
        "date_precision": event.date_precision,
        "date_evidence": event.date_evidence,
        "venue": event.venue_id or "",
        "participants": [p.pk for p in event.participants.all()],
        "topics": [t.pk for t in event.topics.all()],
        "countries": [c.pk for c in event.countries.all()],
        "review_reason": event.review_reason,
    }
    data.update({name: "on" for name in ["needs_review", "reviewed"] if getattr(event, name)})
    data.update(changes)
    return {name: value for name, value in data.items() if value is not False}


# One-sentence reports of one meeting, for tests of what ingest stores and keeps.
MEETING = "Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu in New Delhi on Friday."
STUB_PEOPLE = [("Rajnath Singh", "IN", "Defence Minister"), ("S Jaishankar", "IN", ""), ("Sergei Shoigu", "RU", "Defence Minister")]
STUB_PLACES = [("New Delhi", "IN"), ("Moscow", "RU")]


def stub_extract(text, published=None, topics=None):
    """What a correct extractor reads in one-sentence reports like MEETING: one meeting on the
    Friday on or before publication (the weekday alone if undated), its people, venue and topics."""
    from events.extraction.types import DateValue, DocumentExtraction, ExtractedEvent, PersonRef, PlaceRef, Span

    people = [PersonRef(name, code, role, {name}) for name, code, role in STUB_PEOPLE if name in text]
    venue = next((PlaceRef(name, code) for name, code in STUB_PLACES if name in text), None)
    if published:
        friday = published - datetime.timedelta(days=(published.weekday() - 4) % 7)
        date = DateValue(friday, "day", "Friday, counted back from publication", 4)
    else:
        date = DateValue(weekday=4)
    folded = text.casefold()
    slugs = [slug for slug, (_, keywords) in (topics or {}).items() if any(k.casefold() in folded for k in keywords)]
    event = ExtractedEvent(
        kind="meeting",
        title=" meets ".join(p.name for p in people),
        spans=[Span(0, len(text))],
        date=date,
        participants=people,
        venue=venue,
        countries=sorted({p.country for p in people}),
        topics=slugs,
    )
    source = "user" if published else "unknown"
    return DocumentExtraction(title=text[:60], published=published, published_source=source, events=[event])


@pytest.fixture(params=["stub", "extractor"])
def reader(request, monkeypatch, db):
    """Runs a test twice: with stub_extract as ingest's reading (ingest's own contract) and with
    the real extraction pipeline (which must then find the meeting too)."""
    if request.param == "stub":
        from events import ingest

        monkeypatch.setattr(ingest, "extract_document", stub_extract)
    return request.param
