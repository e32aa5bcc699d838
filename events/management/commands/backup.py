"""python manage.py backup PATH: a consistent copy of the database, taken while the app runs."""

from django.core.management.base import BaseCommand, CommandError

from events.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Copy the whole database to PATH (a file, or a folder for a dated file) while the app runs: "
        "SQLite through its online backup API, PostgreSQL with pg_dump. Never overwrites a file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            written = backup(path)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(written))
