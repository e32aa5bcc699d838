"""URLs of the read-only API, included under /api/ (see README, "Exports and API")."""

from django.urls import path, re_path

from . import api, openapi

app_name = "api"

urlpatterns = [
    path("events", api.event_list, name="events"),
    path("events.csv", api.events_csv, name="events_csv"),
    path("events.ics", api.events_ics, name="events_ics"),
    path("events/timelinejs.json", api.events_timelinejs, name="events_timelinejs"),
    path("events/timelinejs.csv", api.events_timelinejs_sheet, name="events_timelinejs_sheet"),
    # Any id, so that a malformed one is a JSON 404 like a missing one rather than the site's HTML page.
    path("events/<str:pk>", api.event_detail, name="event"),
    path("openapi.json", openapi.openapi_document, name="openapi"),
    re_path(r"", api.not_found),
]
