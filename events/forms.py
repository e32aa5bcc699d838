"""The timeline's filters: a form bound to request.GET, so every view of the timeline is a URL."""

import datetime
import re
from dataclasses import dataclass

from django import forms
from django.db.models import Count, Q
from django.urls import reverse

from .models import Country, Event, Person, Topic, period

PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
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

    def facets(self):
        """Every option of every filter with the number of events it gives under the other filters."""
        data = self.cleaned

        def under(*others):
            return Event.objects.matching(**self.filters(*others))

        def counted(model, events):
            # Every option that has any event, so options do not come and go as filters change.
            return model.objects.annotate(
                n=Count("events", filter=Q(events__in=events), distinct=True), total=Count("events")
            ).filter(total__gt=0).order_by("name")

        countries = counted(Country, under("countries"))
        people = counted(Person, under("person"))
        topics = counted(Topic, under("topic"))
        kinds = dict(under("kind").values_list("kind").annotate(n=Count("id")).order_by())
        return {
            "country": [Option("country", c.code, c.name, c.n, c.code in data.get("country", [])) for c in countries],
            "person": [Option("person", str(p.pk), p.name, p.n, p.pk == data.get("person")) for p in people],
            "topic": [Option("topic", t.slug, t.name, t.n, t.slug == data.get("topic")) for t in topics],
            "kind": [
                Option("kind", k, label, kinds.get(k, 0), k == data.get("kind")) for k, label in Event.Kind.choices
            ],
            "review": under("needs_review").filter(needs_review=True).count(),
        }

    def link(self, **changes):
        """The timeline's URL for these filters with some parameters changed (None removes one)."""
        query = self.data.copy()
        for name, value in changes.items():
            query.pop(name, None)
            if value is not None:
                query[name] = value
        query = query.urlencode()
        return reverse("events:timeline") + (f"?{query}" if query else "")
