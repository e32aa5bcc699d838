"""python manage.py restore PATH: put a backup made by `backup` back, keeping a copy of what it replaces."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from events.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace all data with the backup at PATH. The current data is first backed up next to it "
        "(before-restore-*), so a restore can itself be undone."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="do not ask for confirmation")

    def handle(self, *args, path, interactive=True, **options):
        if interactive:
            answer = input(f"Replace all data in {connection.settings_dict['NAME']} with {path}? Type 'yes' to go on: ")
            if answer != "yes":
                raise CommandError("restore cancelled")
        try:
            safety = restore(path)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"restored {path}; the data it replaced is in {safety}")
        self.stdout.write("If the backup is from an older version of the app, run: manage.py migrate")
