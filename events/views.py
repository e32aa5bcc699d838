"""Pages: the timeline, an event, a document with its passages highlighted, a person, the map and
the time axis."""

import itertools
from dataclasses import dataclass

from django.contrib import admin
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.vary import vary_on_headers
from pyroaring import BitMap

from . import axis, cards, provenance, timeline_index, worldmap
from .forms import FOUND_IN, AxisForm, TimelineFilterForm
from .html import format_html, format_html_join
from .methods import read_only
from .models import MONTH_UNKNOWN, Country, Document, Event, Person, Source
from .overview import overview
from .passages import highlighted, in_paragraph

PAGE_SIZE = 30
COUNTERPARTS_SHOWN = 25
CANDIDATES = 1_000  # people read to order the counterparts met equally often by name
RANK_PRECISION = {rank: precision for precision, rank in Event.PRECISION_RANK.items()}
MAX_WORDS = TimelineFilterForm.base_fields["q"].max_length
CITY_DOT = mark_safe(
    '<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><circle class="city" cx="5" cy="5" r="4"></circle></svg>'
)
NO_DOT = mark_safe('<span class="swatch"></span>')


def wants_fragment(request):
    """An htmx request for part of a page. htmx restoring history after Back asks for the whole page."""
    return request.headers.get("HX-Request") == "true" and "HX-History-Restore-Request" not in request.headers


@read_only
@vary_on_headers("HX-Request", "HX-Target", "HX-History-Restore-Request")
def timeline(request):
    if any(value == "" for _, values in request.GET.lists() for value in values):
        # A form submitted without JavaScript sends its empty fields too; keep the URL readable.
        query = QueryDict(mutable=True)
        for name, values in request.GET.lists():
            query.setlist(name, [v for v in values if v != ""])
        return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
    form = TimelineFilterForm(request.GET)
    if wants_fragment(request) and request.headers.get("HX-Target") == "person-options":
        # "Find a person": the person filter's list of people, for the words typed.
        return render(request, "events/timeline.html#person_options", {"form": form, "facets": form.facets()})
    if wants_fragment(request) and form.cursor:
        # The next chunk, appended where the "Load more" link was: it goes on under the last heading.
        return render(request, "events/timeline.html#chunk", chunk_context(form, continued=True))
    context = chunk_context(form) | summary_context(form)
    if wants_fragment(request):
        return render(request, "events/timeline.html#results", context | {"fragment": True})
    return render(request, "events/timeline.html", context)


def chunk_context(form, continued=False):
    chunk, next_cursor = form.ranked_page(PAGE_SIZE)
    counts = form.found_counts() if form.found is not None else {}
    return {
        "form": form,
        "rows": headed(chunk, previous=form.cursor if continued else None, found_counts=counts),
        "more_url": form.link(after=next_cursor) if next_cursor else None,
    }


def summary_context(form):
    """The total, the facet counts, the filters that are on and the overview strip for these filters."""
    start, end = form.cleaned.get("from"), form.cleaned.get("to")
    facets = form.facets()
    return {
        "count": form.count(),
        "facets": facets,
        "chips": form.chips(facets),
        "swapped_dates_url": form.swapped_dates_link(),
        "overview": overview(form.per_month(), form.link_with("from", "to", "after"), start, end),
        "all_dates_url": form.link(**{"from": None, "to": None, "after": None}) if start or end else None,
    }


@dataclass
class Row:
    card: str  # the event's card, as HTML
    year: str | None  # the year heading that opens before this event, if a new year starts here
    month: str | None
    found_in: str | None = None  # the heading of a part of a search's results that starts here


def group_of(date, precision):
    if date is None:
        return ("Date unknown", None)
    if precision == "year":
        return (str(date.year), MONTH_UNKNOWN.capitalize())
    return (str(date.year), date.strftime("%B"))


def headed(chunk, previous=None, found_counts=None):
    """The events' cards, each (where the words searched were found or None, card), with the
    headings that open before each: the part of a search's results (and its count, from
    `found_counts`), the year and the month; `previous` is the cursor of the event just before
    them, so a chunk does not repeat the headings it continues."""
    last = (previous.where, *group_of(previous.date, RANK_PRECISION[previous.rank])) if previous else (None, None, None)
    rows, urls, started = [], cards.Urls(), previous is not None
    for where, card in chunk:
        year, month = group_of(card.date, card.date_precision)
        found_in = None
        if where is not None and (where != last[0] or not started):
            n = found_counts.get(where, 0)
            found_in, last = f"{FOUND_IN[where]} · {n} event{pluralize(n)}", (where, None, None)
        rows.append(Row(card.html(urls), year if year != last[1] else None,
                        month if (year, month) != last[1:] else None, found_in))
        last, started = (where, year, month), True
    return rows


def admin_change_url(request, obj):
    """The admin page that changes obj, for a user the admin lets change it; else None."""
    model_admin = admin.site.get_model_admin(type(obj))
    if admin.site.has_permission(request) and model_admin.has_change_permission(request, obj):
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return None


def render_editable(request, obj, template, context):
    """A public page of obj, with an "Edit" link to its admin page for those who may change it. Their
    page is theirs alone (Cache-Control: private), and every answer varies on the cookie, so no cache
    hands an editor's page to anyone else."""
    edit_url = admin_change_url(request, obj)
    response = render(request, template, {**context, "edit_url": edit_url})
    patch_vary_headers(response, ["Cookie"])
    if edit_url:
        patch_cache_control(response, private=True)
    return response


@read_only
def event_detail(request, pk):
    event = get_object_or_404(Event, pk=pk)
    # Whole documents this time, to cut each passage's paragraph out of them.
    sources = Source.objects.filter(event=event).select_related("document").order_by(
        "document__published", "document_id", "start"
    )
    reports = [(s, in_paragraph(s.document.text, s.start, s.end)) for s in sources]
    facts = cards.load([event.pk])[event.pk].facts(cards.Urls())
    return render_editable(request, event, "events/event.html", {
        "event": event, "facts": facts, "reports": reports, "provenance": provenance.lines(event),
    })


@read_only
def document_detail(request, pk):
    document = get_object_or_404(Document, pk=pk)
    sources = list(document.sources.select_related("event").order_by("start", "end"))
    first_source = {}
    for source in sources:
        first_source.setdefault(source.event_id, source)
    return render_editable(request, document, "events/document.html", {
        "document": document, "body": highlighted(document.text, sources), "reported": first_source.values(),
    })


@read_only
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.select_related("country"), pk=pk)
    context = chunk_context(TimelineFilterForm(QueryDict(f"person={person.pk}")))
    with timeline_index.current(refresh=False) as index:
        count = len(index.option("person", person.pk))
        met, places = index.met_with(person.pk)
    # The people met most, not all of a busy minister's thousands: the timeline filter shows the rest.
    candidates = list(met)
    if len(met) > COUNTERPARTS_SHOWN:
        # Those met as often as the one after the last shown, whose names decide ties.
        fewest = met.most_common(COUNTERPARTS_SHOWN + 1)[-1][1]
        candidates = sorted((other for other, n in met.items() if n >= fewest), key=met.get, reverse=True)[:CANDIDATES]
    counterparts = sorted(Person.objects.filter(pk__in=candidates).select_related("country"),
                          key=lambda other: (-met[other.pk], other.name))
    abroad = [code for code in places if code != person.country_id]
    visited = sorted(Country.objects.filter(code__in=abroad), key=lambda country: (-places[country.code], country.name))
    # Written here, not in the template: a well-travelled minister has a hundred countries.
    urls = cards.Urls()
    met_list = format_html_join("", '<li><a href="{}">{}</a>{} · {} event{}</li>', (
        (urls.person(other.pk), other.name, format_html(' <span class="muted">({})</span>', other.country.name)
         if other.country else "", met[other.pk], pluralize(met[other.pk]))
        for other in counterparts[:COUNTERPARTS_SHOWN]
    ))
    visited_list = format_html_join("", '<li><a href="{}?person={}&amp;country={}">{}</a> · {} event{}</li>', (
        (urls.timeline, person.pk, country.code, country.name, places[country.code], pluralize(places[country.code]))
        for country in visited
    ))
    return render_editable(request, person, "events/person.html", {
        **context, "person": person, "count": count, "counterparts": met_list, "shown": min(len(counterparts), COUNTERPARTS_SHOWN),
        "more_counterparts": len(counterparts) > COUNTERPARTS_SHOWN, "visited": visited_list,
    })


@dataclass
class MapCountry:
    code: str
    name: str
    count: int
    href: str
    shade: object = None


@dataclass
class MapPlace:
    name: str
    country_name: str | None
    count: int
    href: str
    location: tuple | None  # (latitude, longitude), None where the gazetteer does not know it


@read_only
def world_map(request):
    """Where the events the timeline's filters select took place (the same query parameters as the
    timeline): countries shaded by their events' venues, cities as circles, and the same as tables.
    The events are the list's own (the timeline index); their venues are counted in one query."""
    form = TimelineFilterForm(filled(request.GET))
    with timeline_index.current(refresh=False) as index:
        ids = index.matching(form.selection)
        count = len(ids)
        # A copy: the index's own bitmaps change as it keeps step with the database.
        selected = None if ids is index.all else BitMap(ids)
        total = len(index.all)
    rows = worldmap.venue_counts(selected, of=total) if count else []
    in_country = form.link_with("country", "after")
    with_words = form.link_with("country", "q", "after")
    without_country = form.link_with("q", "after")
    words = form.cleaned.get("q") or ""
    countries, places, unplaced = {}, [], 0
    for venue, name, code, country_name, n in rows:
        if venue is None:
            unplaced += n
            continue
        if code:
            country = countries.setdefault(code, MapCountry(code, country_name, 0, in_country(code, None)))
            country.count += n
            if worldmap.is_country(name, code, country_name):
                continue  # the country itself, not a place in it
        # The timeline has no place filter: the place's country, and its name among the words searched.
        searched = f"{words} {name}".strip() if len(words) + len(name) < MAX_WORDS else name
        href = with_words(code, searched, None) if code else without_country(searched, None)
        places.append(MapPlace(name, country_name, n, href, worldmap.city_location(name, code)))
    countries = sorted(countries.values(), key=lambda c: (-c.count, c.name))
    places.sort(key=lambda p: (-p.count, p.name, p.country_name or ""))
    shades = worldmap.shade(countries)
    # The tables are written here, not in the template: a large corpus has hundreds of places.
    country_rows = format_html_join("", (
        '<tr><th scope="row"><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="{}" width="10"'
        ' height="10"></rect></svg> <a href="{}">{}</a></th><td class="num">{}</td></tr>'
    ), ((c.shade.css, c.href, c.name, c.count) for c in countries))
    place_rows = format_html_join("", (
        '<tr><th scope="row">{} <a href="{}">{}</a></th><td>{}</td><td class="num">{}</td></tr>'
    ), ((CITY_DOT if p.location else NO_DOT, p.href, p.name, p.country_name or "—", p.count) for p in places))
    on_map = [p for p in places if p.location]
    return render(request, "events/map.html", {
        "form": form, "count": count, "filtered": any(form.filters().values()), "countries": countries,
        "country_rows": country_rows, "places": places, "place_rows": place_rows, "unplaced": unplaced,
        "shades": shades, "all_on_map": len(on_map) == len(places), "on_map": on_map,
        "map": worldmap.svg(countries, on_map, labelledby="map-title"),
        "list_url": form.link(after=None), "axis_url": form.link(view="events:axis", after=None),
    })


def filled(params):
    """The query parameters without the empty ones a form sent without JavaScript has, so that the
    links made from them stay readable."""
    query = QueryDict(mutable=True)
    for name, values in params.lists():
        query.setlist(name, [v for v in values if v != ""])
    return query


UNDATED_SHOWN = 5


@read_only
@vary_on_headers("HX-Request", "HX-Target", "HX-History-Restore-Request")
def time_axis(request):
    """The events the timeline's filters select on a time axis (the same query parameters as the
    timeline, and the axis's own: start, end, lanes, event). Only what the window shows is drawn,
    from the timeline index (events/axis.py). The script's requests get the axis alone, or the
    chosen event's card."""
    query = filled(request.GET)
    state = AxisForm(query.copy())
    query.pop("px", None)  # the width the script measured: not part of any link
    form = TimelineFilterForm(query)
    chosen = state.cleaned.get("event")
    if wants_fragment(request) and request.headers.get("HX-Target") == "event-panel":
        return render(request, "events/axis.html#panel", {"card": chosen_card(chosen), "chosen": chosen})
    context = axis_context(form, state)
    if wants_fragment(request):
        return render(request, "events/axis.html#axis", context)
    return render(request, "events/axis.html", context | {"card": chosen_card(chosen), "chosen": chosen})


def chosen_card(pk):
    """The chosen event's card, as the list shows it, or None."""
    card = cards.load([pk]).get(pk) if pk else None
    return card.html(cards.Urls()) if card else None


def axis_context(form, state):
    facet, px = state.cleaned.get("lanes") or "country", state.cleaned.get("px")
    with timeline_index.current(refresh=False) as index:
        selected = index.matching(form.selection)
        undated = index.undated() & selected
        window = axis.opening_window(index, selected, state.cleaned.get("start") or form.cleaned.get("from"),
                                     state.cleaned.get("end") or form.cleaned.get("to"))
        layout = axis.lay_out(index, selected, window, facet, px or axis.WIDTH) if window else None
        count, first_undated = len(selected), list(itertools.islice(undated, UNDATED_SHOWN))
    shown = [*(layout.item_ids() if layout else ()), *first_undated]
    titles = axis.titles(shown) if shown else {}
    links = axis.Links(form, window)
    context = {
        "form": form, "errors": {**form.errors, **{k: v for k, v in state.errors.items() if k != "px"}},
        "count": count, "layout": layout,
        "filtered": any(form.filters().values()), "window": window, "facet": facet,
        "undated_count": len(undated), "undated": [(pk, titles.get(pk, ""), links.event(pk)) for pk in first_undated],
        "list_url": form.link(after=None, start=None, end=None, lanes=None, event=None),
        "map_url": form.link(view="events:map", after=None, start=None, end=None, lanes=None, event=None),
        # The list's undated events come last: its chunk after every dated one.
        "undated_url": form.link(after="undated.3.0", start=None, end=None, lanes=None, event=None),
        "min_days": axis.MIN_DAYS, "max_days": axis.MAX_DAYS,
    }
    if layout:
        names = axis.lane_names(facet, layout.lane_values())
        context |= links.controls(facet) | {
            "svg": axis.svg(layout, names, titles, links, state.cleaned.get("event"), nominal=not px),
            "announce": axis.announcement(layout),
            "note": axis.others_note(layout),
        }
    return context
