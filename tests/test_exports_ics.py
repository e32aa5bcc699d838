import datetime

import icalendar

from events.models import Topic


def calendar(client, query=""):
    response = client.get(f"/api/events.ics{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def entries(cal):
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_a_day_event_is_one_all_day_entry(client, make_event):
    make_event(title="Singh meets Shoigu", date=datetime.date(2023, 4, 28))
    entry = entries(calendar(client))["Singh meets Shoigu"]
    assert entry.decoded("dtstart") == datetime.date(2023, 4, 28)
    assert entry.decoded("dtend") == datetime.date(2023, 4, 29)  # DTEND is exclusive


def test_a_month_event_spans_the_month_and_a_year_event_the_year(client, make_event):
    make_event(title="In February", date=datetime.date(2024, 2, 1), precision="month")
    make_event(title="In 2021", date=datetime.date(2021, 1, 1), precision="year")
    found = entries(calendar(client))
    assert (found["In February"].decoded("dtstart"), found["In February"].decoded("dtend")) == (
        datetime.date(2024, 2, 1), datetime.date(2024, 3, 1),
    )
    assert (found["In 2021"].decoded("dtstart"), found["In 2021"].decoded("dtend")) == (
        datetime.date(2021, 1, 1), datetime.date(2022, 1, 1),
    )


def test_undated_events_are_left_out_and_counted(client, make_event):
    make_event(title="Dated")
    make_event(title="Undated 1", precision="unknown")
    make_event(title="Undated 2", precision="unknown")
    cal = calendar(client)
    assert list(entries(cal)) == ["Dated"]
    assert str(cal["x-undated-events-omitted"]) == "2"
    assert "2 event(s) without a known date" in str(cal["x-wr-caldesc"])


def test_each_entry_links_to_its_event_page_and_lists_its_sources(client, make_event):
    event = make_event(
        title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"), people=[("Rajnath Singh", "IN")]
    )
    event.topics.add(Topic.objects.create(name="Defence", slug="defence"))
    entry = entries(calendar(client))["Singh meets Shoigu"]
    source = event.sources.get()
    assert str(entry["url"]) == f"http://testserver/events/{event.pk}/"
    description = str(entry["description"])
    assert "Doc 1: “Singh meets Shoigu”" in description
    assert f"http://testserver{source.get_absolute_url()}" in description
    assert "Rajnath Singh (IN)" in description
    assert str(entry["location"]) == "Moscow, RU"
    assert str(entry["uid"]) == f"event-{event.pk}@testserver"


def test_text_with_calendar_syntax_survives_the_round_trip(client, make_event):
    title = "Talks; agenda, items\nand a line: BEGIN:VEVENT"
    make_event(title=title)
    cal = calendar(client)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == [title]


def test_the_calendar_has_the_filters_of_the_page(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    assert list(entries(calendar(client, "?country=RU"))) == ["India and Russia meet"]
