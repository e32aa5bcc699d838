"""Where documents come from: a text file, a saved web page, an upload, or an http(s) address. Each
becomes an `Incoming`: the text to store and what is known of it (title, outlet, author, canonical
address, publication date and where that date was found), ready for `ingest.store_document`.

Plain text is decoded by events/decoding.py; web pages are read by events/webpages.py (trafilatura for
the article, its own rules for the date); addresses are fetched by events/fetching.py (timeouts, size
limit, private networks refused)."""

import datetime
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings

from . import decoding, fetching, webpages
from .ingest import IngestError

TEXT_SUFFIXES = (".txt",)
PAGE_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES


class TooBig(IngestError):
    """An archive larger than one job may take: the whole upload is refused, not one item."""


@dataclass(frozen=True)
class Incoming:
    """A document to store: its text and what its source says of it."""

    name: str  # the file's name or the address, for messages and Document.filename
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None  # canonical address
    published: datetime.date | None = None
    published_basis: str | None = None  # where on the page the date was found


def is_address(value):
    return urlsplit(str(value)).scheme.lower() in ("http", "https")


def from_bytes(name, data, charset=None, url=None):
    """An uploaded or saved file: a web page by its name (.html, .htm) or its first bytes, else text."""
    if name.lower().endswith(PAGE_SUFFIXES) or (not name.lower().endswith(TEXT_SUFFIXES) and _looks_like_html(data)):
        return _from_page(name, webpages.read_page(data, url=url, charset=charset))
    return Incoming(name=name, text=decoding.decode(data, name))


def from_file(path):
    """A .txt or .html/.htm file on disk (over INGEST_MAX_BYTES is refused before it is read)."""
    path = Path(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return Incoming(name=path.name, text=decoding.read(path))
    limit = settings.INGEST_MAX_BYTES
    size = path.stat().st_size
    if size > limit:
        raise decoding.too_big(path.name, size, limit)
    return from_bytes(path.name, path.read_bytes())


def from_address(url):
    """The article at an http(s) address: fetched safely, then read as a web page."""
    fetched = fetching.fetch(url)
    return _from_page(url, webpages.read_page(fetched.body, url=fetched.url, charset=fetched.charset))


def _from_page(name, page):
    return Incoming(
        name=name, text=page.text, title=page.title, outlet=page.outlet, author=page.author, url=page.url,
        published=page.published, published_basis=page.published_basis,
    )


def _looks_like_html(data):
    return bool(decoding.HTML_RE.match(data[:2048].decode("latin-1")))


def zip_members(name, data, limit=None):
    """(member name, bytes) of each .txt/.html/.htm file in a zip archive, in name order; folders,
    hidden files and other kinds are passed over. A broken archive, or one that would unpack to more
    than INGEST_MAX_BYTES per member, raises IngestError."""
    limit = limit or settings.INGEST_MAX_BYTES
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = [
            info for info in sorted(archive.infolist(), key=lambda info: info.filename)
            if not info.is_dir() and not PurePosixPath(info.filename).name.startswith((".", "__"))
            and PurePosixPath(info.filename).suffix.lower() in SUFFIXES
        ]
        # Checked before anything is unpacked: a small archive can hold a great deal.
        if len(infos) > settings.INGEST_MAX_JOB_ITEMS:
            raise TooBig(f"{name}: {len(infos):,} documents are more than one job takes ({settings.INGEST_MAX_JOB_ITEMS:,}, setting INGEST_MAX_JOB_ITEMS)")
        total = sum(info.file_size for info in infos)
        if total > settings.INGEST_MAX_ZIP_BYTES:
            raise TooBig(f"{name}: unpacks to {total:,} bytes, over the limit of {settings.INGEST_MAX_ZIP_BYTES:,} (setting INGEST_MAX_ZIP_BYTES)")
        out = []
        for info in infos:
            if info.file_size > limit:
                raise IngestError(f"{name}: {info.filename} is {info.file_size:,} bytes, over the limit of {limit:,}")
            out.append((str(PurePosixPath(info.filename)), archive.read(info)))
        return out
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise IngestError(f"{name}: not a readable zip archive ({exc})") from None
