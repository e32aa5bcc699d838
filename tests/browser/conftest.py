"""Playwright driving Debian's chromium against the live test server (scripts/install-test-tools
installs both). A missing browser fails these tests; it never skips them."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make are still
# plain synchronous ones.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ABORTED = ("htmx:afterRequest", "htmx:sendAbort")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-test-tools")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL; the database is shared with the server's thread."""
    return live_server.url


def open_page(browser, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, **options)
    page = context.new_page()
    page.set_default_timeout(5000)
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    # A script or style the CSP blocks shows up here as a console error, and so does a failed htmx
    # request. A stale request that hx-sync cancels is logged as an error too, but is meant to happen.
    page.on("console", lambda message: message.type == "error" and not message.text.startswith(ABORTED)
            and page.errors.append(message.text))
    return context, page


@pytest.fixture
def page(browser):
    context, page = open_page(browser)
    yield page
    context.close()
    assert page.errors == []


@pytest.fixture
def axe_page(browser):
    """A page for the axe checks. Playwright adds axe as an inline script, which the site's CSP
    rightly blocks, so only this context bypasses the CSP."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run scripts/install-test-tools")
    context, page = open_page(browser, bypass_csp=True)
    yield page
    context.close()


def serious_violations(page, url):
    """What axe-core finds serious or critical on the page at `url` (the `axe_page` fixture's page)."""
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    assert result["passes"], "axe ran no checks"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
