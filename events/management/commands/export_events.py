"""python manage.py export_events --format json|csv|ics|timelinejs|timelinejs-sheet: the timeline as
data, with the timeline page's filters as options."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from events import exports
from events.api import BadParameters, EventFilters, bind
from events.serializers import event_to_dict, prefetched

# Each option is the timeline URL parameter of the same name.
FILTER_OPTIONS = ["country", "person", "topic", "kind", "from", "to", "q", "review"]


class Command(BaseCommand):
    help = (
        "Print the events (all, or those the filters select) as JSON, CSV, iCalendar, TimelineJS JSON or CSV "
        "rows for TimelineJS's Google Sheets template (timelinejs-sheet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv", "ics", "timelinejs", "timelinejs-sheet"], default="json")
        parser.add_argument("--country", action="append", help="ISO 3166-1 alpha-2 code; repeat for several")
        parser.add_argument("--person", help="person id")
        parser.add_argument("--topic", help="topic slug")
        parser.add_argument("--kind")
        parser.add_argument("--from", dest="from", metavar="YYYY[-MM[-DD]]", help="events on or after")
        parser.add_argument("--to", metavar="YYYY[-MM[-DD]]", help="events on or before")
        parser.add_argument("--q", help="text in the title or a reporting passage")
        parser.add_argument("--review", action="store_true", help="only events flagged for review")
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000/", help="where the app is served, for links back to it"
        )

    def handle(self, *args, format="json", base_url="", **options):
        params = QueryDict(mutable=True)
        for name in FILTER_OPTIONS:
            value = options[name]
            if value is True:
                params[name] = "true"
            elif value:
                params.setlist(name, value if isinstance(value, list) else [value])
        try:
            (filters,) = bind(params, EventFilters)
        except BadParameters as e:
            raise CommandError("; ".join(f"--{name}: {' '.join(msgs)}" for name, msgs in e.fields.items()))
        events = prefetched(filters.events())
        if format == "json":
            self.stdout.write(json.dumps({"events": [event_to_dict(e) for e in events]}, ensure_ascii=False, indent=1))
        elif format == "csv":
            self.stdout.write(exports.events_csv(events, base_url), ending="")
        elif format == "timelinejs-sheet":
            self.stdout.write(exports.events_timelinejs_sheet(events, base_url), ending="")
        elif format == "ics":
            self.stdout.write(exports.events_ics(events, base_url).decode(), ending="")
        else:
            self.stdout.write(json.dumps(exports.events_timelinejs(events, base_url), ensure_ascii=False, indent=1))
