"""What the timeline stores: documents as given, the people, places and topics they name, and the
events they report, each event linked to the exact passages that back it."""

import calendar
import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone


class Country(models.Model):
    """An ISO 3166-1 country; rows are created on demand from pycountry's names."""

    code = models.CharField(max_length=2, primary_key=True, help_text="ISO 3166-1 alpha-2 code")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"
        constraints = [models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso2")]

    def __str__(self):
        return self.name


class Document(models.Model):
    class DateSource(models.TextChoices):
        HEADER = "header", "date header"
        DATELINE = "dateline", "dateline"
        BYLINE = "byline", "byline"
        USER = "user", "given at ingest"
        EDITOR = "editor", "set by an editor"
        PAGE = "page", "the web page's own metadata"
        UNKNOWN = "unknown", "unknown"

    text = models.TextField(help_text="The text exactly as given (a web page's article text); never altered.")
    title = models.CharField(max_length=500, blank=True)
    published = models.DateField(null=True, blank=True, help_text="Publication date, the anchor for relative dates.")
    published_source = models.CharField(max_length=10, choices=DateSource, default=DateSource.UNKNOWN)
    published_evidence = models.CharField(
        max_length=300, blank=True, default="", help_text="Where on the web page the date was found (JSON-LD, a meta tag, its address…)."
    )
    outlet = models.CharField(max_length=200, null=True, blank=True)
    author = models.CharField(max_length=300, blank=True, default="")
    url = models.CharField(
        max_length=2000, blank=True, default="", help_text="The canonical address of the web page it came from, if any."
    )
    filename = models.CharField(max_length=500, help_text="The file or address it came from.")
    sha256 = models.CharField(max_length=64, unique=True, editable=False)
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published", "filename"]
        constraints = [
            # One article reached by two addresses, or as a saved file and by its address, is one document.
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="unique_document_url"),
        ]

    def __str__(self):
        return self.title or self.filename

    def save(self, *args, **kwargs):
        self.sha256 = self.hash_text(self.text)
        super().save(*args, **kwargs)

    @staticmethod
    def hash_text(text):
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_absolute_url(self):
        return reverse("events:document", args=[self.pk])


class Person(models.Model):
    name = models.CharField(max_length=200)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="people")
    role = models.CharField(max_length=200, blank=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other forms of the name seen in reports.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:person", args=[self.pk])

    def add_aliases(self, names):
        known = {a.casefold() for a in self.aliases} | {self.name.casefold()}
        new = [n for n in names if n and n.casefold() not in known]
        self.aliases = sorted({*self.aliases, *new})
        return bool(new)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.sync_keys()

    def name_keys(self):
        from .extraction.names import name_keys

        return {key for form in [self.name, *self.aliases] for key in name_keys(form)}

    def sync_keys(self):
        """Index the words of the name and aliases, so ingest finds a person without a scan."""
        wanted = self.name_keys()
        self.keys.exclude(key__in=wanted).delete()
        PersonKey.objects.bulk_create(
            [PersonKey(person=self, key=k) for k in sorted(wanted)], ignore_conflicts=True
        )


class PersonKey(models.Model):
    """One word of a person's name or aliases, in its phonetic spelling (events.extraction.names)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=100, db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "key"], name="unique_person_key")]

    def __str__(self):
        return self.key


class Place(models.Model):
    name = models.CharField(max_length=200)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="places")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "country"], name="unique_place_per_country")]

    def __str__(self):
        return f"{self.name}, {self.country.name}" if self.country_id and self.name != self.country.name else self.name


class Topic(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    keywords = models.JSONField(default=list, blank=True, help_text="Words or phrases that tag a passage with this topic.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class EventQuerySet(models.QuerySet):
    def chronological(self):
        # Undated events last; within a day, coarser precision after finer.
        return self.order_by(models.F("date").asc(nulls_last=True), "date_precision_rank", "id")

    def between(self, start=None, end=None):
        """Events whose date period overlaps [start, end]; undated events are left out."""
        qs = self
        if start:
            qs = qs.filter(date_end__gte=start)
        if end:
            qs = qs.filter(date__lte=end)
        return qs

    def in_countries(self, codes):
        # A subquery rather than a join: no duplicate rows, so no DISTINCT to get in the way of
        # counting and grouping the result.
        if not codes:
            return self
        return self.filter(pk__in=Event.countries.through.objects.filter(country_id__in=codes).values("event_id"))

    def with_person(self, person_id):
        return self.filter(participants__id=person_id) if person_id else self

    def with_topic(self, slug):
        return self.filter(topics__slug=slug) if slug else self

    def containing(self, text, within=None):
        """Events in which every word of the text is found (a word matches the words it begins,
        ignoring case and accents): in their titles or backing passages, their people, topics and
        places, or the reporting documents' text; `within` (search.REPORTS, DETAILS) looks no
        further than that. Through the database's full-text indexes (events/search.py)."""
        from . import search

        return search.matching(self, text, search.ARTICLES if within is None else within) if text else self

    def matching(self, countries=(), person=None, topic=None, kind=None, start=None, end=None, text="",
                 needs_review=False):
        """Events that pass every filter given; a filter left empty lets everything through."""
        qs = self.in_countries(countries).with_person(person).with_topic(topic).between(start, end).containing(text)
        if kind:
            qs = qs.filter(kind=kind)
        if needs_review:
            qs = qs.filter(needs_review=True)
        return qs

    def in_timeline_order(self):
        """The order the timeline reads in: by date, undated last, and on a period's first day the
        coarser period first (the year, then the month, then the day), so that events known only to
        the year or month open their group instead of splitting it. `sort_date` is the date with
        undated events at the end of time, so the `event_timeline` index serves this order as it is."""
        return self.order_by("sort_date", F("date_precision_rank").desc(), "id")

    def with_source_counts(self):
        return self.annotate(source_count=Count("sources", distinct=True))


# Where undated events sort: after every date.
UNDATED = datetime.date(9999, 12, 31)


class Event(models.Model):
    class Kind(models.TextChoices):
        MEETING = "meeting"
        VISIT = "visit"
        AGREEMENT = "agreement"
        STATEMENT = "statement"
        SUMMIT = "summit"
        OTHER = "other"

    class Precision(models.TextChoices):
        DAY = "day"
        MONTH = "month"
        YEAR = "year"
        UNKNOWN = "unknown"

    PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
    # Fields an editor can change; once changed they belong to the editor and ingest leaves them be.
    CURATED_FIELDS = ["title", "kind", "date", "venue", "participants", "topics", "countries", "needs_review"]

    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.OTHER)
    date = models.DateField(null=True, blank=True, help_text="First day of the period the date names.")
    date_end = models.DateField(
        null=True, blank=True, editable=False, help_text="Last day of that period, or of a range of days."
    )
    date_precision = models.CharField(max_length=7, choices=Precision, default=Precision.UNKNOWN)
    date_precision_rank = models.PositiveSmallIntegerField(default=3, editable=False)
    sort_date = models.GeneratedField(
        expression=Coalesce("date", Value(UNDATED)), output_field=models.DateField(), db_persist=True
    )
    date_evidence = models.TextField(blank=True, help_text="How the date was derived.")
    venue = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    participants = models.ManyToManyField(Person, blank=True, related_name="events")
    topics = models.ManyToManyField(Topic, blank=True, related_name="events")
    countries = models.ManyToManyField(Country, blank=True, related_name="events")
    needs_review = models.BooleanField(default=False)
    review_reason = models.TextField(blank=True)
    reviewed = models.BooleanField(default=False, help_text="An editor has checked this event.")
    edited_fields = models.JSONField(
        default=list, blank=True, editable=False, help_text="Fields an editor changed; ingest never overwrites them."
    )
    # Null rather than {} by default: a column with a default makes SQLite rebuild events_event, which
    # would drop the triggers of migrations 0003 and 0006.
    edits = models.JSONField(
        null=True, blank=True, editable=False,
        help_text='Who set each field in edited_fields, and when: {field: {"by": username, "at": ISO time}}.',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "date_precision_rank", "id"]
        indexes = [
            models.Index(fields=["date", "date_precision_rank", "id"], name="event_chronology"),
            models.Index(fields=["sort_date", "-date_precision_rank", "id"], name="event_timeline"),
            models.Index(fields=["needs_review"], condition=Q(needs_review=True), name="event_needs_review"),
            models.Index(fields=["date_end"], name="event_date_end"),
            models.Index(fields=["kind"], name="event_kind"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_precision="unknown", date__isnull=True)
                | (~Q(date_precision="unknown") & Q(date__isnull=False)),
                name="event_date_matches_precision",
            ),
            models.CheckConstraint(
                condition=Q(date_end__isnull=True) | Q(date_end__gte=models.F("date")), name="event_date_end_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event", args=[self.pk])

    def save(self, *args, **kwargs):
        self.set_period()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"date", "date_precision"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "date_end", "date_precision_rank"}
        super().save(*args, **kwargs)

    def set_period(self):
        """The fields that follow from the date and its precision; save() calls this, and code that
        bulk-creates events must too."""
        start, end = period(self.date, self.date_precision)
        if self.date_precision == "day" and self.date_end and start and self.date_end > start:
            end = self.date_end  # a range of days ("March 14-15"): its last day
        self.date, self.date_end = start, end
        self.date_precision_rank = self.PRECISION_RANK[self.date_precision]

    @property
    def date_label(self):
        return date_label(self.date, self.date_precision, self.date_end)

    @property
    def date_iso(self):
        return date_iso(self.date, self.date_precision)

    def mark_edited(self, fields, by=None):
        """Make these fields the editor's: ingest leaves them be (`edited_fields`), and `by` (a user)
        is recorded as having set each of them now (`edits`)."""
        fields = set(fields)
        self.edited_fields = sorted({*self.edited_fields, *fields})
        if by is not None and fields:
            now = timezone.now().isoformat(timespec="seconds")
            self.edits = {**(self.edits or {}), **{name: {"by": by.get_username(), "at": now} for name in sorted(fields)}}

    def edit_of(self, name):
        """(username, datetime) of the editor who last set this field, if that was recorded."""
        record = (self.edits or {}).get(name)
        if not record:
            return None
        return record["by"], datetime.datetime.fromisoformat(record["at"])


ISO_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def period(date, precision):
    """The first and last day of the period a date names at its precision."""
    if date is None or precision == "unknown":
        return None, None
    if precision == "year":
        return datetime.date(date.year, 1, 1), datetime.date(date.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(date.year, date.month)[1]
        return datetime.date(date.year, date.month, 1), datetime.date(date.year, date.month, last)
    return date, date


def date_iso(date, precision):
    """'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or None, as precise as the evidence allows."""
    if date is None or precision == "unknown":
        return None
    return date.strftime(ISO_FORMATS[precision])


# What an event known only to its year lacks, in the same words wherever it is shown: under its year's
# heading on the timeline, on its card and in every export.
MONTH_UNKNOWN = "month unknown"


def date_label(date, precision, end=None):
    """"28 Apr 2023", "20–22 Mar 2023" (a range of days), "Sep 2020", "2021, month unknown"."""
    if date is None or precision == "unknown":
        return "Date unknown"
    if precision == "year":
        return f"{date.year}, {MONTH_UNKNOWN}"
    if precision == "month":
        return date.strftime("%b %Y")
    if end and end > date:
        if (end.year, end.month) == (date.year, date.month):
            return f"{date.day}–{end.day} {date.strftime('%b %Y')}"
        return f"{date.day} {date.strftime('%b')} – {end.day} {end.strftime('%b %Y')}"
    return f"{date.day} {date.strftime('%b %Y')}"


class Source(models.Model):
    """One passage of a document that reports an event: document.text[start:end]."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sources")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sources")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # What this passage itself says of the date, so reports can be compared and re-resolved.
    claimed_date = models.DateField(null=True, blank=True)
    claimed_precision = models.CharField(max_length=7, choices=Event.Precision, default=Event.Precision.UNKNOWN)
    weekday = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Weekday the passage names (0=Monday).")

    class Meta:
        ordering = ["document_id", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="source_span_not_empty"),
            models.UniqueConstraint(fields=["event", "document", "start", "end"], name="unique_source_span"),
        ]

    def __str__(self):
        return f"{self.document} [{self.start}:{self.end}]"

    @property
    def text(self):
        return self.document.text[self.start : self.end]

    def clean(self):
        """A passage is a slice of its document's text with something in it: offsets within the text,
        not only the non-empty span the database checks."""
        if self.document_id is None or self.start is None or self.end is None:
            return
        text = self.document.text
        if not 0 <= self.start < self.end <= len(text):
            raise ValidationError(f"[{self.start}:{self.end}] is not a passage of a text of {len(text)} characters.")
        if not text[self.start : self.end].strip():
            raise ValidationError("The passage is only white space.")

    def get_absolute_url(self):
        return f"{self.document.get_absolute_url()}#passage-{self.start}-{self.end}"


class Report(models.Model):
    """What one document says of one event: the extraction's reading, kept so that reports can be
    clustered again (events/clustering.py) when new documents arrive. An event is the cluster of its
    reports; its sources are their passages."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="reports")
    # Deleting an event deletes its reports: an event an editor deleted must not be rebuilt from them.
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    position = models.PositiveSmallIntegerField(help_text="Order among the document's reports.")
    kind = models.CharField(max_length=10, choices=Event.Kind, default=Event.Kind.OTHER)
    title = models.CharField(max_length=300)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=7, choices=Event.Precision, default=Event.Precision.UNKNOWN)
    date_end = models.DateField(null=True, blank=True, help_text="Last day of a range of days.")
    weekday = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Weekday the passage names (0=Monday).")
    month_day = models.CharField(max_length=5, blank=True, help_text="MM-DD the passage names without a year.")
    date_evidence = models.TextField(blank=True)
    venue = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    participants = models.ManyToManyField(Person, blank=True, related_name="reports")
    topics = models.ManyToManyField(Topic, blank=True, related_name="reports")
    countries = models.ManyToManyField(Country, blank=True, related_name="reports")
    spans = models.JSONField(default=list, help_text="The passages: [[start, end], ...] in the document's text.")
    words = models.JSONField(default=list, help_text="Content words of the passages, names left out.")
    review = models.JSONField(default=list, blank=True, help_text="Reasons the extraction gives to review it.")
    remote = models.BooleanField(default=False, help_text="A phone call or video conference: held nowhere.")
    venue_stated = models.BooleanField(default=True, help_text="The passage says where; else it is where the report is set.")

    class Meta:
        ordering = ["document_id", "position"]
        constraints = [models.UniqueConstraint(fields=["document", "position"], name="unique_report_position")]

    def __str__(self):
        return f"{self.document}: {self.title}"


class Suppression(models.Model):
    """A passage an editor removed an event for: later ingests do not bring that event back."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="suppressions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    signature = models.CharField(max_length=300, help_text="Kind and participants of the deleted event.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "start", "end", "signature"], name="unique_suppression")
        ]


class KeptApart(models.Model):
    """Two events an editor says are not one, though they look alike (the same people, overlapping
    dates): "Likely duplicates" no longer lists them. A split records one too."""

    first = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "events kept apart"
        constraints = [
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="kept_apart_in_order"),
            models.UniqueConstraint(fields=["first", "second"], name="unique_kept_apart"),
        ]

    def __str__(self):
        return f"events {self.first_id} and {self.second_id} kept apart"

    @classmethod
    def record(cls, a, b, by=None):
        first, second = sorted([a.pk, b.pk])
        return cls.objects.get_or_create(first_id=first, second_id=second, defaults={"by": by})[0]


class Change(models.Model):
    """An event whose date, kind, review flag, venue or links changed, appended by database triggers
    (migration 0006) however the change was written; `timeline_index` reads what is new."""

    event_id = models.BigIntegerField()

    def __str__(self):
        return f"event {self.event_id} changed"


class Feed(models.Model):
    """An RSS or Atom feed whose new items `manage.py poll_feeds` ingests."""

    url = models.URLField(max_length=2000, unique=True, help_text="The feed's address (RSS or Atom).")
    title = models.CharField(max_length=300, blank=True, help_text="Taken from the feed when left empty.")
    outlet = models.CharField(max_length=200, blank=True, help_text="The outlet of its articles when their pages do not name one.")
    active = models.BooleanField(default=True, help_text="Inactive feeds are not polled.")
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_added = models.PositiveIntegerField(default=0, editable=False, help_text="Documents the last poll added.")
    last_error = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "url"]

    def __str__(self):
        return self.title or self.url


class FeedEntry(models.Model):
    """An item a feed listed, read once: polling again skips it."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=500, help_text="The item's id (guid), else its link.")
    url = models.CharField(max_length=2000)
    title = models.CharField(max_length=500, blank=True)
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="feed_entries")
    error = models.TextField(blank=True, help_text="Why the item gave no document (it is not an article, say).")
    seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-seen_at", "pk"]
        verbose_name_plural = "feed entries"
        constraints = [models.UniqueConstraint(fields=["feed", "key"], name="unique_feed_entry")]

    def __str__(self):
        return self.title or self.url


class IngestJob(models.Model):
    """Documents given together (an upload, addresses, a feed poll), ingested in the background by
    the task worker; its items say how far it got and what each gave."""

    class Status(models.TextChoices):
        QUEUED = "queued", "waiting for the worker"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "stopped by an error"

    label = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    published = models.DateField(null=True, blank=True, help_text="Publication date given for every document.")
    outlet = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("admin:events_ingestjob_change", args=[self.pk])

    def tally(self):
        """{status: count} of its items, every status present."""
        counts = dict(self.items.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
        return {status: counts.get(status, 0) for status in IngestItem.Status.values}

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)


class IngestItem(models.Model):
    """One file or address of a job: its bytes until read, then what ingesting it gave."""

    class Status(models.TextChoices):
        PENDING = "pending", "waiting"
        STORED = "stored", "stored"
        UNCHANGED = "unchanged", "already there"
        FAILED = "failed", "failed"

    job = models.ForeignKey(IngestJob, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=2000, help_text="The file's name or the address.")
    data = models.BinaryField(null=True, blank=True, editable=False, help_text="An uploaded file's bytes, dropped once read.")
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    message = models.TextField(blank=True)
    events = models.JSONField(
        default=list, blank=True, help_text="[what, event id, title] of each event the document created, joined or flagged."
    )
    document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["job", "position"]
        constraints = [models.UniqueConstraint(fields=["job", "position"], name="unique_ingest_item_position")]

    def __str__(self):
        return self.name
