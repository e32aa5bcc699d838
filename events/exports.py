"""The timeline in the formats other tools read: CSV for spreadsheets, iCalendar for calendars, and
TimelineJS JSON or the rows of TimelineJS's Google Sheets template for publishing. Plain functions over
prefetched events; links are made absolute from `base_url` so an exported file still points back to
the app."""

import csv
import datetime
import io
from urllib.parse import urljoin, urlsplit

import icalendar
from django.utils.html import escape, format_html, format_html_join

from .serializers import date_end_iso

# The date in parts too (each empty where the date's precision does not reach), so a spreadsheet
# never has to guess what "2023-04" or "2021" means.
CSV_COLUMNS = [
    "id", "title", "kind", "date", "year", "month", "day", "date_precision", "date_end", "date_label", "date_evidence",
    "venue", "participants", "countries", "topics", "needs_review", "review_reason", "url", "sources", "source_links",
]
# The columns of Knight Lab's TimelineJS Google Sheets template, in its order (its reader takes Year,
# Month, Day and Time by position and the others by name), so the rows paste into it unchanged.
SHEET_COLUMNS = [
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline", "Text",
    "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
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


def spreadsheet(columns, rows):
    """CSV text: the header, then the rows, every cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([spreadsheet_safe(value) for value in row] for row in rows)
    return out.getvalue()


def date_parts(event):
    """The date's year, month and day as text, each empty where its precision does not reach."""
    if event.date is None or event.date_precision == "unknown":
        return "", "", ""
    month = str(event.date.month) if event.date_precision in ("day", "month") else ""
    day = str(event.date.day) if event.date_precision == "day" else ""
    return str(event.date.year), month, day


def events_csv(events, base_url):
    """One row per event; people, countries and topics joined by "; ", one source per line in a cell."""
    return spreadsheet(CSV_COLUMNS, (csv_row(e, base_url) for e in events))


def csv_row(e, base_url):
    sources = list(e.sources.all())
    return [
        e.pk, e.title, e.kind, e.date_iso or "", *date_parts(e), e.date_precision, date_end_iso(e) or "", e.date_label,
        e.date_evidence,
        str(e.venue) if e.venue else "",
        "; ".join(participant_label(p) for p in e.participants.all()),
        "; ".join(sorted(c.code for c in e.countries.all())),
        "; ".join(t.name for t in e.topics.all()),
        "yes" if e.needs_review else "no", e.review_reason,
        urljoin(base_url, e.get_absolute_url()),
        "\n".join(source_label(s) for s in sources),
        "\n".join(urljoin(base_url, s.get_absolute_url()) for s in sources),
    ]


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
    """TimelineJS's date object, as precise as the evidence: a month or a year is shown as such
    ("Apr 2023", the label the timeline gives it) rather than as its first day."""
    year, month, day = date_parts(event)
    date = {"year": year}
    if month:
        date["month"] = month
    if day:
        date["day"] = day
    else:
        date["display_date"] = event.date_label
    return date


def timelinejs_end_date(event):
    """The last day of a range of days ("March 20-22"), else None."""
    end = date_end_iso(event)
    if end is None:
        return None
    end = datetime.date.fromisoformat(end)
    return {"year": str(end.year), "month": str(end.month), "day": str(end.day)}


def in_words(names):
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def person_described(person):
    """"Rajnath Singh (Defence Minister, India)": the name, with the role and country where known."""
    details = [d for d in (person.role, person.country.name if person.country else "") if d]
    return f"{person.name} ({', '.join(details)})" if details else person.name


def who_and_where(event):
    """The event's people and place as a sentence: "Rajnath Singh (Defence Minister, India) and Sergei
    Shoigu in Moscow, Russia.", "In Russia.", or None when neither is known."""
    people = [person_described(p) for p in event.participants.all()]
    if people and event.venue:
        return f"{in_words(people)} in {event.venue}."
    if people:
        return f"{in_words(people)}."
    return f"In {event.venue}." if event.venue else None


def timelinejs_text(event, base_url):
    """The slide's body as HTML, everything from the data escaped: TimelineJS renders it as markup."""
    sentence = who_and_where(event)
    parts = [format_html("<p>{}</p>", sentence)] if sentence else []
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
        slide = {
            "unique_id": f"event-{e.pk}",
            "start_date": timelinejs_date(e),
            "text": {"headline": escape(e.title), "text": timelinejs_text(e, base_url)},
            "group": e.kind,
        }
        end = timelinejs_end_date(e)
        if end:
            slide["end_date"] = end
        slides.append(slide)
    summary = f"{len(slides)} event{'s' if len(slides) != 1 else ''}"
    if undated:
        summary += f"; {undated} without a known date not shown"
    return {"title": {"text": {"headline": escape(headline), "text": f"<p>{summary}.</p>"}}, "events": slides}


def events_timelinejs_sheet(events, base_url, headline="Meetings Timeline"):
    """The same slides as rows of TimelineJS's Google Sheets template: the title row (Type "title")
    first, then one row per dated event, cells as TimelineJS reads them (HTML in Headline and Text)."""
    timeline = events_timelinejs(events, base_url, headline)
    return spreadsheet(SHEET_COLUMNS, [sheet_row(timeline["title"], "title"), *map(sheet_row, timeline["events"])])


def sheet_row(slide, kind=""):
    start, end = slide.get("start_date", {}), slide.get("end_date", {})
    cells = {
        "Year": start.get("year"), "Month": start.get("month"), "Day": start.get("day"),
        "End Year": end.get("year"), "End Month": end.get("month"), "End Day": end.get("day"),
        "Display Date": start.get("display_date"), "Headline": slide["text"]["headline"], "Text": slide["text"]["text"],
        "Type": kind, "Group": slide.get("group"),
    }
    return [cells.get(column) or "" for column in SHEET_COLUMNS]
