"""events/fetching.py against a local HTTP server: redirects, retries, limits, timeouts, content types and
the refusal of private addresses. Nothing here reaches the internet."""

import gzip
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from events import fetching
from events.fetching import FEED_TYPES, FetchError, Fetched, fetch
from events.ingest import IngestError

PAGE = "<html><body><p>Café in the capital</p></body></html>".encode("cp1252")
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>'
HUGE = 32 * 1024 * 1024  # far beyond what socket buffers hold: a server cut off cannot have sent it all
BOMB = gzip.compress(b"\0" * 20_000_000)  # about 20 kB that decode to 20 MB


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        server = self.server
        path = urlsplit(self.path).path
        with server.lock:
            server.hits[path] += 1
            hits = server.hits[path]
            server.seen.append((self.path, dict(self.headers)))
        parts = path.strip("/").split("/")
        route = getattr(self, "route_" + parts[0].replace("-", "_"), None)
        if route is None:
            return self.reply(404, b"no such page")
        route(hits, *parts[1:])

    def reply(self, status, body, content_type="text/html; charset=utf-8", **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def route_page(self, hits):
        self.reply(200, PAGE, "text/html; charset=windows-1252")

    def route_redirect(self, hits, n):
        if int(n) == 0:
            return self.reply(200, b"<p>arrived</p>")
        self.reply(302, b"", Location=f"/redirect/{int(n) - 1}")

    def route_to(self, hits):
        self.reply(302, b"", Location=parse_qs(urlsplit(self.path).query)["url"][0])

    def route_status(self, hits, code):
        self.reply(int(code), b"<p>sorry</p>")

    def route_flaky(self, hits, key, failures):
        if hits <= int(failures):
            return self.reply(503, b"<p>busy</p>")
        self.reply(200, b"<p>at last</p>")

    def route_retry_after(self, hits, key, seconds):
        if hits == 1:
            return self.reply(429, b"<p>slow down</p>", Retry_After=seconds)
        self.reply(200, b"<p>thanks for waiting</p>")

    def route_huge(self, hits, framing):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if framing == "length":
            self.send_header("Content-Length", str(HUGE))
        self.end_headers()  # HTTP/1.0: without a length, the body ends when the connection closes
        sent = 0
        try:
            while sent < HUGE:
                self.wfile.write(b"x" * 65536)
                sent += 65536
        except OSError:
            pass
        finally:
            self.server.sent[framing] = sent
            self.server.finished.set()

    def route_gzip(self, hits, what, framing):
        body = BOMB if what == "bomb" else gzip.compress(PAGE)
        if framing == "length":
            return self.reply(200, body, Content_Encoding="gzip")
        self.wfile.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        for start in range(0, len(body), 4096):
            piece = body[start:start + 4096]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def route_slow(self, hits):
        time.sleep(3)
        self.reply(200, b"<p>too late</p>")

    def route_trickle(self, hits):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "50")
        self.end_headers()
        self.drip(b"x" * 50)

    def route_trickle_headers(self, hits):
        self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Slow: ")
        self.drip(b"x" * 50)

    def drip(self, data):
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def route_png(self, hits):
        self.reply(200, b"\x89PNG\r\n\x1a\n", "image/png")

    def route_untyped(self, hits):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"hi")

    def route_feed(self, hits):
        self.reply(200, FEED, "application/rss+xml; charset=utf-8")

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    def reset(self):
        self.lock = threading.Lock()
        self.hits = Counter()
        self.seen = []
        self.sent = {}
        self.finished = threading.Event()

    def handle_error(self, request, client_address):
        pass  # clients that give up early are the point of several tests


def start(server):
    server.reset()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server():
    server = start(Server(("127.0.0.1", 0), Handler))
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def site(server, settings):
    """The local server, counts cleared, with the loopback address it listens on allowed."""
    server.reset()
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    settings.FETCH_BACKOFF = 0.001
    settings.FETCH_TIMEOUT = 10
    settings.FETCH_RETRIES = 2
    settings.FETCH_MAX_REDIRECTS = 5
    settings.FETCH_MAX_BYTES = 5_000_000
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    return server


@pytest.fixture
def waits(monkeypatch):
    """The waits between attempts, recorded instead of slept."""
    waits = []
    monkeypatch.setattr(fetching, "sleep", waits.append)
    return waits


@pytest.fixture
def public_example(monkeypatch):
    """public.example and other.example, names only the fetcher's resolver knows, at the local server's
    address; that one address is taken as public, every other address judged as usual."""
    real_resolve, real_is_public = fetching.resolve, fetching.is_public_address
    loopback = ipaddress.ip_address("127.0.0.1")
    names = {"public.example", "other.example"}
    monkeypatch.setattr(
        fetching, "resolve", lambda host, port: ["127.0.0.1"] if host in names else real_resolve(host, port)
    )
    monkeypatch.setattr(fetching, "is_public_address", lambda ip: ip == loopback or real_is_public(ip))


def refused(url, **kwargs):
    with pytest.raises(FetchError) as caught:
        fetch(url, **kwargs)
    return caught.value


# Pages, redirects and status codes

def test_a_page_comes_back_with_its_bytes_charset_and_address(site):
    page = fetch(site.url + "/page")
    assert page == Fetched(site.url + "/page", 200, "text/html", "windows-1252", PAGE, {})
    assert page.body.decode(page.charset) == "<html><body><p>Café in the capital</p></body></html>"
    assert page.headers["content-type"] == "text/html; charset=windows-1252"  # case-insensitive


@pytest.mark.parametrize("hops", [3, 5])
def test_redirects_are_followed_to_the_last_address(site, hops):
    page = fetch(f"{site.url}/redirect/{hops}")
    assert page.url == site.url + "/redirect/0"
    assert page.body == b"<p>arrived</p>"
    assert sum(site.hits.values()) == hops + 1


@pytest.mark.parametrize("hops", [6, 7])
def test_too_many_redirects_are_refused(site, hops):
    error = refused(f"{site.url}/redirect/{hops}")
    assert str(error) == f"{site.url}/redirect/{hops}: more than 5 redirects"
    assert sum(site.hits.values()) == 6  # the first request and five redirects, then it stopped


def test_a_404_is_an_error_and_not_tried_again(site):
    error = refused(site.url + "/status/404")
    assert str(error) == f"{site.url}/status/404: the server answered 404 Not Found"
    assert (error.url, error.reason) == (site.url + "/status/404", "the server answered 404 Not Found")
    assert isinstance(error, IngestError)
    assert site.hits["/status/404"] == 1


def test_an_error_after_a_redirect_names_both_addresses(site):
    error = refused(f"{site.url}/to?url=/status/410")
    assert str(error) == (
        f"{site.url}/to?url=/status/410: the server answered 410 Gone (redirected to {site.url}/status/410)"
    )


# Trying again

def test_a_503_twice_then_200_succeeds_on_the_third_attempt(site, settings, waits):
    settings.FETCH_BACKOFF = 0.01
    page = fetch(site.url + "/flaky/a/2")
    assert page.body == b"<p>at last</p>"
    assert site.hits["/flaky/a/2"] == 3
    assert waits == [0.01, 0.02]  # exponential backoff


def test_a_server_always_503_gives_up_after_the_retries(site, waits):
    error = refused(site.url + "/flaky/b/99")
    assert error.reason == "the server answered 503 Service Unavailable (tried 3 times)"
    assert site.hits["/flaky/b/99"] == 3


def test_no_retries_means_one_attempt(site, settings, waits):
    settings.FETCH_RETRIES = 0
    assert refused(site.url + "/flaky/c/99").reason == "the server answered 503 Service Unavailable"
    assert site.hits["/flaky/c/99"] == 1 and waits == []


def test_retry_after_is_honoured_up_to_the_cap(site, waits):
    assert fetch(site.url + "/retry-after/a/1").body == b"<p>thanks for waiting</p>"
    assert fetch(site.url + "/retry-after/b/3600").body == b"<p>thanks for waiting</p>"
    assert waits == [1, fetching.RETRY_WAIT_CAP]


def test_a_wait_past_the_time_limit_is_not_made(site, settings, waits):
    settings.FETCH_TIMEOUT = 1
    error = refused(site.url + "/retry-after/c/3600")
    assert error.reason == "the server answered 429 Too Many Requests"
    assert waits == [] and site.hits["/retry-after/c/3600"] == 1


def test_a_refused_connection_is_tried_again_then_reported(site, waits):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = refused(f"http://127.0.0.1:{port}/")
    assert error.reason == "the connection failed (Connection refused) (tried 3 times)"
    assert len(waits) == 2


# Size limits

@pytest.mark.parametrize("framing", ["length", "close"])
def test_a_huge_page_is_refused_without_downloading_it_all(site, settings, framing):
    settings.FETCH_MAX_BYTES = 100_000
    started = time.monotonic()
    error = refused(f"{site.url}/huge/{framing}")
    assert error.reason == "the web page is over the limit of 100,000 bytes (setting FETCH_MAX_BYTES)"
    assert site.finished.wait(5)
    assert site.sent[framing] < HUGE  # the server was cut off, not read to the end
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_a_gzip_bomb_is_refused(site, settings, framing):
    settings.FETCH_MAX_BYTES = 100_000
    assert len(BOMB) < 100_000
    error = refused(f"{site.url}/gzip/bomb/{framing}")
    assert error.reason == "the web page is over the limit of 100,000 bytes (setting FETCH_MAX_BYTES)"


@pytest.mark.parametrize("framing", ["length", "chunked"])
def test_a_gzipped_page_is_decoded(site, framing):
    page = fetch(f"{site.url}/gzip/page/{framing}")
    assert page.body == PAGE


# Time limits

def test_a_slow_server_times_out(site, settings):
    settings.FETCH_TIMEOUT = 0.5
    started = time.monotonic()
    error = refused(site.url + "/slow")
    assert error.reason == "no answer within 0.5 seconds (setting FETCH_TIMEOUT)"
    assert time.monotonic() - started < 2
    assert site.hits["/slow"] == 1  # no time left to try again


@pytest.mark.parametrize("path, reason", [
    ("/trickle", "the download did not finish within 0.5 seconds (setting FETCH_TIMEOUT)"),
    ("/trickle-headers", "no answer within 0.5 seconds (setting FETCH_TIMEOUT)"),
])
def test_a_trickling_server_is_cut_off_at_the_deadline(site, settings, path, reason):
    """A byte every 0.2 s never trips a 0.5 s read timeout; only the deadline for the whole fetch stops it."""
    settings.FETCH_TIMEOUT = 0.5
    started = time.monotonic()
    assert refused(site.url + path).reason == reason
    assert time.monotonic() - started < 2


# Content types

def test_an_image_is_not_a_web_page(site):
    error = refused(site.url + "/png")
    assert str(error) == f"{site.url}/png: a PNG image (image/png) is not a web page"


def test_a_feed_is_fetched_as_a_feed_and_is_not_a_page(site):
    feed = fetch(site.url + "/feed", accept=FEED_TYPES)
    assert (feed.content_type, feed.charset, feed.body) == ("application/rss+xml", "utf-8", FEED)
    assert refused(site.url + "/feed").reason == "a feed (application/rss+xml) is not a web page"
    assert refused(site.url + "/page", accept=FEED_TYPES).reason == "a web page (text/html) is not a feed"


def test_a_page_without_a_content_type_is_refused(site):
    error = refused(site.url + "/untyped")
    assert error.reason == "the server did not say what it sent (no Content-Type), so it is not a web page"


def test_other_accepted_types_are_named(site):
    assert fetch(site.url + "/png", accept=("image/png",)).body == b"\x89PNG\r\n\x1a\n"
    error = refused(site.url + "/page", accept=("application/json", "text/plain"))
    assert error.reason == "a web page (text/html) is not one of application/json, text/plain"


# What is sent

def test_the_server_sees_the_configured_user_agent_and_accept_headers(site, settings):
    settings.FETCH_USER_AGENT = "TestAgent/2.0 (+tests)"
    fetch(site.url + "/page")
    fetch(site.url + "/feed", accept=FEED_TYPES)
    (_, page_headers), (_, feed_headers) = site.seen
    assert page_headers["User-Agent"] == "TestAgent/2.0 (+tests)"
    assert page_headers["Accept"] == "text/html, application/xhtml+xml"
    assert page_headers["Accept-Encoding"] == "gzip, deflate"
    assert feed_headers["Accept"].startswith("application/rss+xml, application/atom+xml")


def test_the_default_user_agent_names_the_project():
    from django.conf import settings as defaults

    assert defaults.FETCH_USER_AGENT.startswith("MeetingsTimeline/1.0 (+")


# Addresses

@pytest.mark.parametrize("url, address", [
    ("http://127.0.0.1:{port}/page", "127.0.0.1"),
    ("http://localhost:{port}/page", "127.0.0.1"),
    ("http://2130706433:{port}/page", "127.0.0.1"),  # 127.0.0.1 written as one number
    ("http://0.0.0.0:{port}/page", "0.0.0.0"),
    ("http://[::1]:{port}/page", "::1"),
    ("http://[::ffff:127.0.0.1]:{port}/page", "::ffff:127.0.0.1"),
    ("http://10.1.2.3/", "10.1.2.3"),
    ("http://169.254.169.254/latest/meta-data", "169.254.169.254"),
    ("http://100.64.0.1/", "100.64.0.1"),
    ("http://224.0.0.1/", "224.0.0.1"),
    ("http://[fd00::1]/", "fd00::1"),
    ("http://[fe80::1]/", "fe80::1"),
    ("http://[64:ff9b::a00:5]/", "64:ff9b::a00:5"),  # NAT64 for 10.0.0.5
])
def test_private_addresses_are_refused_without_connecting(site, settings, url, address):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    started = time.monotonic()
    error = refused(url.format(port=site.server_address[1]))
    assert f"{address} is a private network address" in error.reason or f"is at {address}," in error.reason
    assert error.reason.endswith("a private network address; set FETCH_ALLOW_PRIVATE_ADDRESSES to allow it")
    assert time.monotonic() - started < 1
    assert site.seen == []


def test_a_name_is_refused_if_any_of_its_addresses_is_private(site, settings, monkeypatch):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    monkeypatch.setattr(fetching, "resolve", lambda host, port: ["93.184.215.14", "10.0.0.5"])
    error = refused("https://mixed.example/news")
    assert str(error) == (
        "https://mixed.example/news: mixed.example is at 10.0.0.5, a private network address; "
        "set FETCH_ALLOW_PRIVATE_ADDRESSES to allow it"
    )


@pytest.mark.parametrize("address, public", [
    ("93.184.215.14", True), ("2606:4700::1", True), ("64:ff9b::5db8:d70e", True),
    ("192.168.1.1", False), ("172.16.0.1", False), ("240.0.0.1", False), ("255.255.255.255", False),
    ("::", False), ("::7f00:1", False), ("fec0::1", False), ("ff0e::1", False), ("2001:db8::1", False),
    ("::ffff:10.0.0.5", False), ("::ffff:93.184.215.14", True),
])
def test_is_public_address(address, public):
    assert fetching.is_public_address(ipaddress.ip_address(address)) is public


def test_the_connection_goes_to_the_checked_address_with_the_name_in_host(site, settings, public_example):
    """public.example is known only to the resolver the check uses: had the connection looked the name
    up again (where DNS rebinding could give another answer), it would have failed."""
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    port = site.server_address[1]
    page = fetch(f"http://public.example:{port}/page")
    assert page.body == PAGE
    assert site.seen[0][1]["Host"] == f"public.example:{port}"


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data", "http://10.1.2.3/admin", "http://[::1]/",
    "http://[::ffff:10.0.0.5]/",
])
def test_a_redirect_to_a_private_address_is_refused(site, settings, public_example, target):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    url = f"http://public.example:{site.server_address[1]}/to?url={target}"
    started = time.monotonic()
    error = refused(url)
    assert error.url == url
    assert "a private network address; set FETCH_ALLOW_PRIVATE_ADDRESSES to allow it" in error.reason
    assert error.reason.endswith(f"(redirected to {target})")
    assert time.monotonic() - started < 1
    assert [path for path, _ in site.seen] == [f"/to?url={target}"]


@pytest.mark.parametrize("url", ["ftp://example.com/file.txt", "file:///etc/passwd", "gopher://example.com/"])
def test_other_schemes_are_refused(url):
    assert str(refused(url)) == f"{url}: only http and https addresses can be fetched"


@pytest.mark.parametrize("url", ["http://example.com:99999/", "http://example.com:port/", "http://[::1/"])
def test_malformed_addresses_are_refused(url):
    assert refused(url).reason == "this is not a valid web address"


def test_a_redirect_to_another_scheme_is_refused(site):
    error = refused(site.url + "/to?url=file:///etc/passwd")
    assert error.reason == "only http and https addresses can be fetched (redirected to file:///etc/passwd)"


@pytest.mark.parametrize("credentials", ["user:secret@", "user@"])
def test_addresses_with_credentials_are_refused(site, credentials):
    error = refused(f"http://{credentials}127.0.0.1:{site.server_address[1]}/page")
    assert error.reason == "addresses with a user name or password are not fetched"
    assert site.seen == []


def test_an_unknown_name_is_reported(monkeypatch):
    def unknown(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetching, "resolve", unknown)
    assert refused("https://nowhere.example/").reason == "the host name nowhere.example could not be found"


# TLS to the checked address

@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """An HTTPS server for public.example with a certificate from a throwaway CA (needs openssl)."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    (folder / "server.ext").write_text(
        "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:public.example\n"
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"
    )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign")
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=public.example")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "server.ext")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    server = Server(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    start(server).ca = str(folder / "ca.pem")
    yield server
    server.shutdown()
    server.server_close()


def test_https_checks_the_certificate_against_the_name_not_the_address(tls_server, settings, monkeypatch,
                                                                       public_example):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    settings.FETCH_RETRIES = 0
    tls_server.reset()
    monkeypatch.setattr(fetching, "CA_CERTS", tls_server.ca)
    port = tls_server.server_address[1]
    page = fetch(f"https://public.example:{port}/page")
    assert (page.url, page.body) == (f"https://public.example:{port}/page", PAGE)
    # The same server under a name its certificate does not carry.
    error = refused(f"https://other.example:{port}/page")
    assert error.reason == (
        "the secure connection failed (hostname 'other.example' doesn't match 'public.example')"
    )
    assert tls_server.hits["/page"] == 1  # the refused connection asked for nothing


def test_https_refuses_a_certificate_from_an_unknown_authority(tls_server, settings, public_example, waits):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    error = refused(f"https://public.example:{tls_server.server_address[1]}/page")  # the CA is not trusted
    assert error.reason.startswith("the secure connection failed ([SSL: CERTIFICATE_VERIFY_FAILED]")
    assert waits == []  # not tried again
