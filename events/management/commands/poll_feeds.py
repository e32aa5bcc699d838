"""python manage.py poll_feeds: ingest the new items of every active feed (safe to run from cron)."""

from django.core.management.base import BaseCommand, CommandError

from events import feeds
from events.models import Feed


class Command(BaseCommand):
    help = (
        "Fetch each active feed (added in the admin, or with --add URL) and ingest the items not read "
        "before. Running it again adds only what is new; an item whose page could not be fetched is "
        "tried again next time. One line per feed; exits with an error if any feed had one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--add", metavar="URL", action="append", default=[], help="add a feed by its address first")
        parser.add_argument("--outlet", default="", help="with --add: the outlet of its articles")

    def handle(self, *args, add=(), outlet="", **options):
        for url in add:
            Feed.objects.get_or_create(url=url, defaults={"outlet": outlet})
        failed = 0
        for feed in Feed.objects.filter(active=True).order_by("pk"):
            try:
                added = feeds.poll(feed)
            except Exception as exc:  # one feed's failure must not stop the others
                failed += 1
                self.stderr.write(f"{feed}: error: {type(exc).__name__}: {exc}")
                continue
            feed.refresh_from_db()
            self.stdout.write(f"{feed}: {added} new document(s)")
            if feed.last_error:
                failed += 1
                self.stderr.write(f"{feed}: error: {feed.last_error}")
        if failed:
            raise CommandError(f"{failed} feed(s) had errors")
