"""Tallies: the number of events per option that database triggers keep, so the unfiltered timeline
reads its counts instead of counting every event. They must equal a count however events are written."""

import datetime
import re

from django.db import models
from django.db.models import Count
from django.db.models.functions import Cast

from events import forms
from events.admin.curation import merge_events, merge_people
from events.models import Event, Person, Tally, Topic


def recount():
    """What the tallies should say, counted from the tables."""
    expected = {}
    for kind, n in Event.objects.values_list("kind").annotate(n=Count("id")).order_by():
        expected["kind", kind] = n
    if flagged := Event.objects.filter(needs_review=True).count():
        expected["review", ""] = flagged
    for year, month, precision, n in Event.objects.per_month():
        expected["month", f"{year}-{month:02d} {precision}"] = n
    for facet, through, column in [("country", Event.countries.through, "country_id"),
                                   ("person", Event.participants.through, "person_id"),
                                   ("topic", Event.topics.through, "topic_id")]:
        rows = through.objects.values_list(Cast(column, models.CharField())).annotate(n=Count("*")).order_by()
        expected.update({(facet, value): n for value, n in rows})
    return expected


def tallied():
    return {(t.facet, t.value): t.events for t in Tally.objects.exclude(events=0)}


def test_tallies_equal_the_counts_after_every_way_of_writing(make_event):
    defence = Topic.objects.get_or_create(slug="defence", defaults={"name": "Defence"})[0]
    a = make_event(title="a", countries=("IN", "RU"), people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")])
    b = make_event(title="b", kind="visit", precision="month", people=[("S Jaishankar", "IN")])
    c = make_event(title="c", precision="unknown")
    assert tallied() == recount() and tallied()["kind", "meeting"] == 2
    a.kind, a.date = "summit", datetime.date(2021, 3, 5)
    a.save()
    a.topics.add(defence)
    Event.objects.filter(pk=b.pk).update(needs_review=True, date=datetime.date(2020, 1, 1), date_precision="year")
    assert tallied() == recount()
    c.countries.set(["BY"])
    a.participants.remove(Person.objects.get(name="Sergei Shoigu"))
    Event.objects.bulk_create([Event(title="bulk", kind="other", date=datetime.date(2022, 2, 2), date_precision="day")])
    assert tallied() == recount()
    merge_people(Person.objects.get(name="Rajnath Singh"), [Person.objects.get(name="S Jaishankar")])
    merge_events(a, [b])
    c.delete()
    assert tallied() == recount()
    Event.objects.all().delete()
    assert tallied() == {}


def test_the_unfiltered_page_shows_the_same_counts_as_counting(client, make_event):
    """`from=1000` selects every dated event, so the page counts them in SQL; without it, it reads the
    tallies. Undated events aside, both must say the same."""
    make_event(title="a", countries=("IN", "RU"), people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")])
    make_event(title="b", kind="visit", countries=("BY",), precision="year")
    Topic.objects.first().events.add(make_event(title="c", people=[("S Jaishankar", "IN")]))
    Event.objects.filter(title="b").update(needs_review=True)

    def counts(html):
        return dict(re.findall(r'<span class="n(?: zero)?" id="([^"]+)"[^>]*>(\d+)<', html))

    read, counted = client.get("/").content.decode(), client.get("/?from=1000").content.decode()
    assert counts(read) == counts(counted) and len(counts(read)) > 10
    assert "3 events" in read and "3 events" in counted


def test_the_person_facet_lists_the_people_with_most_events_and_the_one_chosen(client, make_event, monkeypatch):
    monkeypatch.setattr(forms, "PEOPLE_SHOWN", 2)
    for n, name in enumerate(["Many", "Some", "Few"]):
        for _ in range(3 - n):
            make_event(people=[(name, "IN")])
    few = Person.objects.get(name="Few")

    def listed(url):
        return re.findall(r'name="person" value="\d+"[^>]*> ([^<]+) <span', client.get(url).content.decode())

    assert listed("/") == ["Many", "Some"]
    assert listed(f"/?person={few.pk}") == ["Few", "Many", "Some"]


def test_emptying_the_tables_in_any_order_leaves_no_tally_behind(make_event):
    """Django's flush between transactional tests may empty events_tally before the tables it
    counts; their delete triggers must not then leave counts below zero for the next test."""
    make_event(title="a", countries=("IN", "RU"))
    Tally.objects.all().delete()
    Event.objects.all().delete()
    assert not Tally.objects.exists()
