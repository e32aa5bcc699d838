"""The "Add documents" form looks and works like the rest of the admin: its stylesheets, fieldsets,
help texts tied to their fields, errors styled as the admin's, and the admin's date widget with its
calendar for the publication date."""

import re

from django.urls import reverse

UPLOAD = reverse("admin:events_document_upload")


def test_the_form_is_laid_out_in_the_admins_fieldsets_with_its_stylesheets(editor_client):
    html = editor_client.get(UPLOAD).content.decode()
    assert '<link rel="stylesheet" href="/static/admin/css/forms.css">' in html
    assert '<link rel="stylesheet" href="/static/admin/css/widgets.css">' in html
    headings = re.findall(r'<h2 id="fieldset-0-\d-heading" class="fieldset-heading">([^<]+)</h2>', html)
    assert headings == ["Articles", "For every document"]
    for name in ["files", "urls", "text", "filename", "outlet", "published"]:
        assert re.search(rf'<div class="form-row field-{name}">', html), name
    # Help texts are the admin's, and each field says which one describes it.
    assert '<div class="help" id="id_outlet_helptext">' in html
    assert re.search(r'<input type="text" name="outlet"[^>]*aria-describedby="id_outlet_helptext"', html)


def test_the_publication_date_uses_the_admins_date_widget_and_its_calendar_script(editor_client):
    html = editor_client.get(UPLOAD).content.decode()
    assert re.search(r'<input type="text" name="published" class="vDateField"', html)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    for needed in ["/admin/jsi18n/", "/static/admin/js/core.js", "/static/admin/js/calendar.js",
                   "/static/admin/js/admin/DateTimeShortcuts.js"]:
        assert needed in scripts, needed


def test_errors_are_shown_as_the_admin_shows_them(editor_client):
    html = editor_client.post(UPLOAD, {"published": "someday", "urls": "ftp://example.org/a"}).content.decode()
    assert '<p class="errornote">Please correct the errors below.</p>' in html
    assert re.search(r'<div class="flex-container errors">\s*<label for="id_published">', html)
    assert '<ul class="errorlist" id="id_published_error"><li>Enter a valid date.</li></ul>' in html
    assert "Not an http(s) address: ftp://example.org/a" in html


def test_a_form_error_of_no_field_is_the_admins_too(editor_client):
    html = editor_client.post(UPLOAD, {"outlet": "The Hindu"}).content.decode()
    assert '<p class="errornote">Please correct the error below.</p>' in html
    assert '<ul class="errorlist nonfield"><li>Choose files, give addresses or paste a text.</li></ul>' in html
    assert 'value="The Hindu"' in html
