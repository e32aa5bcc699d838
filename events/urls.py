from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("map/", views.world_map, name="map"),
    path("axis/", views.time_axis, name="axis"),
    path("events/<int:pk>/", views.event_detail, name="event"),
    path("documents/<int:pk>/", views.document_detail, name="document"),
    path("people/<int:pk>/", views.person_detail, name="person"),
]
