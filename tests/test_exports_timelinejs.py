import datetime
import json
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from events.models import Event

TIMELINEJS = Path(__file__).resolve().parent.parent / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
CHROMIUM = "/usr/bin/chromium"


def timeline(client, query=""):
    response = client.get(f"/api/events/timelinejs.json{query}")
    assert response.status_code == 200
    return response.json()


def slide(data, event):
    return next(s for s in data["events"] if s["unique_id"] == f"event-{event.pk}")


def test_dates_are_as_precise_as_known_with_a_display_date_for_months_and_years(client, make_event):
    day = make_event(title="Day", date=datetime.date(2023, 4, 28))
    month = make_event(title="Month", date=datetime.date(2023, 4, 1), precision="month")
    year = make_event(title="Year", date=datetime.date(2021, 1, 1), precision="year")
    data = timeline(client)
    assert slide(data, day)["start_date"] == {"year": "2023", "month": "4", "day": "28"}
    assert slide(data, month)["start_date"] == {"year": "2023", "month": "4", "display_date": "Apr 2023"}
    assert slide(data, year)["start_date"] == {"year": "2021", "display_date": "2021, month unknown"}


def test_undated_events_are_left_out_and_the_title_slide_says_how_many(client, make_event):
    make_event(title="Dated")
    make_event(title="Undated", precision="unknown")
    data = timeline(client)
    assert [s["text"]["headline"] for s in data["events"]] == ["Dated"]
    assert "1 without a known date not shown" in data["title"]["text"]["text"]


def test_the_sources_are_in_the_slide_text_with_links(client, make_event):
    event = make_event(title="Singh meets Shoigu", people=[("Rajnath Singh", "IN")])
    source = event.sources.get()
    text = slide(timeline(client), event)["text"]["text"]
    assert f'<a href="http://testserver{source.get_absolute_url()}">Doc 1</a>: “Singh meets Shoigu”' in text
    assert f'<a href="http://testserver/events/{event.pk}/">' in text


def test_the_slide_says_who_met_where_in_a_sentence(client, make_event):
    from events.models import Country, Person

    meeting = make_event(
        title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"),
        people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")],
    )
    Country.objects.filter(code="IN").update(name="India")
    Country.objects.filter(code="RU").update(name="Russia")
    Person.objects.filter(name="Rajnath Singh").update(role="Defence Minister")
    in_a_country = make_event(title="Talks in Russia", countries=("RU",), people=[], venue=("Russia", "RU"))
    data = timeline(client)
    assert slide(data, meeting)["text"]["text"].startswith(
        "<p>Rajnath Singh (Defence Minister, India) and Sergei Shoigu (Russia) in Moscow, Russia.</p>"
    )
    assert slide(data, in_a_country)["text"]["text"].startswith("<p>In Russia.</p>")
    assert "At " not in json.dumps(data)


def test_a_range_of_days_ends_on_its_last_day(client, make_event):
    event = make_event(title="Three days of talks", date=datetime.date(2023, 3, 20))
    event.date_end = datetime.date(2023, 3, 22)
    event.save()
    shown = slide(timeline(client), event)
    assert shown["start_date"] == {"year": "2023", "month": "3", "day": "20"}
    assert shown["end_date"] == {"year": "2023", "month": "3", "day": "22"}


def test_everything_from_the_data_is_escaped_since_timelinejs_renders_html(client, make_event):
    title = '<img src=x onerror="alert(1)">'
    event = make_event(title=title, text=f"Before {title} & after", people=[("<b>Bold</b>", "IN")])
    Event.objects.filter(pk=event.pk).update(needs_review=True, review_reason="<script>x()</script>")
    data = timeline(client)
    body = json.dumps(data)
    assert "<img" not in body and "<b>" not in body and "<script>" not in body
    shown = slide(data, event)["text"]
    assert shown["headline"] == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert "&lt;script&gt;x()&lt;/script&gt;" in shown["text"]


def test_the_timelinejs_export_has_the_filters_of_the_page(client, make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    assert [s["text"]["headline"] for s in timeline(client, "?country=RU")["events"]] == ["India and Russia meet"]


def in_timelinejs(source, served, options="{}"):
    """TimelineJS from npm in Chromium, on a page of a made-up site that builds a timeline from `source`
    (a JavaScript expression) with `options`, the site answering the paths in `served` ({path: (body,
    content type)}) and nothing outside it. Every slide is visited; what the reader saw comes back."""
    if not (TIMELINEJS / "js" / "timeline.js").exists():
        pytest.fail("TimelineJS is missing: run `npm ci` (scripts/install-test-tools does)")
    site = "http://timeline.test/"
    page_html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>t</title>"
        "<link rel='stylesheet' href='/tl/css/timeline.css'><script src='/tl/js/timeline.js'></script></head>"
        "<body><div id='timeline-embed' style='width:1000px;height:650px'></div><script>"
        f"window.timeline = new TL.Timeline('timeline-embed', {source}, Object.assign("
        "{script_path: new URL('/tl/js/', location.href).href, font: 'georgia-helvetica'}, " + options + "));"
        "window.timeline.on('loaded', () => { window.loaded = true; });"
        "</script></body></html>"
    )
    blocked = []

    def serve(route):
        url = route.request.url
        if not url.startswith(site):
            blocked.append(url)
            return route.abort()
        path = url[len(site):].split("#")[0]
        if path == "index.html":
            return route.fulfill(body=page_html, content_type="text/html")
        if path in served:
            body, content_type = served[path]
            return route.fulfill(body=body, content_type=content_type)
        path = path.split("?")[0]
        if path.startswith("tl/") and (TIMELINEJS / path[3:]).is_file():
            return route.fulfill(path=TIMELINEJS / path[3:])
        return route.fulfill(status=404, body="not found")

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        try:
            page = browser.new_page()
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.route("**/*", serve)
            page.goto(site + "index.html")
            page.wait_for_function("window.loaded === true", timeout=20_000)
            for n in range(page.evaluate("window.timeline.config.events.length") + 1):
                page.evaluate(f"window.timeline.goTo({n})")
                page.wait_for_timeout(100)
            shown = {
                "headlines": page.locator(".tl-slide-content .tl-headline").all_text_contents(),
                "dates": page.locator(".tl-slide-content .tl-headline-date").all_text_contents(),
                "pwned": page.evaluate("window.pwned"),
                "injected": page.locator(".tl-slide img[src='x']").count(),
            }
        finally:
            browser.close()
    assert blocked == []
    assert errors == []
    return shown


def make_slides(make_event):
    make_event(title="Singh meets Shoigu", date=datetime.date(2023, 4, 28))
    make_event(title="Talks in April", date=datetime.date(2023, 4, 1), precision="month")
    make_event(title="Visit in 2021", date=datetime.date(2021, 1, 1), precision="year")
    make_event(title='<img src=x onerror="window.pwned=1">', date=datetime.date(2022, 6, 1))
    make_event(title="Undated", precision="unknown")
    return ["Singh meets Shoigu", "Talks in April", "Visit in 2021", '<img src=x onerror="window.pwned=1">']


@pytest.mark.browser
def test_timelinejs_itself_loads_the_export_and_shows_every_slide(client, make_event):
    """TimelineJS reading the export by URL: no console errors, and one slide per dated event with its
    headline and date shown as text, markup in the data left inert."""
    headlines = make_slides(make_event)
    export = client.get("/api/events/timelinejs.json").content
    shown = in_timelinejs("'/events/timelinejs.json'", {"events/timelinejs.json": (export, "application/json")})
    assert shown["headlines"][0] == "Meetings Timeline"
    assert sorted(shown["headlines"][1:]) == sorted(headlines)
    assert "Apr 2023" in shown["dates"] and "2021, month unknown" in shown["dates"]
    assert shown["pwned"] is None and shown["injected"] == 0
