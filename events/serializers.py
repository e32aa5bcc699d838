"""Events as plain data: the one shape behind `export_events --format json` and the API."""

from django.db.models import Prefetch

from .models import Person


def event_to_dict(event):
    """An event with its venue, people, topics and sources; expects the relations prefetched."""
    return {
        "id": event.pk,
        "title": event.title,
        "kind": event.kind,
        "date": event.date_iso,
        "date_precision": event.date_precision,
        "date_end": date_end_iso(event),
        "date_evidence": event.date_evidence,
        "needs_review": event.needs_review,
        "review_reason": event.review_reason,
        "venue": {"name": event.venue.name, "country": event.venue.country_id} if event.venue else None,
        "participants": [
            {"name": p.name, "country": p.country_id, "role": p.role} for p in event.participants.all()
        ],
        "countries": sorted(c.code for c in event.countries.all()),
        "topics": [t.name for t in event.topics.all()],
        "sources": [
            {"document": s.document.filename, "start": s.start, "end": s.end, "text": s.text}
            for s in event.sources.all()
        ],
    }


def date_end_iso(event):
    """The last day of a range of days ("March 14-15"), or None for a single day or a coarser date."""
    if event.date_precision == "day" and event.date_end and event.date and event.date_end > event.date:
        return event.date_end.isoformat()
    return None


def prefetched(events):
    participants = Prefetch("participants", queryset=Person.objects.select_related("country"))
    return events.select_related("venue__country").prefetch_related(participants, "countries", "topics", "sources__document")
