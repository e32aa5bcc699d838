"""axe-core finds no serious or critical accessibility violation on the timeline, event, document
and person pages."""

import datetime

import pytest

from events.models import Event, Person

from .conftest import serious_violations


@pytest.fixture
def pages(make_event):
    event = make_event(title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"),
                       people=[("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")],
                       text="Moscow: Singh meets Shoigu at the ministry.\nThey discussed arms.")
    flagged = make_event(title="Singh visits Minsk", kind="visit", date=datetime.date(2020, 9, 1), precision="month")
    Event.objects.filter(pk=flagged.pk).update(needs_review=True, review_reason="Two reports give different months.")
    make_event(title="Undated talk", precision="unknown")
    return {
        "timeline": "/",
        "filtered timeline": "/?country=RU&q=singh",
        "event": event.get_absolute_url(),
        "document": event.sources.get().document.get_absolute_url(),
        "person": Person.objects.get(name="Rajnath Singh").get_absolute_url(),
        "not found": "/events/999999/",
    }


@pytest.mark.parametrize("name", ["timeline", "filtered timeline", "event", "document", "person", "not found"])
def test_no_serious_or_critical_violations(axe_page, site, pages, name):
    assert serious_violations(axe_page, site + pages[name]) == []
