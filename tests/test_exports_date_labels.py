"""An event known only to its year reads the same on the timeline (its heading and its card), on its
page and in every export, so a reader never sees two accounts of one date."""

import csv
import datetime
import io
import re

import icalendar


def test_a_year_only_event_has_one_label_everywhere(client, make_event):
    event = make_event(title="Talks in 2021", date=datetime.date(2021, 1, 1), precision="year")
    label = "2021, month unknown"
    timeline = client.get("/").content.decode()
    assert re.findall(r'<h3 class="month">([^<]+)</h3>', timeline) == ["Month unknown"]
    assert f'<time datetime="2021">{label}</time>' in timeline
    assert f'<time datetime="2021">{label}</time>' in client.get(event.get_absolute_url()).content.decode()
    (row,) = csv.DictReader(io.StringIO(client.get("/api/events.csv").content.decode("utf-8-sig")))
    assert row["date_label"] == label
    slide = client.get("/api/events/timelinejs.json").json()["events"][0]
    assert slide["start_date"]["display_date"] == label
    (entry,) = icalendar.Calendar.from_ical(client.get("/api/events.ics").content).walk("VEVENT")
    assert f"Date: {label}" in str(entry["description"])
