"""The TimelineJS spreadsheet layout: rows that paste into Knight Lab's Google Sheets template
unchanged, with the timeline's filters applied."""

import csv
import datetime
import io

import pytest

from events.models import Event
from tests.test_exports_timelinejs import in_timelinejs, make_slides

# The template's header row, as in the sample sheet TimelineJS's own tests read
# (NUKnightLab/TimelineJS3, src/js/core/__tests__/women_in_computing.csv).
TEMPLATE = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,"
    "Media Caption,Media Thumbnail,Type,Group,Background"
)


def sheet(client, query=""):
    response = client.get(f"/api/events/timelinejs.csv{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="events-timelinejs.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8-sig")
    assert body.splitlines()[0] == TEMPLATE
    return list(csv.DictReader(io.StringIO(body, newline="")))


def row(rows, headline):
    return next(r for r in rows if r["Headline"] == headline)


def test_the_header_is_the_templates_and_a_title_row_comes_first(client, make_event):
    make_event(title="Dated")
    make_event(title="Undated", precision="unknown")
    title, *events = sheet(client)
    assert (title["Type"], title["Headline"], title["Year"]) == ("title", "Meetings Timeline", "")
    assert "1 without a known date not shown" in title["Text"]
    assert [r["Headline"] for r in events] == ["Dated"] and events[0]["Type"] == ""


def test_dates_are_as_precise_as_known_with_a_display_date_for_months_and_years(client, make_event):
    make_event(title="Day", date=datetime.date(2023, 4, 28))
    days = make_event(title="Days", date=datetime.date(2023, 3, 20))
    Event.objects.filter(pk=days.pk).update(date_end=datetime.date(2023, 3, 22))
    make_event(title="Month", date=datetime.date(2023, 4, 1), precision="month")
    make_event(title="Year", date=datetime.date(2021, 1, 1), precision="year")
    rows = sheet(client)
    columns = ["Year", "Month", "Day", "End Year", "End Month", "End Day", "Display Date"]
    dates = {title: [row(rows, title)[c] for c in columns] for title in ["Day", "Days", "Month", "Year"]}
    assert dates == {
        "Day": ["2023", "4", "28", "", "", "", ""],
        "Days": ["2023", "3", "20", "2023", "3", "22", ""],
        "Month": ["2023", "4", "", "", "", "", "Apr 2023"],
        "Year": ["2021", "", "", "", "", "", "2021, month unknown"],
    }


def test_a_row_carries_the_same_slide_as_the_json(client, make_event):
    event = make_event(title="Singh meets Shoigu", kind="visit", countries=("IN", "RU"), venue=("Moscow", "RU"))
    shown = row(sheet(client), "Singh meets Shoigu")
    slide = client.get("/api/events/timelinejs.json").json()["events"][0]
    assert shown["Text"] == slide["text"]["text"] and "in Moscow" in shown["Text"]
    assert shown["Group"] == "visit"
    assert f"http://testserver/events/{event.pk}/" in shown["Text"]
    assert all(shown[c] == "" for c in ["Time", "End Time", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Background"])


def test_markup_is_escaped_and_a_formula_is_kept_as_text(client, make_event):
    make_event(title='<img src=x onerror="alert(1)">')
    make_event(title="=HYPERLINK(\"http://evil.example\")", date=datetime.date(2023, 5, 1))
    rows = sheet(client)
    assert row(rows, "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")
    assert row(rows, "'=HYPERLINK(&quot;http://evil.example&quot;)")
    assert "<img" not in client.get("/api/events/timelinejs.csv").content.decode()


def test_the_sheet_has_the_filters_of_the_page(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    assert [r["Headline"] for r in sheet(client, "?country=BY")][1:] == ["India and Belarus meet"]
    assert client.get("/api/events/timelinejs.csv?country=Belarus").status_code == 400


@pytest.mark.browser
def test_timelinejs_itself_reads_the_sheet_as_it_reads_a_published_google_sheet(client, make_event):
    """TimelineJS reads a published Google Sheet as CSV through its sheets proxy, by the template's
    column names: served this export (as Google serves a sheet it was pasted into, without the
    byte-order mark), it shows every slide, with the timeline's labels as dates and markup inert."""
    headlines = make_slides(make_event)
    rows = client.get("/api/events/timelinejs.csv").content.decode("utf-8-sig")
    published = "https://docs.google.com/spreadsheets/d/e/2PACX-sample/pub?output=csv"
    shown = in_timelinejs(
        f"'{published}'", {f"proxy/{published}": (rows, "text/csv")}, options="{sheets_proxy: location.origin + '/proxy/'}"
    )
    assert shown["headlines"][0] == "Meetings Timeline"
    assert sorted(shown["headlines"][1:]) == sorted(headlines)
    assert "Apr 2023" in shown["dates"] and "2021, month unknown" in shown["dates"]
    assert shown["pwned"] is None and shown["injected"] == 0
