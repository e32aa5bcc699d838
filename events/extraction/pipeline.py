"""Runs the extraction steps over one document."""

from . import text as textmod
from .types import DocumentExtraction


def extract_document(text, published=None, topics=None):
    header_date, _section, body = textmod.parse_header(text)
    sents = textmod.sentences(text, body)
    if published is not None:
        source = "user"
    elif header_date is not None:
        published, source = header_date, "header"
    else:
        source = "unknown"
    return DocumentExtraction(
        title=textmod.title_of(text, sents), published=published, published_source=source, events=[], sentences=sents
    )
