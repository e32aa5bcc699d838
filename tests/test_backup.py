"""Backups: what `backup` wrote, `restore` puts back exactly, keeping a copy of what it replaced; a
file that is not a backup is refused and the data left alone."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import ROOT, SEEDS

DUMP = ["dumpdata", "events", "auth.user", "--indent", "1"]


@pytest.fixture
def sqlite_file(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ENV", "DEBUG"}}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", DJANGO_SETTINGS_MODULE="timeline.settings")
    manage(env, "migrate", "-v0")
    return env


def manage(env, *args, ok=True):
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert (done.returncode == 0) == ok, done.stdout + done.stderr
    return done


def test_a_sqlite_backup_restores_exactly_what_was_there(tmp_path, sqlite_file):
    seeds = sorted(SEEDS.glob("*.txt"))
    manage(sqlite_file, "ingest", *map(str, seeds[:3]))
    manage(sqlite_file, "shell", "-c", "from django.contrib.auth.models import User; User.objects.create_user('editor')")
    before = manage(sqlite_file, *DUMP).stdout
    (tmp_path / "backups").mkdir()
    written = Path(manage(sqlite_file, "backup", str(tmp_path / "backups")).stdout.strip())
    assert written.parent == tmp_path / "backups" and written.name.startswith("timeline-")

    # Work after the backup: more documents, an event deleted.
    manage(sqlite_file, "ingest", *map(str, seeds[3:]))
    manage(sqlite_file, "shell", "-c", "from events.models import Event; Event.objects.order_by('pk').first().delete()")
    changed = manage(sqlite_file, *DUMP).stdout
    assert changed != before

    out = manage(sqlite_file, "restore", str(written), "--noinput").stdout
    assert manage(sqlite_file, *DUMP).stdout == before
    safety = Path(out.split("the data it replaced is in ")[1].splitlines()[0])
    assert safety.exists()
    # The restore can itself be undone.
    manage(sqlite_file, "restore", str(safety), "--noinput")
    assert manage(sqlite_file, *DUMP).stdout == changed


def test_a_backup_never_overwrites_a_file(tmp_path, sqlite_file):
    target = tmp_path / "backup.sqlite3"
    target.write_text("precious")
    done = manage(sqlite_file, "backup", str(target), ok=False)
    assert "exists; a backup never overwrites a file" in done.stderr
    assert target.read_text() == "precious"


@pytest.mark.parametrize("content, message", [
    (b"not a database at all, just some text " * 200, "not a SQLite database"),
    (None, "not a backup of this app"),
])
def test_restore_refuses_a_file_that_is_not_a_backup_and_changes_nothing(tmp_path, sqlite_file, content, message):
    manage(sqlite_file, "ingest", str(sorted(SEEDS.glob("*.txt"))[0]))
    before = manage(sqlite_file, *DUMP).stdout
    bogus = tmp_path / "bogus.sqlite3"
    if content is None:
        import sqlite3

        other = sqlite3.connect(bogus)
        other.execute("CREATE TABLE t (x)")
        other.commit()
        other.close()
    else:
        bogus.write_bytes(content)
    done = manage(sqlite_file, "restore", str(bogus), "--noinput", ok=False)
    assert message in done.stderr
    assert manage(sqlite_file, *DUMP).stdout == before


def test_restore_asks_before_replacing_the_data(tmp_path, sqlite_file):
    written = manage(sqlite_file, "backup", str(tmp_path / "b.sqlite3")).stdout.strip()
    done = subprocess.run([sys.executable, "manage.py", "restore", written], cwd=ROOT, env=sqlite_file,
                          input="no\n", capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "restore cancelled" in done.stderr


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs when DATABASE_URL points to PostgreSQL")
def test_a_postgresql_backup_restores_exactly_what_was_there(tmp_path, transactional_db):
    call_command("ingest", *map(str, sorted(SEEDS.glob("*.txt"))[:3]), stdout=StringIO())
    before = dump()
    written = tmp_path / "timeline.dump"
    call_command("backup", str(written), stdout=StringIO())
    call_command("ingest", *map(str, sorted(SEEDS.glob("*.txt"))[3:]), stdout=StringIO())
    assert dump() != before
    call_command("restore", str(written), "--noinput", stdout=StringIO())
    assert dump() == before


def dump():
    out = StringIO()
    call_command(*DUMP, stdout=out)
    return json.loads(out.getvalue())
