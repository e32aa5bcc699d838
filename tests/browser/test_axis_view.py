"""The time axis in chromium: zooming with the buttons, the wheel and the keys, moving with the arrows
and by dragging, switching lanes, opening a cluster, choosing an event with the keyboard alone, the
window in the URL and Back, the page without JavaScript, and the empty and undated cases."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from events.models import Country

D = datetime.date


def shown(page):
    """The window the axis shows, as (first day, last day)."""
    axis = page.locator("#axis")
    return D.fromisoformat(axis.get_attribute("data-start")), D.fromisoformat(axis.get_attribute("data-end"))


def asked(page):
    """The window the address asks for, as written there."""
    query = parse_qs(urlsplit(page.url).query)
    return query.get("start", [None])[0], query.get("end", [None])[0]


def days(window):
    return (window[1] - window[0]).days + 1


def not_reloaded(page):
    page.evaluate("window.notReloaded = true")
    return lambda: page.evaluate("window.notReloaded === true")


def heading(page):
    return page.locator("#axis-window")


@pytest.fixture
def events(make_event):
    """Six meetings on six days of a week in April 2023 (a cluster at any wide window), and others
    over 2020–2023: a month, a year, a range of days, a visit; and one undated."""
    for code, name in [("IN", "India"), ("RU", "Russia"), ("BY", "Belarus")]:
        Country.objects.get_or_create(code=code, defaults={"name": name})
    week = [make_event(title=f"Singh meets minister {n}", countries=("IN",), date=D(2023, 4, 23 + n),
                       people=[("Rajnath Singh", "IN"), (f"Minister {n}", "IN")]) for n in range(6)]
    make_event(title="Singh visits Minsk", kind="visit", countries=("IN", "BY"), date=D(2020, 9, 1), precision="month")
    make_event(title="Talks in 2021", countries=("RU",), date=D(2021, 1, 1), precision="year",
               people=[("Sergei Shoigu", "RU")])
    ranged = make_event(title="Exercise talks", countries=("RU",), date=D(2022, 3, 1), people=[("Sergei Shoigu", "RU")])
    ranged.date_end = D(2022, 3, 3)
    ranged.save()
    make_event(title="Undated talk", precision="unknown")
    return week


def test_the_buttons_zoom_in_and_out_without_reloading(page, site, events):
    page.goto(site + "/axis/")
    expect(heading(page)).to_have_text("2020–2023")
    same_document = not_reloaded(page)
    page.get_by_role("link", name="Zoom in", exact=True).click()
    expect(heading(page)).to_have_text("2021–2022")
    assert asked(page) == ("2021", "2022")
    page.get_by_role("link", name="Zoom in", exact=True).click()
    expect(heading(page)).to_have_text("Jul 2021 – Jun 2022")
    page.get_by_role("link", name="Zoom out", exact=True).click()
    expect(heading(page)).to_have_text("2021–2022")
    assert same_document()
    # A screen reader hears the new window.
    expect(page.locator("#axis-status")).to_have_text(re.compile(r"^2021–2022: \d+ events? in \d+ lanes?$"))


def test_the_wheel_zooms_about_the_pointer(page, site, events):
    page.goto(site + "/axis/?start=2020&end=2023")
    before = shown(page)
    box = page.locator(".axis-frame").bounding_box()
    # The pointer three quarters of the way across: the day there stays about there.
    x = box["x"] + box["width"] * 0.75
    under = before[0] + datetime.timedelta(days=days(before) * 0.75)
    page.mouse.move(x, box["y"] + 100)
    page.mouse.wheel(0, -300)
    expect(page).not_to_have_url(re.compile(r"start=2020&end=2023$"))
    expect(heading(page)).not_to_have_text("2020–2023")
    after = shown(page)
    assert days(after) < days(before) * 0.6
    assert abs((after[0] + datetime.timedelta(days=days(after) * 0.75) - under).days) <= 3
    assert asked(page) == (after[0].isoformat(), after[1].isoformat())
    page.mouse.wheel(0, 600)
    expect(page).not_to_have_url(re.compile(f"start={after[0].isoformat()}"))
    page.wait_for_function("(n) => { const a = document.getElementById('axis');"
                           " return (Date.parse(a.dataset.end) - Date.parse(a.dataset.start)) / 864e5 + 1 > n }",
                           arg=days(after) * 1.5)
    assert days(shown(page)) > days(after)


def test_the_keys_zoom_and_move(page, site, events):
    page.goto(site + "/axis/?start=2020&end=2023")
    page.locator(".axis-frame").focus()
    page.keyboard.press("+")
    expect(heading(page)).to_have_text("2021–2022")
    page.keyboard.press("-")
    expect(heading(page)).to_have_text("2020–2023")
    page.keyboard.press("ArrowRight")
    expect(heading(page)).to_have_text("2021–2024")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(heading(page)).to_have_text("2019–2022")
    # Keys pressed quickly one after another each take a step.
    page.keyboard.press("=")
    page.keyboard.press("+")
    expect(heading(page)).to_have_text("Jul 2020 – Jun 2021")  # 2020–2021, then a year about its middle
    assert page.evaluate("document.activeElement.classList.contains('axis-frame')")


def test_dragging_moves_the_window_and_back_undoes_the_drag(page, site, events):
    page.goto(site + "/axis/?start=2020&end=2023")
    before = shown(page)
    box = page.locator(".axis-frame").bounding_box()
    y = box["y"] + box["height"] - 20
    page.mouse.move(box["x"] + box["width"] * 0.8, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.55, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=8)
    page.mouse.up()
    # Half the width dragged to the left: the window is half its length later.
    page.wait_for_function("() => document.getElementById('axis').dataset.start > '2021-12-15'")
    expect(page).not_to_have_url(re.compile(r"start=2020&end=2023$"))
    after = shown(page)
    assert days(after) == days(before)
    assert abs((after[0] - before[0]).days - days(before) / 2) <= days(before) * 0.03
    # The drag was one entry in the history, however many steps it took.
    page.go_back()
    expect(page).to_have_url(re.compile(r"start=2020&end=2023$"))
    expect(heading(page)).to_have_text("2020–2023")


def test_the_lanes_switch_between_countries_people_and_kinds(page, site, events):
    page.goto(site + "/axis/")
    lanes = page.locator(".axis-svg .lane-name")
    expect(lanes).to_have_text(["India · 7", "Russia · 2", "Belarus · 1"])
    page.get_by_role("link", name="by kind").click()
    expect(page).to_have_url(f"{site}/axis/?lanes=kind")
    expect(lanes).to_have_text(["Meeting · 8", "Visit · 1"])
    page.get_by_role("link", name="by person").click()
    expect(lanes.first).to_have_text("Rajnath Singh · 7")
    page.go_back()
    expect(lanes).to_have_text(["Meeting · 8", "Visit · 1"])


def test_a_cluster_opens_by_zooming_to_its_days(page, site, events):
    page.goto(site + "/axis/")
    cluster = page.locator(".axis-svg .cluster")
    expect(cluster).to_have_count(1)
    expect(cluster).to_have_attribute("aria-label", "6 events, 23–28 Apr 2023: zoom in")
    expect(cluster.locator("text")).to_have_text("6")
    cluster.click()
    expect(heading(page)).to_have_text("22–28 Apr 2023")
    # In a week, the six meetings are apart: six points, no cluster.
    expect(page.locator(".axis-svg .cluster")).to_have_count(0)
    expect(page.locator(".axis-svg .item.point")).to_have_count(6)
    page.go_back()
    expect(heading(page)).to_have_text("2020–2023")


def test_the_keyboard_alone_reaches_an_event_and_shows_its_card(page, site, events):
    page.goto(site + "/axis/?start=2023-04-22&end=2023-04-28")
    page.locator(".axis-frame").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Meeting: Singh meets minister 0, 23 Apr 2023"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    panel = page.locator("#event-panel")
    expect(panel.locator(".event-card h4")).to_have_text("Singh meets minister 1")
    expect(panel.get_by_role("link", name="Open the event’s page")).to_be_visible()
    expect(page).to_have_url(re.compile(r"&event=\d+$"))
    expect(page.locator("#axis-status")).to_have_text("Shown after the axis: Singh meets minister 1")
    # Focus stays on the event, so the next one is a Tab away; the keys still zoom from there.
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Meeting: Singh meets minister 1, 24 Apr 2023"
    page.keyboard.press("-")
    expect(heading(page)).to_have_text(re.compile("Apr"))
    expect(heading(page)).not_to_have_text("22–28 Apr 2023")
    # The chosen event stays chosen in the address and on the axis.
    expect(page).to_have_url(re.compile(r"event=\d+"))
    expect(page.locator(".axis-svg .item.chosen")).to_have_count(1)


def test_the_window_is_in_the_url_and_back_restores_the_previous_one(page, site, events):
    page.goto(site + "/axis/?country=IN")
    page.get_by_role("link", name="Zoom in", exact=True).click()
    expect(heading(page)).to_have_text("2021–2022")
    page.get_by_role("link", name="Later", exact=True).click()
    expect(heading(page)).to_have_text("2022–2023")
    assert page.url == f"{site}/axis/?country=IN&start=2022&end=2023"
    page.go_back()
    expect(heading(page)).to_have_text("2021–2022")
    page.go_back()
    expect(heading(page)).to_have_text("2020–2023")
    page.go_forward()
    expect(heading(page)).to_have_text("2021–2022")
    # A shared address opens on the same window.
    other = page.context.new_page()
    other.goto(f"{site}/axis/?country=IN&start=2022&end=2023")
    expect(heading(other)).to_have_text("2022–2023")
    other.close()


def test_the_links_work_without_javascript(browser, site, events):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/axis/")
    page.get_by_role("link", name="Zoom in", exact=True).click()
    expect(page).to_have_url(f"{site}/axis/?start=2021&end=2022")
    page.get_by_role("link", name="by kind").click()
    expect(page).to_have_url(f"{site}/axis/?start=2021&end=2022&lanes=kind")
    page.locator(".axis-svg .item").first.click()
    expect(page.locator("#event-panel .event-card")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"&event=\d+#event-panel$"))
    context.close()


def test_the_list_and_the_map_lead_to_the_axis_with_their_filters(page, site, events):
    page.goto(site + "/?country=RU")
    page.get_by_role("link", name="on a time axis").click()
    expect(page).to_have_url(f"{site}/axis/?country=RU")
    expect(page.locator(".axis-svg .lane-name")).to_have_text(["Russia · 2"])
    page.get_by_role("link", name="Show them on a map").click()
    expect(page).to_have_url(f"{site}/map/?country=RU")
    page.get_by_role("link", name="on a time axis").click()
    page.get_by_role("link", name="Show these events as a list").click()
    expect(page).to_have_url(f"{site}/?country=RU")


def test_an_empty_selection_says_so(page, site, events):
    page.goto(site + "/axis/?q=nothing+like+this")
    expect(page.get_by_text("No events match these filters.")).to_be_visible()
    expect(page.locator("#axis")).to_have_count(0)


def test_undated_events_are_listed_apart_and_open_their_card(page, site, events):
    page.goto(site + "/axis/?q=Undated")
    expect(page.get_by_text("None of these events has a known date")).to_be_visible()
    expect(page.locator("#axis")).to_have_count(0)
    page.locator(".axis-undated").get_by_role("link", name="Undated talk").click()
    expect(page.locator("#event-panel .event-card h4")).to_have_text("Undated talk")
    page.get_by_role("link", name="See them in the list").click()
    expect(page.locator(".timeline h2.year")).to_have_text(["Date unknown"])


@pytest.mark.parametrize("width", [1280, 390])
def test_the_axis_fits_the_screen(page, site, events, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/axis/")
    expect(page.locator(".axis-svg")).to_be_visible()
    if width < 700:
        # Drawn again for the phone's width: no tick label overlaps the next.
        expect(page.locator(".axis-svg.nominal")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    boxes = page.locator(".axis-svg .ticks text").evaluate_all(
        "texts => texts.filter(t => getComputedStyle(t).display !== 'none').map(t => t.getBBox())"
        ".map(b => [b.x, b.x + b.width])")
    assert len(boxes) >= 3
    assert all(a[1] <= b[0] for a, b in zip(boxes, boxes[1:]))
