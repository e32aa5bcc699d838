"""The timeline as a person uses it in chromium: filters that swap only the results and keep the URL,
Back, the keyboard alone, sources that open in place, and documents that scroll to the passage."""

import datetime

from playwright.sync_api import expect

from events.views import PAGE_SIZE


def cards(page):
    return page.locator("#results .event-card h4")


def not_reloaded(page):
    """Marks the document; a full reload would lose the mark."""
    page.evaluate("window.notReloaded = true")
    return lambda: page.evaluate("window.notReloaded === true")


def test_picking_a_country_updates_the_list_and_the_url_without_a_reload(page, site, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    page.goto(site)
    expect(cards(page)).to_have_count(2)
    same_document = not_reloaded(page)
    page.get_by_role("checkbox", name="RU").check()
    expect(page).to_have_url(f"{site}/?country=RU")
    expect(cards(page)).to_have_text(["India and Russia meet"])
    expect(page.locator("#results-count")).to_have_text("1 event")
    # The counts beside the other options followed: India now gives the one event.
    expect(page.locator("#n-kind-meeting")).to_have_text("1")
    assert same_document()


def test_back_restores_the_previous_list(page, site, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    page.goto(site)
    page.get_by_role("checkbox", name="RU").check()
    expect(cards(page)).to_have_count(1)
    page.get_by_role("checkbox", name="BY").check()
    expect(page).to_have_url(f"{site}/?country=BY&country=RU")
    page.get_by_role("checkbox", name="RU").uncheck()
    expect(cards(page)).to_have_text(["India and Belarus meet"])
    page.go_back()
    expect(page).to_have_url(f"{site}/?country=BY&country=RU")
    expect(cards(page)).to_have_count(2)
    page.go_back()
    expect(page).to_have_url(f"{site}/?country=RU")
    expect(cards(page)).to_have_text(["India and Russia meet"])
    expect(page.get_by_role("checkbox", name="RU")).to_be_checked()
    expect(page.get_by_role("checkbox", name="BY")).not_to_be_checked()


def test_filtering_works_with_the_keyboard_alone(page, site, make_event):
    make_event(title="Singh meets Shoigu", countries=("IN", "RU"))
    make_event(title="Singh meets Khrenin", countries=("IN", "BY"))
    make_event(title="Jaishankar meets Wang", countries=("IN", "CN"), people=[("S Jaishankar", "IN")])
    page.goto(site)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_q":
            break
    page.keyboard.type("singh", delay=30)
    expect(page).to_have_url(f"{site}/?q=singh")
    expect(cards(page)).to_have_count(2)
    # On from the search box through the dates to the first country, and tick it with the space bar.
    while page.evaluate("document.activeElement.name") != "country":
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "BY"
    page.keyboard.press("Space")
    expect(page).to_have_url(f"{site}/?q=singh&country=BY")
    expect(cards(page)).to_have_text(["Singh meets Khrenin"])
    # Only the results were swapped: the keyboard is still where the person left it.
    assert page.evaluate("document.activeElement.value") == "BY"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "CN"


def test_focus_is_visible(page, site, make_event):
    make_event(title="Singh meets Shoigu")
    page.goto(site)
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_a_source_expands_in_place(page, site, make_event):
    make_event(title="Singh meets Shoigu", text="Moscow: Singh meets Shoigu at the ministry.")
    page.goto(site)
    passage = page.locator(".sources blockquote")
    expect(passage).to_be_hidden()
    same_document = not_reloaded(page)
    page.get_by_text("1 report").click()
    expect(passage).to_be_visible()
    expect(passage).to_have_text("Singh meets Shoigu")
    expect(page).to_have_url(f"{site}/")
    assert same_document()


def test_the_document_page_scrolls_to_the_passage(page, site, make_event):
    text = "".join(f"Paragraph {n} says nothing of note.\n" for n in range(120)) + "Singh meets Shoigu in Moscow.\n"
    event = make_event(title="Singh meets Shoigu", text=text)
    page.goto(f"{site}{event.get_absolute_url()}")
    page.get_by_role("link", name="Read it in the whole document").click()
    source = event.sources.get()
    expect(page).to_have_url(f"{site}/documents/{source.document_id}/#passage-{source.start}-{source.end}")
    mark = page.locator(f"#passage-{source.start}-{source.end}")
    expect(mark).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 1000
    assert page.evaluate("getComputedStyle(document.querySelector('mark:target')).backgroundColor") == "rgb(255, 213, 74)"


def test_more_events_load_as_the_reader_scrolls(page, site, make_event):
    for day in range(PAGE_SIZE + 4):
        make_event(title=f"Event {day:02d}", date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day))
    page.goto(site)
    expect(page.locator("#results-count")).to_have_text(f"{PAGE_SIZE + 4} events")
    expect(cards(page)).to_have_count(PAGE_SIZE)
    page.locator(".more").scroll_into_view_if_needed()
    expect(cards(page)).to_have_count(PAGE_SIZE + 4)
    expect(cards(page).last).to_have_text(f"Event {PAGE_SIZE + 3:02d}")
    expect(page.locator(".more")).to_have_count(0)
    expect(page).to_have_url(f"{site}/")


def test_the_person_list_can_be_searched(page, site, make_event):
    make_event(people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")])
    make_event(people=[("S Jaishankar", "IN")])
    page.goto(site)
    page.get_by_placeholder("Find a person").fill("shoi")
    options = page.locator("#person-options .option")
    # The option already chosen ("Anyone") stays in sight.
    expect(options.filter(visible=True)).to_have_count(2)
    expect(options.filter(visible=True)).to_contain_text(["Anyone", "Sergei Shoigu"])
    # Searching the list is not filtering the timeline.
    expect(page).to_have_url(f"{site}/")


def test_a_phone_shows_the_results_first_and_nothing_wider_than_the_screen(page, site, make_event):
    make_event(title="A rather long title for an event that must wrap on a phone screen of 360 pixels")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site)
    expect(page.locator("#filters")).to_be_hidden()
    expect(cards(page)).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_text("Filters", exact=True).click()
    expect(page.locator("#filters")).to_be_visible()


def test_the_keyboard_can_skip_the_overview_months(page, site, make_event):
    """A long timeline has hundreds of month links in the overview; a keyboard user skips them."""
    for year in range(2000, 2024):
        make_event(title=f"Meeting of {year}", date=datetime.date(year, 3, 1))
    page.goto(site)
    page.locator(".overview .skip-link").focus()
    expect(page.locator(".overview .skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "events"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Meeting of 2000"
