"""The timeline's filters: a form bound to request.GET, so every view of the timeline is a URL."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.functional import cached_property

from .models import Country, Event, Person, Tally, Topic, period

PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# The person facet lists this many people, those with most events (a search box finds others).
PEOPLE_SHOWN = 50
CURSOR = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}|undated)\.([0-9])\.([0-9]{1,18})")


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
    def dom_id(self):
        return f"n-{self.facet}-{self.value}"


class TimelineFilterForm(forms.Form):
    country = CountryCodesField(required=False)
    person = forms.IntegerField(required=False, min_value=1)
    topic = forms.SlugField(required=False)
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *Event.Kind.choices])
    q = forms.CharField(required=False, max_length=200, label="Search titles and reports")
    review = forms.BooleanField(required=False, label="Needs review")
    # Where the next chunk of the timeline starts; not a filter.
    after = forms.CharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # `from` is a Python keyword, so these two cannot be declared on the class.
        self.fields["from"] = PartialDateField(label="From")
        self.fields["to"] = PartialDateField(label="To", last=True)

    def clean_after(self):
        match = CURSOR.fullmatch(self.cleaned_data["after"])
        if not match:
            return None  # a mangled cursor starts the timeline from the beginning
        date, rank, pk = match.groups()
        try:
            day = None if date == "undated" else datetime.date.fromisoformat(date)
        except ValueError:
            return None
        return (day, int(rank), int(pk))

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

    def page(self, size):
        """The chunk of the timeline after the cursor, and the cursor of the next chunk (None at the end)."""
        events = Event.objects.matching(**self.filters()).in_timeline_order().for_cards()
        if self.cursor:
            events = events.after(*self.cursor)
        chunk = list(events[: size + 1])
        if len(chunk) <= size:
            return chunk, None
        last = chunk[size - 1]
        return chunk[:size], f"{last.date.isoformat() if last.date else 'undated'}.{last.date_precision_rank}.{last.pk}"

    def count(self):
        """How many events these filters select, read off the kind facet's counts: every event has
        one kind, so no query of its own."""
        kind = self.cleaned.get("kind")
        return self.kinds.get(kind, 0) if kind else sum(self.kinds.values())

    @cached_property
    def kinds(self):
        """{kind: events} under the filters other than the kind."""
        if not any(self.filters("kind").values()):
            return self.tallies.get("kind", {})
        return dict(Event.objects.matching(**self.filters("kind")).values_list("kind").annotate(n=Count("id")).order_by())

    @cached_property
    def tallies(self):
        """{facet: {value: events}} over the whole timeline, for the facets with a handful of options."""
        tallies = {}
        rows = Tally.objects.filter(facet__in=["kind", "review"], events__gt=0).values_list("facet", "value", "events")
        for facet, value, n in rows:
            tallies.setdefault(facet, {})[value] = n
        return tallies

    def per_month(self):
        """(year, month, precision, count) rows for the overview strip: the events under every filter
        but the dates, whose range the strip shows inside the whole span."""
        if not any(self.filters("start", "end").values()):
            rows = Tally.objects.of("month").items()
            return [(int(key[:4]), int(key[5:7]), key[8:], n) for key, n in rows]
        return Event.objects.matching(**self.filters("start", "end")).per_month()

    def facets(self):
        """Every option of every filter with the number of events it gives under the other filters
        (the people: the PEOPLE_SHOWN with most events, and the one chosen). Options are those with
        any event at all, so they do not come and go as filters change. Where no other filter is
        set, the counts are the tallies the database keeps; otherwise one GROUP BY per facet."""
        data = self.cleaned

        def with_total(options, facet, key="pk"):
            tally = Tally.objects.filter(facet=facet, value=Cast(OuterRef(key), models.CharField()))
            return options.annotate(total=Subquery(tally.values("events")[:1])).filter(total__gt=0)

        def counted(options, through, column, filter_name):
            """{option: events} under the filters other than `filter_name`; with none, the totals."""
            if not any(self.filters(filter_name).values()):
                return {o.pk: o.total for o in options}
            events = Event.objects.matching(**self.filters(filter_name)).values("pk")
            rows = through.objects.filter(event_id__in=events, **{f"{column}__in": [o.pk for o in options]})
            return dict(rows.values_list(column).annotate(n=Count("*")).order_by())

        countries = list(with_total(Country.objects.all(), "country", "code"))
        topics = list(with_total(Topic.objects.all(), "topic"))
        most = Tally.objects.filter(facet="person", events__gt=0).order_by("-events", "value")[:PEOPLE_SHOWN]
        people = list(with_total(
            Person.objects.filter(Q(pk__in=most.values(pk=Cast("value", models.BigIntegerField()))) | Q(pk=data.get("person"))),
            "person",
        ).only("name"))
        country_counts = counted(countries, Event.countries.through, "country_id", "countries")
        topic_counts = counted(topics, Event.topics.through, "topic_id", "topic")
        person_counts = counted(people, Event.participants.through, "person_id", "person")
        if any(self.filters("needs_review").values()):
            review = Event.objects.matching(**self.filters("needs_review")).filter(needs_review=True).count()
        else:
            review = self.tallies.get("review", {}).get("", 0)
        return {
            "country": [
                Option("country", c.code, c.name, country_counts.get(c.code, 0), c.code in data.get("country", []))
                for c in countries
            ],
            "person": [
                Option("person", str(p.pk), p.name, person_counts.get(p.pk, 0), p.pk == data.get("person"))
                for p in people
            ],
            "topic": [
                Option("topic", t.slug, t.name, topic_counts.get(t.pk, 0), t.slug == data.get("topic")) for t in topics
            ],
            "kind": [
                Option("kind", k, label, self.kinds.get(k, 0), k == data.get("kind")) for k, label in Event.Kind.choices
            ],
            "review": review,
        }

    def link(self, **changes):
        """The timeline's URL for these filters with some parameters changed (None removes one)."""
        return self.link_with(*changes)(*changes.values())

    def link_with(self, *names):
        """A function of values for `names` making the timeline's URL with those parameters changed
        (None, or no value at all, removes one); the rest is encoded once, for the overview's
        hundreds of links."""
        rest = self.data.copy()
        for name in names:
            rest.pop(name, None)
        rest, base = rest.urlencode(), reverse("events:timeline")

        def link(*values):
            query = "&".join(filter(None, [rest, urlencode([(n, v) for n, v in zip(names, values) if v is not None])]))
            return base + (f"?{query}" if query else "")

        return link
