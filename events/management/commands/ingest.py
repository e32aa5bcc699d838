"""python manage.py ingest PATH [PATH ...]: store articles and the events they report."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.decoding import decode
from events.ingest import IngestError, ingest_text, parse_published

METADATA_FILE = "metadata.csv"


class Command(BaseCommand):
    help = (
        "Ingest .txt articles (files or folders of them). Each document is stored once, in its own "
        "transaction; one line per file says what was found. A folder may hold a metadata.csv with "
        "columns file,published,outlet giving each file's publication date and outlet."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--published", help="publication date YYYY-MM-DD for every file given")
        parser.add_argument("--outlet", help="outlet for every file given")
        parser.add_argument("--metadata", help=f"a CSV like {METADATA_FILE} (file,published,outlet) for these files")

    def handle(self, *args, paths=(), published=None, outlet=None, metadata=None, **options):
        published = parse_published(published) if published else None
        extra = read_metadata(Path(metadata)) if metadata else {}
        failed = 0
        for path, meta in expand(paths, extra):
            try:
                data = path.read_bytes()
                text = decode(data, path.name)
                day = parse_published(meta["published"]) if meta.get("published") else published
                result = ingest_text(text, path.name, published=day, outlet=meta.get("outlet") or outlet)
            except (IngestError, OSError) as exc:
                failed += 1
                self.stderr.write(f"{path}: error: {exc}")
                continue
            self.stdout.write(result.summary())
        if failed:
            raise CommandError(f"{failed} file(s) could not be ingested")


def read_metadata(path):
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            return {row["file"].strip(): row for row in csv.DictReader(fh) if row.get("file")}
    except (OSError, KeyError) as exc:
        raise CommandError(f"{path}: cannot read metadata ({exc})") from None


def expand(paths, extra):
    """(file, metadata) for each path: folders give their .txt files in name order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            meta = {**read_metadata(path / METADATA_FILE), **extra} if (path / METADATA_FILE).exists() else extra
            for child in sorted(path.glob("*.txt")):
                yield child, meta.get(child.name, {})
        else:
            yield path, extra.get(path.name, {})
