"""How soon the first screen of a 5,000-event timeline is ready in a browser: gunicorn with production
settings on 127.0.0.1 over a synthetic corpus (the builder of manage.py bench) in a fresh SQLite
file, and Debian's chromium driven by Playwright loading / again and again.

    .venv/bin/python benchmarks/first_screen.py [--events 5000] [--loads 20]

Prints, over the loads, the median and p95 of: time to first byte, first contentful paint, and
"ready" (DOMContentLoaded finished: the page is laid out, htmx and timeline.js have run and the
filters respond), all from the start of navigation as the browser's Navigation Timing reports them.
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from loadtest import HOST, PYTHON, ROOT, environment, free_port, wait_until_up  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BUILD = """
import sys
from events.synthetic import Size, build
n = int(sys.argv[1])
print(build(Size(events=n, people=n // 5, sources=2 * n, documents=n // 2)))
"""
TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return {ttfb: nav.responseStart, fcp: paint ? paint.startTime : null, ready: nav.domContentLoadedEventEnd};
}"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--loads", type=int, default=20)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="first-screen-") as tmp:
        env = environment(Path(tmp))
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        made = subprocess.run([PYTHON, "manage.py", "shell", "-c", BUILD.replace("sys.argv[1]", str(args.events))],
                              cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        port = free_port()
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "timeline.wsgi", f"--bind={HOST}:{port}", "--workers=2",
             "--timeout=30", "--log-level=warning"],
            cwd=ROOT, env=env, start_new_session=True,
        )
        try:
            wait_until_up(port)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                timings = []
                for n in range(args.loads + 2):
                    # A new context each time: nothing cached from the load before.
                    context = browser.new_context(viewport={"width": 1280, "height": 800})
                    page = context.new_page()
                    page.goto(f"http://{HOST}:{port}/", wait_until="load")
                    if n >= 2:  # the first two warm up the server's workers
                        timings.append(page.evaluate(TIMING))
                    context.close()
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print(f"corpus: {made}; {args.loads} loads of / in chromium, gunicorn with 2 workers")
    for name in ("ttfb", "fcp", "ready"):
        values = sorted(t[name] for t in timings if t[name] is not None)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        print(f"{name:>6}: median {statistics.median(values):6.0f} ms, p95 {p95:6.0f} ms")


if __name__ == "__main__":
    main()
