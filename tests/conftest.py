import datetime
from pathlib import Path

import pytest

from events.models import Country, Document, Event, Person, Place, Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "documents"


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

    user = User.objects.create_user("editor", password="x", is_staff=True)
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
