"""Errors answer with the product's own pages (the site's look, links back to the timeline, nothing
from the request unescaped), also as scripts/serve runs the app: with DEBUG off."""

from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from events import views

ROOT = Path(__file__).resolve().parent.parent


def test_a_missing_event_is_the_products_404_page(client, db):
    response = client.get("/events/12345/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Nothing here</h1>" in html and 'class="site-header"' in html
    assert "<code>/events/12345/</code>" in html
    assert 'href="/">Go to the timeline</a>' in html and 'href="/map/"' in html


def test_the_404_page_shows_the_address_asked_for_as_text(client, db):
    html = client.get('/events/<script>alert("x")</script>/').content.decode()
    assert "<script>alert" not in html
    assert "Nothing is at <code>/events/%3Cscript%3Ealert%28%22x%22%29%3C/script%3E/</code>" in html


def test_an_error_in_a_page_is_the_products_500_page(db, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the index is gone")

    monkeypatch.setattr(views, "summary_context", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "<h1>Something went wrong</h1>" in html and 'href="/">Go to the timeline</a>' in html
    assert "the index is gone" not in html and "Traceback" not in html


def test_a_request_for_another_host_is_the_products_400_page(client, db):
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "<h1>This request could not be read</h1>" in response.content.decode()


def test_an_action_an_account_may_not_take_is_the_products_403_page(client, db):
    client.force_login(User.objects.create_user("reader", is_staff=True))
    response = client.get("/admin/events/document/upload/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Not allowed</h1>" in html and 'href="/admin/"' in html


def test_static_files_are_served_with_debug_off_as_scripts_serve_runs(client, settings):
    """scripts/serve no longer turns DEBUG on to have its CSS served: WhiteNoise serves it from the
    static folders outside production."""
    assert settings.DEBUG is False
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert b".error-page" in b"".join(response.streaming_content)
    assert "DEBUG" not in "".join(
        line for line in (ROOT / "scripts" / "serve").read_text().splitlines(keepends=True) if not line.startswith("#")
    )
