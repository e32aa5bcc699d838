"""The map view in chromium: it fits a phone and a desktop without scrolling sideways, the keyboard
reaches a country on the map and following it opens the list of that country's events, the list
links back to the map, and axe finds no serious or critical violation."""

import pytest
from playwright.sync_api import expect

from events.models import Country

from .conftest import serious_violations


@pytest.fixture
def venues(make_event):
    for code, name in [("RU", "Russia"), ("IN", "India"), ("SG", "Singapore")]:
        Country.objects.get_or_create(code=code, defaults={"name": name})
    make_event(title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"),
               people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")])
    make_event(title="Shoigu in Delhi", countries=("IN", "RU"), venue=("New Delhi", "IN"),
               people=[("Sergei Shoigu", "RU")])
    make_event(title="Singh at the Shangri-La Dialogue", countries=("IN", "SG"), venue=("Singapore", "SG"))
    make_event(title="Singh on the phone", countries=("IN",))


@pytest.mark.parametrize("width", [1280, 390])
def test_the_map_fits_the_screen(page, site, venues, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/map/")
    expect(page.locator("svg.world-map")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    box = page.locator("svg.world-map").bounding_box()
    assert box["width"] <= width and box["height"] > box["width"] / 3  # drawn to the width, in proportion
    expect(page.locator(".world-map .areas a")).to_have_count(3)
    # Too small for the atlas, Singapore is a square at its capital (a venue named as the country
    # is the country's, not a city's).
    expect(page.locator(".world-map .areas a rect")).to_have_count(1)
    expect(page.locator(".world-map .cities circle")).to_have_count(2)
    expect(page.get_by_text("1 event has no known place")).to_be_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_keyboard_reaches_a_country_and_opens_its_list(page, site, venues, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/map/?kind=meeting")
    for _ in range(20):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.closest('.world-map .areas a')?.getAttribute('aria-label')")
        if label:
            break
    else:
        pytest.fail("no country on the map was reached by Tab")
    assert label in ("India: 1 event", "Russia: 1 event", "Singapore: 1 event")
    country = label.split(":")[0]
    code = {"India": "IN", "Russia": "RU", "Singapore": "SG"}[country]
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/?kind=meeting&country={code}")
    # The list has the events of that country (those held there and any others it took part in).
    expect(page.locator("#results-count")).to_have_text({"IN": "4 events", "RU": "2 events", "SG": "1 event"}[code])
    # And back from the list to the map, with the filters.
    page.get_by_role("link", name="Show these events on a map").click()
    expect(page).to_have_url(f"{site}/map/?kind=meeting&country={code}")
    expect(page.locator("h1")).to_have_text("Where the events took place")


@pytest.mark.parametrize("query", ["", "?kind=meeting", "?q=nothing+like+this"])
def test_no_serious_or_critical_violations(axe_page, site, venues, query):
    assert serious_violations(axe_page, site + "/map/" + query) == []
