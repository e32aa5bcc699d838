"""URLs of the read-only API, included under /api/ (see README, "Exports and API")."""

from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("events", api.event_list, name="events"),
    path("events/<int:pk>", api.event_detail, name="event"),
    path("events.csv", api.events_csv, name="events_csv"),
    path("events.ics", api.events_ics, name="events_ics"),
    path("events/timelinejs.json", api.events_timelinejs, name="events_timelinejs"),
    path("openapi.json", api.openapi_document, name="openapi"),
]
