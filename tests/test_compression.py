"""What a browser downloads for the first screen: pages and API responses gzipped when the browser
asks (the timeline's HTML shrinks about ninefold), unchanged otherwise, with the same security
headers; and in production the hashed static files come compressed and cached for a year, so a
returning visitor fetches only the page."""

import gzip
import textwrap

import pytest

from tests.test_deploy import served_in_production

GZIP = {"accept-encoding": "gzip, deflate, br"}


@pytest.fixture
def events(make_event):
    for n in range(12):
        make_event(title=f"Minister {n} meets minister {n + 1}", countries=("IN", "RU"))


@pytest.mark.parametrize("url", ["/", "/?country=RU", "/api/events"])
def test_responses_are_gzipped_for_browsers_that_ask(client, events, url):
    plain = client.get(url)
    packed = client.get(url, headers=GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3
    assert "Accept-Encoding" in packed["Vary"]
    # Compression changes nothing else a browser relies on.
    for header in ("Content-Type", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert packed.get(header) == plain.get(header), header


def test_the_htmx_fragment_is_gzipped_and_still_varies_on_hx_request(client, events):
    packed = client.get("/?country=RU", headers={**GZIP, "HX-Request": "true"})
    assert packed["Content-Encoding"] == "gzip"
    assert {"HX-Request", "Accept-Encoding"} <= {v.strip() for v in packed["Vary"].split(",")}
    assert b'id="results"' in gzip.decompress(packed.content)


STATIC_CLIENT = textwrap.dedent(
    """
    import json, django
    django.setup()
    from django.templatetags.static import static
    from django.test import Client

    client = Client(headers={"x-forwarded-proto": "https", "accept-encoding": "gzip, deflate, br"})
    out = {}
    for name in ("css/app.css", "htmx-2.0.11.min.js", "js/timeline.js"):
        response = client.get(static(name))
        out[name] = [static(name), response.status_code, response.get("Cache-Control"), response.get("Content-Encoding")]
        response.close()
    print(json.dumps(out))
    """
)


def test_in_production_static_files_are_hashed_compressed_and_cached_for_a_year(tmp_path):
    for name, (url, status, cache, encoding) in served_in_production(tmp_path, STATIC_CLIENT).items():
        stem, _, suffix = name.rpartition(".")
        assert url.startswith(f"/static/{stem}.") and url.endswith(f".{suffix}") and url != f"/static/{name}"
        assert status == 200, name
        assert "immutable" in cache and "max-age=315360000" in cache, (name, cache)
        assert encoding == "gzip", name
