"""The timeline page: filters in the URL, facet counts, grouping, the overview strip and chunks."""

import datetime
import re

from events.models import Event, Topic
from events.views import PAGE_SIZE


def test_the_timeline_lists_events_by_year(client, make_event):
    make_event(title="Singh meets Shoigu", date=datetime.date(2023, 4, 28))
    make_event(title="Singh leaves for Moscow", date=datetime.date(2020, 9, 2))
    page = client.get("/")
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        html.index('<h2 class="year">2020</h2>') < html.index("Singh leaves for Moscow")
        < html.index('<h2 class="year">2023</h2>') < html.index("Singh meets Shoigu")
    )
    assert "<html" in html


def test_an_htmx_request_gets_only_the_results(client, make_event):
    make_event(title="Singh meets Shoigu")
    page = client.get("/", headers={"HX-Request": "true"})
    html = page.content.decode()
    assert "Singh meets Shoigu" in html
    assert "<html" not in html and 'id="results"' in html
    assert "HX-Request" in page["Vary"]


def test_the_country_filter_keeps_only_matching_events(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    html = client.get("/?country=RU").content.decode()
    assert "India and Russia meet" in html and "India and Belarus meet" not in html


def test_the_person_filter_keeps_only_their_events(client, make_event):
    make_event(title="With Singh", people=[("Rajnath Singh", "IN")])
    other = make_event(title="With Jaishankar", people=[("S Jaishankar", "IN")])
    person = other.participants.get()
    html = client.get(f"/?person={person.pk}").content.decode()
    assert "With Jaishankar" in html and "With Singh" not in html


def test_titles_are_escaped(client, make_event):
    make_event(title="<script>alert(1)</script>")
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_document_page_highlights_each_backing_passage(client, make_event):
    event = make_event(title="Singh meets Shoigu", text="Intro line.\nSingh meets Shoigu & talks. Other.")
    source = event.sources.get()
    html = client.get(source.document.get_absolute_url()).content.decode()
    assert f'<mark id="passage-{source.start}-{source.end}" tabindex="-1">Singh meets Shoigu</mark>' in html
    assert "&amp; talks" in html
    assert event.get_absolute_url() in html


def test_every_timeline_passage_links_to_its_place_in_the_document(client, make_event):
    event = make_event(title="Singh meets Shoigu")
    source = event.sources.get()
    html = client.get("/").content.decode()
    assert f"/documents/{source.document_id}/#passage-{source.start}-{source.end}" in html


# --- Filters -------------------------------------------------------------------------------------


def titles(html):
    """The event titles on a page, in the order shown."""
    return re.findall(r'class="event-title" id="event-\d+-title"><a href="[^"]+">([^<]+)</a>', html)


def tagged(event, *names):
    for name in names:
        topic, _ = Topic.objects.get_or_create(slug=name.lower(), defaults={"name": name})
        event.topics.add(topic)
    return event


def test_several_countries_give_events_in_any_of_them(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    make_event(title="India and China meet", countries=("IN", "CN"))
    html = client.get("/?country=RU&country=by").content.decode()
    assert sorted(titles(html)) == ["India and Belarus meet", "India and Russia meet"]


def test_topic_kind_and_review_filters_combine(client, make_event):
    tagged(make_event(title="Arms talk", kind="meeting"), "Arms")
    tagged(make_event(title="Arms deal", kind="agreement"), "Arms")
    flagged = tagged(make_event(title="Arms talk again", kind="meeting"), "Arms")
    Event.objects.filter(pk=flagged.pk).update(needs_review=True, review_reason="Dates disagree")
    tagged(make_event(title="Trade talk", kind="meeting"), "Trade")
    assert sorted(titles(client.get("/?topic=arms&kind=meeting").content.decode())) == ["Arms talk", "Arms talk again"]
    assert titles(client.get("/?topic=arms&kind=meeting&review=1").content.decode()) == ["Arms talk again"]


def test_a_date_range_accepts_years_months_and_days(client, make_event):
    make_event(title="March", date=datetime.date(2023, 3, 31))
    make_event(title="April", date=datetime.date(2023, 4, 15))
    make_event(title="Year only", date=datetime.date(2022, 1, 1), precision="year")
    make_event(title="Undated", precision="unknown")
    assert titles(client.get("/?from=2023-04&to=2023-04").content.decode()) == ["April"]
    assert titles(client.get("/?from=2023-03-31&to=2023").content.decode()) == ["March", "April"]
    assert titles(client.get("/?to=2022").content.decode()) == ["Year only"]


def test_a_date_that_does_not_read_is_reported_and_left_out(client, make_event):
    make_event(title="Kept")
    html = client.get("/?from=April").content.decode()
    assert titles(html) == ["Kept"]
    assert "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD." in html


def test_free_text_finds_words_in_titles_and_in_passages(client, make_event):
    make_event(title="Singh meets Shoigu", text="Rajnath Singh meets Shoigu. Later, a dinner.")
    make_event(title="Talks on the S-400", text="Talks on the S-400 were held in Moscow, officials said.")
    other = make_event(title="Trade round", text="Trade round in Delhi.")
    other.sources.update(end=5)
    assert titles(client.get("/?q=shoigu").content.decode()) == ["Singh meets Shoigu"]
    assert titles(client.get("/?q=S-400").content.decode()) == ["Talks on the S-400"]
    # Words outside the passage find the event too, under the article's text rather than its reports.
    html = client.get("/?q=delhi").content.decode()
    assert titles(html) == ["Trade round"]
    assert '<h2 class="found-in">Found elsewhere in the articles · 1 event</h2>' in html
    assert "Found in titles and reports" not in html


def test_empty_parameters_are_dropped_from_the_url(client, make_event):
    page = client.get("/?q=&country=RU&from=&to=&person=")
    assert page.status_code == 302 and page["Location"] == "/?country=RU"


def test_the_search_text_is_escaped_where_it_is_echoed(client, make_event):
    html = client.get('/?q="><script>x</script>').content.decode()
    assert "<script>x</script>" not in html
    assert 'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html


# --- Facet counts ---------------------------------------------------------------------------------

def count_of(html, dom_id):
    return int(re.search(rf'id="{dom_id}"[^>]*>(\d+)<', html).group(1))


def test_each_option_counts_what_it_would_give_under_the_other_filters(client, make_event):
    make_event(title="a", countries=("IN", "RU"), kind="meeting")
    make_event(title="b", countries=("IN", "RU"), kind="visit")
    make_event(title="c", countries=("IN", "BY"), kind="meeting")
    html = client.get("/?country=RU").content.decode()
    # The country facet ignores the country filter itself: picking Belarus too would add one event.
    assert (count_of(html, "n-country-RU"), count_of(html, "n-country-BY"), count_of(html, "n-country-IN")) == (2, 1, 3)
    # The other facets count under the country filter.
    assert (count_of(html, "n-kind-meeting"), count_of(html, "n-kind-visit"), count_of(html, "n-kind-summit")) == (1, 1, 0)
    assert count_of(html, "n-review") == 0


def test_an_htmx_answer_updates_the_counts_out_of_band(client, make_event):
    make_event(title="a", countries=("IN", "RU"))
    fragment = client.get("/?country=RU", headers={"HX-Request": "true"}).content.decode()
    page = client.get("/?country=RU").content.decode()
    assert '<span class="n" id="n-country-RU" hx-swap-oob="true">1</span>' in fragment
    assert '<p id="status" hx-swap-oob="innerHTML">1 event found</p>' in fragment
    assert "hx-swap-oob" not in page


def test_a_history_restore_gets_the_whole_page(client, make_event):
    make_event(title="a")
    page = client.get("/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in page.content.decode()
    assert "HX-History-Restore-Request" in page["Vary"]


# --- The timeline ---------------------------------------------------------------------------------

def test_events_are_grouped_by_year_and_month_with_dates_at_their_precision(client, make_event):
    make_event(title="Day", date=datetime.date(2023, 4, 28))
    make_event(title="Month", date=datetime.date(2020, 9, 1), precision="month")
    make_event(title="Year", date=datetime.date(2021, 6, 1), precision="year")
    make_event(title="Undated", precision="unknown")
    html = client.get("/").content.decode()
    headings = re.findall(r'<h([23]) class="(?:year|month)">([^<]+)</h', html)
    assert headings == [
        ("2", "2020"), ("3", "September"), ("2", "2021"), ("3", "Month unknown"),
        ("2", "2023"), ("3", "April"), ("2", "Date unknown"),
    ]
    assert titles(html) == ["Month", "Year", "Day", "Undated"]
    for label in ['datetime="2023-04-28">28 Apr 2023', 'datetime="2020-09">Sep 2020', 'datetime="2021">2021, month unknown',
                  "Date unknown"]:
        assert label in html


def test_a_year_known_only_to_the_year_opens_that_year(client, make_event):
    make_event(title="Second of January", date=datetime.date(2021, 1, 2))
    make_event(title="First of January", date=datetime.date(2021, 1, 1))
    make_event(title="Sometime in 2021", date=datetime.date(2021, 1, 1), precision="year")
    make_event(title="January", date=datetime.date(2021, 1, 1), precision="month")
    html = client.get("/").content.decode()
    assert titles(html) == ["Sometime in 2021", "January", "First of January", "Second of January"]
    assert html.count('<h3 class="month">January</h3>') == 1


def test_the_overview_links_each_year_and_month_to_a_narrower_range(client, make_event):
    make_event(title="a", date=datetime.date(2023, 4, 28))
    make_event(title="b", date=datetime.date(2021, 6, 1), precision="year")
    html = client.get("/?country=IN").content.decode()
    assert 'href="/?country=IN&amp;from=2023-04&amp;to=2023-04"><title>April 2023: 1 event</title>' in html
    assert 'href="/?country=IN&amp;from=2021&amp;to=2021" aria-label="2021: 1 event, 1 known only to the year"' in html
    # 2022 has no events: its label is shown, but links nowhere.
    assert '<text class="quiet"' in html and "from=2022" not in html


def test_the_overview_spans_all_dates_while_a_range_is_chosen(client, make_event):
    make_event(title="a", date=datetime.date(2023, 4, 28))
    make_event(title="b", date=datetime.date(2020, 1, 5))
    html = client.get("/?from=2023").content.decode()
    assert titles(html) == ["a"]
    assert "January 2020: 1 event" in html
    assert 'class="bar in-range"' in html and 'href="/">Show all dates</a>' in html


def test_a_long_timeline_comes_in_keyset_chunks(client, make_event):
    for day in range(1, PAGE_SIZE + 6):
        make_event(title=f"Event {day:02d}", date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day))
    first = client.get("/?country=IN").content.decode()
    assert f"{PAGE_SIZE + 5} events" in first
    assert len(titles(first)) == PAGE_SIZE
    more = re.search(r'class="more" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    assert "country=IN" in more and "after=" in more and "offset" not in more
    chunk = client.get(more, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in chunk and 'id="results"' not in chunk
    assert titles(first) + titles(chunk) == [f"Event {day:02d}" for day in range(1, PAGE_SIZE + 6)]
    assert 'class="more"' not in chunk
    # The chunk goes on in the same month: no heading repeated.
    assert '<h2 class="year">' not in chunk
    # Without JavaScript the same link is a page of its own, headings and total included.
    page = client.get(more).content.decode()
    assert titles(page) == titles(chunk)
    assert f"{PAGE_SIZE + 5} events" in page and '<h2 class="year">2020</h2>' in page


def test_a_chunk_starts_after_its_cursor_even_when_an_event_is_added_before_it(client, make_event):
    for day in range(1, PAGE_SIZE + 3):
        make_event(title=f"Event {day:02d}", date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day))
    first = client.get("/").content.decode()
    more = re.search(r'class="more" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    make_event(title="Early addition", date=datetime.date(2019, 1, 1))
    chunk = titles(client.get(more, headers={"HX-Request": "true"}).content.decode())
    assert "Early addition" not in chunk and not set(chunk) & set(titles(first))


def test_no_events_says_so_and_offers_a_way_back(client, make_event):
    make_event(title="a", countries=("IN",))
    html = client.get("/?country=FR").content.decode()
    assert "No events match these filters." in html and '<a href="/">Show all events</a>' in html


# --- Event cards ----------------------------------------------------------------------------------

def test_a_card_links_people_filters_and_sources(client, make_event):
    event = tagged(make_event(title="Talks", countries=("IN", "RU"), people=[("Rajnath Singh", "IN")],
                              venue=("Moscow", "RU")), "Arms")
    Event.objects.filter(pk=event.pk).update(needs_review=True, review_reason="Two dates: <28> and 29 April")
    person = event.participants.get()
    html = client.get("/").content.decode()
    assert f'<a href="/people/{person.pk}/">Rajnath Singh</a>' in html
    assert f'href="/?person={person.pk}"' in html
    assert 'href="/?country=RU">RU</a>' in html and 'href="/?topic=arms">Arms</a>' in html
    assert "Moscow, RU" in html
    assert "Two dates: &lt;28&gt; and 29 April" in html
    assert "<summary>1 report</summary>" in html


def test_the_timeline_takes_the_same_number_of_queries_for_many_events(client, make_event, django_assert_max_num_queries):
    def load():
        with django_assert_max_num_queries(14):
            assert client.get("/?country=IN&q=meet").status_code == 200

    for n in range(3):
        make_event(title=f"Singh meets {n}", people=[("Rajnath Singh", "IN"), (f"Minister {n}", "RU")], countries=("IN", "RU"))
    load()
    for n in range(3, 45):
        tagged(make_event(title=f"Singh meets {n}", people=[("Rajnath Singh", "IN"), (f"Minister {n}", "RU")],
                          countries=("IN", "RU")), f"Topic{n % 5}")
    load()


def test_an_unknown_page_gets_the_sites_own_not_found_page(client, db):
    page = client.get("/events/999999/")
    assert page.status_code == 404 and "Nothing here" in page.content.decode()


def test_the_export_links_follow_the_filters_in_the_fragment_too(client, make_event):
    make_event(title="a", countries=("IN", "RU"))
    fragment = client.get("/?country=RU", headers={"HX-Request": "true"}).content.decode()
    exports = re.search(r'<nav class="exports".*?</nav>', fragment, re.S).group(0)
    assert exports.count("?country=RU") == 5


def test_a_mangled_cursor_starts_from_the_beginning_instead_of_failing(client, make_event):
    make_event(title="Singh meets Shoigu")
    for cursor in ("2023-13-45.0.1", "２０２３-04-28.0.1", "2023-04-28.0.99999999999999999999999"):
        page = client.get("/", {"after": cursor})
        assert page.status_code == 200
        assert "Singh meets Shoigu" in page.content.decode()
