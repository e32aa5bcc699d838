"""python manage.py ingest PATH [PATH ...]: store articles and the events they report."""

import csv
import traceback
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events import decoding, timeline_index
from events.ingest import Batch, IngestError, parse_published

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
        try:
            published = parse_published(published) if published else None
        except IngestError as exc:
            raise CommandError(f"--published: {exc}") from None
        extra = read_metadata(Path(metadata)) if metadata else {}
        failed = 0
        # Each file is stored in its own transaction; their reports are clustered together a batch
        # at a time (events/ingest.py), and each file's line is written once its batch is clustered.
        batch = Batch()
        for path, meta in expand(paths, extra):
            if meta is None:
                failed += 1
                self.stderr.write(f"{path}: error: {problem(path)}")
                continue
            try:
                text = decoding.read(path)
                day = parse_published(meta["published"]) if meta.get("published") else published
                done = batch.add(text, path.name, published=day, outlet=meta.get("outlet") or outlet)
            except Exception as exc:
                # One file's failure, whatever it is, must not stop the others; its transaction has
                # rolled back, so nothing of it is stored.
                failed += 1
                self.stderr.write(f"{path}: error: {reason(exc)}; nothing stored")
                if options.get("traceback") and not isinstance(exc, (IngestError, OSError)):
                    self.stderr.write(traceback.format_exc())
                continue
            self.report(done)
        self.report(batch.flush())
        timeline_index.prune_changes()
        if failed:
            raise CommandError(f"{failed} file(s) could not be ingested")


    def report(self, results):
        for result in results:
            self.stdout.write(result.summary())


def read_metadata(path):
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            return {row["file"].strip(): row for row in csv.DictReader(fh) if row.get("file")}
    except (OSError, KeyError, UnicodeDecodeError, csv.Error) as exc:
        raise CommandError(f"{path}: cannot read metadata ({exc})") from None


def expand(paths, extra):
    """(file, metadata) for each path: folders give their .txt files in name order. A path that
    cannot be ingested (missing, an empty folder) comes with None."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            children = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not children:
                yield path, None
                continue
            meta = {**read_metadata(path / METADATA_FILE), **extra} if (path / METADATA_FILE).exists() else extra
            for child in children:
                yield child, meta.get(child.name, {})
        elif path.is_file():
            yield path, extra.get(path.name, {})
        else:
            yield path, None


def problem(path):
    if path.is_dir():
        return "the folder has no .txt files"
    if path.exists():
        return "not a regular file"
    return "no such file or folder"


def reason(exc):
    if isinstance(exc, decoding.DecodeError):
        return exc.reason
    if isinstance(exc, IngestError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read the file ({exc.strerror or exc})"
    return f"unexpected {type(exc).__name__}: {exc}"
