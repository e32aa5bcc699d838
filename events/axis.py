"""The time axis view's windowing: which of the selected events a window of time shows, laid out in
lanes (by country, person or kind) as items or, where they crowd, clusters with a count, and the
axis drawn as SVG on the server, so the browser gets only what the window needs.

Everything is read from the timeline index: the window's events are slices of its timeline order
(one bisection per bin edge), lanes and counts are intersections of its bitmaps, and only the
events drawn one by one are looked at one by one. A window over 100,000 events costs about what one
over 100 does. Bins are BIN_PX pixels of a grid fixed in time (not to the window's edge), so the
clusters do not change as the window pans. x positions are written as percentages of the width, y
in pixels: the drawing fits any width without a viewBox that would stretch its circles and text.
"""

import datetime
import math
from bisect import bisect_left
from dataclasses import dataclass, field

from django.template.defaultfilters import pluralize
from django.utils.safestring import SafeString
from pyroaring import BitMap

from .html import format_html
from .models import Country, Event, Person, date_label
from .timeline_index import UNDATED_KEY

WIDTH = 1000  # pixels assumed when the page does not say (no script)
BIN_PX = 40  # events starting within this many pixels of each other crowd a lane's bin
ROWS = 3  # items a lane's bin shows one by one; more are a cluster
LANES_SHOWN = 8  # lanes of their own; the rest of the window's countries or people share one
MIN_DAYS = 7  # the narrowest window: a week, its days far apart
MAX_DAYS = 200 * 366
TIGHTEN = 64  # a cluster of up to this many events zooms to their own days, a larger one to its bin's
FIRST_DAY, LAST_DAY = datetime.date(1, 1, 1), datetime.date(9998, 12, 31)
KINDS = dict(Event.Kind.choices)
FACETS = {"country": ("country", "countries"), "person": ("person", "people"), "kind": ("kind", "kinds")}

# Drawing, in pixels.
TOP = 26  # the tick labels
LANE_HEAD = 18  # a lane's name
ROW = 16
LANE_GAP = 8
LANE_HEIGHT = LANE_HEAD + ROWS * ROW + LANE_GAP
RADIUS = 5.5
BAR = 10  # height of a range of days, and of an imprecise band
TICK_PX = 72  # at least this far apart (a label is at most 70 pixels)


# Windows

def month_end(year, month):
    return (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1))


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Window:
    """The days shown, `start` to `end` inclusive."""

    start: datetime.date
    end: datetime.date

    @property
    def first(self):
        return self.start.toordinal()

    @property
    def stop(self):
        """The ordinal of the day after the window."""
        return self.end.toordinal() + 1

    @property
    def days(self):
        return self.stop - self.first

    @property
    def middle(self):
        return (self.first + self.stop) / 2

    def at(self, ordinal):
        """Where a moment (a day's ordinal, with a fraction for the time of day) lies, from 0 at the
        window's start to 1 at its end."""
        return (ordinal - self.first) / self.days

    def unit(self):
        """("year", n), ("month", n) or ("day", n): the whole units the window is made of."""
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            return "year", self.end.year - self.start.year + 1
        if self.start.day == 1 and self.end == month_end(self.end.year, self.end.month):
            return "month", (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        return "day", self.days

    def params(self):
        """`start` and `end` as the URL writes them: as short as they can be ('2019', '2019-06')."""
        start, end = self.start, self.end
        first = (start.strftime("%Y") if (start.month, start.day) == (1, 1)
                 else start.strftime("%Y-%m") if start.day == 1 else start.isoformat())
        last = (end.strftime("%Y") if (end.month, end.day) == (12, 31)
                else end.strftime("%Y-%m") if end == month_end(end.year, end.month) else end.isoformat())
        return first, last

    def label(self):
        """'2019–2024', 'Jun 2019 – Jan 2024', '3–9 Apr 2023'."""
        unit, _ = self.unit()
        if unit == "year":
            return str(self.start.year) if self.start.year == self.end.year else f"{self.start.year}–{self.end.year}"
        if unit == "month":
            if (self.start.year, self.start.month) == (self.end.year, self.end.month):
                return self.start.strftime("%b %Y")
            if self.start.year == self.end.year:
                return f"{self.start:%b} – {self.end:%b %Y}"
            return f"{self.start:%b %Y} – {self.end:%b %Y}"
        return days_label(self.start, self.end)

    def zoomed(self, factor):
        """The window `factor` times as long about the same middle, in whole units (see `snapped`)."""
        return snapped(self.middle, self.days * factor)

    def panned(self, direction):
        """The window moved a quarter of its length (at least one of its units) earlier (-1) or
        later (+1)."""
        unit, n = self.unit()
        step = max(1, round(n / 4)) * direction
        if unit == "year":
            start, end = self.start.replace(year=self.start.year + step), self.end.replace(year=self.end.year + step)
        elif unit == "month":
            start = add_months(self.start, step)
            last = add_months(self.end, step)
            end = month_end(last.year, last.month)
        else:
            start, end = self.start + datetime.timedelta(days=step), self.end + datetime.timedelta(days=step)
        return within_bounds(start, end)


def within_bounds(start, end):
    """The window moved back inside the dates Python can count (it keeps its length)."""
    if start < FIRST_DAY:
        return Window(FIRST_DAY, FIRST_DAY + (end - start))
    if end > LAST_DAY:
        return Window(LAST_DAY - (end - start), LAST_DAY)
    return Window(start, end)


def days_label(first, last):
    """'28 Apr 2023', '3–9 Apr 2023', '28 Apr – 4 May 2023', '28 Dec 2022 – 3 Jan 2023'."""
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


def snapped(middle, days):
    """A window of about `days` days about the day ordinal `middle`: in whole years when that is
    three years or more, in whole months when three months or more, else in days; never shorter
    than MIN_DAYS nor longer than MAX_DAYS. Whole units keep the URL short and the steps even."""
    days = min(max(days, MIN_DAYS), MAX_DAYS)
    centre = datetime.date.fromordinal(min(max(int(middle), FIRST_DAY.toordinal()), LAST_DAY.toordinal()))
    if days >= 3 * 365.2425:
        years = round(days / 365.2425)
        year_start = datetime.date(centre.year, 1, 1).toordinal()
        at = centre.year + (middle - year_start) / 365.2425
        first = min(max(round(at - years / 2), 1), LAST_DAY.year - years + 1)
        return Window(datetime.date(first, 1, 1), datetime.date(first + years - 1, 12, 31))
    if days >= 3 * 30.436875:
        months = round(days / 30.436875)
        month_start = datetime.date(centre.year, centre.month, 1).toordinal()
        at = centre.year * 12 + centre.month - 1 + (middle - month_start) / 30.436875
        first = round(at - months / 2)
        start = datetime.date(first // 12, first % 12 + 1, 1)
        last = add_months(start, months - 1)
        return within_bounds(start, month_end(last.year, last.month))
    days = round(days)
    start = datetime.date.fromordinal(max(round(middle - days / 2), 1))
    return within_bounds(start, start + datetime.timedelta(days=days - 1))


def covering(first, last):
    """The window a view opens on for events from `first` to `last`: their whole years when they
    run over three calendar years or more, else their whole months (a week at least)."""
    if last.year - first.year >= 2:
        return Window(datetime.date(first.year, 1, 1), datetime.date(last.year, 12, 31))
    window = Window(datetime.date(first.year, first.month, 1), month_end(last.year, last.month))
    return window if window.days >= MIN_DAYS else snapped(window.middle, MIN_DAYS)


def around(first, last):
    """A window with the days `first` to `last` in it and a little room on either side: where a
    cluster zooms to."""
    days = (last - first).days + 1
    if days < MIN_DAYS:
        return snapped((first.toordinal() + last.toordinal() + 1) / 2, MIN_DAYS)
    room = datetime.timedelta(days=max(1, round(days / 10)))
    return within_bounds(max(first - room, FIRST_DAY), min(last + room, LAST_DAY))


def span(index, selected):
    """(first day, last day) of the dated events among `selected` (the first to begin and the end of
    the last to begin), or None when none of them has a date."""
    keys_end = bisect_left(index.keys, UNDATED_KEY)
    if len(selected) < 2_000:
        dated = [index.events[pk] for pk in selected if index.events[pk].date]
        if not dated:
            return None
        return min(f.date for f in dated), max(f.date_end or f.date for f in dated)
    ids = index.ids
    first = next((ids[at] for at in range(keys_end) if ids[at] in selected), None)
    if first is None:
        return None
    last = next(ids[at] for at in range(keys_end - 1, -1, -1) if ids[at] in selected)
    first, last = index.events[first], index.events[last]
    return first.date, last.date_end or last.date


def opening_window(index, selected, start=None, end=None):
    """The window for the `start` and `end` asked for, each falling back to the filters' or the
    selected events' own (see `covering`); None when nothing selected has a date."""
    if not (start and end):
        found = span(index, selected)
        if not found:
            return None
        default = covering(*found)
        start, end = start or default.start, end or default.end
        if start > end:
            return default
    days = (end - start).days + 1
    if days < MIN_DAYS:
        return around(start, end)
    return Window(start, end) if days <= MAX_DAYS else snapped((start.toordinal() + end.toordinal() + 1) / 2, MAX_DAYS)


# Laying out

@dataclass
class Item:
    pk: int
    facts: object  # the index's Facts
    shape: str  # "point" (a day), "range" (days), "band" (known only to the month or year)
    x0: float  # from 0 to 1 across the window
    x1: float
    row: int = 0


@dataclass
class Cluster:
    count: int
    x: float
    first: datetime.date  # the days whose events it counts, where it zooms to
    last: datetime.date


@dataclass
class Lane:
    value: object  # a country code, a person's id or a kind; None for the shared lane
    count: int
    items: list = field(default_factory=list)
    clusters: list = field(default_factory=list)


@dataclass
class Layout:
    window: object
    px: int
    facet: str
    lanes: list
    in_window: int  # selected events the window shows
    values: int  # countries, people or kinds with events in the window
    others: int  # of those, how many share the last lane

    def item_ids(self):
        return {item.pk for lane in self.lanes for item in lane.items}

    def lane_values(self):
        return [lane.value for lane in self.lanes if lane.value is not None]


def shape_of(facts):
    if facts.precision in ("month", "year"):
        return "band"
    return "range" if facts.date_end and facts.date_end > facts.date else "point"


def item(pk, facts, window):
    shape = shape_of(facts)
    start = facts.date.toordinal()
    if shape == "point":
        x = window.at(start + 0.5)
        return Item(pk, facts, shape, x, x)
    return Item(pk, facts, shape, max(window.at(start), 0.0), min(window.at(facts.date_end.toordinal() + 1), 1.0))


def rows(items, px):
    """Put each item in the first of the ROWS rows where it does not overlap the one before it (or,
    where it overlaps in every row, in the row that ends first)."""
    ends = [-math.inf] * ROWS
    for it in sorted(items, key=lambda it: (it.x0, it.pk)):
        left, right = it.x0 * px - RADIUS, max(it.x1 * px + RADIUS, it.x0 * px + RADIUS)
        free = next((r for r in range(ROWS) if ends[r] + 2 <= left), None)
        it.row = free if free is not None else min(range(ROWS), key=ends.__getitem__)
        ends[it.row] = max(ends[it.row], right)
    return items


def bin_edges(window, px):
    """Day ordinals cutting the window into bins of BIN_PX pixels on a grid fixed in time (bins a
    day apart or less share their edges, so some days are a bin of their own)."""
    size = window.days * BIN_PX / px
    edges = {window.first, window.stop}
    k = math.floor(window.first / size) + 1
    while k * size < window.stop:
        edges.add(math.ceil(k * size))
        k += 1
    return sorted(e for e in edges if window.first <= e <= window.stop)


def lay_out(index, selected, window, facet, px=WIDTH):
    """The lanes of the selected events in the window, each bin of each lane as items (ROWS or
    fewer) or a cluster. The lanes are the window's busiest countries or people (LANES_SHOWN of
    them, and one for the rest and the events with none), or its kinds."""
    edges = bin_edges(window, px)
    bins = index.starting(edges)
    bins[0] |= index.ongoing(window.start)  # a month, year or range begun earlier and going on
    if selected is not index.all:
        bins = [b & selected for b in bins]
    in_window = bins[0].union(*bins[1:])
    option = FACETS[facet][0]
    counts = index.counts(option, in_window)
    if option == "kind":
        top = [k for k in KINDS if counts.get(k)]
    else:
        ranked = sorted(counts, key=lambda v: (-counts[v], str(v)))
        top = ranked if len(ranked) <= LANES_SHOWN + 1 else ranked[:LANES_SHOWN]
    members = [(value, index.option(option, value)) for value in top]
    rest = in_window - BitMap.union(BitMap(), *(ids for _, ids in members))
    if rest:
        members.append((None, rest))
    lanes = []
    for value, ids in members:
        lane = Lane(value, ids.intersection_cardinality(in_window))
        placed = []
        for k, found in enumerate(bins):
            n = ids.intersection_cardinality(found) if found else 0
            if not n:
                continue
            if n <= ROWS:
                placed += [item(pk, index.events[pk], window) for pk in ids & found]
            else:
                lane.clusters.append(cluster(index, ids & found, window, edges[k], edges[k + 1]))
        lane.items = rows(placed, px)
        lanes.append(lane)
    return Layout(window, px, facet, lanes, len(in_window), len(counts), len(counts) - len(top))


def cluster(index, ids, window, first, stop):
    """The cluster of the events `ids`, which begin on the days [first, stop) of the window (or
    before it, going on into it): drawn in the middle of those days; it stands for the days its
    events begin on when they are few enough to look at, else for the bin's days."""
    x = window.at((first + stop) / 2)
    if len(ids) <= TIGHTEN:
        starts = [index.events[pk].date for pk in ids]
        return Cluster(len(ids), x, min(starts), max(starts))
    return Cluster(len(ids), x, datetime.date.fromordinal(first), datetime.date.fromordinal(stop - 1))


# Ticks

TICK_UNITS = [("day", 1), ("week", 7), ("month", 1), ("month", 3), ("month", 6),
              *(("year", n) for n in (1, 2, 5, 10, 20, 50, 100))]
UNIT_DAYS = {"day": 1, "week": 1, "month": 30.436875, "year": 365.2425}


def ticks(window, px):
    """(x from 0 to 1, label, whether a year starts there) of the axis's ticks: days, Mondays, months,
    quarters, half-years or years, the finest at least TICK_PX pixels apart."""
    per_day = px / window.days
    unit, n = next(((u, n) for u, n in TICK_UNITS if UNIT_DAYS[u] * n * per_day >= TICK_PX), TICK_UNITS[-1])
    days = []
    if unit in ("day", "week"):
        day = window.start
        if unit == "week":
            day += datetime.timedelta(days=-day.weekday() % 7)
        while day <= window.end:
            days.append(day)
            day += datetime.timedelta(days=n if unit == "day" else 7)
    elif unit == "month":
        day = datetime.date(window.start.year, window.start.month, 1)
        if day < window.start:
            day = add_months(day, 1)
        while (day.month - 1) % n:
            day = add_months(day, 1)
        while day <= window.end:
            days.append(day)
            day = add_months(day, n)
    else:
        year = window.start.year + (window.start > datetime.date(window.start.year, 1, 1))
        year += -year % n
        while year <= window.end.year:
            days.append(datetime.date(year, 1, 1))
            year += n
    found = []
    for i, day in enumerate(days):
        if unit == "year":
            label = str(day.year)
        elif unit == "month":
            label = day.strftime("%b %Y" if i == 0 or day.month == 1 else "%b")
        else:
            label = f"{day.day} {day:%b %Y}" if i == 0 or (day.month, day.day) == (1, 1) else f"{day.day} {day:%b}"
        found.append((window.at(day.toordinal()), label, (day.month, day.day) == (1, 1)))
    return found


# Names, from the database

def lane_names(facet, values):
    """{value: name} of the lanes' countries or people, in one query; the kinds by their label."""
    if facet == "country":
        return dict(Country.objects.filter(code__in=values).values_list("code", "name"))
    if facet == "person":
        return dict(Person.objects.filter(pk__in=values).values_list("pk", "name"))
    return KINDS


def titles(ids):
    return dict(Event.objects.filter(pk__in=ids).values_list("pk", "title"))


# Links and words

class Links:
    """The addresses the axis links to, for the filters (and the axis's state) of `form`."""

    def __init__(self, form, window):
        self.window = window
        self.event = form.link_with("event", view="events:axis")
        self.window_link = form.link_with("start", "end", view="events:axis")
        self.lanes = form.link_with("lanes", view="events:axis")
        self.days_in_list = form.link_with("from", "to", "after", "start", "end", "lanes", "event")
        self.windowed = "start" in form.data or "end" in form.data

    def to(self, window):
        return self.window_link(*window.params())

    def cluster(self, first, last):
        """(where a cluster of events on the days `first` to `last` leads, whether that zooms in):
        a window about those days, or, when the window is as narrow as it gets, the list of them."""
        if self.window.days <= MIN_DAYS:
            return self.days_in_list(first.isoformat(), last.isoformat()), False
        return self.to(around(first, last)), True

    def controls(self, facet):
        """The links that zoom, move and change the lanes: they work without the script, which
        follows the same links for its keys."""
        w = self.window
        return {
            "zoom_in": self.to(w.zoomed(0.5)) if w.days > MIN_DAYS else None,
            "zoom_out": self.to(w.zoomed(2)) if w.days < MAX_DAYS else None,
            "earlier": self.to(w.panned(-1)) if w.start > FIRST_DAY else None,
            "later": self.to(w.panned(1)) if w.end < LAST_DAY else None,
            "whole": self.window_link(None, None) if self.windowed else None,
            "lane_links": [(value, label, self.lanes(value), value == facet) for value, label in LANE_CHOICES],
        }


LANE_CHOICES = [("country", "by country"), ("person", "by person"), ("kind", "by kind")]


def announcement(layout):
    """What a screen reader hears when the window changes."""
    n = layout.in_window
    lanes = len(layout.lanes)
    return (f"{layout.window.label()}: {n:,} event{pluralize(n)}"
            + (f" in {lanes} lane{pluralize(lanes)}" if lanes else ""))


def others_note(layout):
    """Why the last lane holds several countries or people, when it does."""
    if not layout.others:
        return ""
    option, plural = FACETS[layout.facet]
    return (f"The {len(layout.lanes) - 1} {plural} with most events in this window have a lane each; "
            f"the other {layout.others:,} share the last lane with the events that have no {option}.")


# Drawing

def pc(fraction):
    return f"{fraction * 100:.3f}".rstrip("0").rstrip(".") + "%"


def item_name(it, title):
    """'Meeting: Singh meets Shoigu, 28 Apr 2023': what a screen reader says of an item."""
    f = it.facts
    return f"{KINDS[f.kind]}: {title}, {date_label(f.date, f.precision, f.date_end)}"


def cluster_name(c, zooms):
    what = f"{c.count:,} events, {days_label(c.first, c.last)}"
    return f"{what}: zoom in" if zooms else f"{what}: show them in the list"


def height(layout):
    return TOP + len(layout.lanes) * LANE_HEIGHT


def svg(layout, names, titles, links, chosen=None, nominal=False):
    """The axis: ticks, then each lane's name, bands, ranges, points and clusters. Items and
    clusters are links named for a screen reader, in time order lane by lane (the keyboard's order).
    `links` makes their addresses: links.event(pk), links.cluster(first, last) -> (href, zooms).
    `nominal`: drawn for WIDTH pixels, not the width measured, so the stylesheet thins the tick
    labels on a narrow screen."""
    layout_px, parts = layout.px, []
    h = height(layout)
    parts.append(format_html(
        '<svg class="axis-svg{}" width="100%" height="{}" role="group" aria-labelledby="axis-window">'
        '<defs><pattern id="axis-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect class="hatch" width="3" height="6"></rect></pattern></defs>',
        " nominal" if nominal else "", h))
    parts.append('<g class="axis-moving">')
    parts.append('<g class="ticks" aria-hidden="true">')
    for i, (x, label, year) in enumerate(ticks(layout.window, layout_px)):
        thin = " ".join(c for c, every in (("t2", 2), ("t4", 4)) if i % every)
        parts.append(format_html(
            '<line class="{}" x1="{}" x2="{}" y1="{}" y2="{}"></line>',
            "grid year" if year else "grid", pc(x), pc(x), TOP - 6, h))
        if x < 0.93:
            parts.append(format_html('<text class="{}" x="{}" dx="3" y="{}">{}</text>',
                                     thin or "t1", pc(x), TOP - 10, label))
    parts.append("</g>")
    parts.append('<g class="lanes" hx-target="#event-panel" hx-swap="innerHTML">')
    for n, lane in enumerate(layout.lanes):
        top = TOP + n * LANE_HEIGHT
        name = names.get(lane.value, str(lane.value)) if lane.value is not None else others_label(layout)
        parts.append(format_html('<g class="lane" role="group" aria-label="{}: {} event{} in this window">',
                                 name, f"{lane.count:,}", pluralize(lane.count)))
        parts.append(format_html('<rect class="lane-bg{}" x="0" y="{}" width="100%" height="{}"></rect>',
                                 " odd" if n % 2 else "", top, LANE_HEIGHT - 2))
        for it in sorted(lane.items, key=lambda it: (it.shape == "point", it.x0, it.pk)):
            parts.append(draw_item(it, top, lane, titles.get(it.pk, ""), links, chosen))
        for c in lane.clusters:
            parts.append(draw_cluster(c, top, lane, links))
        parts.append("</g>")
    parts.append("</g></g>")
    # The lanes' names stay put while the rest is dragged.
    parts.append('<g class="lane-names" aria-hidden="true">')
    for n, lane in enumerate(layout.lanes):
        name = names.get(lane.value, str(lane.value)) if lane.value is not None else others_label(layout)
        parts.append(format_html('<text class="lane-name" x="4" y="{}">{} · {}</text>',
                                 TOP + n * LANE_HEIGHT + 13, name, f"{lane.count:,}"))
    parts.append("</g></svg>")
    return SafeString("".join(parts))


def others_label(layout):
    plural = FACETS[layout.facet][1]
    if layout.others:
        return f"{layout.others:,} other {plural if layout.others > 1 else layout.facet}, or none"
    return f"No {layout.facet}"


def draw_item(it, top, lane, title, links, chosen):
    y = top + LANE_HEAD + it.row * ROW + ROW / 2
    f = it.facts
    label = item_name(it, title)
    if it.shape == "point":
        mark = format_html('<circle cx="{}" cy="{}" r="{}"></circle>', pc(it.x0), y, RADIUS)
    else:
        mark = format_html('<rect x="{}" y="{}" width="{}" height="{}" rx="{}"></rect>',
                           pc(it.x0), y - BAR / 2, pc(max(it.x1 - it.x0, 0.004)), BAR,
                           BAR / 2 if it.shape == "range" else 1)
    href = links.event(it.pk)
    return format_html(
        '<a class="item {} {}kind-{}{}" href="{}#event-panel" hx-get="{}" data-event="{}" data-focus="e{}-{}"'
        ' aria-label="{}"><title>{}</title>{}</a>',
        it.shape, f"{f.precision} " if it.shape == "band" else "", f.kind, " chosen" if it.pk == chosen else "",
        href, href, it.pk, it.pk, lane.value if lane.value is not None else "others", label, label, mark,
    )


def draw_cluster(c, top, lane, links):
    href, zooms = links.cluster(c.first, c.last)
    label = cluster_name(c, zooms)
    r = min(6 + 2.2 * math.log2(c.count), (ROWS * ROW) / 2)
    y = top + LANE_HEAD + ROWS * ROW / 2
    return format_html(
        '<a class="cluster" href="{}" data-axis-go data-focus="c{}-{}" aria-label="{}"><title>{}</title>'
        '<circle cx="{}" cy="{}" r="{}"></circle><text x="{}" y="{}" text-anchor="middle">{}</text></a>',
        href, c.first.isoformat(), lane.value if lane.value is not None else "others", label, label, pc(c.x), y, f"{r:.1f}", pc(c.x), y + 4,
        f"{c.count:,}" if c.count < 10_000 else f"{c.count // 1000}k",
    )
