"""Turning the bytes someone gives into article text, or a clear reason why not."""

import re

from charset_normalizer import from_bytes
from django.conf import settings

from .ingest import IngestError

HTML_RE = re.compile(rb"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)


def decode(data, name="input"):
    """Text of a .txt upload: UTF-8 (with or without BOM), else the charset detection's best guess."""
    limit = settings.INGEST_MAX_BYTES
    if len(data) > limit:
        raise IngestError(f"{name}: {len(data):,} bytes is over the limit of {limit:,} (setting INGEST_MAX_BYTES)")
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if b"\x00" in data:
        raise IngestError(f"{name}: this is a binary file, not text")
    if HTML_RE.match(data):
        raise IngestError(f"{name}: this is an HTML page; save the article as plain text first")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise IngestError(f"{name}: the text encoding could not be recognised") from None
        text = str(best)
    if not text.strip():
        raise IngestError(f"{name}: the file has no text")
    return text
