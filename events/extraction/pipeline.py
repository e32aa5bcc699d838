"""Runs the extraction steps over one document: header and sentences, the date anchor, the
people and the scene, then the events."""

import datetime
import functools
import json
import re
from pathlib import Path

from . import dates, people, places
from . import text as textmod
from .events import SETTING_CLAUSE_RE, Context, document_events, mask_quotations
from .topics import compile_topics
from .types import DocumentExtraction

ANNIVERSARIES = Path(__file__).resolve().parents[2] / "fixtures" / "anniversaries.json"
DATELINE_RE = re.compile(
    # (also two places, "Addis Ababa/New Delhi, Dec. 17 -- …": which one is the scene, it does not say)
    r"([A-Z][A-Za-z .'-]{1,40}?)(?:/[A-Z][A-Za-z .'-]{1,30}?)?\s*(?:\[[^\]\n]{1,40}\])?\s*(?:,\s*([A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?))?"
    r"\s*(?:\([A-Za-z ]+\))?\s*(?::\s|:(?=[A-Z][a-z])|\s(?:[-—–]|--)\s)"  # (also "Washington:External Affairs…")
    # "Qingdao, Jun 27 (PTI) Defence Minister…": an agency credit in capitals ends a dateline too.
    r"|([A-Z][A-Za-z .'-]{1,40}?)\s*(?:\[[^\]\n]{1,40}\])?,\s*([A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*\([A-Z]{2,}\)\s"
    # "MOSCOW, November 8. /TASS/. Russian Defense Minister…"
    r"|([A-Z][A-Za-z .'-]{1,40}?),\s*([A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)\.?\s*/[A-Z]{2,}/\.?\s"
    # "XI’AN. KAZINFORM Following…", "WOODSIDE, Calif. (AP) —": a place in capitals opening the body.
    r"|([A-Z][A-Z’'-]+(?:\s[A-Z][A-Z’'-]+)?)(?:[.,:]|\s+\()()"
)
# Page furniture near the top that dates the page: "Published: 12th March 2019 10:05 AM | Last Updated: …",
# "Posted May. 03, 2023 08:01", "Published Date - 11:05 PM, Fri - 10 March 23", "By ANI | Updated: Sep 20, 2022",
# "Updated10 Jul 2024, 06:13 PM IST" (run together).
DATE_LABEL_RE = re.compile(
    r"\b(?P<label>(?:First\s+)?Published(?:\s+Date)?|Posted|Issued|Last\s+Updated|Updated|Date|This\s+(?:Article|Story)\s+is\s+From|This\s+is\s+an\s+archive\s+article\s+published)(?![^\W\d_])\s*(?:on|at)?\s*[:|–—-]?\s*", re.I
)
SOURCE_NOTE_RE = re.compile(r"\s*\(\s*Source\s*:", re.I)
# What may surround the date on a line that only dates the page: times, weekdays, zones, separators.
FURNITURE_NOISE_RE = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|\b(?:[A-Z]{2,4}T|IST|GMT|UTC|JST|KST|EST|PST|CET)\b"
    r"|\b(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b\.?|[\W_]+"
)
FURNITURE_WINDOW = 1000
US_TIME_ZONE_RE = re.compile(r"\b(?:E|C|M|P|AK|HA)[SD]T\b")  # "07/10/2021 | 04:38am EDT": month first
CLOCK_AFTER_RE = re.compile(r"\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\b")
BYLINE_DATE_RE = re.compile(
    r"\s*By\s+(?:[A-Z][\w.'’-]*\s*){1,4}?(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4})\s*$"
)
SIGNED_DATE_RE = re.compile(r"\s[-–—]\s[^.!?]{2,60},\s*(\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})\s*$")
FURNITURE_LINE_CHARS = 90
READING_TIME_RE = re.compile(r"\b(?:reading\s+time|\d+\s*min(?:ute)?s?\s+read)\b", re.I)
SAID_DURING_RE = re.compile(r"\b(?:said|says|told\s+\w+)\b[^.;]{0,25}\b(?:during|on|while\s+on)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+)?$", re.I)
# "since his last visit to Beijing" (but "his first visit to India" is the trip the report is about)
PAST_TRIP_BEFORE_RE = re.compile(r"\b(?:last|previous|earlier)\s+(?:[\w’'-]+\s+)?$", re.I)
PAST_TRIP_AFTER_RE = re.compile(r"\s+(?:[\w-]+\s+){1,3}(?:ago|back|earlier)\b")
SCENE_RE = re.compile(r"\b(?:visit|trip|tour)\s+(?:to|of)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)|\b(?:left|leaves|departed|heading)\s+for\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
    # "Narendra Modi will visit Guyana between November 19-21"
    r"|\b(?:will|would)\s+visit\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:between|from|on)\s"
    r"|\b(?:arrived|arrives|landed|lands)\s+in\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
    # "Jaishankar is in Singapore on a two-day visit"
    r"|\b(?:is|are)\s+(?:currently\s+|now\s+)?in\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+(?:on|for)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b"
    # "Jaishankar was in Washington at the invitation of the US government"
    r"|\b(?:is|are|was|were)\s+in\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+at\s+the\s+invitation\s+of\b")


@functools.cache
def anniversary_anchors():
    data = json.loads(ANNIVERSARIES.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def dateline(text, sentences):
    """The place and date text of a dateline opening the body: 'New Delhi: ...',
    'MOSCOW, April 28, 2023 (Reuters) — ...'; (None, None) when there is none. Matched on the text
    from the first sentence on, as a dateline's own full stop ('November 8. /TASS/.') ends a sentence."""
    at = next((i for i, s in enumerate(sentences) if not s.is_headline), None)
    first = sentences[at] if at is not None else None
    # (after a syndicator's credit opening the body: "(MENAFN- IANS) Nouakchott, Oct 17 (IANS) …")
    start = first.start + len(CREDIT_OPENER_RE.match(text, first.start)[0]) if first else 0
    m = DATELINE_RE.match(text, start, start + 160) if first else None
    if m and not (m[2] or m[4] or m[6]) and not _dateline_place(m):
        m = None  # ("The Navy Chiefs of India and Australia — both partners …": no place)
    if not m and at:
        # "QINGDAO, June 26:" on a line of its own, above the first paragraph.
        line = sentences[at - 1]
        if len(line.text) <= 60 and line.text.rstrip()[-1:] in (":", "—", "-", "–"):
            m = DATELINE_RE.match(text, line.start, first.start)
        elif len(line.text) <= 60 and "\n" in text[line.end : first.start]:
            # "New Delhi, April 3" alone on the line above (a place and a day, nothing else)
            m = LONE_DATELINE_RE.fullmatch(text, line.start, line.end)
    if not m:
        # "Press Trust of India Kathmandu", "By: PTI | New Delhi |": a wire byline above the body, with its place
        for line in sentences[: at or 0]:
            byline = BYLINE_PLACE_RE.match(line.text.strip())
            place = places.lookup_place(byline["place"].strip()) if byline else None
            if place:
                return place, None
        return None, None
    if m[1] and text.startswith("/", m.end(1)):
        # "Addis Ababa/New Delhi, Dec. 17 --", "New Delhi/Vientiane (Laos):": which of the two the
        # report is set in, the dateline does not say
        return None, m[2]
    return _dateline_place(m), m[2] or m[4] or m[6]


def _dateline_place(m):
    words = (m[1] or m[3] or m[5] or m[7]).strip().split()
    for n in range(len(words), 0, -1):
        # "Washington DC:", "Colombo Sri Lanka:": the place, without what qualifies it.
        part = " ".join(words[:n]).rstrip(".")
        place = places.lookup_place(part.title() if part.isupper() else part) or places.lookup_place(part)
        if place:
            return place
    return None


LONE_DATELINE_RE = re.compile(r"\s*([A-Z][A-Za-z .'-]{1,40}?),\s*([A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]+\.?(?:\s+\d{4})?)\s*")
BYLINE_PLACE_RE = re.compile(
    r"(?:By:?\s+)?(?:Press\s+Trust\s+of\s+India|PTI|ANI|IANS|UNI|Reuters|AFP|AP|Xinhua|TASS|Express\s+News\s+Service|News\s+Desk)"
    r"\s*[|,]?\s*(?P<place>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?)\s*\|?$"
)
CREDIT_OPENER_RE = re.compile(r"(?:\([^()\n]{1,40}\)\s*)?")
# "Istanbul/Athens, 7 December 2023 (dpa/MIA) - …", "BEIJING, May 19, 2023 /PRNewswire/ — …"
DATELINE_TAIL_RE = re.compile(r"\s*(?:\([^()\n]{1,30}\)|/[^/\n]{1,20}/)?\s*(?:[-—–:]|\.\s)")


def dateline_full_date(text, sentences):
    """A full date in a dateline that opens one of the first paragraphs, before its dash or agency
    credit."""
    openers = [s for i, s in enumerate(sentences) if not s.is_headline and (i == 0 or sentences[i - 1].paragraph != s.paragraph)]
    for first in openers[:3]:
        head = text[first.start : first.start + 80]
        for start, end, day in dates.full_dates(head):
            if start <= 45 and DATELINE_TAIL_RE.match(head, end) and "," in head[:start]:
                return day
    return None


def dateline_place(text, sentences):
    return dateline(text, sentences)[0]


def dateline_date(date_text, year=None, written=None):
    """A dateline's date: in full when it has a year (or the report's year is known, or it lies
    within a month of the latest date the report writes in full), else None."""
    if not date_text:
        return None
    for expr in dates.find_expressions(date_text):
        value = dates.resolve(expr, date_text, dates.Anchor(year=year, evidence="the report's year", written=written))
        if value.precision == "day":
            return value.date
    return None


def dateline_day(date_text, published):
    """The day a dateline gives when it is one to three days before the publication date: the day
    the report was written, which its relative dates count from."""
    day = dateline_date(date_text, published.year)
    return day if day and datetime.timedelta(days=1) <= published - day <= datetime.timedelta(days=3) else None


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
        if SAID_DURING_RE.search(masked, max(0, m.start() - 50), m.start()):
            continue  # "he said Thursday during a visit to New Zealand": where a speaker was, an aside
        if PAST_TRIP_BEFORE_RE.search(masked[max(0, m.start() - 40) : m.start()]) or PAST_TRIP_AFTER_RE.match(masked, m.end()):
            continue  # "since his last visit to Beijing", "Modi's visit to Russia three weeks back": a trip before the report's
        if SETTING_CLAUSE_RE.search(re.split(r"[.;]", masked[max(0, m.start() - 60) : m.start()])[-1]):
            continue  # "talks amid unease following Modi's visit to Russia", "after concluding her state visit to Algeria"
        if re.search(r"\b(?:had\s+(?:been\s+)?[a-z]+|last\s+(?:met|visited|spoke|held))\b[^.;]{0,60}$", re.split(r"[.;]", masked[max(0, m.start() - 120) : m.start()])[-1]):
            continue  # "the sapling that had been gifted by him during their visit to Delhi", "last met Meloni … during his visit to Canada": a trip before
        ref = places.lookup_place(next(g for g in m.groups() if g))
        if ref:
            return ref
    return None


def _labelled_dates(line, start):
    """(updated, start, date, basis) of each date a label gives on one line: "Published: …"."""
    out = []
    for m in DATE_LABEL_RE.finditer(line):
        if m["label"][0].islower() and not re.search(r"[:|]", m.group()) and not SOURCE_NOTE_RE.match(line):
            # "the joint statement, published on March 1, 2024": the story, not the page's furniture
            # (but "(Source: Indian Ministry of Defence; issued July 27, 2020)" is)
            continue
        found = dates.full_dates(line[m.end() : m.end() + 60], furniture=True)
        if found and not FURNITURE_NOISE_RE.sub("", line[m.end() : m.end() + found[0][0]]).strip():
            updated = "updat" in m["label"].lower()
            out.append((updated, start, found[0][2], f"“{line[m.start():m.end() + found[0][1]].strip()}”"))
    return out


def furniture_date(text, body):
    """The publication date the page's furniture gives near the top, as (date, basis) or (None, ""):
    a labelled line ("Published: …", "Posted …"; "Updated" only when nothing says published), else
    a line that holds nothing but a date (with a time or weekday: "August 18, 2023", "14:31, 3 May
    2022", "2023-04-14 20:52:47"); else a short labelled line closing the page ("First Published:
    May 31, 2019 14:55 IST")."""
    labelled, bare = [], []
    for start, end in textmod.paragraphs(text, body, body + FURNITURE_WINDOW):
        line = text[start:end]
        labelled += _labelled_dates(line, start)
        signed = SIGNED_DATE_RE.search(line)
        if signed:
            # "… - Sputnik Africa, 1920, 15.07.2023": an outlet's name and date closing a line.
            found = dates.full_dates(signed[1])
            if found:
                bare.append((start, found[0][2], f"the line ending “{signed[0].strip(' ,')}”", False))
                continue
        if len(line) <= FURNITURE_LINE_CHARS and (byline := BYLINE_DATE_RE.match(line)):
            # "By Vivek MishraApr 05, 2025": a byline and the date it was written, run together
            found = dates.full_dates(byline["date"], furniture=True)
            if len(found) == 1:
                bare.append((start, found[0][2], f"the byline “{line.strip()}”", False))
                continue
        if len(line) <= FURNITURE_LINE_CHARS:
            found = dates.full_dates(line, furniture=True, month_first=bool(US_TIME_ZONE_RE.search(line)))
            if len(found) == 1:
                a, b, day = found[0]
                rest = FURNITURE_NOISE_RE.sub(" ", line[:a] + " " + line[b:]).split()
                # A clock time right after the date makes it a time stamp, whatever words label the
                # line ("Other News Materials 9 February 2009 10:36 (UTC +04:00)").
                stamped = bool(CLOCK_AFTER_RE.match(line, b)) and len(rest) <= 5
                # "Written by Express News Service | New Delhi | October 7, 2024 14:23 IST": a byline's
                # part that is only the date
                segment = next((seg for seg in re.finditer(r"[^|]+", line) if seg.start() <= a and b <= seg.end()), None)
                alone = "|" in line and segment is not None and not FURNITURE_NOISE_RE.sub(" ", line[segment.start() : a] + " " + line[b : segment.end()]).split()
                if len(rest) <= 2 or stamped or alone:
                    # (a reading time beside the date marks the article's own line: "Fri, 17 Dec 2021 | Reading Time: …")
                    article = stamped or bool(CLOCK_AFTER_RE.match(line, b)) or bool(READING_TIME_RE.search(line))
                    bare.append((start, day, f"the line “{line.strip()}”", article))
    if bare and not labelled:
        # A time stamp is the article's; a date alone may be the site's day ("Sunday, September 15,
        # 2024" over an article "September 4, 2024 11:11:52 AM IST").
        first = next((found for found in bare if found[3]), bare[0])
        return first[1], first[2]
    if not labelled:
        tail = max(body, len(text) - FURNITURE_WINDOW)
        for start, end in textmod.paragraphs(text, tail):
            if end - start <= FURNITURE_LINE_CHARS:
                labelled += _labelled_dates(text[start:end], start)
    if labelled:
        _, _, day, why = min(labelled, key=lambda x: (x[0], x[1]))
        return day, why
    return None, ""


HYPHENS = {0x2010: "-", 0x2011: "-"}


def extract_document(text, published=None, topics=None):
    """Everything extraction finds in one article; `published` (a date) overrides the text's own."""
    # Hyphens of other code points ("Persad‑Bissessar" with a non-breaking hyphen) read as the plain
    # one; one character for one, so every offset still points into the text as stored.
    text = text.translate(HYPHENS)
    header_date, section, body = textmod.parse_header(text)
    sents = textmod.sentences(text, body)
    place, dateline_text = dateline(text, sents)
    year, year_evidence = dates.reference_year(text, anniversary_anchors())
    # (read only for a report that gives no date of its own: it costs a pass over the text)
    written = functools.cache(lambda: dates.latest_written(text))
    if published is not None:
        source = "user"
    elif header_date is not None:
        published, source = header_date, "header"
    elif byline := furniture_date(text, body)[0]:
        published, source = byline, "byline"
    elif in_dateline := dateline_full_date(text, sents) or (dateline_text and dateline_date(dateline_text, year, written())):
        published, source = in_dateline, "dateline"
    else:
        source = "unknown"
    masked = mask_quotations(text)
    if published and (written_on := dateline_day(dateline_text, published)):
        # "New Delhi, April 3" above a report published on April 4: its "today" is April 3
        anchor = dates.Anchor(
            date=written_on, evidence=f"dated {written_on.isoformat()} by its dateline, published {published.isoformat()}", name="the dateline's date"
        )
    elif published:
        anchor = dates.Anchor(date=published, evidence=f"published {published.isoformat()}")
    else:
        anchor = dates.Anchor(year=year, evidence=year_evidence, written=written())
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
