"""Backing up and restoring the whole database while the app runs, so an editor's work is never lost:
SQLite through its online backup API, PostgreSQL through pg_dump and pg_restore."""

import datetime
import os
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection

from . import timeline_index


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason."""


def default_name():
    suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
    return f"timeline-{datetime.datetime.now():%Y%m%d-%H%M%S}.{suffix}"


def backup(path):
    """Write a consistent copy of the database to `path` (a file, or a folder to put a dated file in)."""
    path = Path(path)
    if path.is_dir():
        path = path / default_name()
    if path.exists():
        raise BackupError(f"{path} exists; a backup never overwrites a file")
    partial = path.with_name(path.name + ".partial")
    try:
        if connection.vendor == "sqlite":
            sqlite_backup(partial)
        elif connection.vendor == "postgresql":
            run(["pg_dump", "--format=custom", "--no-owner", f"--file={partial}", *pg_args()])
        else:
            raise BackupError(f"backups of {connection.vendor} databases are not supported")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def sqlite_backup(path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        # A snapshot: writers go on meanwhile (WAL), and the copy is one self-contained file.
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()


def restore(path):
    """Replace every table's contents with the backup at `path`; the current data is backed up first,
    next to it, and that file's path returned."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    if connection.vendor == "sqlite":
        source = check_sqlite(path)
    elif connection.vendor == "postgresql":
        run(["pg_restore", "--list", str(path)])  # refuses a file that is not a pg_dump archive
    else:
        raise BackupError(f"restoring {connection.vendor} databases is not supported")
    safety = backup(path.with_name(f"before-restore-{default_name()}"))
    if connection.vendor == "sqlite":
        try:
            connection.ensure_connection()
            # One write transaction on the live database: readers see the old data or the new, never a mix.
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *pg_args(), str(path)])
    timeline_index.invalidate()
    return safety


def check_sqlite(path):
    """An open connection to the backup at `path`, once it is known to be a sound Django database."""
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        status = source.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path}: not a SQLite database ({error})") from None
    if status != "ok":
        source.close()
        raise BackupError(f"{path}: the backup is damaged ({status})")
    if "django_migrations" not in tables:
        source.close()
        raise BackupError(f"{path}: not a backup of this app (no django_migrations table)")
    return source


def pg_args():
    settings = connection.settings_dict
    args = [f"--{name}={settings[key]}" for name, key in [("host", "HOST"), ("port", "PORT"), ("username", "USER")] if settings[key]]
    return [*args, f"--dbname={settings['NAME']}"]


def run(command):
    env = {**os.environ, "PGPASSWORD": connection.settings_dict["PASSWORD"] or ""}
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (apt-get install postgresql-client)") from None
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")
    return done
