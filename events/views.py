"""Pages: the timeline, an event, a document with its passages highlighted, a person."""

from itertools import groupby

from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from .forms import TimelineFilterForm
from .models import Document, Event, Person
from .serializers import prefetched


@require_GET
@vary_on_headers("HX-Request")
def timeline(request):
    form = TimelineFilterForm(request.GET)
    events = list(prefetched(form.events()))
    years = [(year, list(items)) for year, items in groupby(events, key=lambda e: e.date.year if e.date else None)]
    template = "events/timeline.html#results" if request.headers.get("HX-Request") else "events/timeline.html"
    return render(request, template, {"form": form, "years": years, "count": len(events)})


@require_GET
def event_detail(request, pk):
    event = get_object_or_404(prefetched(Event.objects.all()), pk=pk)
    return render(request, "events/event.html", {"event": event})


@require_GET
def document_detail(request, pk):
    document = get_object_or_404(Document, pk=pk)
    sources = document.sources.select_related("event").order_by("start", "end")
    return render(request, "events/document.html", {"document": document, "body": highlighted(document.text, sources)})


def highlighted(text, sources):
    """The text, escaped, with each backing passage in a <mark> that links to its event."""
    pieces, pos = [], 0
    spans = {}
    for s in sources:
        spans.setdefault((s.start, s.end), []).append(s.event)
    for (start, end), events in sorted(spans.items()):
        if start < pos:
            continue  # an overlapping span is already marked by the earlier one
        pieces.append(format_html("{}", text[pos:start]))
        links = format_html_join(" ", '<a href="{}" class="event-link">{}</a>', ((e.get_absolute_url(), e.title) for e in events))
        pieces.append(
            format_html('<mark id="passage-{}-{}" tabindex="-1">{}</mark><span class="passage-events">→ {}</span>', start, end, text[start:end], links)
        )
        pos = end
    pieces.append(format_html("{}", text[pos:]))
    return format_html_join("", "{}", ((p,) for p in pieces))


@require_GET
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.select_related("country"), pk=pk)
    events = prefetched(person.events.chronological())
    return render(request, "events/person.html", {"person": person, "events": events})
