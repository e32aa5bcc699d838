"""manage.py evaluate PATH: ingest a folder of articles into a throw-away database, score the events
found against the folder's answer key (the figures of ../shared/tools/score.py) and print a diagnosis.

PATH holds gold.json and texts/ (like ../shared/dev), or is a folder of texts given with --gold FILE.
--check FILE fails the command when a figure falls short of the thresholds in FILE (a JSON object of
figures: the least allowed value, or for date_wrong and overmerged_events the most)."""

import argparse
import json
from io import StringIO
from pathlib import Path

from django.core.management import BaseCommand, CommandError, call_command
from django.db import connection

from events import decoding, evaluation
from events.ingest import IngestError
from events.models import Document, Event
from events.throwaway import throwaway_database

RUN_FILE = "run.json"  # what the child leaves in the throw-away folder for the parent


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("path", help="a folder with gold.json and texts/, or a folder of texts with --gold")
        parser.add_argument("--gold", help="the answer key, when PATH is a folder of texts")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print the figures as one JSON object, no diagnosis")
        parser.add_argument("--check", metavar="THRESHOLDS.json", help="exit non-zero if a figure falls short of these")
        parser.add_argument("--keep-db", action="store_true", help="keep the throw-away SQLite database and print its path")
        # The ingest runs in a child process whose DATABASE_URL is the throw-away database (see
        # events/throwaway.py); this option, naming that database's folder, makes the child.
        parser.add_argument("--in-this-database", metavar="FOLDER", help=argparse.SUPPRESS)

    def handle(self, path, gold=None, as_json=False, check=None, keep_db=False, in_this_database=None, **options):
        if in_this_database:
            return self.ingest_and_export(Path(path), Path(in_this_database))
        texts, gold_path = locate(Path(path), gold)
        answer_key = read_json(gold_path, "answer key")
        thresholds = read_json(Path(check), "thresholds") if check else {}
        try:
            evaluation.check({}, thresholds)  # an unknown figure is an error before the long part
        except ValueError as exc:
            raise CommandError(f"{check}: {exc}") from None

        with throwaway_database("evaluate", keep=keep_db) as scratch:
            child = scratch.manage("evaluate", str(texts), "--in-this-database", str(scratch.folder),
                                   capture_output=True, text=True)
            if child.returncode:
                raise CommandError(f"ingesting {texts} into the throw-away database failed:\n{child.stderr.strip()}")
            run = read_json(scratch.folder / RUN_FILE, "the child's results")
            kept = f"database kept: {scratch.sqlite_file}" if keep_db else None

        result = evaluation.score(answer_key, run["export"])
        if as_json:
            self.stdout.write(json.dumps(result.figures))
        else:
            articles = answer_key["articles"]
            self.stdout.write(f"Evaluation of {texts} against {gold_path}")
            self.stdout.write(f"\n== Figures ({len(result.mentions)} gold mentions in {len(articles)} articles,"
                              f" {len(result.events)} predicted events)")
            self.stdout.write("\n".join(evaluation.figure_lines(result.figures)))
            self.write_problems(texts, articles, run["ingest_errors"])
            date_evidence = {int(k): v for k, v in run["date_evidence"].items()}
            self.stdout.write("\n".join(evaluation.diagnosis(result, read_texts(texts, articles), date_evidence)))
        if kept:
            (self.stderr if as_json else self.stdout).write(kept)

        failures = evaluation.check(result.figures, thresholds)
        if check:
            out = self.stderr if as_json or failures else self.stdout
            out.write(f"\n== Check against {check}: " + (f"{len(failures)} figure(s) fell short" if failures
                                                        else f"all {len(evaluation.guarded(thresholds))} thresholds hold"))
            for failure in failures:
                out.write(f" - {failure}")
        if failures:
            raise CommandError(f"{len(failures)} figure(s) fell short of {check}")
        if run["ingest_errors"]:
            raise CommandError(f"{len(run['ingest_errors'])} file(s) could not be ingested: the figures count them as missed")

    def write_problems(self, texts, articles, ingest_errors):
        """Files that could not be ingested and gold articles without a text: the figures count their
        mentions as missed, for reasons that are not the extraction's."""
        absent = [a["file"] for a in articles if not (texts / a["file"]).is_file()]
        if ingest_errors or absent:
            self.stdout.write(f"\n== Articles not read: {len(ingest_errors) + len(absent)}")
            self.stdout.write("\n".join([f" - {line}" for line in ingest_errors]
                                        + [f" - {name}: in the answer key, not in {texts}" for name in absent]))

    def ingest_and_export(self, texts, folder):
        """The child's part: ingest the texts, export the events, and leave them in the folder with each
        event's date evidence (which the export leaves out) and the ingest errors."""
        database = Path(str(connection.settings_dict["NAME"])).resolve()
        if folder.resolve() not in database.parents:
            raise CommandError(f"refusing to ingest into {database}: not a throw-away database in {folder}")
        call_command("migrate", verbosity=0)
        if Document.objects.exists():
            raise CommandError(f"refusing to ingest into {database}: it is not empty")
        errors = StringIO()
        try:
            call_command("ingest", str(texts), stdout=StringIO(), stderr=errors)
        except CommandError:
            pass  # the files that failed are in `errors`; the others are stored
        export = StringIO()
        call_command("export_events", format="json", stdout=export)
        (folder / RUN_FILE).write_text(json.dumps({
            "export": json.loads(export.getvalue()),
            "date_evidence": dict(Event.objects.values_list("pk", "date_evidence")),
            "ingest_errors": errors.getvalue().splitlines(),
        }), encoding="utf-8")


def locate(path, gold=None):
    """(texts folder, answer key) for PATH: PATH/texts if it exists, else PATH; --gold, else PATH/gold.json."""
    if not path.is_dir():
        raise CommandError(f"{path}: not a folder")
    texts = path / "texts" if (path / "texts").is_dir() else path
    gold_path = Path(gold) if gold else path / "gold.json"
    if not gold_path.is_file():
        raise CommandError(f"{gold_path}: no answer key (give a folder with gold.json, or --gold FILE)")
    if not any(texts.glob("*.txt")):
        raise CommandError(f"{texts}: no .txt files")
    return texts, gold_path


def read_texts(texts, articles):
    """Each gold article's text as ingest reads it (gold offsets are into this text)."""
    out = {}
    for article in articles:
        try:
            out[article["file"]] = decoding.read(texts / article["file"])
        except (OSError, IngestError):
            continue  # listed under "Articles not read"
    return out


def read_json(path, what):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"{path}: cannot read the {what} ({exc})") from None
