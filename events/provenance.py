"""Where an event's facts come from, for its page and its admin form: each field an editor set, by
whom and when, with what extraction had found for it kept underneath."""

import datetime
from dataclasses import dataclass

from . import ingest
from .models import Event, date_label

# The event's date evidence once an editor sets its date without giving any: exports and the API
# say so too. What extraction found stays with the event's reports (see `ingest.reading`).
EDITOR_DATE_EVIDENCE = "Set by an editor."
LABELS = {
    "title": "Title",
    "kind": "Kind",
    "date": "Date",
    "venue": "Venue",
    "participants": "Participants",
    "countries": "Countries",
    "topics": "Topics",
    "needs_review": "Review state",
    "sources": "Passages",
}
KINDS = dict(Event.Kind.choices)


@dataclass
class Line:
    field: str
    label: str
    by: str | None  # the editor's username, when recorded
    at: datetime.datetime | None
    found: str  # what extraction found for the field; "" when there is nothing to say
    note: str = ""  # the editor's own evidence for a date


def lines(event):
    """A Line for each field an editor set, in the order the page shows the fields."""
    edited = [name for name in LABELS if name in event.edited_fields]
    if not edited:
        return []
    reading = ingest.reading(event)
    out = []
    for name in edited:
        by, at = event.edit_of(name) or (None, None)
        note = event.date_evidence if name == "date" and event.date_evidence != EDITOR_DATE_EVIDENCE else ""
        out.append(Line(name, LABELS[name], by, at, found(reading, name) if reading else "", note))
    return out


def found(reading, name):
    """What extraction found for one field, in words."""
    if name == "title":
        return reading.title
    if name == "kind":
        return KINDS[reading.kind]
    if name == "date":
        date = reading.date
        label = date_label(date.date, date.precision, date.end)
        return f"{label} ({date.evidence})" if date.evidence else label
    if name == "venue":
        return str(reading.venue) if reading.venue else "no venue"
    if name in ("participants", "countries", "topics"):
        return ", ".join(str(o) for o in getattr(reading, name)) or "none"
    return ""
