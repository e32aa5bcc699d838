"""Event cards: what the timeline shows of each event, read in five queries however many events
there are, and written out as HTML here rather than in a template.

A chunk of the timeline is thirty cards, each with its participants, tags and passages: through the
template engine that was about a millisecond a card, the largest part of a page's time at 100,000
events (see manage.py bench); format_html does the same, escaped the same, in a tenth of it. The
event page shows the same facts through `Card.facts`, so the markup lives only here.
"""

from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.functions import Substr
from django.template.defaultfilters import linebreaksbr, pluralize
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.safestring import mark_safe

from .html import format_html, format_html_join
from .models import Event, Source, date_iso, date_label

KINDS = dict(Event.Kind.choices)


def url_maker(name):
    """A function of a primary key giving the URL of the named pattern for it: reverse() once, not
    once per link, for the hundreds of links a page of cards has."""
    placeholder = 2_147_483_647
    prefix, suffix = reverse(name, args=[placeholder]).split(str(placeholder))
    return lambda pk: f"{prefix}{pk}{suffix}"


@dataclass
class Card:
    pk: int
    title: str
    kind: str
    date: object
    date_precision: str
    needs_review: bool
    review_reason: str
    venue: str | None
    date_end: object = None  # the last day of a range of days
    people: list = field(default_factory=list)  # (pk, name, role, country name)
    countries: list = field(default_factory=list)  # (code, name)
    topics: list = field(default_factory=list)  # (slug, name)
    sources: list = field(default_factory=list)  # (document pk, start, end, passage, document, outlet, published)

    @property
    def date_precision_rank(self):
        return Event.PRECISION_RANK[self.date_precision]

    def facts(self, urls):
        """The date, kind and venue; the participants, countries and topics with links that filter by
        them; the reason to review it."""
        date, iso = date_label(self.date, self.date_precision, self.date_end), date_iso(self.date, self.date_precision)
        if iso:
            when = format_html('<time datetime="{}">{}</time>', iso, date)
        else:
            when = format_html("<span>{}</span>", date)
        parts = [format_html(
            '<p class="event-meta">{}\n  <span class="kind kind-{}">{}</span>{}</p>', when, self.kind, KINDS[self.kind],
            format_html('\n  <span class="venue">{}</span>', self.venue) if self.venue else "",
        )]
        if self.people:
            parts.append(format_html(
                '<ul class="participants" aria-label="Participants">{}</ul>',
                format_html_join("", '\n  <li><a href="{}">{}</a>{}\n    <a class="filter-link" href="{}?person={}">only {}’s events</a></li>', (
                    (urls.person(pk), name, format_html(' <span class="muted">({})</span>', ", ".join(filter(None, [role, country])))
                     if role or country else "", urls.timeline, pk, name)
                    for pk, name, role, country in self.people
                )),
            ))
        if self.countries or self.topics:
            parts.append(format_html(
                '<ul class="tags" aria-label="Countries and topics">{}{}</ul>',
                format_html_join("", '<li><a class="tag country" href="{}?country={}">{}</a></li>',
                                 ((urls.timeline, code, name) for code, name in self.countries)),
                format_html_join("", '<li><a class="tag topic" href="{}?topic={}">{}</a></li>',
                                 ((urls.timeline, slug, name) for slug, name in self.topics)),
            ))
        if self.needs_review:
            parts.append(format_html('<p class="review"><strong>Needs review:</strong> {}</p>',
                                     linebreaksbr(self.review_reason or "an editor should check this event.")))
        return mark_safe("\n".join(parts))

    def html(self, urls):
        """The whole card: its title, its facts and the passages that report it."""
        n = len(self.sources)
        reports = format_html_join("", '\n      <li><blockquote>{}</blockquote>\n        <p class="source-meta"><a href="{}#passage-{}-{}">{}</a>{} · {}</p></li>', (
            (passage, urls.document(document), start, end, label, format_html(" · {}", outlet) if outlet else "",
             format_date(published, "j M Y") if published else "no publication date")
            for document, start, end, passage, label, outlet, published in self.sources
        ))
        return format_html(
            '<article class="event-card kind-{}{}" id="event-{}" aria-labelledby="event-{}-title">\n'
            '  <h4 class="event-title" id="event-{}-title"><a href="{}">{}</a></h4>\n{}\n'
            '  <details class="sources">\n    <summary>{} report{}</summary>\n    <ol>{}\n    </ol>\n  </details>\n</article>',
            self.kind, " needs-review" if self.needs_review else "", self.pk, self.pk, self.pk, urls.event(self.pk),
            self.title, self.facts(urls), n, pluralize(n), reports,
        )


class Urls:
    """The links cards make, each pattern reversed once."""

    def __init__(self):
        self.timeline = reverse("events:timeline")
        self.event = url_maker("events:event")
        self.person = url_maker("events:person")
        self.document = url_maker("events:document")


def load(ids):
    """{id: Card} for the events with these ids that exist, in five queries."""
    ids = list(ids)
    cards = {
        pk: Card(pk, title, kind, date, precision, review, reason,
                 None if place is None else place if not country or place == country else f"{place}, {country}", end)
        for pk, title, kind, date, precision, review, reason, place, country, end in Event.objects.filter(pk__in=ids)
        .values_list("pk", "title", "kind", "date", "date_precision", "needs_review", "review_reason", "venue__name",
                     "venue__country__name", "date_end")
    }
    links = [
        ("people", Event.participants.through, ["person_id", "person__name", "person__role", "person__country__name"],
         ["person__name", "person_id"]),
        ("countries", Event.countries.through, ["country_id", "country__name"], ["country__name"]),
        ("topics", Event.topics.through, ["topic__slug", "topic__name"], ["topic__name"]),
    ]
    for name, through, columns, order in links:
        for pk, *values in through.objects.filter(event_id__in=ids).values_list("event_id", *columns).order_by(*order):
            if pk in cards:
                getattr(cards[pk], name).append(tuple(values))
    sources = (
        Source.objects.filter(event_id__in=ids)
        .order_by("document__published", "document_id", "start")
        .values_list("event_id", "document_id", "start", "end", Substr("document__text", F("start") + 1, F("end") - F("start")),
                     "document__title", "document__filename", "document__outlet", "document__published")
    )
    for pk, document, start, end, passage, title, filename, outlet, published in sources:
        if pk in cards:
            cards[pk].sources.append((document, start, end, passage, title or filename, outlet, published))
    return cards
