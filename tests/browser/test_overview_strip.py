"""The overview strip in chromium: as wide as the screen lets it be, a phone's as much as a desktop's,
with every year of the span in sight, year labels that never overlap (the first and last always
among them), and month bars that the keyboard reaches and that narrow the dates, script or none."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from .conftest import open_page

FIRST, LAST = 2015, 2024

# The boxes of the year labels shown, left to right.
LABELS = """Array.from(document.querySelectorAll('.overview text'))
    .filter(t => getComputedStyle(t).display !== 'none')
    .map(t => { const r = t.getBoundingClientRect(); return {text: t.textContent, left: r.left, right: r.right}; })
    .sort((a, b) => a.left - b.left)"""
# The left and right ends of every mark in the strip (bars and each year's baseline).
MARKS = """Array.from(document.querySelectorAll('.overview .bar, .overview .baseline'))
    .map(m => { const r = m.getBoundingClientRect(); return [r.left, r.right]; })"""


@pytest.fixture
def decade(make_event):
    """Events in each year from 2015 to 2024 but 2019, most in April 2023."""
    for year in range(FIRST, LAST + 1):
        if year == 2019:
            continue
        for month in (1, 6, 12):
            make_event(title=f"Meeting {year}-{month:02d}", date=datetime.date(year, month, 10))
    for day in (1, 2):
        make_event(title=f"Extra meeting {day}", date=datetime.date(2023, 4, day))


def assert_strip_fits(page, width):
    assert page.evaluate("window.innerWidth") == width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator(".overview").scroll_into_view_if_needed()  # below the filters when they are open
    box = page.locator(".overview-strip svg").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # It takes the width it has: the overview's box less its padding.
    assert box["width"] >= page.locator(".overview").bounding_box()["width"] - 30
    marks = page.evaluate(MARKS)
    assert len(marks) == (LAST - FIRST + 1) + 9 * 3 + 1  # a baseline a year, a bar a month with events
    assert all(0 <= left and right <= width for left, right in marks)
    labels = page.evaluate(LABELS)
    shown = [label["text"] for label in labels]
    assert shown[0] == str(FIRST) and shown[-1] == str(LAST)
    assert all(0 <= label["left"] and label["right"] <= width for label in labels)
    for before, after in zip(labels, labels[1:]):
        assert before["right"] <= after["left"], (before, after)
    expect(page.locator(".overview text", has_text=str(LAST))).to_be_in_viewport()
    expect(page.locator(".overview text", has_text=str(FIRST))).to_be_in_viewport()
    return shown


@pytest.mark.parametrize("width", [390, 1280])
def test_the_strip_fits_the_screen_with_every_year(page, site, decade, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site)
    shown = assert_strip_fits(page, width)
    if width == 1280:
        assert shown == [str(year) for year in range(FIRST, LAST + 1)]
    else:
        assert len(shown) < LAST - FIRST + 1  # thinned out on a phone
    # Stretched with the strip: a year's bars take a tenth of it, on a phone as on a desktop.
    strip = page.locator(".overview-strip svg").first.bounding_box()
    baseline = page.locator(".overview .baseline").first.bounding_box()
    assert baseline["width"] == pytest.approx(strip["width"] * 96 / (10 * 108 - 12), abs=1.5)


def test_widths_in_between_fit_too(page, site, decade):
    for width in (320, 480, 700, 900, 1024):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(site)
        assert_strip_fits(page, width)


def test_a_year_without_a_label_is_still_a_link(page, site, decade):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(site)
    hidden = [year for year in range(FIRST, LAST + 1) if year != 2019
              and str(year) not in [label["text"] for label in page.evaluate(LABELS)]]
    assert hidden
    link = page.get_by_role("link", name=re.compile(rf"^{hidden[0]}: 3 events$"))
    expect(link).to_have_count(1)
    box = link.bounding_box()
    assert box["width"] > 10 and box["x"] + box["width"] <= 390


@pytest.mark.parametrize("width", [390, 1280])
def test_a_bar_is_reached_by_tab_and_narrows_the_dates(page, site, decade, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site)
    expect(page.get_by_role("link", name="April 2023: 2 events")).to_have_count(1)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.querySelector('.bar')"):
            break
    else:
        pytest.fail("no bar was reached by Tab")
    assert page.evaluate("document.activeElement.closest('.overview') !== null")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]from=2015-01&to=2015-01$"))
    assert target.endswith("from=2015-01&to=2015-01")
    expect(page.locator("#results-count")).to_have_text("1 event")
    # The strip still spans every year, with that month marked.
    expect(page.locator(".overview .bar.in-range")).to_have_count(1)
    assert_strip_fits(page, width)


def test_the_strip_works_without_javascript(browser, site, decade):
    context, page = open_page(browser, java_script_enabled=False)
    try:
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(site)
        assert_strip_fits(page, 390)
        page.get_by_role("link", name="April 2023: 2 events").click()
        expect(page).to_have_url(re.compile(r"[?&]from=2023-04&to=2023-04$"))
        expect(page.locator("#results-count")).to_have_text("2 events")
    finally:
        context.close()
    assert page.errors == []
