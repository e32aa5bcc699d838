"""The timeline's filters as a first-time user meets them: a search ranked by where its words were
found, the filters that are on as chips that take them off, choices that would empty the page
disabled (and an empty page that says which filter to drop), a reversed date range said to be one,
and "Find a person" by names and aliases, accents ignored."""

import datetime
import html as html_module
import re

from events.models import Person, Topic
from events.views import PAGE_SIZE

HTMX = {"HX-Request": "true"}


def titles(html):
    return re.findall(r'class="event-title" id="event-\d+-title"><a href="[^"]+">([^<]+)</a>', html)


def chips(html):
    """(text, href) of each chip, as a reader and a browser without JavaScript see them."""
    found = re.findall(r'<a class="chip[^"]*" href="([^"]+)" hx-get="([^"]+)"[^>]*>(.*?)</a>', html)
    for href, hx_get, _ in found:
        assert href == hx_get  # the same link with and without JavaScript
    return [(html_module.unescape(re.sub(r"<[^>]+>|×", "", text)).strip(), html_module.unescape(href))
            for href, _, text in found]


def tagged(event, name):
    topic, _ = Topic.objects.get_or_create(slug=name.lower(), defaults={"name": name})
    event.topics.add(topic)
    return event


# --- Search, ranked ---------------------------------------------------------------------------------


def test_a_search_lists_title_and_passage_matches_first_then_the_rest_each_in_date_order(client, make_event):
    make_event(title="Lavrov in Ankara", date=datetime.date(2023, 1, 5), countries=("TR",), venue=("Ankara", "TR"))
    make_event(title="Ankara talks", date=datetime.date(2023, 6, 1))
    make_event(title="Ankara summit", date=datetime.date(2021, 6, 1))
    make_event(title="A dinner", date=datetime.date(2020, 1, 1), text="A dinner was held. Guests flew on to Ankara.")
    make_event(title="Nothing of the kind", date=datetime.date(2019, 1, 1))
    html = client.get("/?q=ankara").content.decode()
    # "Lavrov in Ankara" has it in its title: it is a title match, whatever else matches.
    assert titles(html) == ["Ankara summit", "Lavrov in Ankara", "Ankara talks", "A dinner"]
    headings = re.findall(r'<h2 class="(found-in|year)">([^<]+)</h2>', html)
    assert headings == [
        ("found-in", "Found in titles and reports · 3 events"), ("year", "2021"), ("year", "2023"),
        ("found-in", "Found elsewhere in the articles · 1 event"), ("year", "2020"),
    ]
    assert '<h2 id="results-count" class="count" tabindex="-1">4 events</h2>' in html


def test_a_title_match_is_never_lost_among_many_article_matches(client, make_event):
    for day in range(PAGE_SIZE + 5):
        make_event(title=f"Meeting {day:02d}", date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
                   text=f"Report {day}. Meeting {day:02d} in the capital. Wider talks on Crimea continued.")
    make_event(title="Crimea talks", date=datetime.date(2024, 1, 1))
    first = client.get("/?q=crimea").content.decode()
    assert titles(first)[0] == "Crimea talks" and len(titles(first)) == PAGE_SIZE
    more = html_module.unescape(re.search(r'class="more" href="([^"]+)"', first).group(1))
    assert "after=t2." in more
    chunk = client.get(more, headers=HTMX).content.decode()
    # The chunk goes on in the articles' part, in date order, with no heading repeated.
    assert titles(first)[1:] + titles(chunk) == [f"Meeting {day:02d}" for day in range(PAGE_SIZE + 5)]
    assert "found-in" not in chunk


def test_a_search_finds_events_by_their_people_topics_and_places(client, make_event):
    event = tagged(make_event(title="Talks", countries=("RU",), people=[("Mevlüt Çavuşoğlu", "TR")],
                                  venue=("Sochi", "RU")), "Gas transit")
    Person.objects.filter(pk__in=event.participants.all()).update(aliases=["Mevlut Cavusoglu"])
    for words in ("cavusoglu", "Çavuşoğlu", "mevlut", "gas transit", "sochi"):
        html = client.get("/", {"q": words}).content.decode()
        assert titles(html) == ["Talks"], words
        assert "Found in their people, topics or places · 1 event" in html


# --- Chips ------------------------------------------------------------------------------------------


def test_each_filter_that_is_on_is_a_chip_that_takes_it_off(client, make_event):
    event = tagged(make_event(title="Talks", countries=("IN", "RU"), kind="visit"), "Arms")
    person = event.participants.get()
    html = client.get(f"/?country=RU&country=in&person={person.pk}&topic=arms&kind=visit&from=2023&to=2023-12"
                      "&q=talks&review=1&who=raj").content.decode()
    assert chips(html) == [
        ("Remove Country: RU", f"/?country=in&person={person.pk}&topic=arms&kind=visit&from=2023&to=2023-12&q=talks&review=1&who=raj"),
        ("Remove Country: IN", f"/?country=RU&person={person.pk}&topic=arms&kind=visit&from=2023&to=2023-12&q=talks&review=1&who=raj"),
        ("Remove Person: Rajnath Singh", "/?country=RU&country=in&topic=arms&kind=visit&from=2023&to=2023-12&q=talks&review=1&who=raj"),
        ("Remove Topic: Arms", f"/?country=RU&country=in&person={person.pk}&kind=visit&from=2023&to=2023-12&q=talks&review=1&who=raj"),
        ("Remove Kind: Visit", f"/?country=RU&country=in&person={person.pk}&topic=arms&from=2023&to=2023-12&q=talks&review=1&who=raj"),
        ("Remove From: 2023", f"/?country=RU&country=in&person={person.pk}&topic=arms&kind=visit&to=2023-12&q=talks&review=1&who=raj"),
        ("Remove To: 2023-12", f"/?country=RU&country=in&person={person.pk}&topic=arms&kind=visit&from=2023&q=talks&review=1&who=raj"),
        ("Remove Words: talks", f"/?country=RU&country=in&person={person.pk}&topic=arms&kind=visit&from=2023&to=2023-12&review=1&who=raj"),
        ("Remove Needs review: only", f"/?country=RU&country=in&person={person.pk}&topic=arms&kind=visit&from=2023&to=2023-12&q=talks&who=raj"),
        ("Clear all", "/"),
    ]


def test_the_chips_come_with_the_results_fragment_and_are_escaped(client, make_event):
    make_event(title="Talks")
    fragment = client.get("/", {"q": '<b>"talks"</b>'}, headers=HTMX).content.decode()
    assert "<html" not in fragment
    assert chips(fragment)[0] == ('Remove Words: <b>"talks"</b>', "/")
    assert "<b>" not in fragment and "&lt;b&gt;&quot;talks&quot;&lt;/b&gt;" in fragment
    # htmx swaps the results as the form's own requests do, and the address follows.
    nav = re.search(r'<nav class="active-filters"[^>]*>', fragment).group(0)
    assert 'hx-target="#results"' in nav and 'hx-swap="outerHTML"' in nav and 'hx-push-url="true"' in nav


def test_no_filter_no_chips(client, make_event):
    make_event(title="Talks")
    html = client.get("/?who=singh").content.decode()  # finding a person is not a filter
    assert chips(html) == [] and 'class="active-filters"' not in html


# --- Choices that would empty the page ---------------------------------------------------------


def test_a_radio_choice_that_would_give_no_events_is_disabled_unless_chosen(client, make_event):
    tagged(make_event(title="Arms talk", kind="meeting", countries=("IN",)), "Arms")
    tagged(make_event(title="Trade visit", kind="visit", countries=("RU",)), "Fisheries")
    html = client.get("/?country=IN").content.decode()
    assert '<input type="radio" name="topic" value="arms"> Arms' in html
    assert '<input type="radio" name="topic" value="fisheries" disabled> Fisheries <span class="n zero" id="n-topic-fisheries">0</span>' in html
    assert '<input type="radio" name="kind" value="visit" disabled> Visit' in html
    # A checkbox only adds its events to the others': never disabled.
    assert '<input type="checkbox" name="country" value="RU"> RU' in html
    # A choice already made (by an address) stays, enabled and checked, and the page says why it is empty.
    html = client.get("/?country=IN&topic=fisheries").content.decode()
    assert '<input type="radio" name="topic" value="fisheries" checked> Fisheries' in html
    assert "No events match these filters." in html


def test_an_empty_page_says_how_many_events_each_filter_taken_off_gives(client, make_event):
    tagged(make_event(title="Arms talk", kind="meeting", countries=("IN",)), "Arms")
    tagged(make_event(title="Trade visit", kind="visit", countries=("RU",)), "Fisheries")
    make_event(title="Another visit", kind="visit", countries=("RU",))
    html = client.get("/?country=IN&kind=visit").content.decode()
    assert titles(html) == []
    without = re.findall(r'<li><a href="([^"]+)">Without ([^<]+)</a> · (\d+) events?</li>', html)
    assert without == [("/?kind=visit", "Country: IN", "2"), ("/?country=IN", "Kind: Visit", "1")]


# --- Dates the wrong way round ------------------------------------------------------------------


def test_a_reversed_date_range_says_so_beside_the_dates_and_is_left_out(client, make_event):
    make_event(title="In 2021", date=datetime.date(2021, 5, 1))
    make_event(title="In 2023", date=datetime.date(2023, 5, 1))
    page = client.get("/?from=2023&to=2021")
    html = page.content.decode()
    assert page.status_code == 200
    assert titles(html) == ["In 2021", "In 2023"]  # not an empty page
    errors = re.search(r'<div id="date-errors" class="date-errors">(.*?)</div>', html).group(1)
    assert "To: 2021 is before 2023: the dates are the wrong way round, so they were left out." in errors
    assert '<a href="/?from=2021&amp;to=2023">Swap the dates</a>' in errors
    # The results say the filter was left out, and there is no chip for it.
    assert "Some filters could not be read and were left out: to (" in html
    assert not [text for text, _ in chips(html) if "From" in text or "To" in text]
    assert 'aria-describedby="date-help date-errors"' in html


def test_a_reversed_date_range_is_reported_beside_the_dates_in_the_htmx_fragment_too(client, make_event):
    make_event(title="In 2021", date=datetime.date(2021, 5, 1))
    fragment = client.get("/?from=2023-05&to=2023-04", headers=HTMX).content.decode()
    errors = re.search(r'<div id="date-errors" class="date-errors" hx-swap-oob="true">(.*?)</div>', fragment).group(1)
    assert "2023-04 is before 2023-05" in errors
    # And once the dates are right the message goes.
    fragment = client.get("/?from=2023-04&to=2023-05", headers=HTMX).content.decode()
    assert '<div id="date-errors" class="date-errors" hx-swap-oob="true"></div>' in fragment


def test_the_api_refuses_a_reversed_date_range(client, db):
    response = client.get("/api/events", {"from": "2023", "to": "2021"})
    assert response.status_code == 400
    assert "the dates are the wrong way round" in response.json()["fields"]["to"][0]


# --- Find a person ----------------------------------------------------------------------------------


def test_find_a_person_matches_names_and_aliases_ignoring_accents_names_first(client, make_event):
    make_event(title="a", people=[("Mevlüt Çavuşoğlu", "TR")])
    make_event(title="b", people=[("Hakan Fidan", "TR")])
    make_event(title="c", people=[("Hakan Fidan", "TR")])
    Person.objects.filter(name="Hakan Fidan").update(aliases=["Çavuşoğlu's successor"])
    make_event(title="d", people=[("Rajnath Singh", "IN")])
    for words in ("cavusoglu", "ÇAVUŞ", "mevlut cav"):
        page = client.get("/", {"who": words}, headers={**HTMX, "HX-Target": "person-options"})
        listed = re.findall(r'name="person" value="\d+"> ([^<]+) <span', page.content.decode())
        # The name first, though Fidan has more events; then the one found by an alias.
        assert listed == (["Mevlüt Çavuşoğlu", "Hakan Fidan"] if words != "mevlut cav" else ["Mevlüt Çavuşoğlu"]), words
    # The list alone, for htmx to put in place of the one shown; caches keep the two answers apart.
    assert page.content.decode().strip().startswith('<div class="options" id="person-options">')
    assert "<html" not in page.content.decode() and "HX-Target" in page["Vary"]


def test_find_a_person_without_javascript_is_the_form_sent(client, make_event):
    make_event(title="a", people=[("Sergei Shoigu", "RU")])
    make_event(title="b", people=[("Rajnath Singh", "IN")])
    html = client.get("/?who=shoi").content.decode()
    assert re.findall(r'name="person" value="\d+"> ([^<]+) <span', html) == ["Sergei Shoigu"]
    assert 'value="shoi"' in html
    # The timeline itself is not narrowed: finding a person is not choosing one.
    assert sorted(titles(html)) == ["a", "b"]


def test_the_person_chosen_stays_listed_whoever_is_searched_for(client, make_event):
    event = make_event(title="a", people=[("Sergei Shoigu", "RU")])
    make_event(title="b", people=[("Rajnath Singh", "IN")])
    shoigu = event.participants.get()
    html = client.get(f"/?person={shoigu.pk}&who=singh").content.decode()
    assert re.findall(r'name="person" value="\d+"[^>]*> ([^<]+) <span', html) == ["Rajnath Singh", "Sergei Shoigu"]


def test_who_is_neither_an_api_parameter_nor_carried_into_the_exports(client, make_event):
    make_event(title="a")
    html = client.get("/?who=singh&country=IN").content.decode()
    exports = re.search(r'<nav class="exports".*?</nav>', html, re.S).group(0)
    assert "who=" not in exports
    assert client.get("/api/events", {"who": "singh"}).status_code == 400
    assert "who" not in [p["name"] for p in client.get("/api/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]]

