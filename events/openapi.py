"""The OpenAPI 3.1 description of the API in events/api.py, served at /api/openapi.json. Written by hand;
the filter parameters are those of the timeline page's form, described here one by one."""

from django.http import JsonResponse

from .api import DEFAULT_LIMIT, MAX_LIMIT, EventFilters, api_view, bind
from .models import Event

# A date must also exist: 2023-02-30 matches the pattern and is refused with 400.
PARTIAL_DATE = {"type": "string", "pattern": r"^[1-9]\d{3}(-(0?[1-9]|1[0-2])(-(0?[1-9]|[12]\d|3[01]))?)?$"}

# How each filter of the timeline page's form reads as a query parameter.
FILTERS = {
    "country": {
        "description": "Events involving any of these countries (ISO 3166-1 alpha-2 codes, any case); repeat the parameter for several.",
        "schema": {"type": "array", "items": {"type": "string", "pattern": "^[A-Za-z]{2}$"}},
        "style": "form",
        "explode": True,
    },
    "person": {"description": "Events this person (by id) took part in.", "schema": {"type": "integer", "minimum": 1}},
    "topic": {"description": "Events on this topic (by slug).", "schema": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}},
    "kind": {"description": "Events of this kind.", "schema": {"type": "string", "enum": Event.Kind.values}},
    "from": {
        "description": "Events whose date period ends on or after the start of this day, month or year (YYYY, YYYY-MM or YYYY-MM-DD).",
        "schema": PARTIAL_DATE,
    },
    "to": {
        "description": (
            "Events whose date period starts on or before the end of this day, month or year (YYYY, YYYY-MM or "
            "YYYY-MM-DD). Before `from`, it is refused (400): the dates are the wrong way round."
        ),
        "schema": PARTIAL_DATE,
    },
    "q": {
        "description": (
            "Events in which every word of this text is found (a word matches the words it begins, ignoring case and "
            "accents): in the title or a reporting passage, a participant's name or alias, a topic's name or keyword, "
            "the venue or its country, or the text of a reporting document. Results stay in date order."
        ),
        "schema": {"type": "string", "maxLength": 200},
    },
    "review": {"description": "true: only events flagged for review.", "schema": {"type": "boolean"}},
}


def filter_parameters():
    names = EventFilters().fields
    return [
        {"name": name, "in": "query", "required": False, **FILTERS.get(name, {"schema": {"type": "string"}})}
        for name in names
    ]


def json_content(schema):
    return {"application/json": {"schema": schema}}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def error_response(description):
    return {"description": description, "content": json_content(ref("Error"))}


def export_operation(summary, media_type, description, schema=None):
    return {
        "get": {
            "summary": summary,
            "description": description,
            "parameters": filter_parameters(),
            "responses": {
                "200": {"description": summary, "content": {media_type: {"schema": schema or {"type": "string"}}}},
                "400": error_response("An unknown parameter or an invalid value."),
            },
        }
    }


def nullable(schema):
    return {**schema, "type": [schema["type"], "null"]}


SCHEMAS = {
    "Event": {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id", "title", "kind", "date", "date_precision", "date_end", "date_evidence", "needs_review", "review_reason", "venue",
            "participants", "countries", "topics", "sources",
        ],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "kind": {"type": "string", "enum": Event.Kind.values},
            "date": {
                "type": ["string", "null"],
                "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                "description": "YYYY-MM-DD, YYYY-MM or YYYY as precise as the evidence; null when unknown.",
            },
            "date_precision": {"type": "string", "enum": Event.Precision.values},
            "date_end": {
                "type": ["string", "null"],
                "pattern": r"^\d{4}-\d{2}-\d{2}$",
                "description": "The last day of a range of days (date is the first); null for one day or a coarser date.",
            },
            "date_evidence": {
                "type": "string",
                "description": "How the date was found: the expression and what it was resolved against, "
                "or “the date of the report” when the report gives no other date.",
            },
            "needs_review": {"type": "boolean"},
            "review_reason": {"type": "string"},
            "venue": {
                "type": ["object", "null"],
                "required": ["name", "country"],
                "properties": {"name": {"type": "string"}, "country": nullable({"type": "string"})},
            },
            "participants": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "country", "role"],
                    "properties": {
                        "name": {"type": "string"},
                        "country": nullable({"type": "string"}),
                        "role": {"type": "string"},
                    },
                },
            },
            "countries": {"type": "array", "items": {"type": "string"}, "description": "ISO 3166-1 alpha-2 codes."},
            "topics": {"type": "array", "items": {"type": "string"}},
            "sources": {
                "type": "array",
                "description": "The passages that report the event: text is the document's text[start:end].",
                "items": {
                    "type": "object",
                    "required": ["document", "start", "end", "text"],
                    "properties": {
                        "document": {"type": "string", "description": "The file the document came from."},
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 1},
                        "text": {"type": "string"},
                    },
                },
            },
        },
    },
    "EventPage": {
        "type": "object",
        "required": ["events", "next"],
        "properties": {
            "events": {"type": "array", "items": ref("Event")},
            "next": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "The next page (same filters, an opaque cursor), or null on the last page.",
            },
        },
    },
    "TimelineJS": {
        "type": "object",
        "description": "Knight Lab's TimelineJS 3 data: a title slide and one slide per dated event.",
        "required": ["title", "events"],
        "properties": {
            "title": {"type": "object"},
            "events": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["unique_id", "start_date", "text"],
                    "properties": {
                        "unique_id": {"type": "string"},
                        "start_date": {
                            "type": "object",
                            "required": ["year"],
                            "properties": {
                                "year": {"type": "string"},
                                "month": {"type": "string"},
                                "day": {"type": "string"},
                                "display_date": {"type": "string"},
                            },
                        },
                        "text": {
                            "type": "object",
                            "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
                        },
                        "group": {"type": "string"},
                    },
                },
            },
        },
    },
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {"type": "string"},
            "fields": {
                "type": "object",
                "description": "For each bad parameter, what is wrong with it.",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
    },
}


def document():
    filters = filter_parameters()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Meetings Timeline API",
            "version": "1.0.0",
            "description": (
                "Read-only; no login. The filters are those of the timeline page, so a page URL's query "
                "string selects the same events here; an empty parameter is the same as one left out. Unknown "
                "parameters are refused with 400. Only GET "
                "and HEAD are allowed (OPTIONS lists them); other methods get 405."
            ),
        },
        "paths": {
            "/api/events": {
                "get": {
                    "summary": "Events in timeline order, a page at a time",
                    "description": "Ordered by date (undated last), then date precision, then id. Follow `next` for more.",
                    "parameters": [
                        *filters,
                        {
                            "name": "limit",
                            "in": "query",
                            "required": False,
                            "description": f"Events per page (default {DEFAULT_LIMIT}).",
                            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                        },
                        {
                            "name": "cursor",
                            "in": "query",
                            "required": False,
                            "description": "Opaque; taken from the `next` link of the previous page.",
                            "schema": {"type": "string"},
                        },
                    ],
                    "responses": {
                        "200": {"description": "A page of events.", "content": json_content(ref("EventPage"))},
                        "400": error_response("An unknown parameter, an invalid value or a cursor not from this API."),
                    },
                }
            },
            "/api/events/{id}": {
                "get": {
                    "summary": "One event",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}],
                    "responses": {
                        "200": {"description": "The event.", "content": json_content(ref("Event"))},
                        "400": error_response("A query parameter was given; this endpoint takes none."),
                        "404": error_response("No event has this id."),
                    },
                }
            },
            "/api/events.csv": export_operation(
                "The filtered events as CSV",
                "text/csv",
                "One row per event (UTF-8 with a byte-order mark). Participants, countries and topics are "
                "joined by '; '; sources and their links one per line within their cells. A cell that would "
                "start like a spreadsheet formula starts with an apostrophe.",
            ),
            "/api/events.ics": export_operation(
                "The filtered events as an iCalendar file",
                "text/calendar",
                "All-day entries spanning the event's day, month or year, with a link to the event page and "
                "its sources in the description. Undated events are left out and counted in the calendar's "
                "X-UNDATED-EVENTS-OMITTED property.",
            ),
            "/api/events/timelinejs.csv": export_operation(
                "The filtered events as rows of TimelineJS's Google Sheets template",
                "text/csv",
                "The columns of Knight Lab's TimelineJS template in its order (Year, Month, Day, Time, End Year, "
                "End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, "
                "Media Thumbnail, Type, Group, Background): a title row, then one row per dated event, ready to "
                "paste into the template. UTF-8 with a byte-order mark; Headline and Text are HTML with every value "
                "escaped. Undated events are left out; the title row says how many.",
            ),
            "/api/events/timelinejs.json": export_operation(
                "The filtered events as TimelineJS data",
                "application/json",
                "Knight Lab's TimelineJS 3 format: dates as precise as known, with display_date for month and "
                "year precision; text is HTML with every value escaped. Undated events are left out.",
                schema=ref("TimelineJS"),
            ),
            "/api/openapi.json": {
                "get": {
                    "summary": "This description",
                    "responses": {
                        "200": {"description": "OpenAPI 3.1 document.", "content": json_content({"type": "object"})},
                        "400": error_response("A query parameter was given; this endpoint takes none."),
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }


@api_view
def openapi_document(request):
    bind(request.GET)
    return JsonResponse(document())
