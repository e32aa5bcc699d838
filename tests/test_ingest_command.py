import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events.models import Document, Event, Source
from tests.conftest import ROOT, SEEDS


def run_ingest(*args):
    out, err = StringIO(), StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_one_line_per_file(db):
    out, _ = run_ingest(str(SEEDS))
    *lines, total = out.strip().splitlines()
    assert len(lines) == 5
    assert all(line.startswith(f.name) for line, f in zip(lines, sorted(SEEDS.glob("*.txt"))))
    assert total.startswith("5 document(s): 5 stored, 0 already there, 0 failed; 14 new event(s)")


def test_ingesting_the_same_text_again_changes_nothing(db):
    run_ingest(str(SEEDS))
    counts = (Document.objects.count(), Event.objects.count(), Source.objects.count())
    out, _ = run_ingest(str(SEEDS))
    assert (Document.objects.count(), Event.objects.count(), Source.objects.count()) == counts
    assert out.count("already ingested") == 5


def test_the_text_is_stored_exactly_as_given(db):
    run_ingest(str(SEEDS))
    for path in SEEDS.glob("*.txt"):
        assert Document.objects.get(filename=path.name).text == path.read_text(encoding="utf-8")


def test_a_missing_path_fails_but_the_others_go_on(db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu on Friday.")
    with pytest.raises(CommandError):
        run_ingest(str(tmp_path / "missing.txt"), str(good))
    assert Document.objects.filter(filename="good.txt").exists()


def test_the_header_date_becomes_the_publication_date(db):
    run_ingest(str(SEEDS))
    dated = Document.objects.exclude(published=None)
    assert {d.published.isoformat() for d in dated} == {"2023-04-28"}
    assert {d.published_source for d in dated} == {"header"}


def test_published_option_sets_the_date(db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Singh met Shoigu on Friday.")
    run_ingest(str(path), "--published", "2023-04-28")
    assert Document.objects.get().published.isoformat() == "2023-04-28"


def test_a_folder_metadata_file_gives_dates_per_file(db, tmp_path):
    (tmp_path / "a.txt").write_text("Singh met Shoigu on Friday.")
    (tmp_path / "b.txt").write_text("Singh met Kurbanov on Monday.")
    (tmp_path / "metadata.csv").write_text("file,published,outlet\na.txt,2023-04-28,The Hindu\n")
    run_ingest(str(tmp_path))
    a, b = Document.objects.order_by("filename")
    assert (a.published.isoformat(), a.outlet) == ("2023-04-28", "The Hindu")
    assert b.published is None


def test_a_folder_metadata_file_gives_the_address_each_text_came_from(db, tmp_path):
    (tmp_path / "a.txt").write_text("Singh met Shoigu on Friday.")
    (tmp_path / "b.txt").write_text("Singh met Kurbanov on Monday.")
    (tmp_path / "c.txt").write_text("Singh met Khrenin on Tuesday.")
    (tmp_path / "metadata.csv").write_text(
        "file,published,outlet,url\na.txt,,The Hindu,https://www.thehindu.com/news/a/\nc.txt,,,not an address\n"
    )
    with pytest.raises(CommandError):
        run_ingest(str(tmp_path))
    a, b = Document.objects.order_by("filename")
    assert (a.outlet, a.url) == ("The Hindu", "https://www.thehindu.com/news/a/")
    assert (b.outlet, b.url) == (None, "")
    assert not Document.objects.filter(filename="c.txt").exists()


def test_the_sample_articles_carry_their_outlets_and_addresses(seeded):
    """fixtures/documents/metadata.csv names the outlet each sample was found at (by its text, word for word)."""
    outlets = {d.filename: (d.outlet, d.url.split("/")[2] if d.url else None) for d in seeded}
    assert outlets == {
        "000_77a2fed890e86608.txt": ("The Indian Express", "indianexpress.com"),
        "001_a9757929d6b7b31c.txt": ("CanIndia", "www.canindia.com"),
        "002_f766a4a9296361bf.txt": ("ETV Bharat", "etvbharat.com"),
        "003_c2421a25f7c825d5.txt": ("The Statesman", "www.thestatesman.com"),
        "004_341064c7259d6294.txt": ("WION", "www.wionews.com"),
    }


def test_no_report_of_the_samples_shows_an_unknown_outlet(seeded, client):
    for event in Event.objects.prefetch_related("sources__document"):
        assert all(s.document.outlet for s in event.sources.all())
        assert "Unknown outlet" not in client.get(event.get_absolute_url()).content.decode(), event.title


def test_export_has_the_documented_schema(seeded):
    out = StringIO()
    call_command("export_events", "--format", "json", stdout=out)
    payload = json.loads(out.getvalue())
    assert set(payload) == {"events"}
    assert payload["events"], "the seeds report events"
    for event in payload["events"]:
        assert set(event) == {
            "id", "title", "kind", "date", "date_precision", "date_end", "date_evidence", "needs_review", "review_reason",
            "venue", "participants", "countries", "topics", "sources",
        }
        assert event["kind"] in {"meeting", "visit", "agreement", "statement", "summit", "other"}
        assert event["date_precision"] in {"day", "month", "year", "unknown"}
        for source in event["sources"]:
            assert set(source) == {"document", "start", "end", "text"}
            text = (SEEDS / source["document"]).read_text(encoding="utf-8")
            assert text[source["start"] : source["end"]] == source["text"]
        for person in event["participants"]:
            assert set(person) == {"name", "country", "role"}


def test_the_command_line_runs_from_a_shell(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3", "PATH": "/usr/bin:/bin"}
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    done = subprocess.run([python, "manage.py", "ingest", str(SEEDS)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.strip().splitlines()) == 5 + 1  # a line per document and the summary
