import datetime
import itertools
import re

import pytest
import schemathesis
from django.core.exceptions import ValidationError
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from events.api import EventFilters
from events.forms import PartialDateField
from events.models import Topic
from events.openapi import FILTERS


def test_the_served_document_is_valid_openapi_3_1(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_parameter_the_api_accepts_is_documented(db):
    """A filter added to the page's form must be described here too, or the document is wrong."""
    assert sorted(EventFilters().fields) == sorted(FILTERS)


def beyond_the_schema(query):
    """Values that match the document yet are rightly refused, because no schema can tell: a made-up
    cursor (they are opaque and signed), day 29 to 31 of a month that may not have it, or dates the
    wrong way round."""
    days = [re.fullmatch(r"\d{4}-\d{1,2}-(\d{1,2})", str(query.get(name, ""))) for name in ("from", "to")]
    return "cursor" in query or any(day and int(day[1]) >= 29 for day in days) or reversed_dates(query)


def reversed_dates(query):
    try:
        start = PartialDateField().clean(str(query.get("from", "")))
        end = PartialDateField(last=True).clean(str(query.get("to", "")))
    except ValidationError:
        return False
    return bool(start and end and end < start)


def seed(make_event):
    event = make_event(title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"))
    event.topics.add(Topic.objects.create(name="Defence", slug="defence"))
    make_event(title="In April", date=datetime.date(2023, 4, 1), precision="month")
    make_event(title="In 2021", date=datetime.date(2021, 1, 1), precision="year")
    make_event(title="Undated", precision="unknown")
    make_event(title='<b>"Quoted", & marked up</b>\nline', countries=("BY",), people=[("Jaishankar", "IN")])


@pytest.fixture
def connection_kept_between_requests():
    """The WSGI app closes the database connection around each request, as it should in production;
    inside the test's transaction that would lose the data (on PostgreSQL; closing SQLite's in-memory
    test database is a no-op). Django's test client keeps it open in the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_no_generated_request_finds_a_server_error_or_an_undocumented_response(make_event, connection_kept_between_requests):
    """Schemathesis reads the served OpenAPI document and sends generated requests to every operation
    through the WSGI app: no 5xx, and every response conforms to the document."""
    seed(make_event)
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.label for op in operations} >= {
        "GET /api/events", "GET /api/events/{id}", "GET /api/events.csv", "GET /api/events.ics",
        "GET /api/events/timelinejs.json", "GET /api/events/timelinejs.csv",
    }
    for operation, mode in itertools.product(operations, GenerationMode):

        @settings(max_examples=30, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case):
            # Like the page's form, the API reads an empty parameter as one not given and is lenient
            # where the page is (review=yes is true), so some schema-violating requests are rightly
            # answered 200; every other check, server errors first, still applies to them.
            excluded = [negative_data_rejection]
            if beyond_the_schema(case.query or {}):
                excluded.append(positive_data_acceptance)
            # Schemathesis's WSGI client asks for gzip but does not unpack it (tests/test_compression.py
            # covers compression).
            case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=excluded)

        run()
