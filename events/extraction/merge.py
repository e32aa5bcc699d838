"""One event, many reports: whether a newly read report is an event already on the timeline.

Pure functions over plain data, used both inside one document and across documents. Reports
join only on positive evidence: the same kind, the same people, and dates that agree; an undated
report joins a dated one only when the weekday it names and its wording fit.
"""

import re
from dataclasses import dataclass, field

from .types import DateValue

STOPWORDS = set(
    """a an the and or but of in on at to for from with by as is was were are be been has have had
    that this these those it its his her their they them he she we our you your i not no also said says
    will would could should may might can on after before during over under about into than then there
    which who whom whose what when where while two both all any some such other another more most
    minister ministers defence defense meeting meetings held met talks bilateral counterpart""".split()
)
MIN_SHARED_WORDS = 2
RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}  # finer precision first


@dataclass
class Report:
    """What one report says of an event, or what the timeline already holds for one."""

    kind: str
    participants: frozenset  # person keys or ids: anything hashable that names one person
    date: DateValue
    weekdays: set = field(default_factory=set)
    venue_country: str | None = None
    words: set = field(default_factory=set)
    documents: set = field(default_factory=set)
    ref: object = None  # the caller's handle (an event id, an index)


def content_words(text, exclude=()):
    words = {w.casefold() for w in re.findall(r"[A-Za-z][A-Za-z&+-]{2,}", text)}
    return words - STOPWORDS - {e.casefold() for e in exclude}


def periods_agree(a, b):
    """Both dates known and the coarser one's period contains the finer one."""
    coarse, fine = (a, b) if RANK[a.precision] >= RANK[b.precision] else (b, a)
    if coarse.precision == "year":
        return coarse.date.year == fine.date.year
    if coarse.precision == "month":
        return (coarse.date.year, coarse.date.month) == (fine.date.year, fine.date.month)
    return coarse.date == fine.date



def date_fit(new, old):
    """(fits, evidence): whether the dates of two reports allow them to be one event."""
    a, b = new.date, old.date
    if a.known and b.known:
        # A year alone says too little: two reports "in 2020" may be two meetings months apart.
        precise_enough = "year" not in (a.precision, b.precision)
        return precise_enough and periods_agree(a, b), ""
    dated, undated = (new, old) if a.known else (old, new)
    if not dated.date.known or dated.date.precision != "day":
        return False, ""
    weekdays = undated.weekdays | ({undated.date.weekday} if undated.date.weekday is not None else set())
    if dated.date.date.weekday() not in weekdays:
        return False, ""
    shared = dated.words & undated.words
    if len(shared) < MIN_SHARED_WORDS:
        return False, ""
    day = dated.date.date.strftime("%A")
    return True, f"An undated report names {day}, as the dated report of {dated.date.iso()} does, and shares its wording ({', '.join(sorted(shared)[:5])})."


def people_fit(a, b):
    if not a or not b:
        return False
    if a == b:
        return True
    return (a <= b or b <= a) and len(a & b) >= 2


def best_match(new, candidates):
    """The candidate report `new` belongs to, with the date evidence, or (None, '').

    An undated report that fits dated events of different days (two Friday meetings of the same
    ministers, years apart) joins none of them: which one it reports is a guess."""
    best, best_key, best_evidence = None, None, ""
    undated_fits = set()
    for old in candidates:
        if old.documents & new.documents or old.kind != new.kind or not people_fit(new.participants, old.participants):
            continue
        fits, evidence = date_fit(new, old)
        if not fits:
            continue
        if new.venue_country and old.venue_country and new.venue_country != old.venue_country and evidence:
            continue  # an undated report set somewhere else is another occasion
        if evidence:
            undated_fits.add(old.date.date if old.date.known else new.date.date)
        key = (new.participants == old.participants, len(new.words & old.words))
        if best_key is None or key > best_key:
            best, best_key, best_evidence = old, key, evidence
    if best_evidence and len(undated_fits) > 1:
        return None, ""
    return best, best_evidence
