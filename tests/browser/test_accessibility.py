"""axe-core finds no serious or critical accessibility violation on the timeline, event, document
and person pages, and on the list, the time axis and the map at a desktop's and a phone's width."""

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


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("name", ["list", "axis", "axis with a chosen event", "map"])
def test_the_three_views_have_no_serious_or_critical_violations_at_either_width(axe_page, site, pages, name, width):
    event = Event.objects.get(title="Singh meets Shoigu")
    url = {"list": "/", "axis": "/axis/", "axis with a chosen event": f"/axis/?start=2023-04&end=2023-04&event={event.pk}",
           "map": "/map/"}[name]
    axe_page.set_viewport_size({"width": width, "height": 800})
    if name.startswith("axis") and width < 700:
        # As the script leaves it on a phone: drawn for the width it has (axe must not run while it redraws).
        url += ("&" if "?" in url else "?") + "px=360"
    assert serious_violations(axe_page, site + url) == []
