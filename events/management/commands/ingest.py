"""python manage.py ingest PATH_OR_URL [...]: store articles and the events they report."""

import csv
import dataclasses
import traceback
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events import decoding, sources, timeline_index
from events.ingest import Batch, IngestError, parse_published

METADATA_FILE = "metadata.csv"
# Folders of more documents than this show a progress bar (on a terminal).
PROGRESS_FROM = 20


class Command(BaseCommand):
    help = (
        "Ingest articles: .txt files, saved web pages (.html, .htm), folders of them, and http(s) "
        "addresses of web pages, mixed as you like. Each document is stored once, in its own "
        "transaction; one line per document says what was found, and a summary ends the run. A "
        "folder may hold a metadata.csv with columns file,published,outlet,url. --published and "
        "--outlet given for a document already stored set them and read it again."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument("--published", help="publication date YYYY-MM-DD for every document given")
        parser.add_argument("--outlet", help="outlet for every document given")
        parser.add_argument("--metadata", help=f"a CSV like {METADATA_FILE} (file,published,outlet,url) for these files")

    def handle(self, *args, paths=(), published=None, outlet=None, metadata=None, **options):
        try:
            published = parse_published(published) if published else None
        except IngestError as exc:
            raise CommandError(f"--published: {exc}") from None
        extra = read_metadata(Path(metadata)) if metadata else {}
        items = list(expand(paths, extra))
        self.progress = Progress(len(items), self.stderr, show=len(items) > PROGRESS_FROM)
        tally = Counter()
        # Each document is stored in its own transaction; their reports are clustered together a
        # batch at a time (events/ingest.py), and each document's line is written once its batch is clustered.
        batch = Batch()
        for source, meta in items:
            self.progress.step()
            if meta is None:
                tally["failed"] += 1
                self.progress.write(f"{source}: error: {problem(Path(source))}", self.stderr)
                continue
            try:
                incoming = sources.from_address(source) if sources.is_address(source) else sources.from_file(source)
                incoming = with_address(incoming, (meta.get("url") or "").strip())
                day = parse_published(meta["published"]) if meta.get("published") else published
                done = batch.add(incoming.text, incoming.name, published=day, outlet=meta.get("outlet") or outlet, meta=incoming)
            except Exception as exc:
                # One document's failure, whatever it is, must not stop the others; its transaction
                # has rolled back, so nothing of it is stored.
                tally["failed"] += 1
                self.progress.write(f"{source}: error: {reason(exc)}; nothing stored", self.stderr)
                if options.get("traceback") and not isinstance(exc, (IngestError, OSError)):
                    self.stderr.write(traceback.format_exc())
                continue
            self.report(done, tally)
        self.report(batch.flush(), tally)
        self.progress.close()
        timeline_index.prune_changes()
        self.stdout.write(summary(tally))
        if tally["failed"]:
            raise CommandError(f"{tally['failed']} document(s) could not be ingested")

    def report(self, results, tally):
        for result in results:
            tally["updated" if result.updated else "unchanged" if result.duplicate else "stored"] += 1
            tally["created"] += len(result.created)
            tally["joined"] += len(result.joined)
            self.progress.write(result.summary(), self.stdout)


def summary(tally):
    documents = sum(tally[k] for k in ("stored", "unchanged", "updated", "failed"))
    parts = [f"{tally['stored']} stored", f"{tally['unchanged']} already there"]
    if tally["updated"]:
        parts.append(f"{tally['updated']} given a new date or outlet")
    parts.append(f"{tally['failed']} failed")
    return f"{documents} document(s): " + ", ".join(parts) + f"; {tally['created']} new event(s), {tally['joined']} joined"


class Progress:
    """A one-line progress bar on a terminal's stderr for many documents, redrawn as they go; lines
    written meanwhile go above it. Not on a terminal, or few documents: just the lines."""

    WIDTH = 30

    def __init__(self, total, err, show):
        self.total, self.done = total, 0
        self.bar = err if show and getattr(err, "isatty", lambda: False)() else None

    def step(self):
        self.done += 1
        self._draw()

    def write(self, line, stream):
        if self.bar:
            self.bar.write("\r\033[K", style_func=str, ending="")
        stream.write(line)
        self._draw()

    def _draw(self):
        if self.bar and self.total:
            filled = self.WIDTH * self.done // self.total
            # Not in the error colour stderr lines take on a terminal.
            self.bar.write(f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total}\r", style_func=str, ending="")
            self.bar.flush()

    def close(self):
        if self.bar:
            self.bar.write("\r\033[K", style_func=str, ending="")


def with_address(incoming, url):
    """The document with the address its metadata gives, where its text came from, unless it is a web
    page that names its own."""
    if not url or incoming.url:
        return incoming
    if not sources.is_address(url):
        raise IngestError(f"the url in its metadata is not an http(s) address: {url}")
    return dataclasses.replace(incoming, url=url)


def read_metadata(path):
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            return {row["file"].strip(): row for row in csv.DictReader(fh) if row.get("file")}
    except (OSError, KeyError, UnicodeDecodeError, csv.Error) as exc:
        raise CommandError(f"{path}: cannot read metadata ({exc})") from None


def expand(paths, extra):
    """(file or address, metadata) for each argument: folders give their .txt, .html and .htm files in
    name order. A path that cannot be ingested (missing, an empty folder) comes with None."""
    for raw in paths:
        if sources.is_address(raw):
            yield raw, extra.get(raw, {})
            continue
        path = Path(raw)
        if path.is_dir():
            children = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in sources.SUFFIXES)
            if not children:
                yield path, None
                continue
            meta = {**read_metadata(path / METADATA_FILE), **extra} if (path / METADATA_FILE).exists() else extra
            for child in children:
                yield child, meta.get(child.name, {})
        elif path.is_file():
            yield path, extra.get(path.name, {})
        else:
            yield raw, None  # as given: a Path would make "ftp://host/a" "ftp:/host/a"


def problem(path):
    if path.is_dir():
        return "the folder has no .txt, .html or .htm files"
    if path.exists():
        return "not a regular file"
    return "no such file or folder"


def reason(exc):
    if isinstance(exc, IngestError) and getattr(exc, "reason", None):
        return exc.reason  # the file or address is named at the start of the line already
    if isinstance(exc, IngestError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read the file ({exc.strerror or exc})"
    return f"unexpected {type(exc).__name__}: {exc}"
