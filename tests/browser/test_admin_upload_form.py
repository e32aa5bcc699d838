"""The publication date of "Add documents" in chromium: the admin's calendar button is shown, the
calendar opens from it under the site's CSP, and the day picked fills in the field (in the admin's
date format)."""

import datetime
import re

from playwright.sync_api import expect

from tests.browser.test_admin_ingest import editor_login, log_in  # noqa: F401 (editor_login is a fixture)


def test_the_calendar_opens_and_fills_in_the_publication_date(page, site, editor_login):  # noqa: F811
    log_in(page, site, editor_login, "/admin/events/document/upload/")
    calendar = page.locator("#calendarbox0")
    field = page.get_by_label("Published")
    expect(calendar).to_be_hidden()
    # The button is only an icon, drawn by the admin's widgets.css: without it there is nothing to see.
    icon = page.locator("#calendarlink0_icon")
    assert "icon-calendar" in icon.evaluate("e => getComputedStyle(e).backgroundImage")
    assert icon.bounding_box()["width"] > 0
    page.get_by_role("button", name="Choose a Date").click()
    expect(calendar).to_be_visible()
    day = 16 if datetime.date.today().day == 15 else 15  # not today, which the Today button then sets
    calendar.get_by_role("button", name=re.compile(rf"^\w+ {day}, \d{{4}}$")).click()
    expect(calendar).to_be_hidden()
    expect(field).to_have_value(re.compile(rf"^{day}/\d{{2}}/\d{{4}}$"))
    page.locator(".datetimeshortcuts").get_by_role("button", name=re.compile(r"^Today")).click()
    expect(field).not_to_have_value(re.compile(rf"^{day}/"))
