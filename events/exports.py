"""The timeline in the formats other tools read: CSV for spreadsheets, iCalendar for calendars and
TimelineJS JSON for publishing. Plain functions over prefetched events; links are made absolute from
`base_url` so an exported file still points back to the app."""

import csv
import datetime
import io
from urllib.parse import urljoin, urlsplit

import icalendar
from django.utils.html import escape, format_html, format_html_join

CSV_COLUMNS = [
    "id", "title", "kind", "date", "date_precision", "date_label", "date_evidence", "venue", "participants", "countries",
    "topics", "needs_review", "review_reason", "url", "sources", "source_links",
]
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def participant_label(person):
    details = ", ".join(filter(None, [person.country_id, person.role]))
    return f"{person.name} ({details})" if details else person.name


def source_label(source):
    document = source.document
    return f"{document.title or document.filename}: “{source.text}”"


def spreadsheet_safe(value):
    """Text a spreadsheet shows as text: a leading apostrophe keeps a formula-like cell inert."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def events_csv(events, base_url):
    """One row per event; people, countries and topics joined by "; ", one source per line in a cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in events:
        sources = list(e.sources.all())
        row = [
            e.pk, e.title, e.kind, e.date_iso or "", e.date_precision, e.date_label, e.date_evidence,
            str(e.venue) if e.venue else "",
            "; ".join(participant_label(p) for p in e.participants.all()),
            "; ".join(sorted(c.code for c in e.countries.all())),
            "; ".join(t.name for t in e.topics.all()),
            "yes" if e.needs_review else "no", e.review_reason,
            urljoin(base_url, e.get_absolute_url()),
            "\n".join(source_label(s) for s in sources),
            "\n".join(urljoin(base_url, s.get_absolute_url()) for s in sources),
        ]
        writer.writerow([spreadsheet_safe(value) for value in row])
    return out.getvalue()


def event_description(event, base_url):
    """Plain text for a calendar entry: who, where, why it is flagged, and each source with its link."""
    lines = [f"Kind: {event.kind}", f"Date: {event.date_label}"]
    if event.venue:
        lines.append(f"Venue: {event.venue}")
    participants = [participant_label(p) for p in event.participants.all()]
    if participants:
        lines.append("Participants: " + "; ".join(participants))
    if event.needs_review:
        lines.append(f"Needs review: {event.review_reason or 'flagged'}")
    lines.append("")
    lines.append("Sources:")
    for s in event.sources.all():
        lines.append(f"- {source_label(s)}\n  {urljoin(base_url, s.get_absolute_url())}")
    return "\n".join(lines)


def events_ics(events, base_url, name="Meetings Timeline"):
    """All-day entries spanning each event's period (a day, a month or a year); undated events cannot be
    placed in a calendar, so they are left out and counted in X-UNDATED-EVENTS-OMITTED."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Meetings Timeline//events export//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    host = urlsplit(base_url).netloc
    undated = 0
    for e in events:
        if e.date is None:
            undated += 1
            continue
        entry = icalendar.Event()
        entry.add("uid", f"event-{e.pk}@{host}")
        entry.add("dtstamp", e.updated_at)
        entry.add("dtstart", e.date)
        # DTEND of an all-day entry is exclusive: the day after the period's last day.
        entry.add("dtend", e.date_end + datetime.timedelta(days=1))
        entry.add("summary", e.title)
        entry.add("description", event_description(e, base_url))
        entry.add("url", urljoin(base_url, e.get_absolute_url()))
        if e.venue:
            entry.add("location", str(e.venue))
        topics = [t.name for t in e.topics.all()]
        if topics:
            entry.add("categories", topics)
        calendar.add_component(entry)
    calendar.add("x-undated-events-omitted", str(undated))
    if undated:
        calendar.add("x-wr-caldesc", f"{undated} event(s) without a known date are not included.")
    return calendar.to_ical()


def timelinejs_date(event):
    """TimelineJS's date object, as precise as the evidence: a month or a year shows as such."""
    date = {"year": str(event.date.year)}
    if event.date_precision in ("day", "month"):
        date["month"] = str(event.date.month)
    if event.date_precision == "day":
        date["day"] = str(event.date.day)
    else:
        date["display_date"] = event.date_label
    return date


def timelinejs_text(event, base_url):
    """The slide's body as HTML, everything from the data escaped: TimelineJS renders it as markup."""
    people = ", ".join(participant_label(p) for p in event.participants.all())
    parts = [format_html("<p>{}</p>", people)] if people else []
    if event.venue:
        parts.append(format_html("<p>At {}</p>", str(event.venue)))
    if event.needs_review:
        parts.append(format_html("<p><strong>Needs review:</strong> {}</p>", event.review_reason))
    sources = format_html_join(
        "", '<li><a href="{}">{}</a>: “{}”</li>',
        (
            (urljoin(base_url, s.get_absolute_url()), s.document.title or s.document.filename, s.text)
            for s in event.sources.all()
        ),
    )
    parts.append(format_html("<p>Sources:</p><ul>{}</ul>", sources))
    parts.append(format_html('<p><a href="{}">This event on the timeline</a></p>', urljoin(base_url, event.get_absolute_url())))
    return "".join(parts)


def events_timelinejs(events, base_url, headline="Meetings Timeline"):
    """Knight Lab's TimelineJS JSON: a title slide and one slide per dated event (TimelineJS needs a year;
    the title slide says how many undated events were left out)."""
    slides, undated = [], 0
    for e in events:
        if e.date is None:
            undated += 1
            continue
        slides.append({
            "unique_id": f"event-{e.pk}",
            "start_date": timelinejs_date(e),
            "text": {"headline": escape(e.title), "text": timelinejs_text(e, base_url)},
            "group": e.kind,
        })
    summary = f"{len(slides)} event{'s' if len(slides) != 1 else ''}"
    if undated:
        summary += f"; {undated} without a known date not shown"
    return {"title": {"text": {"headline": escape(headline), "text": f"<p>{summary}.</p>"}}, "events": slides}
