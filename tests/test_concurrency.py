"""Two ingests at once while readers browse, on a SQLite file as in production: nobody sees
"database is locked", and every document is stored exactly once."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT, SEEDS

WRITER_FILES = 12
SHARED_FILES = 6

READER = textwrap.dedent(
    """
    import json, os, sys, django
    django.setup()
    from django.test import Client
    from events.models import Document

    client, stop, seen = Client(), sys.argv[1], {"requests": 0, "errors": []}
    while not os.path.exists(stop) or seen["requests"] < 20:
        last = Document.objects.order_by("-pk").first()
        for url in ["/", "/?country=RU", f"/documents/{last.pk}/" if last else "/"]:
            try:
                status = client.get(url).status_code
            except Exception as exc:
                seen["errors"].append(f"{url}: {type(exc).__name__}: {exc}")
                continue
            seen["requests"] += 1
            if status != 200:
                seen["errors"].append(f"{url}: HTTP {status}")
    print(json.dumps(seen))
    """
)

SQLITE_SETTINGS = textwrap.dedent(
    """
    import json, sqlite3, sys, django
    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        journal = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        busy = cursor.execute("PRAGMA busy_timeout").fetchone()[0]
    # IMMEDIATE: the write lock is taken at BEGIN, before any write, so another writer waits at its
    # own BEGIN (where waiting is safe) instead of failing when it upgrades a read to a write.
    with transaction.atomic():
        connection.cursor().execute("SELECT 1")
        other = sqlite3.connect(sys.argv[1], timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            locked_at_begin = False
        except sqlite3.OperationalError:
            locked_at_begin = True
    print(json.dumps({"journal_mode": journal, "busy_timeout": busy, "locked_at_begin": locked_at_begin}))
    """
)


@pytest.fixture
def sqlite_file(tmp_path):
    """The environment for manage.py on a fresh, migrated SQLite file in tmp_path."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_ENV", None)
    env["DJANGO_SETTINGS_MODULE"] = "timeline.settings"
    manage(env, "migrate", "-v0")
    return env


def manage(env, *args):
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def articles(folder, prefix, count):
    """`count` distinct articles built from the seed texts, one per file."""
    folder.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(count):
        (folder / f"{prefix}-{i:03}.txt").write_text(f"{seeds[i % len(seeds)]}\nReference {prefix}-{i}.\n", encoding="utf-8")
    return folder


def test_sqlite_runs_in_wal_mode_with_immediate_transactions_and_a_busy_timeout(tmp_path, sqlite_file):
    script = tmp_path / "check.py"
    script.write_text(SQLITE_SETTINGS)
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "db.sqlite3")], cwd=ROOT, env=sqlite_file,
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"journal_mode": "wal", "busy_timeout": 20_000, "locked_at_begin": True}


def test_two_ingests_at_once_while_readers_browse_lose_and_duplicate_nothing(tmp_path, sqlite_file):
    shared = articles(tmp_path / "shared", "shared", SHARED_FILES)
    own = [articles(tmp_path / name, name, WRITER_FILES) for name in ("a", "b")]
    stop = tmp_path / "writers-done"
    (tmp_path / "reader.py").write_text(READER)
    readers = [
        subprocess.Popen([sys.executable, str(tmp_path / "reader.py"), str(stop)], cwd=ROOT, env=sqlite_file,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    # Both writers start with the same shared files, so they race to store the same texts.
    writers = [
        subprocess.Popen([sys.executable, "manage.py", "ingest", str(shared), str(folder)], cwd=ROOT, env=sqlite_file,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in own
    ]
    written = [w.communicate(timeout=300) for w in writers]
    stop.touch()
    read = [r.communicate(timeout=120) for r in readers]

    for process, (out, err) in zip(writers + readers, written + read):
        assert "locked" not in out + err
        assert process.returncode == 0, err
    for out, _ in read:
        seen = json.loads(out)
        assert seen["errors"] == []
        assert seen["requests"] >= 20

    lines = [line for out, _ in written for line in out.splitlines()]
    for i in range(SHARED_FILES):
        mine = [line for line in lines if line.startswith(f"shared-{i:03}.txt: ")]
        assert len(mine) == 2
        assert sum("already ingested" in line for line in mine) == 1, mine

    stored = manage(sqlite_file, "shell", "-c", "from events.models import Document; import json; "
                    "print(json.dumps(list(Document.objects.values_list('filename', flat=True))))")
    filenames = json.loads(stored.stdout.strip().splitlines()[-1])
    expected = {f"{prefix}-{i:03}.txt" for prefix, n in [("shared", SHARED_FILES), ("a", WRITER_FILES), ("b", WRITER_FILES)] for i in range(n)}
    assert sorted(filenames) == sorted(expected)
