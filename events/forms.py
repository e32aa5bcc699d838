"""The timeline's filters: a form bound to request.GET, so every view of the timeline is a URL."""

import datetime
import re
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import quote_plus

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property

from . import axis, cards, search, timeline_index
from .models import Country, Event, Person, Topic, period

PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# The person facet lists this many people, those with most events (a search box finds others).
PEOPLE_SHOWN = 50
URL_SAFE = re.compile(r"[A-Za-z0-9_.-]*")
# The event the next chunk follows: its date, precision rank and id; with words searched, first
# where they were found in it ("t1." for search.DETAILS), since each part of the ranking runs in date order.
CURSOR = re.compile(r"(?:t([0-2])\.)?([0-9]{4}-[0-9]{2}-[0-9]{2}|undated)\.([0-9])\.([0-9]{1,18})")
# The parts of a search's results, the best first, as the timeline heads them.
FOUND_IN = {
    search.REPORTS: "Found in titles and reports",
    search.DETAILS: "Found in their people, topics or places",
    search.ARTICLES: "Found elsewhere in the articles",
}


class Cursor(NamedTuple):
    date: datetime.date | None
    rank: int
    pk: int
    where: int | None = None  # see CURSOR


def cursor_of(event, where=None):
    """The `after` cursor that starts the timeline after this event (or card): what CURSOR reads."""
    found = "" if where is None else f"t{where}."
    return f"{found}{event.date.isoformat() if event.date else 'undated'}.{event.date_precision_rank}.{event.pk}"


def encoded(value):
    """A query string value as urlencode writes it; dates and numbers, most of them, as they are."""
    value = str(value)
    return value if URL_SAFE.fullmatch(value) else quote_plus(value)


class PartialDateField(forms.Field):
    """'2023', '2023-04' or '2023-04-28', cleaned to the first day of that period (or its last day,
    for the end of a range), so `?from=2023&to=2023` reads as "during 2023"."""

    def __init__(self, *, last=False, **kwargs):
        self.last = last
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        match = PARTIAL_DATE.fullmatch(value)
        if not match:
            raise forms.ValidationError("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.")
        year, month, day = match.groups()
        try:
            date = datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            raise forms.ValidationError("That date does not exist.") from None
        first, last = period(date, "day" if day else "month" if month else "year")
        return last if self.last else first


class CountryCodesField(forms.MultipleChoiceField):
    """Repeatable ISO 3166-1 alpha-2 codes, in any case."""

    default_error_messages = {"invalid_choice": "%(value)s is not a two-letter country code."}

    def to_python(self, value):
        return [code.upper() for code in super().to_python(value)]

    def valid_value(self, value):
        return bool(re.fullmatch(r"[A-Z]{2}", value))


@dataclass
class Option:
    facet: str
    value: str
    label: str
    count: int
    selected: bool

    @property
    def disabled(self):
        """A choice of one (a radio) that would empty the page: not offered, unless already made."""
        return not self.count and not self.selected

    @property
    def dom_id(self):
        return f"n-{self.facet}-{self.value}"


@dataclass
class Chip:
    """A filter that is on, with the link that takes it off and how many events that would give."""

    label: str
    value: str
    href: str
    without: int


# Each filter's query parameter: its argument of `filters()`, and its set in `Index.sets`.
PARAMETERS = {
    "country": ("countries", "countries"), "person": ("person", "person"), "topic": ("topic", "topic"),
    "kind": ("kind", "kind"), "from": ("start", "dates"), "to": ("end", "dates"), "q": ("text", "text"),
    "review": ("needs_review", "needs_review"),
}


class TimelineFilterForm(forms.Form):
    country = CountryCodesField(required=False)
    person = forms.IntegerField(required=False, min_value=1)
    topic = forms.SlugField(required=False)
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *Event.Kind.choices])
    q = forms.CharField(required=False, max_length=200, label="Search")
    review = forms.BooleanField(required=False, label="Needs review")
    # Where the next chunk of the timeline starts; not a filter.
    after = forms.CharField(required=False)
    # Words narrowing the person filter's list of people (names and aliases); not a filter either.
    who = forms.CharField(required=False, max_length=100, label="Find a person")
    NOT_FILTERS = ("after", "who")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` is a Python keyword, so these two cannot be declared on the class.
        self.fields["from"] = PartialDateField(label="From")
        self.fields["to"] = PartialDateField(label="To", last=True)

    def clean_after(self):
        match = CURSOR.fullmatch(self.cleaned_data["after"])
        if not match:
            return None  # a mangled cursor starts the timeline from the beginning
        where, date, rank, pk = match.groups()
        try:
            day = None if date == "undated" else datetime.date.fromisoformat(date)
        except ValueError:
            return None
        return Cursor(day, int(rank), int(pk), None if where is None else int(where))

    def clean(self):
        data = super().clean()
        start, end = data.get("from"), data.get("to")
        if start and end and end < start:
            # Both left out, and said so beside them: not a silently empty timeline.
            del data["from"], data["to"]
            self.add_error("to", forms.ValidationError(
                "%(to)s is before %(from)s: the dates are the wrong way round, so they were left out.",
                code="reversed", params={"to": self.data["to"], "from": self.data["from"]},
            ))
        return data

    def swapped_dates_link(self):
        """The timeline with a reversed date range put the right way round, or None."""
        if self.is_bound and self.has_error("to", "reversed"):
            return self.link(**{"from": self.data["to"], "to": self.data["from"], "after": None})
        return None

    def filters(self, *leave_out):
        """The filters as keyword arguments for `Event.objects.matching`; a filter whose value does not
        clean is left out (and its error shown) rather than emptying or widening the whole result."""
        data = self.cleaned
        filters = {
            "countries": data.get("country") or [],
            "person": data.get("person"),
            "topic": data.get("topic"),
            "kind": data.get("kind"),
            "start": data.get("from"),
            "end": data.get("to"),
            "text": data.get("q", ""),
            "needs_review": data.get("review", False),
        }
        for name in leave_out:
            del filters[name]
        return filters

    def events(self):
        """The events these filters select, in date order."""
        return Event.objects.matching(**self.filters()).chronological()

    @property
    def cleaned(self):
        """The values that cleaned; an unbound form has none."""
        self.is_valid()
        return getattr(self, "cleaned_data", {})

    @property
    def cursor(self):
        return self.cleaned.get("after")

    @cached_property
    def found(self):
        """What the words searched match, by where they were found (search.Found); None without words."""
        text = self.cleaned.get("q")
        return search.found(text) if text else None

    @cached_property
    def selection(self):
        """{filter name: ids it lets through} from the timeline index, read once per form."""
        filters = self.filters()
        if self.found is not None:
            filters["text"] = self.found
        with timeline_index.current() as index:
            return index.sets(**filters)

    def ranked(self, index):
        """[(where the words were found, ids)] of the events these filters select, the best first
        (search.REPORTS, DETAILS, ARTICLES); without words, [(None, all of them)]. Each part runs in
        timeline order, so a title's match never drowns among the articles' many."""
        selected = index.matching(self.selection)
        if self.found is None:
            return [(None, selected)]
        return [(where, selected & self.found.only(where)) for where in FOUND_IN]

    def page(self, size):
        """The cards of the chunk of the timeline after the cursor, and the cursor of the next chunk
        (None at the end)."""
        chunk, cursor = self.ranked_page(size)
        return [card for _, card in chunk], cursor

    def ranked_page(self, size):
        """`page`, each card as (where the words searched were found in it or None, card)."""
        cursor, picked = self.cursor, []
        with timeline_index.current(refresh=False) as index:
            for where, ids in self.ranked(index):
                if cursor and where is not None and (cursor.where or 0) > where:
                    continue  # a part the earlier chunks went through
                after = cursor[:3] if cursor and cursor.where == where else None
                picked += [(where, pk) for pk in index.ids_after(ids, after, size + 1 - len(picked))]
                if len(picked) > size:
                    break
        found = cards.load([pk for _, pk in picked])
        chunk = [(where, found[pk]) for where, pk in picked if pk in found]
        if len(picked) <= size:
            return chunk, None
        where, last = chunk[size - 1]
        return chunk[:size], cursor_of(last, where)

    def found_counts(self):
        """{where: how many of the selected events the words were found in there, and not better}."""
        with timeline_index.current(refresh=False) as index:
            return {where: len(ids) for where, ids in self.ranked(index) if where is not None}

    def count(self):
        """How many events these filters select."""
        with timeline_index.current(refresh=False) as index:
            return len(index.matching(self.selection))

    def per_month(self):
        """(year, month, precision, count) rows for the overview strip: the events under every filter
        but the dates, whose range the strip shows inside the whole span."""
        with timeline_index.current(refresh=False) as index:
            return index.per_month(index.matching(self.selection, leave_out={"dates"}))

    def people_shown(self, index):
        """The ids of the people the person filter lists: the PEOPLE_SHOWN with most events or, with
        words to find people by (`who`), those whose name holds them and then those whose aliases
        do, the busiest first in each; and the one chosen."""
        data = self.cleaned
        if data.get("who"):
            by_name, by_alias = search.people(data["who"])
            named, options = set(by_name), index.options["person"]
            people = sorted((pk for pk in [*by_name, *by_alias] if pk in options),
                            key=lambda pk: (pk not in named, -len(options[pk])))[:PEOPLE_SHOWN]
        else:
            people = index.busiest("person", PEOPLE_SHOWN)
        if data.get("person") and data["person"] not in people:
            people = [*people, data["person"]]
        return people

    def facets(self):
        """Every option of every filter with the number of events it gives under the other filters
        (the people: see `people_shown`). Options are those with any event at all, so they do not
        come and go as filters change."""
        data, selection = self.cleaned, self.selection  # the selection brings the index up to date
        counts = {}
        with timeline_index.current(refresh=False) as index:
            people = self.people_shown(index)
            for facet, filter_name, values in (("country", "countries", None), ("person", "person", people),
                                               ("topic", "topic", None), ("kind", "kind", None),
                                               ("review", "needs_review", None)):
                counts[facet] = index.counts(facet, index.matching(selection, leave_out={filter_name}), values)
            listed = {facet: list(index.options[facet]) for facet in ("country", "topic")}
        countries = Country.objects.filter(code__in=listed["country"])
        topics = Topic.objects.filter(pk__in=listed["topic"])
        ranked = {pk: n for n, pk in enumerate(people)}
        people = Person.objects.filter(pk__in=people).only("name")
        if data.get("who"):
            people = sorted(people, key=lambda p: ranked[p.pk])
        return {
            "country": [
                Option("country", c.code, c.name, counts["country"].get(c.code, 0), c.code in data.get("country", []))
                for c in countries
            ],
            "person": [
                Option("person", str(p.pk), p.name, counts["person"].get(p.pk, 0), p.pk == data.get("person"))
                for p in people
            ],
            "topic": [
                Option("topic", t.slug, t.name, counts["topic"].get(t.pk, 0), t.slug == data.get("topic")) for t in topics
            ],
            "kind": [
                Option("kind", k, label, counts["kind"].get(k, 0), k == data.get("kind")) for k, label in Event.Kind.choices
            ],
            "review": counts["review"].get(True, 0),
        }

    def chips(self, facets):
        """The filters that are on (each country on its own), in the order of the form, as Chips;
        named as `facets` (what `facets()` gives) names their options."""
        data, shown = self.cleaned, []
        labels = {(o.facet, o.value): o.label for facet in ("country", "person", "topic") for o in facets[facet]}
        shown += [("country", code, "Country", labels.get(("country", code), code)) for code in data.get("country") or []]
        if data.get("person"):
            shown.append(("person", None, "Person", labels.get(("person", str(data["person"])), f"#{data['person']}")))
        if data.get("topic"):
            shown.append(("topic", None, "Topic", labels.get(("topic", data["topic"]), data["topic"])))
        if data.get("kind"):
            shown.append(("kind", None, "Kind", Event.Kind(data["kind"]).label))
        for name, label in (("from", "From"), ("to", "To")):
            if data.get(name):
                shown.append((name, None, label, self.data[name]))
        if data.get("q"):
            shown.append(("q", None, "Words", data["q"]))
        if data.get("review"):
            shown.append(("review", None, "Needs review", "only"))
        with timeline_index.current(refresh=False) as index:
            return [Chip(label, value, self.link_without(name, code), self.count_without(index, name, code))
                    for name, code, label, value in shown]

    def count_without(self, index, name, code=None):
        """How many events these filters would select without the filter `name` (or, for a
        country, without that one)."""
        argument, key = PARAMETERS[name]
        filters = self.filters()
        filters[argument] = [c for c in filters["countries"] if c != code] if name == "country" else None
        affected = ("start", "end") if key == "dates" else (argument,)
        sets = {k: v for k, v in self.selection.items() if k != key}
        sets |= index.sets(**{a: filters[a] for a in affected})
        return len(index.matching(sets))

    def link_without(self, name, code=None):
        """The timeline's URL for these filters without the filter `name` (or one country's code)."""
        query = self.data.copy()
        query.pop("after", None)
        if name == "country":
            query.setlist(name, [value for value in query.getlist(name) if value.upper() != code])
        else:
            query.pop(name, None)
        return reverse("events:timeline") + (f"?{query.urlencode()}" if query else "")

    def link(self, view="events:timeline", **changes):
        """The timeline's URL (or another view's of the same filters) for these filters with some
        parameters changed (None removes one)."""
        return self.link_with(*changes, view=view)(*changes.values())

    def link_with(self, *names, view="events:timeline"):
        """A function of values for `names` making the timeline's URL (or the named view's) with
        those parameters changed (None, or no value at all, removes one); the rest is encoded once,
        for the overview's hundreds of links."""
        rest = self.data.copy()
        for name in names:
            rest.pop(name, None)
        rest, base = rest.urlencode(), reverse(view)

        def link(*values):
            changed = "&".join(f"{encoded(n)}={encoded(v)}" for n, v in zip(names, values) if v is not None)
            query = "&".join(filter(None, [rest, changed]))
            return base + (f"?{query}" if query else "")

        return link


class AxisForm(forms.Form):
    """The time axis's own state beside the timeline's filters: the window of time shown (`start`
    and `end` as the filters' dates are written), what the lanes are, the event chosen, and the
    width in pixels the script measured (the page's links leave it out)."""

    start = PartialDateField(label="Start")
    end = PartialDateField(label="End", last=True)
    lanes = forms.ChoiceField(required=False, choices=axis.LANE_CHOICES)
    event = forms.IntegerField(required=False, min_value=1)
    px = forms.IntegerField(required=False, min_value=240, max_value=4000)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            del data["start"], data["end"]
            raise forms.ValidationError("The window ends before it starts.")
        return data

    cleaned = TimelineFilterForm.cleaned
