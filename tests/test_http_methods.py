"""Every page and API endpoint answers HEAD as it answers GET (link checkers and monitors send HEAD),
OPTIONS with the methods allowed, and any other method with a 405 naming them."""

import pytest
from django.urls import reverse

from events import api_urls
from events import urls as page_urls


@pytest.fixture
def urls(make_event):
    """Every named page and API address, so a page added later is checked too."""
    event = make_event(title="Singh meets Shoigu", countries=("IN", "RU"), venue=("Moscow", "RU"))
    ids = {"event": event.pk, "document": event.sources.get().document_id, "person": event.participants.get().pk}
    found = [
        reverse(f"{namespace}:{pattern.name}", kwargs={"pk": ids[pattern.name]} if "pk" in pattern.pattern.converters else {})
        for namespace, module in (("events", page_urls), ("api", api_urls))
        for pattern in module.urlpatterns if pattern.name
    ]
    assert {"/", "/map/", f"/events/{event.pk}/", "/api/events.csv", "/api/events/timelinejs.csv"} <= set(found)
    return found


def test_head_gets_the_status_and_headers_of_get_without_a_body(client, urls):
    for url in urls:
        got, head = client.get(url), client.head(url)
        assert (url, got.status_code, head.status_code) == (url, 200, 200)
        assert head["Content-Type"] == got["Content-Type"], url
        assert head.content == b"", url


def test_head_of_a_missing_event_is_a_404_like_get(client, db):
    assert client.head("/events/12345/").status_code == 404
    assert client.head("/api/events/12345").status_code == 404


def test_options_lists_the_methods_allowed_and_runs_nothing(client, urls, django_assert_max_num_queries):
    for url in urls:
        with django_assert_max_num_queries(0):
            response = client.options(url)
        assert response.status_code == 200, url
        assert response["Allow"] == "GET, HEAD, OPTIONS", url
        assert response.content == b"", url


def test_a_browsers_cors_preflight_to_the_api_is_answered(client, db):
    response = client.options(
        "/api/events", headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET",
                                "Access-Control-Request-Headers": "x-requested-with"},
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "x-requested-with"


def test_other_methods_get_a_405_naming_the_allowed_ones(client, urls):
    for url in urls:
        for method in (client.post, client.put, client.patch, client.delete):
            response = method(url)
            assert response.status_code == 405, (url, method)
            assert response["Allow"] == "GET, HEAD, OPTIONS", url
