"""A bounded load test: gunicorn with production settings on 127.0.0.1, the seed articles ingested into
a fresh SQLite file, then N requests, C at once, over the timeline, its filters, the htmx fragment and
the event, document and person pages. Prints errors, p50/p95/p99 and requests per second; exits
non-zero on any error.

    .venv/bin/python benchmarks/loadtest.py [--requests 2000] [--concurrency 16] [--workers 3]

Only ever 127.0.0.1; at most 20,000 requests, 64 at once and --max-seconds (default 300) in all.
"""

import argparse
import http.client
import itertools
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PYTHON = sys.executable

URL_QUERY = """
import json
from events.models import Country, Document, Event, Person, Topic
print(json.dumps({
    "events": list(Event.objects.values_list("pk", flat=True)),
    "documents": list(Document.objects.values_list("pk", flat=True)),
    "people": list(Person.objects.filter(events__isnull=False).distinct().values_list("pk", flat=True)),
    "countries": list(Country.objects.filter(events__isnull=False).distinct().values_list("code", flat=True)),
    "topics": list(Topic.objects.filter(events__isnull=False).distinct().values_list("slug", flat=True)),
}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--max-seconds", type=float, default=300)
    args = parser.parse_args()
    requests = min(max(args.requests, 1), 20_000)
    concurrency = min(max(args.concurrency, 1), 64)

    with tempfile.TemporaryDirectory(prefix="loadtest-") as tmp:
        env = environment(Path(tmp))
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"], ["ingest", "fixtures/documents"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        ids = json.loads(subprocess.run([PYTHON, "manage.py", "shell", "-c", URL_QUERY], cwd=ROOT, env=env,
                                        check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        urls = targets(ids)
        port = free_port()
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "timeline.wsgi", f"--bind={HOST}:{port}", f"--workers={args.workers}",
             "--timeout=30", "--log-level=warning"],
            cwd=ROOT, env=env, start_new_session=True,
        )
        try:
            wait_until_up(port)
            print(f"{len(urls)} URLs; {requests} requests, {concurrency} at once, gunicorn with {args.workers} workers")
            results, elapsed = load(port, urls, requests, concurrency, args.max_seconds)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    return report(results, elapsed, requests)


def environment(tmp):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        DJANGO_ENV="production", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0", DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}", STATIC_ROOT=str(tmp / "static"),
        DJANGO_SETTINGS_MODULE="timeline.settings",
    )
    return env


def targets(ids):
    """(path, headers): the timeline and its filters, the htmx fragment, and every detail page."""
    fragment = {"HX-Request": "true"}
    urls = [("/", {}), ("/", fragment), ("/?kind=meeting", {}), ("/?q=defence", {}), ("/?review=1", {}),
            ("/?from=2020&to=2021", {}), ("/?from=2023-04", fragment)]
    urls += [(f"/?country={code}", {}) for code in ids["countries"]]
    urls += [(f"/?country={code}", fragment) for code in ids["countries"][:3]]
    urls += [(f"/?topic={slug}", {}) for slug in ids["topics"]]
    urls += [(f"/?person={pk}", {}) for pk in ids["people"][:10]]
    urls += [(f"/events/{pk}/", {}) for pk in ids["events"]]
    urls += [(f"/documents/{pk}/", {}) for pk in ids["documents"]]
    urls += [(f"/people/{pk}/", {}) for pk in ids["people"]]
    return urls


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_until_up(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def load(port, urls, requests, concurrency, max_seconds):
    local = threading.local()
    deadline = time.monotonic() + max_seconds
    plan = itertools.islice(itertools.cycle(urls), requests)

    def fetch(target):
        path, headers = target
        if time.monotonic() > deadline:
            return path, "not sent: over --max-seconds", 0.0
        if not hasattr(local, "conn"):
            local.conn = http.client.HTTPConnection(HOST, port, timeout=30)
        started = time.perf_counter()
        try:
            local.conn.request("GET", path, headers=headers)
            response = local.conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            local.conn.close()
            del local.conn
            status = f"{type(exc).__name__}: {exc}"
        return path, status, time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(fetch, plan))
    return results, time.perf_counter() - started


def report(results, elapsed, requested):
    errors = [(path, status) for path, status, _ in results if status != 200]
    times = sorted(t for _, status, t in results if status == 200)
    print(f"requests: {len(results)} of {requested}; errors: {len(errors)}")
    for path, status in errors[:10]:
        print(f"  {path}: {status}")
    if times:
        q = statistics.quantiles(times, n=100)
        print(f"latency: p50 {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms")
    print(f"throughput: {len(results) / elapsed:.1f} requests/s over {elapsed:.1f} s")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
