"""How soon the first screen of a 5,000-event timeline is ready in a browser: gunicorn with production
settings on 127.0.0.1 over a synthetic corpus (the builder of manage.py bench) in a fresh SQLite
file, and Debian's chromium driven by Playwright loading / again and again.

    .venv/bin/python benchmarks/first_screen.py [--events 5000] [--loads 20] [--visitor cold|warm|both]
                                                [--floor] [--kbps N]

Prints, over the loads, the median and p95 of: time to first byte, first contentful paint, and
"ready" (DOMContentLoaded finished: the page is laid out, htmx and timeline.js have run and the
filters respond), all from the start of navigation as the browser's Navigation Timing reports them.

Two visitors, their loads taken in turn so both see the same machine:
- cold: a new browser context for each load, nothing cached (a first visit). This is the figure the
  300 ms goal is about.
- warm: a returning visitor: one context for all its loads, a new tab each time, so the stylesheet and
  scripts (hashed names, cached for a year) come from the browser's cache and only the page is fetched.
Each line also says how many static files went over the network per load (0 when all came from cache).

--floor adds what no page can beat in this harness: an empty HTML page (no stylesheet, no script) from
the same gunicorn through WhiteNoise, cold. Its "ready" is the browser's own cost of a fresh context
and a navigation; the timeline cannot be ready sooner than its own time to first byte plus that.
--kbps N emulates a download link of N kbit/s (Chrome DevTools network emulation, bandwidth only, no
added latency) so the weight of the page and its files shows; by default everything is loopback.
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
VIEWPORT = {"width": 1280, "height": 800}
BUILD = """
import sys
from events.synthetic import Size, build
n = int(sys.argv[1])
print(build(Size(events=n, people=n // 5, sources=2 * n, documents=n // 2)))
"""
TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const fetched = performance.getEntriesByType("resource").filter(r => r.transferSize > 0).length;
  return {ttfb: nav.responseStart, fcp: paint ? paint.startTime : null, ready: nav.domContentLoadedEventEnd, fetched};
}"""
FLOOR = "first-screen-floor.html"
WARMUP = 2  # loads of each kind not counted: the first ones warm up the server's workers (and fill the warm cache)
LABELS = {
    "cold": "cold: a new context per load, nothing cached",
    "warm": "warm: a returning visitor, static files from the browser's cache",
    "floor": "floor: an empty page (no CSS, no JS) from the same gunicorn, cold",
}


class Visitor:
    """Loads one URL again and again, in a new context each time (cold) or in new tabs of one (warm)."""

    def __init__(self, browser, url, warm, kbps):
        self.browser, self.url, self.warm, self.kbps = browser, url, warm, kbps
        self.context = None
        self.timings = []

    def load(self, counted):
        if self.context is None:
            self.context = self.browser.new_context(viewport=VIEWPORT)
        page = self.context.new_page()
        if self.kbps:
            throughput = self.kbps * 1000 / 8
            cdp = self.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 0,
                                                          "downloadThroughput": throughput,
                                                          "uploadThroughput": throughput})
        page.goto(self.url, wait_until="load")
        if counted:
            self.timings.append(page.evaluate(TIMING))
        page.close()
        if not self.warm:
            self.close()

    def close(self):
        if self.context is not None:
            self.context.close()
            self.context = None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--loads", type=int, default=20, help="counted loads per visitor")
    parser.add_argument("--visitor", choices=("cold", "warm", "both"), default="both")
    parser.add_argument("--floor", action="store_true", help="also load an empty page: the harness's own cost")
    parser.add_argument("--kbps", type=int, default=0, help="emulate a download link of this many kbit/s")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="first-screen-") as tmp:
        env = environment(Path(tmp))
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        # WhiteNoise finds static files when gunicorn starts, so the floor page is written before.
        (Path(env["STATIC_ROOT"]) / FLOOR).write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>'
            '<link rel="icon" href="data:,"></head>'
            "<body><p>Nothing here.</p></body></html>")
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
                page_url, floor_url = f"http://{HOST}:{port}/", f"http://{HOST}:{port}/static/{FLOOR}"
                visitors = {}
                if args.visitor in ("cold", "both"):
                    visitors["cold"] = Visitor(browser, page_url, warm=False, kbps=args.kbps)
                if args.visitor in ("warm", "both"):
                    visitors["warm"] = Visitor(browser, page_url, warm=True, kbps=args.kbps)
                if args.floor:
                    visitors["floor"] = Visitor(browser, floor_url, warm=False, kbps=args.kbps)
                # In turn, so a busy moment on the machine falls on every kind of load alike.
                for n in range(args.loads + WARMUP):
                    for visitor in visitors.values():
                        visitor.load(counted=n >= WARMUP)
                for visitor in visitors.values():
                    visitor.close()
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    network = f"a {args.kbps} kbit/s link emulated" if args.kbps else "loopback"
    print(f"corpus: {made}; {args.loads} loads of / per visitor in chromium, gunicorn with 2 workers, {network}")
    for kind, visitor in visitors.items():
        fetched = statistics.median(t["fetched"] for t in visitor.timings)
        print(f"{LABELS[kind]} (static files fetched per load: {fetched:g})")
        for name in ("ttfb", "fcp", "ready"):
            values = sorted(t[name] for t in visitor.timings if t[name] is not None)
            p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
            print(f"  {name:>6}: median {statistics.median(values):6.0f} ms, p95 {p95:6.0f} ms")


if __name__ == "__main__":
    main()
