"""The timeline's filters in chromium, with the keyboard and on a phone: the arrow keys move through a
radio list without applying each choice (Enter or Space does, a click at once), choices that would
empty the page are skipped, the filters that are on are chips that take them off, and "Find a
person" finds people by names and aliases, accents ignored."""

import datetime

from playwright.sync_api import expect

from events.models import Person, Topic

from .conftest import serious_violations


def cards(page):
    return page.locator("#results .event-card h4")


def requests_to_timeline(page, site):
    """The list of the timeline's requests made from now on (htmx's included)."""
    made = []

    def record(request):
        if request.url == f"{site}/" or request.url.startswith(f"{site}/?"):
            made.append(request.url)

    page.on("request", record)
    return made


def topics(make_event):
    for n, (name, kind) in enumerate([("Arms", "meeting"), ("Energy", "visit"), ("Fisheries", "meeting")]):
        topic, _ = Topic.objects.get_or_create(slug=name.lower(), defaults={"name": name})
        make_event(title=f"{name} talks", kind=kind, date=datetime.date(2023, 1, 1 + n)).topics.add(topic)


def focus_radio(page, name, value):
    page.locator(f'input[name="{name}"][value="{value}"]').focus()


def test_arrow_keys_move_through_a_radio_list_without_applying_enter_applies(page, site, make_event):
    topics(make_event)
    page.goto(site)
    expect(cards(page)).to_have_count(3)
    focus_radio(page, "topic", "")
    made = requests_to_timeline(page, site)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "energy"
    expect(page.locator('input[name="topic"][value="energy"]')).to_be_checked()
    page.wait_for_timeout(500)  # long enough for a request the change would have sent
    assert made == [] and page.url == f"{site}/"
    expect(cards(page)).to_have_count(3)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/?topic=energy")
    expect(cards(page)).to_have_text(["Energy talks"])
    # The keyboard stays on the choice it applied.
    assert page.evaluate("document.activeElement.value") == "energy"


def test_space_applies_the_radio_the_arrows_reached_and_a_click_applies_at_once(page, site, make_event):
    topics(make_event)
    page.goto(site)
    focus_radio(page, "kind", "")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.url == f"{site}/"
    page.keyboard.press("Space")
    expect(page).to_have_url(f"{site}/?kind=meeting")
    expect(cards(page)).to_have_text(["Arms talks", "Fisheries talks"])
    page.get_by_role("radio", name="Arms").click()
    expect(page).to_have_url(f"{site}/?topic=arms&kind=meeting")
    expect(cards(page)).to_have_text(["Arms talks"])


def test_a_choice_that_would_give_no_events_is_skipped_and_cannot_be_clicked(page, site, make_event):
    topics(make_event)
    page.goto(site)
    page.get_by_role("radio", name="Visit").click()
    expect(page).to_have_url(f"{site}/?kind=visit")
    # Under "visit" only Energy has events: Arms and Fisheries are disabled, their counts 0.
    expect(page.get_by_role("radio", name="Arms")).to_be_disabled()
    expect(page.get_by_role("radio", name="Fisheries")).to_be_disabled()
    expect(page.locator("#n-topic-arms")).to_have_text("0")
    focus_radio(page, "topic", "")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "energy"  # Arms skipped
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == ""  # Fisheries skipped, round to "Any topic"
    # Back to any kind: every topic has events again.
    page.get_by_role("radio", name="Any kind").click()
    expect(page.get_by_role("radio", name="Arms")).to_be_enabled()


def test_chips_take_filters_off_without_a_reload_and_the_form_follows(page, site, make_event):
    topics(make_event)
    make_event(title="Talks in Moscow", countries=("RU",), date=datetime.date(2023, 2, 1))
    page.goto(f"{site}/?country=IN&topic=arms")
    chips = page.locator(".active-filters .chip")
    expect(chips).to_have_text(["Remove Country: IN×", "Remove Topic: Arms×", "Clear all"])
    page.evaluate("window.notReloaded = true")
    chips.filter(has_text="Topic").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/?country=IN")
    expect(cards(page)).to_have_count(3)
    expect(page.get_by_role("radio", name="Any topic")).to_be_checked()
    expect(page.get_by_role("checkbox", name="IN")).to_be_checked()
    # The keyboard lands on the new count, not lost with the chip taken away.
    assert page.evaluate("document.activeElement.id") == "results-count"
    # The form sends what it shows: ticking a country now keeps the topic off.
    page.get_by_role("checkbox", name="RU").check()
    expect(page).to_have_url(f"{site}/?country=IN&country=RU")
    page.get_by_role("link", name="Clear all").click()
    expect(page).to_have_url(f"{site}/")
    expect(cards(page)).to_have_count(4)
    expect(page.get_by_role("checkbox", name="IN")).not_to_be_checked()
    expect(page.locator(".active-filters")).to_have_count(0)
    assert page.evaluate("window.notReloaded === true")


def test_a_phone_shows_the_chips_with_the_filters_folded(page, site, make_event):
    topics(make_event)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{site}/?topic=arms&q=talks")
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator(".active-filters")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("link", name="Remove Words: talks").click()
    expect(page).to_have_url(f"{site}/?topic=arms")
    expect(cards(page)).to_have_text(["Arms talks"])


def test_chips_work_without_javascript(browser, site, make_event):
    topics(make_event)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/?topic=arms&kind=meeting")
    page.get_by_role("link", name="Remove Topic: Arms").click()
    expect(page).to_have_url(f"{site}/?kind=meeting")
    expect(cards(page)).to_have_count(2)
    expect(page.get_by_role("radio", name="Any topic")).to_be_checked()
    context.close()


def test_find_a_person_by_an_alias_or_without_accents(page, site, make_event):
    make_event(title="a", people=[("Mevlüt Çavuşoğlu", "TR")])
    make_event(title="b", people=[("Hakan Fidan", "TR")])
    Person.objects.filter(name="Hakan Fidan").update(aliases=["Hakan Fîdan"])
    page.goto(site)
    options = page.locator("#person-options .option")
    box = page.get_by_placeholder("Find a person")
    box.fill("cavusoglu")
    expect(options).to_have_text(["Anyone", "Mevlüt Çavuşoğlu 1"])
    box.fill("fidan")
    expect(options).to_have_text(["Anyone", "Hakan Fidan 1"])
    box.fill("fîd")
    expect(options).to_have_text(["Anyone", "Hakan Fidan 1"])
    # Enter searches; it does not send the filters, and finding a person is not choosing one.
    box.press("Enter")
    page.wait_for_timeout(300)
    expect(page).to_have_url(f"{site}/")
    expect(cards(page)).to_have_count(2)
    page.get_by_role("radio", name="Hakan Fidan").click()
    expect(cards(page)).to_have_text(["b"])


def test_a_reversed_date_range_is_said_beside_the_dates(page, site, make_event):
    make_event(title="In 2021", date=datetime.date(2021, 5, 1))
    make_event(title="In 2023", date=datetime.date(2023, 5, 1))
    page.goto(site)
    page.get_by_label("From").fill("2023")
    page.get_by_label("to", exact=True).fill("2021")
    page.get_by_label("to", exact=True).press("Enter")
    expect(page).to_have_url(f"{site}/?from=2023&to=2021")
    expect(page.locator("#date-errors")).to_contain_text("2021 is before 2023: the dates are the wrong way round")
    expect(cards(page)).to_have_count(2)
    page.get_by_role("link", name="Swap the dates").click()
    expect(page).to_have_url(f"{site}/?from=2021&to=2023")
    expect(page.locator("#date-errors")).to_have_text("")


def test_chips_a_reversed_range_and_ranked_parts_have_no_serious_violations(axe_page, site, make_event):
    topics(make_event)
    make_event(title="Dinner", text="A dinner. Guests flew on to talks in Ankara.")
    for width in (1280, 360):
        axe_page.set_viewport_size({"width": width, "height": 800})
        assert serious_violations(axe_page, f"{site}/?q=talks&kind=meeting&from=2024&to=2020") == []
        assert serious_violations(axe_page, f"{site}/?topic=arms&kind=visit") == []  # the empty page
