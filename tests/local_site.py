"""A web site on the loopback interface for the tests of ingesting addresses, feeds and background jobs:
each test says what each path answers (`site.pages`) and reads how often each was asked for
(`site.hits`). Nothing here reaches the internet."""

import json
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

HTML = "text/html; charset=utf-8"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        path = urlsplit(self.path).path
        with server.lock:
            server.hits[path] += 1
            server.requests.append(self.path)
            answer = server.pages.get(self.path, server.pages.get(path))
        if callable(answer):
            answer = answer()
        if answer is None:
            answer = (404, HTML, b"<html><body><p>Not found</p></body></html>")
        status, content_type, body = answer
        body = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def reset(self):
        self.lock = threading.Lock()
        self.pages = {}  # path (with its query, or without to answer any query): (status, type, body) or a callable
        self.hits = Counter()  # path without query: requests
        self.requests = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def page(self, path, body, status=200, content_type=HTML):
        self.pages[path] = (status, content_type, body)
        return self.url + path

    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="module")
def site_server():
    server = Site(("127.0.0.1", 0), Handler)
    server.reset()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(site_server, settings):
    """The local site, emptied, with the loopback address it listens on allowed and quick fetch limits."""
    site_server.reset()
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    settings.FETCH_BACKOFF = 0.001
    settings.FETCH_TIMEOUT = 10
    settings.FETCH_RETRIES = 0
    return site_server


def article_page(title, paragraphs, *, published=None, canonical=None, outlet=None, author=None):
    """A small news page built like real ones: navigation and footer around the article; `published`
    (a date) goes in its JSON-LD, `canonical` in a <link rel=canonical>."""
    head = f"<title>{title}</title>"
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if outlet:
        head += f'<meta property="og:site_name" content="{outlet}">'
    if published or author:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
        if published:
            data["datePublished"] = f"{published.isoformat()}T09:00:00+00:00"
        if author:
            data["author"] = {"@type": "Person", "name": author}
        head += f'<script type="application/ld+json">{json.dumps(data)}</script>'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world/'>World</a> <a href='/business/'>Business</a></nav></header>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer><p><a href='/contact/'>Contact</a> · <a href='/privacy/'>Privacy</a></p></footer></body></html>"
    )
