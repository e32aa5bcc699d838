"""The first screen's delivery in chromium: the page arrives gzipped, and event cards far below the
first screen are left unrendered (content-visibility) until the reader comes near them, when they
show in full."""

from playwright.sync_api import expect

SKIPPED = "el => !el.checkVisibility({contentVisibilityAuto: true})"


def test_the_timeline_arrives_compressed(page, site, make_event):
    make_event(title="Singh meets Shoigu")
    response = page.goto(site)
    assert response.headers.get("content-encoding") == "gzip"
    expect(page.locator(".event-card h4")).to_have_text(["Singh meets Shoigu"])


def test_cards_below_the_first_screen_render_when_the_reader_comes_near(page, site, make_event):
    for n in range(20):
        make_event(title=f"Event {n:02d}")
    page.goto(site)
    cards = page.locator("#results .event-card")
    expect(cards).to_have_count(20)
    # The contents of a card are what is skipped, not the card itself (it keeps a placeholder height).
    first, last = cards.first.locator("h4"), cards.last.locator("h4")
    assert not first.evaluate(SKIPPED)
    assert last.evaluate(SKIPPED)
    # Skipped, but still in the page: its words and links are there for find and screen readers.
    expect(last.get_by_role("link", name="Event 19")).to_have_count(1)
    cards.last.scroll_into_view_if_needed()
    expect(last.get_by_role("link", name="Event 19")).to_be_in_viewport()
    assert not last.evaluate(SKIPPED)
    box = last.bounding_box()
    assert box["height"] > 10 and box["width"] > 300
