"""manage.py bench: build a synthetic corpus in a throw-away database, then print p50/p95 server time
and SQL queries for each page of the timeline, and ingest throughput in articles per second."""

import time

from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection

from events import bench, synthetic, timeline_index
from events.models import Event
from events.throwaway import throwaway_database


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        defaults = synthetic.Size()
        for name in ("events", "people", "sources", "documents", "years"):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
        parser.add_argument("--runs", type=int, default=40, help="requests per page")
        parser.add_argument("--copies", type=int, default=20, help="copies of each sample article to ingest")
        parser.add_argument(
            "--database-url", help="an empty database to use (PostgreSQL); by default a new SQLite file in a temp folder"
        )
        parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite database and print its path")
        # The run itself happens in a child process whose DATABASE_URL is the throw-away database, so
        # nothing in the process that parsed the user's settings can reach the user's database.
        parser.add_argument("--in-this-database", action="store_true", help="(internal)")

    def handle(self, **options):
        if options["in_this_database"]:
            return self.run(options)
        args = [f"--{name.replace('_', '-')}={options[name]}"
                for name in ("events", "people", "sources", "documents", "years", "runs", "copies")]
        keep = options["keep"] and not options["database_url"]
        with throwaway_database("bench", options["database_url"], keep=keep) as scratch:
            try:
                done = scratch.manage("bench", "--in-this-database", *args)
            finally:
                if keep:
                    self.stdout.write(f"database kept: {scratch.sqlite_file}")
        if done.returncode:
            raise CommandError("the benchmark failed")

    def run(self, options):
        call_command("migrate", verbosity=0)
        if Event.objects.exists():
            raise CommandError("the database already has events: give the benchmark an empty one")
        size = synthetic.Size(**{name: options[name] for name in ("events", "people", "sources", "documents", "years")})
        self.stdout.write(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        started = time.perf_counter()
        made = synthetic.build(size)
        built = time.perf_counter() - started
        self.stdout.write(", ".join(f"{n:,} {what}" for what, n in made.items()) + f" built in {built:.0f} s")
        started = time.perf_counter()
        with timeline_index.current():
            pass
        self.stdout.write(f"timeline index read by a new process in {time.perf_counter() - started:.1f} s (its first request)")
        self.stdout.write(f"{'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        for page in bench.pages():
            p50, p95, queries = bench.timed(page, options["runs"])
            self.stdout.write(f"{page.label:<34} {p50:8.1f} {p95:8.1f} {queries:8d}")
        texts = synthetic.seed_copies(options["copies"])
        rate = synthetic.ingest_rate(texts)
        self.stdout.write(f"ingest: {len(texts)} articles at {rate:.1f} articles/s (extraction and storing)")
