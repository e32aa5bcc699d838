"""What `manage.py bench` times: each page of the timeline as a request through Django's test client
(server time: middleware, views, SQL, templates), with the number of SQL queries it makes."""

import statistics
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from .forms import TimelineFilterForm, cursor_of
from . import timeline_index
from .models import Document, Event, Person, Topic
from .overview import overview

HTMX = {"HX-Request": "true"}


@dataclass
class Page:
    label: str
    request: object  # called with the run's number, returns nothing useful


def pages():
    """The pages to time, with sample filters taken from the corpus in the database: its busiest
    country and topic, a busy person's surname as the search, and a cursor 90% of the way down."""
    client = Client()
    total = Event.objects.count()
    with timeline_index.current() as index:
        country = index.busiest("country", 1)[0]
        topic = Topic.objects.get(pk=index.busiest("topic", 1)[0])
        people = index.busiest("person", 10)
    word = Person.objects.get(pk=people[-1]).name.split()[-1]
    filters = {"country": country, "topic": topic.slug, "from": "2010", "to": "2019"}
    timeline = Event.objects.in_timeline_order()
    early, deep = timeline[min(29, total - 1)], timeline[int(total * 0.9)]
    events = list(Event.objects.order_by("?").values_list("pk", flat=True)[:50])
    documents = list(Document.objects.order_by("?").values_list("pk", flat=True)[:50])

    def get(url, headers=None, each=None):
        def request(n):
            response = client.get(url if each is None else url.format(each[n % len(each)]), headers=headers or {})
            assert response.status_code == 200, (url, response.status_code)
        return request

    def form(params):
        return TimelineFilterForm(QueryDict(urlencode(params)))

    return [
        Page("timeline, first page", get("/")),
        Page("three filters at once", get("/?" + urlencode(filters))),
        Page(f"text search (q={word})", get("/?" + urlencode({"q": word}))),
        Page("chunk near the start", get(f"/?after={cursor_of(early)}", HTMX)),
        Page("chunk deep in the scroll", get(f"/?after={cursor_of(deep)}", HTMX)),
        Page("facet counts", lambda n: form({}).facets()),
        Page("facet counts, three filters", lambda n: form(filters).facets()),
        Page("density strip", lambda n: overview(form({}).per_month(), lambda a, b: "")),
        Page("density strip, two filters", lambda n: overview(form(filters).per_month(), lambda a, b: "")),
        Page("event page", get("/events/{}/", each=events)),
        Page("document page", get("/documents/{}/", each=documents)),
        Page("person page (the busiest)", get(f"/people/{people[0]}/")),
        Page("map", get("/map/")),
        Page("time axis", get("/axis/")),
        Page("time axis by person, one step", get("/axis/?lanes=person&start=2010&end=2014", HTMX)),
    ]


def queries(page, n=0):
    """The SQL queries one request of the page makes."""
    with CaptureQueriesContext(connection) as captured:
        page.request(n)
    return len(captured.captured_queries)


def timed(page, runs):
    """(p50 ms, p95 ms, queries) over `runs` requests, after two to warm up."""
    for n in range(2):
        page.request(n)
    times, counts = [], []
    for n in range(runs):
        started = time.perf_counter()
        counts.append(queries(page, n))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, max(counts)
