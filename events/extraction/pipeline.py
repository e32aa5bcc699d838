"""Runs the extraction steps over one document: header and sentences, the date anchor, the
people and the scene, then the events."""

import functools
import json
import re
from pathlib import Path

from . import dates, people, places
from . import text as textmod
from .events import Context, document_events, mask_quotations
from .topics import compile_topics
from .types import DocumentExtraction

ANNIVERSARIES = Path(__file__).resolve().parents[2] / "fixtures" / "anniversaries.json"
DATELINE_RE = re.compile(
    r"([A-Z][A-Za-z .'-]{1,40}?)\s*(?:\[[^\]\n]{1,40}\])?\s*(?:,\s*([A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?))?"
    r"\s*(?:\([A-Za-z ]+\))?\s*(?::|\s[-—–])\s"
    # "Qingdao, Jun 27 (PTI) Defence Minister…": an agency credit in capitals ends a dateline too.
    r"|([A-Z][A-Za-z .'-]{1,40}?)\s*(?:\[[^\]\n]{1,40}\])?,\s*([A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*\([A-Z]{2,}\)\s"
    # "MOSCOW, November 8. /TASS/. Russian Defense Minister…"
    r"|([A-Z][A-Za-z .'-]{1,40}?),\s*([A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)\.?\s*/[A-Z]{2,}/\.?\s"
)
# "By ANI | Updated: Sep 20, 2022 16:40 IST": a byline's date near the top of the page.
BYLINE_DATE_RE = re.compile(
    r"\b(Published|First\s+published|Posted|Last\s+updated|Updated)\s*(?:on|at)?\s*:?\s*"
    r"((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+)(?:19|20)\d\d)",
    re.I,
)
BYLINE_WINDOW = 600
SCENE_RE = re.compile(r"\b(?:visit|trip|tour)\s+(?:to|of)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)|\b(?:left|leaves|departed|heading)\s+for\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


@functools.cache
def anniversary_anchors():
    data = json.loads(ANNIVERSARIES.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def dateline(text, sentences):
    """The place and date text of a dateline opening the body: 'New Delhi: ...',
    'MOSCOW, April 28, 2023 (Reuters) — ...'; (None, None) when there is none. Matched on the text
    from the first sentence on, as a dateline's own full stop ('November 8. /TASS/.') ends a sentence."""
    first = next((s for s in sentences if not s.is_headline), None)
    m = DATELINE_RE.match(text, first.start, first.start + 160) if first else None
    if not m:
        return None, None
    name = (m[1] or m[3] or m[5]).strip()
    return places.lookup_place(name.title() if name.isupper() else name), m[2] or m[4] or m[6]


def dateline_place(text, sentences):
    return dateline(text, sentences)[0]


def dateline_date(date_text, year=None):
    """A dateline's date: in full when it has a year (or the report's year is known), else None."""
    if not date_text:
        return None
    for expr in dates.find_expressions(date_text):
        value = dates.resolve(expr, date_text, dates.Anchor(year=year, evidence="the report's year"))
        if value.precision == "day":
            return value.date
    return None


def scene_of(masked, section, dateline):
    """Where the report is set: its dateline, its section label if that is a country, else where
    the trip it reports goes ('first visit to India', 'left for Russia')."""
    if dateline:
        return dateline
    if section:
        ref = places.lookup_place(section.title())
        if ref:
            return ref
    for m in SCENE_RE.finditer(masked):
        ref = places.lookup_place(m[1] or m[2])
        if ref:
            return ref
    return None


def byline_date(text, body):
    """The publication date of a byline at the top ('Published: 28 April 2023'); 'Published' is
    preferred to 'Updated', which can be a later day."""
    found = []
    for m in BYLINE_DATE_RE.finditer(text, body, body + BYLINE_WINDOW):
        day = dateline_date(m[2])
        if day:
            found.append((m[1].lower().startswith("updated") or m[1].lower().startswith("last"), day))
    return min(found)[1] if found else None


def extract_document(text, published=None, topics=None):
    """Everything extraction finds in one article; `published` (a date) overrides the text's own."""
    header_date, section, body = textmod.parse_header(text)
    sents = textmod.sentences(text, body)
    place, dateline_text = dateline(text, sents)
    year, year_evidence = dates.reference_year(text, anniversary_anchors())
    if published is not None:
        source = "user"
    elif header_date is not None:
        published, source = header_date, "header"
    elif byline_date(text, body):
        published, source = byline_date(text, body), "byline"
    elif dateline_date(dateline_text, year):
        published, source = dateline_date(dateline_text, year), "dateline"
    else:
        source = "unknown"
    masked = mask_quotations(text)
    if published:
        anchor = dates.Anchor(date=published, evidence=f"published {published.isoformat()}")
    else:
        anchor = dates.Anchor(year=year, evidence=year_evidence)
    registry = people.build_registry(text, sents)
    scene = scene_of(masked, section, place)
    people.infer_home_countries(registry, scene.country if scene else None)
    ctx = Context(
        text=text, registry=registry, anchor=anchor, scene=scene, topics=compile_topics(topics or {}),
    )
    events = document_events(sents, ctx, masked)
    return DocumentExtraction(
        title=textmod.title_of(text, sents), published=published, published_source=source, events=events, sentences=sents
    )
