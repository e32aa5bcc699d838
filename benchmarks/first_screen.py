"""How soon the first screen of a 5,000-event timeline is ready in a browser: gunicorn with production
settings on 127.0.0.1 over a synthetic corpus (the builder of manage.py bench) in a fresh SQLite
file, and Debian's chromium driven by Playwright loading / again and again; then the time axis
(/axis/) and the map (/map/), and, in the same chromium, vis-timeline and TimelineJS drawing the same
events, and the axis's zoom and pan steps.

    .venv/bin/python benchmarks/first_screen.py [--events 5000] [--loads 20] [--visitor cold|warm|both]
                                                [--floor] [--kbps N] [--libraries 5000]
                                                [--library-loads 5] [--steps 30]

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

The time axis and the map are loaded cold, in turn with the list. Their "drawn" is the later of
"ready" and the first contentful paint: their SVG comes drawn in the page. The libraries (installed
from npm for this only, never served by the app) get a static page each, written beside the floor
page, with the first --libraries events in timeline order (all of a 5,000-event corpus): vis-timeline
with those events in lanes by country (the 8 busiest and the others, as the axis opens) and its own
clustering, TimelineJS with the app's TimelineJS export of them. Their "drawn" is the frame after
the library has drawn the events (vis-timeline's "changed" after the "rangechanged" of its fit to the
events, TimelineJS's "loaded"), from the start of navigation. A step is a key pressed on the axis (+, -, the arrows) until the new window is
drawn (the script's fetch, the swap, the next frame), in one warm tab, over the default window.
"""

import argparse
import json
import os
import shutil
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
TIMING = """async () => {
  const nav = performance.getEntriesByType("navigation")[0];
  // The first paint may come after the load event: wait for it (a second at most).
  const paint = performance.getEntriesByName("first-contentful-paint")[0] || await new Promise(resolve => {
    new PerformanceObserver(list => resolve(list.getEntriesByName("first-contentful-paint")[0]))
      .observe({type: "paint", buffered: true});
    setTimeout(() => resolve(null), 1000);
  });
  const fetched = performance.getEntriesByType("resource").filter(r => r.transferSize > 0).length;
  const ready = nav.domContentLoadedEventEnd;
  return {ttfb: nav.responseStart, fcp: paint ? paint.startTime : null, ready, fetched,
          drawn: Math.max(ready, paint ? paint.startTime : 0)};
}"""
FLOOR = "first-screen-floor.html"
LIBRARIES = "first-screen-libraries"  # the libraries' pages, beside the floor page
DRAWN = """() => window.benchReady || new Promise(resolve => { window.benchDone = resolve; })"""
STEP = """async (key) => {
  const frame = document.querySelector('.axis-frame');
  frame.focus();
  const shown = new Promise(resolve => document.addEventListener('axis:shown', resolve, {once: true}));
  const started = performance.now();
  frame.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
  await shown;
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return performance.now() - started;
}"""
STEP_KEYS = ["+", "+", "ArrowRight", "ArrowLeft", "-", "-"]  # back where it started after each round
EXPORT = """
import json, sys
from collections import Counter
from pathlib import Path
from events import exports
from events.models import Event
from events.serializers import prefetched
n, out = int(sys.argv[1]), Path(sys.argv[2])
ids = list(Event.objects.in_timeline_order().exclude(date=None).values_list("pk", flat=True)[:n])
events = list(prefetched(Event.objects.filter(pk__in=ids)).order_by("sort_date", "-date_precision_rank", "pk"))
busiest = [c for c, _ in Counter(c.code for e in events for c in e.countries.all()).most_common(8)]
items, names = [], {}
for e in events:
    codes = [c.code for c in e.countries.all()]
    names.update((c.code, c.name) for c in e.countries.all())
    lanes = [c for c in codes if c in busiest] or ["others"]
    end = e.date_end if e.date_end and e.date_end > e.date else None
    for lane in lanes:
        item = {"id": f"{e.pk}-{lane}", "content": exports.escape(e.title), "start": e.date.isoformat(), "group": lane}
        if end:
            item.update(end=end.isoformat(), type="range")
        else:
            item["type"] = "point"
        items.append(item)
groups = [{"id": c, "content": exports.escape(names[c])} for c in busiest] + [{"id": "others", "content": "Others"}]
(out / "vis-data.js").write_text("window.BENCH = " + json.dumps({"items": items, "groups": groups}) + ";")
timeline = exports.events_timelinejs(events, "http://127.0.0.1/")
(out / "timelinejs-data.js").write_text("window.BENCH = " + json.dumps(timeline) + ";")
print(len(events))
"""
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="icon" href="data:,">{head}</head><body>{body}</body></html>"""
# Each library's page says it has drawn at the frame after the library's own signal (see the module's
# docstring); `drawn()` is in drawn.js, shared by both pages.
DRAWN_JS = """"use strict";
function drawn() {
  if (window.benchReady) return;
  requestAnimationFrame(function () { requestAnimationFrame(function () {
    window.benchReady = performance.now();
    if (window.benchDone) window.benchDone(window.benchReady);
  }); });
}
"""
# vis-timeline draws first the weeks around today, then fits the events in (the "rangechanged" of
# its fit), lays out its clusters and draws again ("changed"): that second drawing is the events.
VIS_BOOT = """"use strict";
let fitted = false;
const timeline = new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(window.BENCH.items),
  new vis.DataSet(window.BENCH.groups),
  {showCurrentTime: false, cluster: {maxItems: 3}, stack: true, zoomMin: 7 * 864e5, orientation: "top", margin: {item: 4}});
timeline.on("rangechanged", function () { fitted = true; });
timeline.on("changed", function () { if (fitted) drawn(); });
"""
# TimelineJS says "loaded" once its slides and its time navigation are both laid out, possibly inside
# the constructor, before a listener could be added: hence the wrapped fire. Its files are the
# package's own (script_path), with system fonts (the default loads web fonts from Google).
TIMELINEJS_BOOT = """"use strict";
const fire = TL.Timeline.prototype.fire;
TL.Timeline.prototype.fire = function (type) {
  if (type === "loaded") drawn();
  return fire.apply(this, arguments);
};
new TL.Timeline("timeline-embed", window.BENCH,
  {script_path: new URL("timelinejs/js/", location.href).href, font: "georgia-helvetica"});
"""
WARMUP = 2  # loads of each kind not counted: the first ones warm up the server's workers (and fill the warm cache)
LABELS = {
    "cold": "cold: a new context per load, nothing cached",
    "warm": "warm: a returning visitor, static files from the browser's cache",
    "floor": "floor: an empty page (no CSS, no JS) from the same gunicorn, cold",
    "axis": "time axis (/axis/), cold",
    "map": "map (/map/), cold",
}
PACKAGES = {"vis-timeline": ("vis-timeline", "vis-timeline"), "timelinejs": ("TimelineJS", "@knight-lab/timelinejs")}


class Visitor:
    """Loads one URL again and again, in a new context each time (cold) or in new tabs of one (warm).
    A library's page is timed until the library has drawn (`library`)."""

    def __init__(self, browser, url, warm, kbps, library=False):
        self.browser, self.url, self.warm, self.kbps, self.library = browser, url, warm, kbps, library
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
        page.goto(self.url, wait_until="load", timeout=300_000)
        if self.library:
            page.wait_for_function("window.benchReady", timeout=300_000, polling=50)
        if counted:
            timing = page.evaluate(TIMING)
            if self.library:
                timing["drawn"] = page.evaluate(DRAWN)
            self.timings.append(timing)
        page.close()
        if not self.warm:
            self.close()

    def close(self):
        if self.context is not None:
            self.context.close()
            self.context = None


def write_library_pages(static, env, n):
    """The libraries' pages and files, and the first `n` events as each library takes them; returns
    how many events they have."""
    folder = static / LIBRARIES
    folder.mkdir()
    made = subprocess.run([PYTHON, "manage.py", "shell", "-c", EXPORT.replace("sys.argv[1]", str(n))
                           .replace("sys.argv[2]", repr(str(folder)))],
                          cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    modules = ROOT / "node_modules"
    vis = modules / "vis-timeline"
    shutil.copy(vis / "standalone" / "umd" / "vis-timeline-graph2d.min.js", folder)
    shutil.copy(vis / "styles" / "vis-timeline-graph2d.min.css", folder)
    shutil.copytree(modules / "@knight-lab" / "timelinejs" / "dist", folder / "timelinejs")
    (folder / "drawn.js").write_text(DRAWN_JS)
    (folder / "vis-boot.js").write_text(VIS_BOOT)
    (folder / "timelinejs-boot.js").write_text(TIMELINEJS_BOOT)
    (folder / "vis-timeline.html").write_text(PAGE.format(
        title="vis-timeline", head='<link rel="stylesheet" href="vis-timeline-graph2d.min.css">',
        body='<div id="timeline"></div><script src="vis-timeline-graph2d.min.js"></script><script src="drawn.js"></script>'
             '<script src="vis-data.js"></script><script src="vis-boot.js"></script>'))
    (folder / "timelinejs.html").write_text(PAGE.format(
        title="TimelineJS", head='<link rel="stylesheet" href="timelinejs/css/timeline.css">',
        body='<div id="timeline-embed" style="width: 100%; height: 600px"></div>'
             '<script src="timelinejs/js/timeline.js"></script><script src="drawn.js"></script>'
             '<script src="timelinejs-data.js"></script><script src="timelinejs-boot.js"></script>'))
    return int(made.stdout.strip().splitlines()[-1])


def versions():
    return json.loads((ROOT / "package.json").read_text())["devDependencies"]


def spread(values):
    """(median, p95) of the values."""
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def steps(browser, url, n):
    """How long each of `n` zoom and pan steps takes to show the new window, in one warm tab."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url, wait_until="load")
    times = [page.evaluate(STEP, STEP_KEYS[i % len(STEP_KEYS)]) for i in range(n + len(STEP_KEYS))]
    context.close()
    return times[len(STEP_KEYS):]  # the first round warms the server's workers up


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--loads", type=int, default=20, help="counted loads per visitor")
    parser.add_argument("--visitor", choices=("cold", "warm", "both"), default="both")
    parser.add_argument("--floor", action="store_true", help="also load an empty page: the harness's own cost")
    parser.add_argument("--kbps", type=int, default=0, help="emulate a download link of this many kbit/s")
    parser.add_argument("--libraries", type=int, default=5000,
                        help="events vis-timeline and TimelineJS draw (0: leave them out)")
    parser.add_argument("--library-loads", type=int, default=5, help="counted loads of each library's page")
    parser.add_argument("--steps", type=int, default=30, help="zoom and pan steps timed on the axis")
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
        drawn_by_libraries = write_library_pages(Path(env["STATIC_ROOT"]), env, args.libraries) if args.libraries else 0
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
                site = f"http://{HOST}:{port}"
                page_url, floor_url = f"{site}/", f"{site}/static/{FLOOR}"
                visitors = {}
                if args.visitor in ("cold", "both"):
                    visitors["cold"] = Visitor(browser, page_url, warm=False, kbps=args.kbps)
                if args.visitor in ("warm", "both"):
                    visitors["warm"] = Visitor(browser, page_url, warm=True, kbps=args.kbps)
                if args.floor:
                    visitors["floor"] = Visitor(browser, floor_url, warm=False, kbps=args.kbps)
                visitors["axis"] = Visitor(browser, f"{site}/axis/", warm=False, kbps=args.kbps)
                visitors["map"] = Visitor(browser, f"{site}/map/", warm=False, kbps=args.kbps)
                # In turn, so a busy moment on the machine falls on every kind of load alike.
                for n in range(args.loads + WARMUP):
                    for visitor in visitors.values():
                        visitor.load(counted=n >= WARMUP)
                libraries = {}
                if args.libraries:
                    for name in PACKAGES:
                        libraries[name] = Visitor(browser, f"{site}/static/{LIBRARIES}/{name}.html", warm=False,
                                                  kbps=args.kbps, library=True)
                    for n in range(args.library_loads + 1):
                        for library in libraries.values():
                            library.load(counted=n >= 1)
                stepped = steps(browser, f"{site}/axis/", args.steps) if args.steps else []
                for visitor in visitors.values():
                    visitor.close()
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    network = f"a {args.kbps} kbit/s link emulated" if args.kbps else "loopback"
    print(f"corpus: {made}; {args.loads} loads of each page per visitor in chromium, gunicorn with 2 workers, {network}")
    for kind, visitor in visitors.items():
        fetched = statistics.median(t["fetched"] for t in visitor.timings)
        print(f"{LABELS[kind]} (static files fetched per load: {fetched:g})")
        for name in ("ttfb", "fcp", "ready") + (("drawn",) if kind in ("axis", "map") else ()):
            values = [t[name] for t in visitor.timings if t[name] is not None]
            if not values:
                print(f"  {name:>6}: not reported by the browser")
                continue
            median, p95 = spread(values)
            print(f"  {name:>6}: median {median:6.0f} ms, p95 {p95:6.0f} ms")
    if libraries:
        axis = statistics.median(t["drawn"] for t in visitors["axis"].timings)
        known = versions()
        for name, library in libraries.items():
            median, p95 = spread(t["drawn"] for t in library.timings)
            title, package = PACKAGES[name]
            print(f"{title} {known[package]}, the first {drawn_by_libraries:,} events, cold, "
                  f"{args.library_loads} loads: drawn median {median:6.0f} ms, p95 {p95:6.0f} ms: "
                  f"the time axis is drawn {median / axis:.1f}× sooner")
    if stepped:
        median, p95 = spread(stepped)
        print(f"time axis, a zoom or pan step ({len(stepped)} keys: {' '.join(STEP_KEYS)} …) until the new window "
              f"is drawn: median {median:4.0f} ms, p95 {p95:4.0f} ms")


if __name__ == "__main__":
    main()
