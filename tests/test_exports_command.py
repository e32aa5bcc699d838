import csv
import datetime
import io
import json

import icalendar
import pytest
from django.core.management import CommandError, call_command


def export(*args):
    out = io.StringIO()
    call_command("export_events", *args, stdout=out)
    return out.getvalue()


def test_json_keeps_its_shape_with_every_field(make_event):
    event = make_event(title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"))
    (exported,) = json.loads(export("--format", "json"))["events"]
    assert list(json.loads(export())) == ["events"]
    assert exported == {
        "id": event.pk,
        "title": "Singh meets Shoigu",
        "kind": "meeting",
        "date": "2023-04-28",
        "date_precision": "day",
        "date_end": None,
        "date_evidence": "",
        "needs_review": False,
        "review_reason": "",
        "venue": {"name": "Moscow", "country": "RU"},
        "participants": [{"name": "Rajnath Singh", "country": "IN", "role": ""}],
        "countries": ["IN", "RU"],
        "topics": [],
        "sources": [{"document": "doc1.txt", "start": 10, "end": 28, "text": "Singh meets Shoigu"}],
    }


def test_csv_ics_and_timelinejs_are_the_same_exports_as_the_api(make_event, client):
    make_event(title="Singh meets Shoigu")
    assert export("--format", "csv", "--base-url", "http://testserver/") == client.get("/api/events.csv").content.decode("utf-8-sig")
    assert export("--format", "ics", "--base-url", "http://testserver/") == client.get("/api/events.ics").content.decode()
    assert json.loads(export("--format", "timelinejs", "--base-url", "http://testserver/")) == client.get(
        "/api/events/timelinejs.json"
    ).json()
    assert export("--format", "timelinejs-sheet", "--base-url", "http://testserver/") == client.get(
        "/api/events/timelinejs.csv"
    ).content.decode("utf-8-sig")


def test_the_country_option_repeats_like_the_url_parameter(make_event):
    make_event(title="India and Russia meet", countries=("IN", "RU"))
    make_event(title="India and Belarus meet", countries=("IN", "BY"))
    make_event(title="India alone", countries=("IN",))
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv", "--country", "RU", "--country", "BY"))))
    assert sorted(r["title"] for r in rows) == ["India and Belarus meet", "India and Russia meet"]


def test_the_person_option_filters_ics(make_event):
    make_event(title="With Singh", people=[("Rajnath Singh", "IN")])
    other = make_event(title="With Jaishankar", people=[("S Jaishankar", "IN")], date=datetime.date(2023, 5, 1))
    cal = icalendar.Calendar.from_ical(export("--format", "ics", "--person", str(other.participants.get().pk)))
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["With Jaishankar"]


def test_links_in_exports_point_at_the_base_url(make_event):
    event = make_event()
    row = next(csv.DictReader(io.StringIO(export("--format", "csv", "--base-url", "https://timeline.example.org/"))))
    assert row["url"] == f"https://timeline.example.org/events/{event.pk}/"


def test_an_invalid_filter_is_an_error_not_an_unfiltered_export(make_event):
    make_event()
    with pytest.raises(CommandError, match="--person"):
        export("--person", "someone")


def test_every_page_filter_is_an_option(make_event):
    """Each decoy fails exactly one filter: all options give the target alone, and leaving out one
    option lets its decoy back in."""
    from events.models import Event, Topic

    defence = Topic.objects.get_or_create(slug="defence", defaults={"name": "Defence"})[0]

    def event(title, kind="visit", date=datetime.date(2023, 4, 28), topic=True, flagged=True):
        made = make_event(title=title, kind=kind, date=date)
        if topic:
            made.topics.add(defence)
        Event.objects.filter(pk=made.pk).update(needs_review=flagged)
        return made

    event("Singh visits Moscow")
    decoys = {
        "--topic": event("Singh visits Moscow, no topic", topic=False),
        "--kind": event("Singh meets in Moscow", kind="meeting"),
        "--from": event("Singh visits Moscow in 2022", date=datetime.date(2022, 12, 31)),
        "--q": event("Singh visits Delhi"),
        "--review": event("Singh visits Moscow, not flagged", flagged=False),
    }
    options = {"--topic": ["defence"], "--kind": ["visit"], "--from": ["2023-04"], "--to": ["2023"], "--q": ["moscow"], "--review": []}

    def titles(leave_out=None):
        args = [a for name, values in options.items() if name != leave_out for a in (name, *values)]
        return [e["title"] for e in json.loads(export(*args))["events"]]

    assert titles() == ["Singh visits Moscow"]
    for name in decoys:
        assert len(titles(leave_out=name)) == 2, name


def test_the_json_export_says_how_each_date_was_found(make_event):
    event = make_event(title="Singh meets Shoigu")
    event.date_evidence = "the date of the report (published 2023-04-28), which gives no other date for it"
    event.save(update_fields=["date_evidence"])
    (exported,) = json.loads(export("--format", "json"))["events"]
    assert exported["date_evidence"].startswith("the date of the report")
