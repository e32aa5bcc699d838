import re

from django.template import Context, Template
from django.test import RequestFactory


def render_links(query_string):
    request = RequestFactory().get(f"/?{query_string}")
    html = Template("{% load exports %}{% export_links %}").render(Context({"request": request}))
    return {text: href.replace("&amp;", "&") for href, text in re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', html)}


def test_each_export_link_carries_the_pages_filters(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    links = render_links("country=RU&kind=meeting")
    assert links["CSV for spreadsheets"] == "/api/events.csv?country=RU&kind=meeting"
    assert links["Calendar (.ics)"] == "/api/events.ics?country=RU&kind=meeting"
    assert links["TimelineJS data"] == "/api/events/timelinejs.json?country=RU&kind=meeting"
    assert links["TimelineJS sheet (CSV)"] == "/api/events/timelinejs.csv?country=RU&kind=meeting"
    assert links["JSON"] == "/api/events?country=RU&kind=meeting"
    for text in ["CSV for spreadsheets", "Calendar (.ics)", "TimelineJS data", "TimelineJS sheet (CSV)", "JSON"]:
        response = client.get(links[text])
        assert response.status_code == 200, text
        assert b"India and Russia meet" in response.content and b"Belarus" not in response.content


def test_the_pages_chunk_cursor_is_left_off_the_export_links(db):
    links = render_links("country=RU&after=2023-04-28.0.5")
    assert links["CSV for spreadsheets"] == "/api/events.csv?country=RU"


def test_without_filters_the_links_export_everything(db):
    assert render_links("")["CSV for spreadsheets"] == "/api/events.csv"


def test_filter_values_are_encoded_and_escaped_in_the_links(db):
    request = RequestFactory().get("/", {"q": '"><script>alert(1)</script>&x'})
    html = Template("{% load exports %}{% export_links %}").render(Context({"request": request}))
    assert "<script>" not in html
    assert 'href="/api/events.csv?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%26x"' in html
