"""From raw article text to its parts: the header (publication date, section), the title, the
dateline, and sentences with exact character offsets into the original text."""

import datetime
import re

from .types import Sentence

# " date 2023-04-28 INDIA": a publication-date header some archives put on the first line.
HEADER_RE = re.compile(r"\A[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")
# What follows the header date on its line, when it is only an upper-case section or place label.
SECTION_RE = re.compile(r"([A-Z][\w&'-]*(?:[ ][A-Z&][\w&'-]*){0,3})[ \t]*(?=\r?\n|\Z)")

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "lt", "gen", "col", "maj", "capt", "cmdr",
    "brig", "adm", "sgt", "cpl", "pvt", "gov", "sen", "rep", "hon", "rev", "no", "nos", "vs", "etc", "inc",
    "ltd", "co", "corp", "dept", "govt", "rs", "approx", "fig", "vol", "ed", "esp", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "i.e", "e.g", "u.s", "u.k", "u.n", "a.m", "p.m", "al",
    # honorifics of Indian and diplomatic writing: "Sh. Rajnath Singh", "Smt. Droupadi Murmu", "H.E. Sheikh …"
    "sh", "smt", "h.e",
    "er", "eng",  # an engineer's title: "HE Er. Saad Sherida Al-Kaabi"
}

# A full stop, question or exclamation mark, closing quotes or brackets, then space and a new start.
# (also a full stop with no space after it between words, as scraped pages lose it: "on Monday.Following")
BOUNDARY_RE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|(?<=[a-z]{2})\.(?=[A-Z][a-z]{2,})")
CAPTION_RE = re.compile(r"\((?:File )?Photo\b|^(?:Photo|Image|Picture|Caption)\s*:|\bPhoto:\s", re.I)
CROSS_LINK_RE = re.compile(r"^(?:Also\s+)?(?:Read|Watch|See|Listen)(?:\s+(?:more|also))?\s*[:|]", re.I)
TERMINAL = ".!\"”’'"
WIRE_CREDIT_RE = re.compile(r"\s*\((?:[A-Z]{2,6}|Reuters|Xinhua|Sputnik|Bernama)\)\s*$")


def parse_header(text):
    """The publication date and section label of a ' date YYYY-MM-DD' header, and where the body starts."""
    m = HEADER_RE.match(text)
    if not m:
        return None, None, 0
    try:
        published = datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None, None, 0
    end = m.end()
    section = SECTION_RE.match(text, end)
    if section:
        return published, section[1].strip(), section.end()
    return published, None, end


LINE_RE = re.compile(r"[^\r\n]+")


def paragraphs(text, start=0, end=None):
    """(start, end) of each non-blank line of text[start:end], with surrounding space trimmed."""
    for m in LINE_RE.finditer(text, start, len(text) if end is None else end):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        left = m.start() + (len(line) - len(line.lstrip()))
        yield left, left + len(stripped)


def _ends_with_abbreviation(text, start, dot):
    """Whether the full stop at `dot` closes an abbreviation or an initial rather than a sentence."""
    if text[dot] != ".":
        return False
    # Only the word before the dot matters; looking further back would make long lines quadratic.
    m = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(start, dot - 40) : dot])
    if not m:
        return False
    word = m[1]
    if word == "X" and re.search(r"\b(?:on|to|via|platform|handle|account)\s+X$", text[max(start, dot - 12) : dot]):
        return False  # "the Secretariat posted on X. Earlier in the day, …": the platform ends the sentence
    if re.fullmatch(r"[A-Z](?:\.[A-Z])*", word):
        return True  # an initial: "Bekbolotov B. Asankalievich", "E.D. Mnangagwa", "K.P. Sharma Oli"
    return word.lower().rstrip(".") in ABBREVIATIONS


def split_sentences(text, start=0, end=None):
    """Sentences of text[start:end] as (start, end) offsets; never crosses a line break."""
    end = len(text) if end is None else end
    spans = []
    for p_start, p_end in paragraphs(text, start, end):
        s = p_start
        for m in BOUNDARY_RE.finditer(text, p_start, p_end):
            if _ends_with_abbreviation(text, s, m.start()):
                continue
            spans.append((s, m.end()))
            s = m.end()
            while s < p_end and text[s].isspace():
                s += 1
        if s < p_end:
            spans.append((s, p_end))
    return spans


def _is_headline(line):
    stripped = line.strip()
    if CAPTION_RE.search(stripped) or CROSS_LINK_RE.match(stripped):
        return True
    if stripped.endswith("?") and len(stripped) < 120:
        return True  # a sub-heading put as a question
    stripped = WIRE_CREDIT_RE.sub("", stripped)  # "… in the international system. (ANI)": a sentence, credited
    return not stripped.endswith(tuple(TERMINAL)) and len(stripped) < 200


def sentences(text, body_start=0):
    """The document's sentences in order, each marked when it is a headline, caption or link line."""
    out = []
    for paragraph, (p_start, p_end) in enumerate(paragraphs(text, body_start)):
        line = text[p_start:p_end]
        headline = _is_headline(line)
        for s, e in split_sentences(text, p_start, p_end):
            out.append(Sentence(start=s, end=e, text=text[s:e], paragraph=paragraph, is_headline=headline))
    return out


def title_of(text, sents):
    """The first headline line, else the first sentence, shortened for display."""
    for s in sents:
        if s.is_headline and not CAPTION_RE.search(s.text) and not CROSS_LINK_RE.match(s.text):
            return s.text.strip()[:300]
        if not s.is_headline:
            break
    # A dateline split off as a sentence of its own ("MOSCOW, November 8.") is no title.
    first = next((s.text for s in sents if len(s.text.split()) >= 5), next((s.text for s in sents), "")).strip()
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
