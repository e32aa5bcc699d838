"""The time axis (/axis/): windows read from the URL and moved in whole units, events binned into
items and clusters per lane from the timeline index (events/axis.py), and the page as it is without
JavaScript: its links, messages, escaping, filters and queries."""

import datetime
import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import axis, cards, timeline_index
from events.models import Event
from events.timeline_index import Facts, Index, key

D = datetime.date


def window(start, end):
    return axis.Window(D.fromisoformat(start), D.fromisoformat(end))


# Windows

def test_a_window_writes_its_dates_as_short_as_they_read():
    assert window("2019-06-01", "2024-01-31").params() == ("2019-06", "2024-01")
    assert window("2019-01-01", "2024-12-31").params() == ("2019", "2024")
    assert window("2023-04-25", "2023-05-01").params() == ("2023-04-25", "2023-05-01")
    # Each end on its own: a year's first day is the year, a month's last day the month.
    assert window("2019-01-01", "2019-03-31").params() == ("2019", "2019-03")


def test_a_window_is_labelled_in_its_units():
    assert window("2019-01-01", "2024-12-31").label() == "2019–2024"
    assert window("2023-01-01", "2023-12-31").label() == "2023"
    assert window("2019-06-01", "2024-01-31").label() == "Jun 2019 – Jan 2024"
    assert window("2023-04-01", "2023-06-30").label() == "Apr – Jun 2023"
    assert window("2023-04-23", "2023-04-29").label() == "23–29 Apr 2023"
    assert window("2022-12-28", "2023-01-03").label() == "28 Dec 2022 – 3 Jan 2023"


def test_zooming_halves_or_doubles_the_window_in_whole_units_about_its_middle():
    years = window("2000-01-01", "2019-12-31")
    assert years.zoomed(0.5) == window("2005-01-01", "2014-12-31")
    assert years.zoomed(2) == window("1990-01-01", "2029-12-31")
    # Under three years the units are months, under three months days.
    assert window("2020-01-01", "2022-12-31").zoomed(0.5) == window("2020-10-01", "2022-03-31")
    assert window("2023-01-01", "2023-04-30").zoomed(0.5).unit()[0] == "day"


def test_zooming_in_stops_at_a_week_and_out_at_two_centuries():
    w = window("1950-01-01", "2024-12-31")
    for _ in range(30):
        narrower = w.zoomed(0.5)
        assert narrower.days < w.days or w.days == axis.MIN_DAYS
        assert narrower.start <= D.fromordinal(int(w.middle)) <= narrower.end  # about the same middle
        w = narrower
    assert w.days == axis.MIN_DAYS
    for _ in range(30):
        w = w.zoomed(2)
    assert axis.MAX_DAYS - 366 <= w.days <= axis.MAX_DAYS


def test_moving_goes_a_quarter_of_the_window_in_its_units():
    assert window("2000-01-01", "2019-12-31").panned(1) == window("2005-01-01", "2024-12-31")
    assert window("2019-06-01", "2024-01-31").panned(-1) == window("2018-04-01", "2022-11-30")  # 56 months, 14
    assert window("2023-04-23", "2023-04-29").panned(1) == window("2023-04-25", "2023-05-01")
    # At least one unit, however short.
    assert window("2023-01-01", "2023-03-31").panned(1) == window("2023-02-01", "2023-04-30")
    # Never past the dates Python counts, keeping the length.
    assert window("0001-01-03", "0001-01-09").panned(-1) == window("0001-01-01", "0001-01-07")


def test_the_opening_window_covers_the_events_in_whole_years_or_months():
    assert axis.covering(D(2020, 9, 2), D(2023, 4, 28)) == window("2020-01-01", "2023-12-31")
    assert axis.covering(D(2023, 2, 10), D(2023, 4, 28)) == window("2023-02-01", "2023-04-30")
    assert axis.covering(D(2023, 4, 28), D(2023, 4, 28)) == window("2023-04-01", "2023-04-30")


def test_a_window_asked_for_is_kept_within_a_week_and_two_centuries():
    index = Index()
    assert axis.opening_window(index, index.all, D(2023, 4, 28), D(2023, 4, 28)).days == axis.MIN_DAYS
    assert axis.opening_window(index, index.all, D(2023, 4, 1), D(2023, 4, 30)) == window("2023-04-01", "2023-04-30")
    wide = axis.opening_window(index, index.all, D(1, 1, 1), D(9998, 12, 31))
    assert wide.unit() == ("year", 200) and wide.start.year == 4900
    assert axis.opening_window(index, index.all) is None  # nothing dated to open on


def test_a_cluster_zooms_to_its_days_with_room_around_them():
    assert axis.around(D(2023, 1, 1), D(2023, 12, 31)) == window("2022-11-26", "2024-02-05")  # a tenth either side
    short = axis.around(D(2023, 4, 28), D(2023, 4, 28))
    assert short.days == axis.MIN_DAYS and short.start < D(2023, 4, 28) < short.end


# Binning and clustering, over an index in memory

def facts(pk, date, precision="day", kind="meeting", countries=("IN",), people=(), end=None):
    from events.models import Event, period

    first, last = period(date, precision) if date else (None, None)
    if end:
        last = end
    return Facts(key(first, Event.PRECISION_RANK[precision], pk), kind, False, first, last if last != first else None,
                 precision, None, tuple(countries), tuple(people), ())


def index_of(*events):
    index = Index()
    index.bulk_add({f.key & timeline_index.ID_MASK: f for f in events})
    for f in events:
        index.is_spanning(f)
    return index


def test_bins_lie_on_a_grid_fixed_in_time_so_panning_keeps_the_clusters():
    w = window("2000-01-01", "2019-12-31")
    moved = w.panned(1)
    inner = set(axis.bin_edges(w, 1000)[1:-1])
    inner_moved = set(axis.bin_edges(moved, 1000)[1:-1])
    assert len(inner) > 20 and inner & inner_moved == {e for e in inner if moved.first < e < w.stop}


def test_a_crowded_bin_is_a_cluster_and_a_quiet_one_its_events():
    crowd = [facts(pk, D(2023, 4, 28)) for pk in range(1, 6)]
    quiet = [facts(10, D(2010, 3, 1)), facts(11, D(2010, 3, 2))]
    index = index_of(*crowd, *quiet)
    layout = axis.lay_out(index, index.all, window("2000-01-01", "2024-12-31"), "country")
    [lane] = layout.lanes
    assert lane.value == "IN" and lane.count == 7
    assert [(c.count, c.first, c.last) for c in lane.clusters] == [(5, D(2023, 4, 28), D(2023, 4, 28))]
    assert sorted(item.pk for item in lane.items) == [10, 11]
    # The two items a day apart overlap at this scale: one row each.
    assert {item.row for item in lane.items} == {0, 1}


def test_only_the_window_is_looked_at_and_the_selection_filters_it():
    index = index_of(facts(1, D(2019, 5, 1)), facts(2, D(2020, 5, 1)), facts(3, D(2020, 6, 1), countries=("RU",)),
                     facts(4, D(2021, 5, 1)))
    w = window("2020-01-01", "2020-12-31")
    assert axis.lay_out(index, index.all, w, "country").in_window == 2
    from pyroaring import BitMap

    layout = axis.lay_out(index, BitMap([2, 4]), w, "country")
    assert layout.in_window == 1 and [i.pk for lane in layout.lanes for i in lane.items] == [2]


def test_a_month_or_year_is_a_band_over_it_and_a_range_of_days_a_bar():
    index = index_of(facts(1, D(2023, 4, 1), "month"), facts(2, D(2022, 1, 1), "year"),
                     facts(3, D(2023, 4, 20), end=D(2023, 4, 22)), facts(4, D(2023, 4, 28)))
    layout = axis.lay_out(index, index.all, window("2023-04-01", "2023-04-30"), "country")
    items = {i.pk: i for i in layout.lanes[0].items}
    assert set(items) == {1, 3, 4}  # the year 2022 is not in April 2023
    assert items[1].shape == "band" and (items[1].x0, items[1].x1) == (0, 1)
    assert items[3].shape == "range" and items[3].x0 == pytest.approx(19 / 30) and items[3].x1 == pytest.approx(22 / 30)
    assert items[4].shape == "point" and items[4].x0 == pytest.approx(27.5 / 30)


def test_a_year_begun_before_the_window_is_still_in_it():
    index = index_of(facts(1, D(2023, 1, 1), "year"))
    layout = axis.lay_out(index, index.all, window("2023-06-01", "2023-06-07"), "country")
    [item] = layout.lanes[0].items
    assert (item.pk, item.shape, item.x0, item.x1) == (1, "band", 0, 1)


def test_the_busiest_get_a_lane_each_and_the_rest_share_one():
    events, pk = [], 0
    codes = [f"C{n}" for n in range(12)]
    for n, code in enumerate(codes):
        for _ in range(12 - n):  # C0 has 12 events, C11 one
            pk += 1
            events.append(facts(pk, D(2000 + pk % 20, 1 + pk % 12, 1), countries=(code,)))
    events.append(facts(999, D(2005, 5, 5), countries=()))
    index = index_of(*events)
    layout = axis.lay_out(index, index.all, window("1999-01-01", "2020-12-31"), "country")
    assert [lane.value for lane in layout.lanes] == [*codes[:axis.LANES_SHOWN], None]
    assert layout.others == 4 and layout.values == 12
    assert layout.lanes[-1].count == 4 + 3 + 2 + 1 + 1  # C8…C11's events, and the one with no country
    assert "the other 4 share the last lane" in axis.others_note(layout)


def test_lanes_by_kind_and_by_person():
    index = index_of(facts(1, D(2020, 1, 5), kind="visit", people=(7,)), facts(2, D(2020, 2, 5), people=(7, 8)),
                     facts(3, D(2020, 3, 5), kind="summit", people=(8,)))
    w = window("2020-01-01", "2020-12-31")
    assert [lane.value for lane in axis.lay_out(index, index.all, w, "kind").lanes] == ["meeting", "visit", "summit"]
    by_person = axis.lay_out(index, index.all, w, "person")
    assert [(lane.value, lane.count) for lane in by_person.lanes] == [(7, 2), (8, 2)]


def test_rows_keep_items_that_overlap_apart():
    w = window("2023-04-01", "2023-04-30")
    items = [axis.item(pk, facts(pk, D(2023, 4, day)), w) for pk, day in [(1, 1), (2, 1), (3, 20), (4, 1)]]
    axis.rows(items, 1000)
    assert {i.pk: i.row for i in items} == {1: 0, 2: 1, 4: 2, 3: 0}


def test_ticks_are_the_finest_unit_that_leaves_room_for_labels():
    labels = [label for _, label, _ in axis.ticks(window("2023-04-23", "2023-04-29"), 1000)]
    assert labels == ["23 Apr 2023", "24 Apr", "25 Apr", "26 Apr", "27 Apr", "28 Apr", "29 Apr"]
    labels = [label for _, label, _ in axis.ticks(window("2019-06-01", "2024-01-31"), 1000)]
    assert labels[:3] == ["Jul 2019", "Jan 2020", "Jul"]
    years = axis.ticks(window("1950-01-01", "2024-12-31"), 1000)
    assert [label for _, label, _ in years][:2] == ["1950", "1960"] and all(year for _, _, year in years)
    narrow = axis.ticks(window("1950-01-01", "2024-12-31"), 300)
    assert len(narrow) < len(years)


# The page

@pytest.fixture
def events(make_event):
    made = {
        "shoigu": make_event(title="Singh meets Shoigu", countries=("IN", "RU"), date=D(2023, 4, 28)),
        "minsk": make_event(title="Singh visits Minsk", kind="visit", countries=("IN", "BY"),
                            date=D(2020, 9, 1), precision="month"),
        "early": make_event(title="Singh in 2021", countries=("IN",), date=D(2021, 1, 1), precision="year"),
        "undated": make_event(title="Undated talk", precision="unknown"),
    }
    return made


def test_the_page_without_javascript_draws_the_events_as_links(client, events):
    page = client.get("/axis/")
    html = page.content.decode()
    assert page.status_code == 200 and "<html" in html
    assert '<h2 id="axis-window" class="axis-window">2020–2023</h2>' in html
    shoigu = events["shoigu"].pk
    assert re.search(rf'<a class="item point kind-meeting" href="/axis/\?event={shoigu}#event-panel" '
                     rf'hx-get="/axis/\?event={shoigu}"[^>]* aria-label="Meeting: Singh meets Shoigu, 28 Apr 2023">', html)
    assert 'aria-label="Visit: Singh visits Minsk, Sep 2020"' in html
    assert 'class="item band month kind-visit' in html and 'class="item band year kind-meeting' in html
    # The controls are links to the next windows, the lanes links to the other lanes.
    assert 'href="/axis/?start=2021&amp;end=2022"' in html  # zoom in: half of 2020–2023, about its middle
    assert 'href="/axis/?start=2018&amp;end=2025"' in html  # zoom out
    assert 'href="/axis/?start=2019&amp;end=2022"' in html  # earlier
    assert 'href="/axis/?lanes=person"' in html and 'href="/axis/?lanes=kind"' in html
    # The undated event is listed apart, with a link to the list's undated events.
    assert "1 event has no known date and is not on the axis" in html
    assert 'href="/?after=undated.3.0"' in html
    assert "Undated talk" in html.split('id="undated-title"')[1]


def test_a_shared_window_and_lanes_are_kept_in_every_link(client, events):
    html = client.get("/axis/?country=IN&start=2020-06&end=2023-05&lanes=kind").content.decode()
    assert '<h2 id="axis-window" class="axis-window">Jun 2020 – May 2023</h2>' in html
    assert "lanes=kind" in re.search(r'href="([^"]+)"[^>]*data-key="\+"', html).group(1)
    assert re.search(r'<a href="/\?country=IN">Show these events as a list</a>', html)
    assert '<a href="/map/?country=IN">Show them on a map</a>' in html
    # Lanes by kind: one per kind with events in the window.
    assert 'aria-label="Meeting: 2 events in this window"' in html and 'aria-label="Visit: 1 event in this window"' in html


def test_the_list_and_the_map_link_to_the_axis_with_their_filters(client, events):
    assert 'href="/axis/?country=RU"' in client.get("/?country=RU").content.decode()
    assert 'href="/axis/?country=RU"' in client.get("/map/?country=RU").content.decode()


@pytest.mark.parametrize("query, message", [
    ("start=bad&end=2023", "start (Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.)"),
    ("start=2023-02-30", "start (That date does not exist.)"),
    ("start=2024&end=2020", "(The window ends before it starts.)"),
    ("lanes=nothing", "lanes (Select a valid choice."),
    ("event=x", "event (Enter a whole number.)"),
])
def test_a_window_that_cannot_be_read_falls_back_to_all_the_dates_and_says_so(client, events, query, message):
    page = client.get(f"/axis/?{query}")
    html = unescape(page.content.decode())
    assert page.status_code == 200
    assert "Some parameters could not be read and were left out" in html and message in html
    assert "2020–2023</h2>" in html or "lanes" in query


def test_a_window_with_one_end_takes_the_other_from_the_events(client, events):
    html = client.get("/axis/?start=2022").content.decode()
    assert "2022–2023</h2>" in html
    html = client.get("/axis/?start=2023-04-28&end=2023-04-28").content.decode()
    assert "25 Apr – 1 May 2023</h2>" in html  # a single day is widened to a week about it


def test_far_windows_and_widths_never_fail(client, events):
    for query in ("start=0001&end=0001-01-02", "start=9998-12&end=9998-12", "start=0001&end=9998", "px=1",
                  "px=100000", "start=2023-04-28&end=2023-04-28&px=240"):
        assert client.get(f"/axis/?{query}").status_code == 200, query


def test_what_is_shown_is_escaped(client, make_event):
    make_event(title='<script>alert(1)</script> & "Singh"', countries=("IN",))
    html = client.get("/axis/?q=Singh").content.decode()
    assert "<script>alert" not in html
    assert 'aria-label="Meeting: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Singh&quot;, 28 Apr 2023"' in html
    assert client.get("/axis/?start=<b>").status_code == 200
    assert "<b>" not in client.get("/axis/?start=<b>").content.decode().split("<main")[1]


def test_the_filters_choose_the_events(client, events):
    html = client.get("/axis/?country=BY").content.decode()
    assert "Singh visits Minsk" in html and "Singh meets Shoigu" not in html
    assert "1 event match these filters" in html or "1 event match" in html


def test_an_empty_selection_says_so_and_draws_no_axis(client, events):
    html = client.get("/axis/?q=nothing+like+this").content.decode()
    assert "No events match these filters." in html and 'id="axis"' not in html


def test_a_selection_of_undated_events_lists_them_and_draws_no_axis(client, events):
    html = client.get("/axis/?q=Undated").content.decode()
    assert "None of these events has a known date" in html and 'id="axis"' not in html
    assert "Undated talk" in html


def test_a_window_without_events_says_so(client, events):
    html = client.get("/axis/?start=2010&end=2012").content.decode()
    assert "No events from 2010–2012." in html and 'class="axis-svg' in html


def test_the_script_gets_the_axis_alone_and_the_chosen_card(client, events):
    page = client.get("/axis/?start=2023", headers={"HX-Request": "true"})
    html = page.content.decode()
    assert html.lstrip().startswith('<section id="axis"') and "<html" not in html
    assert "HX-Request" in page["Vary"] and "HX-Target" in page["Vary"]
    pk = events["shoigu"].pk
    panel = client.get(f"/axis/?event={pk}", headers={"HX-Request": "true", "HX-Target": "event-panel"}).content.decode()
    # The very card the list shows.
    assert cards.load([pk])[pk].html(cards.Urls()) in panel
    assert f'href="/events/{pk}/">Open the event’s page</a>' in panel and 'id="axis"' not in panel


def test_a_chosen_event_is_shown_beside_the_axis_without_javascript(client, events):
    pk = events["minsk"].pk
    html = client.get(f"/axis/?event={pk}").content.decode()
    panel = html.split('id="event-panel"')[1]
    assert "Singh visits Minsk" in panel and f'id="event-{pk}"' in panel
    assert re.search(rf'class="item band month kind-visit chosen" href="/axis/\?event={pk}#event-panel"', html)
    assert "Choose an event on the axis" in client.get("/axis/?event=999999").content.decode()


def test_head_answers_as_get(client, events):
    page = client.head("/axis/")
    assert page.status_code == 200 and page.content == b""
    assert client.post("/axis/").status_code == 405


def test_the_queries_do_not_grow_with_the_events(client, make_event):
    def queries():
        timeline_index.reset()
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/axis/?lanes=person").status_code == 200
        return len(captured.captured_queries)

    for day in range(1, 4):
        make_event(title=f"Day {day}", date=D(2023, 4, day), people=[(f"Person {day}", "IN")])
    few = queries()
    for n in range(60):
        make_event(title=f"More {n}", date=D(2000 + n % 24, 1 + n % 12, 1 + n % 28), people=[(f"Other {n}", "RU")])
    assert queries() == few


def test_a_large_window_sends_clusters_not_every_event(client, make_event):
    for n in range(40):
        make_event(title=f"Crowded {n}", date=D(2023, 4, 28))
    make_event(title="Long before", date=D(2000, 1, 1))
    html = client.get("/axis/").content.decode()
    assert html.count('class="item ') == 1
    assert re.search(r'<a class="cluster" href="/axis/\?start=2023-04-25&amp;end=2023-05-01"[^>]*'
                     r'aria-label="40 events, 28 Apr 2023: zoom in"', html)
    # At the narrowest window, a cluster leads to the list of those days.
    html = client.get("/axis/?start=2023-04-25&end=2023-05-01").content.decode()
    assert re.search(r'<a class="cluster" href="/\?from=2023-04-28&amp;to=2023-04-28"[^>]*'
                     r'aria-label="40 events, 28 Apr 2023: show them in the list"', html)
