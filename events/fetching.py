"""Fetching a web page or a feed from an http(s) address someone gave us, safely.

The rules, each enforced for every request including every redirect hop:

- Only http and https addresses, without a user name or password in them.
- The host name is resolved once and refused if ANY of its addresses is private, loopback,
  link-local, multicast, reserved, unspecified or otherwise not globally routable (IPv4-mapped and
  NAT64 IPv6 addresses are judged by the IPv4 address inside), unless the setting
  FETCH_ALLOW_PRIVATE_ADDRESSES is on. The connection then goes to the address that was checked (the
  Host header, TLS SNI and certificate check still use the name), so the name cannot be made to point
  somewhere else between the check and the connection (DNS rebinding). Proxies from the environment
  are not used: a proxy would connect to whatever the name resolves to at its end.
- Redirects are followed here, at most FETCH_MAX_REDIRECTS of them, each new address checked as above.
- FETCH_TIMEOUT seconds is the limit for connecting and for each wait for the server, and also for the
  whole fetch (all hops, retries and the download together): a watchdog shuts the connection down
  when the time is up, so a server trickling headers or body a byte at a time cannot hold a worker.
  Looking up a host name (socket.getaddrinfo) is left to the system resolver's own timeouts.
- The body is streamed and refused as soon as it is over FETCH_MAX_BYTES, counted after gzip or
  deflate decoding (so a small compressed "bomb" is refused too), and at once when Content-Length
  already says it is too big.
- Connection failures and 429, 500, 502, 503 and 504 answers are tried again FETCH_RETRIES times,
  waiting FETCH_BACKOFF seconds, then twice that, and so on, or what Retry-After asks, never more than
  RETRY_WAIT_CAP seconds and never past the fetch's time limit. Other answers are final.
- The answer must be 2xx and of a media type in `accept`.

Every refusal is a FetchError whose message names the address and the reason.
"""

import ipaddress
import socket
import ssl
import threading
from collections.abc import Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http import HTTPStatus
from http.client import HTTPException
from time import monotonic, sleep
from typing import NamedTuple
from urllib.parse import quote, urljoin, urlsplit

import certifi
from django.conf import settings
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, HTTPError, InvalidHeader, NewConnectionError
from urllib3.util import Retry
from urllib3.util.ssl_match_hostname import CertificateError

from .ingest import IngestError

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml",
)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_WAIT_CAP = 5.0  # seconds: the longest wait before trying again, whatever Retry-After asks
CA_CERTS = certifi.where()
CHUNK_BYTES = 64 * 1024
DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
_NETWORK_ERRORS = (OSError, HTTPException, HTTPError, CertificateError)

_TYPE_NAMES = {
    "text/html": "a web page",
    "application/xhtml+xml": "a web page",
    "application/rss+xml": "a feed",
    "application/atom+xml": "a feed",
    "application/rdf+xml": "a feed",
    "application/xml": "an XML document",
    "text/xml": "an XML document",
    "text/plain": "plain text",
    "application/json": "JSON data",
    "application/pdf": "a PDF",
    "application/zip": "a ZIP archive",
    "application/octet-stream": "a binary file",
    "image/png": "a PNG image",
    "image/jpeg": "a JPEG image",
    "image/gif": "a GIF image",
    "image/webp": "a WebP image",
    "image/svg+xml": "an SVG image",
}


@dataclass(frozen=True)
class Fetched:
    url: str  # the final address, after redirects
    status: int
    content_type: str  # lower-case media type, without parameters
    charset: str | None  # from the Content-Type header
    body: bytes = field(repr=False)
    headers: Mapping[str, str] = field(repr=False, compare=False)  # case-insensitive


class FetchError(IngestError):
    """An address that could not be fetched; the message names the address and the reason."""

    def __init__(self, url, reason):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class _Target(NamedTuple):
    """What a request needs from an address."""

    scheme: str
    host: str  # ASCII (IDNA) host name or IP address, without brackets
    port: int
    host_header: str
    path: str  # path and query, percent-encoded


class _TryAgain(Exception):
    """An attempt that may succeed later: the error to give if it is the last, and how long the server
    asked us to wait (None: back off as usual)."""

    def __init__(self, error, wait):
        super().__init__(error.reason)
        self.error = error
        self.wait = wait


def fetch(url, *, accept=HTML_TYPES):
    """The page or feed at `url` (http or https), following redirects; FetchError if it cannot be had."""
    deadline = monotonic() + settings.FETCH_TIMEOUT
    current = url
    for hop in range(settings.FETCH_MAX_REDIRECTS + 1):
        try:
            answer = _get(current, accept, deadline)
        except FetchError as error:
            if hop == 0:
                raise
            raise FetchError(url, f"{error.reason} (redirected to {current})") from None
        if isinstance(answer, Fetched):
            return answer
        current = urljoin(current, answer)
    raise FetchError(url, f"more than {settings.FETCH_MAX_REDIRECTS} redirects")


def resolve(host, port):
    """Every address a host name resolves to (an IP address resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def is_public_address(ip):
    """True for a globally routable unicast address, the only kind fetched by default."""
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    elif ip.version == 6 and ip in _NAT64:
        ip = ipaddress.IPv4Address(int(ip) & 0xFFFF_FFFF)
    if ip.version == 6 and ip not in _GLOBAL_UNICAST_V6:
        return False  # also refuses the deprecated IPv4-compatible and site-local ranges
    return ip.is_global and not ip.is_multicast


def _get(url, accept, deadline):
    """One hop: a Fetched, or the Location a redirect points to. Tried again as the module says."""
    target = _target(url)
    addresses = _checked_addresses(url, target.host, target.port)
    retries = settings.FETCH_RETRIES
    for attempt in range(retries + 1):
        # Trying again uses the host's next address, if it has several.
        conn = _connection(url, target, addresses[attempt % len(addresses)], deadline)
        try:
            return _attempt(url, conn, target, accept, deadline)
        except _TryAgain as again:
            wait = min(_backoff(attempt) if again.wait is None else again.wait, RETRY_WAIT_CAP)
            if attempt == retries or monotonic() + wait >= deadline:
                tries = f" (tried {attempt + 1} times)" if attempt else ""
                raise FetchError(url, again.error.reason + tries) from None
        finally:
            conn.close()
        sleep(wait)


def _target(url):
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS:
            raise FetchError(url, "only http and https addresses can be fetched")
        if "@" in parts.netloc:
            raise FetchError(url, "addresses with a user name or password are not fetched")
        if not parts.hostname:
            raise FetchError(url, "the address has no host name")
        host = parts.hostname if parts.hostname.isascii() else parts.hostname.encode("idna").decode("ascii")
        port = parts.port or DEFAULT_PORTS[scheme]
    except (ValueError, UnicodeError):
        raise FetchError(url, "this is not a valid web address") from None
    host_header = f"[{host}]" if ":" in host else host
    if parts.port:
        host_header += f":{parts.port}"
    safe = "/%:@!$&'()*+,;=~[]"  # what may stay as it is; the rest (spaces, non-ASCII...) is %-encoded
    path = quote(parts.path or "/", safe=safe)
    if parts.query:
        path += "?" + quote(parts.query, safe=safe + "?")
    return _Target(scheme, host, port, host_header, path)


def _checked_addresses(url, host, port):
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError):
        raise FetchError(url, f"the host name {host} could not be found") from None
    if not addresses:
        raise FetchError(url, f"the host name {host} could not be found")
    if not settings.FETCH_ALLOW_PRIVATE_ADDRESSES:
        for address in addresses:
            if not is_public_address(ipaddress.ip_address(address)):
                what = f"{address} is" if address == host else f"{host} is at {address},"
                raise FetchError(
                    url, f"{what} a private network address; set FETCH_ALLOW_PRIVATE_ADDRESSES to allow it"
                )
    return addresses


def _connection(url, target, address, deadline):
    """A connection (not yet open) to the checked address, verifying TLS against the host name."""
    timeout = min(settings.FETCH_TIMEOUT, deadline - monotonic())
    if timeout <= 0:
        raise FetchError(url, _too_slow("no answer"))
    if target.scheme == "http":
        return HTTPConnection(address, target.port, timeout=timeout)
    return HTTPSConnection(
        address, target.port, timeout=timeout, server_hostname=target.host, assert_hostname=target.host,
        ca_certs=CA_CERTS,
    )


def _attempt(url, conn, target, accept, deadline):
    """One request on `conn`: a Fetched, a redirect's Location, FetchError, or _TryAgain."""
    try:
        conn.connect()  # bounded by the connection's timeout, which ends by the deadline
    except _NETWORK_ERRORS as error:
        raise _failure(url, error) from None
    # The socket itself: http.client lets go of it (conn.sock = None) once a response that ends the
    # connection has begun, while the response goes on reading from it.
    with _cut_off_at(deadline, conn.sock) as expired:
        try:
            conn.request("GET", target.path, headers=_headers(target, accept), preload_content=False)
            response = conn.getresponse()
        except _NETWORK_ERRORS as error:
            raise _failure(url, error, expired) from None
        try:
            if expired.is_set():  # cut off in the middle of the headers
                raise FetchError(url, _too_slow("no answer"))
            if response.status in RETRY_STATUSES:
                reason = _status_reason(response.status, response.reason)
                raise _TryAgain(FetchError(url, reason), _wait(response))
            return _answer(url, response, accept, expired)
        finally:
            response.close()


def _failure(url, error, expired=None):
    """What to raise when connecting or asking failed: a timeout is final, anything else worth another try."""
    if (expired and expired.is_set()) or _is_timeout(error):
        return FetchError(url, _too_slow("no answer"))
    if isinstance(error, (ssl.SSLCertVerificationError, CertificateError)):
        return FetchError(url, f"the secure connection failed ({_detail(error)})")
    return _TryAgain(FetchError(url, f"the connection failed ({_detail(error)})"), wait=None)


def _headers(target, accept):
    return {
        "Host": target.host_header,
        "User-Agent": settings.FETCH_USER_AGENT,
        "Accept": ", ".join(accept),
        "Accept-Encoding": "gzip, deflate",
    }


@contextmanager
def _cut_off_at(deadline, sock):
    """Shut `sock` down when the deadline passes, so that a read waiting on it (for headers or body,
    however slowly the server trickles them) returns at once; the event says it happened."""
    expired = threading.Event()

    def cut():
        expired.set()
        with suppress(OSError):
            # The plain socket's shutdown, not SSLSocket's, which would also drop its TLS state under
            # the reading thread's feet.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, deadline - monotonic()), cut)
    timer.daemon = True
    timer.start()
    try:
        yield expired
    finally:
        timer.cancel()


def _answer(url, response, accept, expired):
    status = response.status
    if status in REDIRECT_STATUSES and response.headers.get("Location"):
        return response.headers["Location"]
    if not 200 <= status < 300:
        raise FetchError(url, _status_reason(status, response.reason))
    content_type, charset = _content_type(response.headers.get("Content-Type", ""))
    _check_type(url, content_type, accept)
    limit = settings.FETCH_MAX_BYTES
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(url, _too_big(accept, limit))
    body = bytearray()
    try:
        for chunk in response.stream(CHUNK_BYTES, decode_content=True):
            body += chunk
            if len(body) > limit:
                raise FetchError(url, _too_big(accept, limit))
    except _NETWORK_ERRORS as error:
        if expired.is_set() or _is_timeout(error):
            raise FetchError(url, _too_slow("the download did not finish")) from None
        raise FetchError(url, f"the download failed ({_detail(error)})") from None
    if expired.is_set():  # the watchdog's shutdown can look like the end of a body without a length
        raise FetchError(url, _too_slow("the download did not finish"))
    return Fetched(url, status, content_type, charset, bytes(body), response.headers)


def _content_type(header):
    """The media type in lower case, and the charset parameter if any."""
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media_type.strip().lower(), charset


def _check_type(url, content_type, accept):
    if content_type in accept:
        return
    wanted = _kind(accept)
    wanted = f"a {wanted}" if wanted != "document" else f"one of {', '.join(accept)}"
    if not content_type:
        raise FetchError(url, f"the server did not say what it sent (no Content-Type), so it is not {wanted}")
    name = _TYPE_NAMES.get(content_type)
    what = f"{name} ({content_type})" if name else content_type
    raise FetchError(url, f"{what} is not {wanted}")


def _kind(accept):
    if set(accept) <= set(HTML_TYPES):
        return "web page"
    if set(accept) <= set(FEED_TYPES):
        return "feed"
    return "document"


def _wait(response):
    """How long a 429 or 5xx answer asks us to wait, if it says (Retry-After), else None."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    with suppress(InvalidHeader):
        return Retry(0).parse_retry_after(value)
    return None


def _backoff(attempt):
    """FETCH_BACKOFF seconds after the first attempt, twice that after the second, and so on."""
    return settings.FETCH_BACKOFF * 2**attempt


def _is_timeout(error):
    # urllib3's NewConnectionError is a ConnectTimeoutError for historical reasons; it is not a timeout.
    timeout = isinstance(error, (TimeoutError, ConnectTimeoutError))
    return timeout and not isinstance(error, NewConnectionError)


def _detail(error):
    cause = error.__cause__ or error
    return getattr(cause, "strerror", None) or str(cause) or type(cause).__name__


def _status_reason(status, reason):
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        pass
    return f"the server answered {status} {reason}".rstrip()


def _too_slow(what):
    return f"{what} within {settings.FETCH_TIMEOUT:g} seconds (setting FETCH_TIMEOUT)"


def _too_big(accept, limit):
    return f"the {_kind(accept)} is over the limit of {limit:,} bytes (setting FETCH_MAX_BYTES)"
