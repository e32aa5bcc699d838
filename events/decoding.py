"""Turning the bytes someone gives (a file for the ingest command, an upload in the admin) into
article text, or a clear reason why not. Limits are settings: INGEST_MAX_BYTES, INGEST_MAX_LINE_CHARS."""

import codecs
import re

from charset_normalizer import from_bytes
from django.conf import settings

from .ingest import IngestError

HTML_RE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I | re.S)
# A multi-byte UTF-8 sequence: in a file that is not valid UTF-8, its presence means two encodings mixed.
UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
SIGNATURES = {
    b"%PDF-": "a PDF",
    b"PK\x03\x04": "a ZIP archive (a Word or OpenDocument file is one)",
    b"\xd0\xcf\x11\xe0": "an old Word or Office file",
    b"{\\rtf": "an RTF document",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
}
UNICODE_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# English-language news saved from Windows is cp1252 (of which Latin-1 text is a part); short texts
# fit several single-byte encodings equally well, so among near-equal guesses cp1252 wins.
PREFERRED_LEGACY = ["cp1252", "latin_1", "iso8859_15"]
NEAR_EQUAL_CHAOS = 0.05
# ASCII control bytes other than tab, line ends and form feed: a few are noise, more mean binary data.
CONTROL_BYTES_RE = re.compile(rb"[\x01-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01


class DecodeError(IngestError):
    """Why the bytes given as `name` are not an article's text."""

    def __init__(self, name, reason):
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


def read(path):
    """The text of the file at `path`; a file over the size limit is refused before it is read."""
    limit = settings.INGEST_MAX_BYTES
    size = path.stat().st_size
    if size > limit:
        raise too_big(path.name, size, limit)
    with path.open("rb") as fh:
        return decode(fh.read(limit + 1), path.name)


def too_big(name, size, limit):
    return DecodeError(name, f"{size:,} bytes is over the limit of {limit:,} (setting INGEST_MAX_BYTES)")


def decode(data, name="input"):
    """Text of a .txt file: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else the best guess of
    charset detection. Line ends become "\\n", so one article saved on Windows or Linux is one text."""
    limit = settings.INGEST_MAX_BYTES
    if len(data) > limit:
        raise too_big(name, len(data), limit)
    if not data.strip():
        raise DecodeError(name, "the file is empty")
    for signature, kind in SIGNATURES.items():
        if data.startswith(signature):
            raise DecodeError(name, f"this is {kind}, not plain text; save the article as a .txt file")
    text = unicode_with_bom(data) or single_encoding(data, name)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    check_text(text, name)
    return text


def unicode_with_bom(data):
    for bom, encoding in UNICODE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def single_encoding(data, name):
    if b"\x00" in data or len(CONTROL_BYTES_RE.findall(data)) > len(data) * MAX_CONTROL_SHARE:
        raise DecodeError(name, "this is a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if UTF8_SEQUENCE_RE.search(data):
            raise DecodeError(
                name,
                f"the file is UTF-8 with bytes of another encoding mixed in (first at byte {error.start:,}); "
                "save it again as UTF-8",
            ) from None
    matches = list(from_bytes(data))
    if not matches:
        raise DecodeError(name, "the text encoding could not be recognised; save the file as UTF-8")
    best = matches[0]
    near = [m for m in matches if m.chaos <= best.chaos + NEAR_EQUAL_CHAOS]
    for encoding in PREFERRED_LEGACY:
        if any(encoding in m.could_be_from_charset for m in near):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    return str(best)


def check_text(text, name):
    if not text.strip():
        raise DecodeError(name, "the file has no text")
    if HTML_RE.match(text):
        raise DecodeError(name, "this is an HTML page; save the article as plain text first")
    max_line = settings.INGEST_MAX_LINE_CHARS
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > max_line:
            raise DecodeError(
                name,
                f"line {number} has {len(line):,} characters, over the limit of {max_line:,} "
                "(setting INGEST_MAX_LINE_CHARS); is it an article? Break it into paragraphs",
            )
