"""The "Edit" link editors see on the public pages, in chromium: reached with the keyboard, it opens
the admin page that changes what the page shows; a visitor who is not signed in has none."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission, User
from playwright.sync_api import expect

from events.models import Country, Document, Event, Person, Source

PASSWORD = "a long editor password"
EDIT = re.compile(r"^Edit this")


@pytest.fixture
def event(site):
    Country.objects.get_or_create(code="IN", defaults={"name": "India"})
    document = Document.objects.create(text="Rajnath Singh met Sergei Shoigu in New Delhi.", filename="talks.txt", title="Talks")
    event = Event.objects.create(title="Singh meets Shoigu", kind="meeting", date=datetime.date(2023, 4, 28), date_precision="day")
    event.participants.add(Person.objects.create(name="Rajnath Singh", country_id="IN"))
    Source.objects.create(event=event, document=document, start=0, end=len(document.text))
    return event


@pytest.fixture
def editor(site):
    """A staff member with the events permissions (the "editors" group a migration makes does not
    survive the flush between transactional tests, the permissions do)."""
    user = User.objects.create_user("page-editor", password=PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="events"))
    return user


def log_in(page, site, user):
    # The admin's pages name no icon (the site's base.html gives "data:,"), so chromium asks for
    # /favicon.ico, whose 404 the page fixture would count as an error.
    page.route(f"{site}/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{site}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{site}/admin/")


def tab_to(page, link, most=30):
    for _ in range(most):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{most} presses of Tab did not reach the link")


def test_an_editor_opens_the_events_admin_page_from_its_public_page_with_the_keyboard(page, site, editor, event):
    log_in(page, site, editor)
    page.goto(f"{site}{event.get_absolute_url()}")
    link = page.get_by_role("link", name="Edit this event")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/admin/events/event/{event.pk}/change/")
    expect(page.locator("#id_title")).to_have_value("Singh meets Shoigu")


@pytest.mark.parametrize("what", ["person", "document"])
def test_an_editor_opens_a_persons_or_documents_admin_page_from_its_public_page(page, site, editor, event, what):
    obj = event.participants.get() if what == "person" else event.sources.get().document
    log_in(page, site, editor)
    page.goto(f"{site}{obj.get_absolute_url()}")
    page.get_by_role("link", name=f"Edit this {what}").click()
    expect(page).to_have_url(f"{site}/admin/events/{what}/{obj.pk}/change/")


def test_a_visitor_not_signed_in_sees_no_edit_link(page, site, event):
    for obj in (event, event.participants.get(), event.sources.get().document):
        page.goto(f"{site}{obj.get_absolute_url()}")
        expect(page.locator("h1")).to_be_visible()
        expect(page.get_by_role("link", name=EDIT)).to_have_count(0)
