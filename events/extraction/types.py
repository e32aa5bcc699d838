"""Plain data passed along the extraction pipeline: no ORM, so every step is a pure function."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0
    is_headline: bool = False


@dataclass
class DateValue:
    """A date at its honest precision; `date` is None when precision is 'unknown'."""

    date: datetime.date | None = None
    precision: str = "unknown"
    evidence: str = ""
    weekday: int | None = None  # a weekday the text names, kept even when the date is unknown
    end: datetime.date | None = None  # the last day of a range of days ("March 20-22"); None for one day
    month_day: tuple | None = None  # (month, day) the text names without a year, kept when the date is unknown

    @property
    def known(self):
        return self.precision != "unknown"

    def iso(self):
        if not self.known:
            return None
        return self.date.strftime({"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[self.precision])


@dataclass
class PersonRef:
    """A person as one document names them."""

    name: str
    country: str | None = None
    role: str = ""
    forms: set = field(default_factory=set)


@dataclass
class PlaceRef:
    name: str
    country: str | None


@dataclass
class ExtractedEvent:
    kind: str
    title: str
    spans: list  # of Span, sentence-level, in document order
    date: DateValue
    participants: list  # of PersonRef
    venue: PlaceRef | None = None
    countries: list = field(default_factory=list)  # ISO codes
    topics: list = field(default_factory=list)  # topic slugs
    review: list = field(default_factory=list)  # readable reasons to review
    names_in_full: bool = True  # the passage names its people in full, not only "Shoigu" or "he"
    placed_elsewhere: bool = False  # the passage names a place the gazetteer does not know: no guess
    remote: bool = False  # a phone call or video conference: held nowhere
    venue_stated: bool = True  # the passage says where; False when it is where the report is set
    welcome: bool = False  # a welcome on arrival: part of the traveller's visit, with who received them


@dataclass
class DocumentExtraction:
    title: str
    published: datetime.date | None
    published_source: str
    events: list  # of ExtractedEvent
    sentences: list = field(default_factory=list)
