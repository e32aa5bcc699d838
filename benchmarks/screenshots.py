"""The README's screenshots, made again: the list, the time axis and the map of the five sample
articles, served by gunicorn with production settings from a fresh SQLite file on 127.0.0.1 and
taken in Debian's chromium 1280 pixels wide.

    .venv/bin/python benchmarks/screenshots.py    # writes docs/screenshot.png, docs/axis.png, docs/map.png
"""

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from first_screen import ARGS, CHROMIUM  # noqa: E402
from loadtest import HOST, PYTHON, ROOT, environment, free_port, wait_until_up  # noqa: E402

DOCS = ROOT / "docs"


def list_page(page, site):
    page.goto(f"{site}/?from=2023&to=2023")
    return "screenshot.png"


def axis_page(page, site):
    # The whole span in lanes by country, with a meeting chosen: its card beside the axis.
    page.goto(f"{site}/axis/")
    page.locator(".axis-svg .item.point").first.click()
    page.locator("#event-panel .event-card").wait_for()
    page.mouse.move(0, 0)
    return "axis.png"


def map_page(page, site):
    page.goto(f"{site}/map/")
    return "map.png"


def main():
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        env = environment(Path(tmp))
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"], ["ingest", "fixtures/documents"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)
        port = free_port()
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "timeline.wsgi", f"--bind={HOST}:{port}", "--workers=1",
             "--log-level=warning"],
            cwd=ROOT, env=env, start_new_session=True,
        )
        try:
            wait_until_up(port)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                for take in (list_page, axis_page, map_page):
                    context = browser.new_context(viewport={"width": 1280, "height": 1000})
                    page = context.new_page()
                    name = take(page, f"http://{HOST}:{port}")
                    page.screenshot(path=DOCS / name)
                    print(DOCS / name)
                    context.close()
                browser.close()
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
