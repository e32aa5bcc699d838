"""python manage.py export_events --format json: the timeline as data."""

import json

from django.core.management.base import BaseCommand

from events.models import Event
from events.serializers import event_to_dict, prefetched


class Command(BaseCommand):
    help = "Print every event with its date, venue, people, topics and source passages."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, format="json", **options):
        events = prefetched(Event.objects.chronological())
        payload = {"events": [event_to_dict(e) for e in events]}
        self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1))
