"""A throw-away database for commands that must never touch the configured one (`bench`, `evaluate`).

The work runs in a child `manage.py` process whose DATABASE_URL names the throw-away database, so
nothing in the process that read the user's settings can reach the user's database.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass
class ThrowawayDatabase:
    folder: Path  # a new temp folder, removed afterwards unless kept
    url: str  # the DATABASE_URL the child runs with

    @property
    def sqlite_file(self):
        return self.url.removeprefix("sqlite:///")

    def manage(self, *args, **run_options):
        """Runs `manage.py ARGS` in a child process on this database (options as for subprocess.run)."""
        return subprocess.run(
            [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
            env={**os.environ, "DATABASE_URL": self.url}, cwd=settings.BASE_DIR, **run_options,
        )


@contextmanager
def throwaway_database(name, url=None, keep=False):
    """A ThrowawayDatabase: `url` if given (an empty database the caller names), otherwise a new SQLite
    file NAME.sqlite3 in a new temp folder. The folder goes at the end unless `keep`."""
    folder = Path(tempfile.mkdtemp(prefix=f"timeline-{name}-"))
    try:
        yield ThrowawayDatabase(folder, url or f"sqlite:///{folder}/{name}.sqlite3")
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
