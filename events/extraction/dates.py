"""Temporal expressions: recognised with care, normalised with dateparser, resolved against the
publication date the way news is written, and never more precise than the text.

dateparser's own search takes "2+2", "we", "may" or "ten years" for dates, so recognition here is
by explicit patterns (month names, weekdays, a few relative phrases); dateparser then turns the
recognised phrase into a date.
"""

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

import regex
from dateparser.date import DateDataParser

from .types import DateValue

MONTHS = (
    r"January|February|March|April|May\.?|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"

RANGE_JOIN = r"\s*(?:-|–|—|&|to|through|and)\s*"
MONTH_JOIN = r"\s*(?:-|–|—|to|through|until|till)\s*"
NUMBER_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def count_of(word):
    """The number a count is written as: "4", "four"; None for anything else."""
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)
PATTERNS = [
    # "for two days from Sunday", "for three days starting March 4": a run of days from its first.
    ("days_from", r"\b(?i:for\s+(?:one|two|three|four|five|six|seven|[1-7])\s+days?\s+(?:from|starting(?:\s+on|\s+from)?|beginning(?:\s+on)?))\s+"
     rf"(?:(?:{'|'.join(WEEKDAYS)})|(?:{MONTHS})\s+{DAY}|{DAY}\s+(?:{MONTHS}))\b"),
    # "March 20-22", "20 to 22 March 2023": a run of days, dated by its first and last.
    ("range", rf"\b(?:(?:{MONTHS})\s+{DAY}{RANGE_JOIN}{DAY}(?:\s*,\s*{YEAR})?|{DAY}{RANGE_JOIN}{DAY}\s+(?:{MONTHS})(?:\s*,?\s+{YEAR})?)\b"),
    # "March 30 to April 2", "from 30 March to 2 April 2023": a run of days over two months (or one, written twice).
    ("month_range", rf"\b(?:(?:{MONTHS})\s+{DAY}{MONTH_JOIN}(?:{MONTHS})\s+{DAY}(?:\s*,\s*{YEAR})?|{DAY}\s+(?:{MONTHS}){MONTH_JOIN}{DAY}\s+(?:{MONTHS})(?:\s*,?\s+{YEAR})?)\b"),
    ("iso", rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:\b|(?=T\d\d:\d\d))"),  # (also a time stamp: "2024-10-07T18:30:00+05:30")
    # "11/15/2023", "15/11/2023": a day only when one number cannot be a month.
    ("numeric", rf"\b\d{{1,2}}/\d{{1,2}}/{YEAR}\b"),
    # "15.07.2023": day, month, year, as written with dots.
    ("dotted", rf"\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.{YEAR}\b"),
    ("day_month_year", rf"\b{DAY}\s+(?:{MONTHS})\s*,?\s+{YEAR}\b"),
    ("month_day_year", rf"\b(?:{MONTHS})\s+{DAY}\s*,\s*{YEAR}\b"),
    ("day_month", rf"\b{DAY}\s+(?:{MONTHS})(?![\w-])"),
    ("month_day", rf"\b(?:{MONTHS})\s+{DAY}\b(?!\s*(?:per\s*cent|%|km|million|billion))"),
    ("month_year", rf"\b(?:{MONTHS})\s+(?:of\s+)?{YEAR}\b"),
    ("month_relative_year", rf"\b(?:{MONTHS})\s+(?:of\s+)?(?i:last|this|next)\s+year\b"),
    ("month", rf"(?<=\b(?:in|In|since|Since|until|by|of|early|late|mid|mid-|last|Last|next|Next|this|This)\s)(?:{MONTHS})\b(?![\w-])"),
    # (also the second of two: "have also met in 2023 and 2021")
    ("year", rf"(?<=\b(?:in|In|since|Since|until|by|of|during|year|end of|early|late|mid-)\s(?:{YEAR}\s(?:and|or)\s)?){YEAR}\b(?![\w-])"),
    # "from Thursday to Friday": a run of days named by their weekdays.
    ("weekday_range", r"\b(?:" + "|".join(WEEKDAYS) + r")\s*(?:-|–|to|through|and)\s*(?:" + "|".join(WEEKDAYS) + r")\b"),
    ("weekday", r"\b(?:last\s+|next\s+|this\s+|on\s+)?(?:" + "|".join(WEEKDAYS) + r")\b"),
    ("relative_day", r"\b(?i:today|tonight|yesterday|tomorrow|last\s+(?:night|evening)|this\s+(?:morning|afternoon|evening)"
     r"|(?:a|one|two|three|four|five|six|[1-6])\s+days?\s+ago)\b"),
    ("relative_period", r"\b(?i:(?:(?:earlier|later)\s+)?(?:last|next|this)\s+(?:week|month|year))\b"),
]
# The `regex` module (dateparser's own dependency) allows the variable-width look-behinds above.
EXPRESSION_RE = regex.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in PATTERNS))

# A date these words introduce bounds a span of time or a deadline; it is not when an event happened.
NOT_EVENT_TIME_RE = re.compile(
    r"(?:\bsince|\buntil|\btill|\bby(?:\s+the\s+end\s+of)?|\bto|\bthrough|\bbefore|\bfrom|\bbetween|\bfor|\bthe\s+end\s+of|\bsince\s+early|\bsince\s+late)\s+$",
    re.I,
)
FUTURE_RE = re.compile(
    # ("will be held": the participle is no past form)
    r"\b(?:(?:will|shall|would)\s+be\s+(?:held|hosted|organi[sz]ed|convened|signed|conferred|awarded|presented|received|welcomed)\b|will|shall|'ll|is\s+(?:due|set|scheduled|expected|slated|likely)\s+to|are\s+(?:due|set|scheduled|expected|slated|likely)\s+to|to\s+be\s+held|is\s+to|are\s+to|would)\b"
    # Headlines leave the verb out: "Erdogan, Putin to meet", "Shuttle diplomacy to be resumed", "set to visit".
    r"|(?:^|,\s*|\b[A-Z][\w’'-]+\s+)to\s+(?:meet|visit|hold|sign|attend|travel|be\s+\w+ed)\b|\b(?:set|due|slated|poised)\s+to\b",
    re.I,
)
ANNIVERSARY_RE = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?(.{3,80}?)(?:[,.;)”\"]|$)", re.I
)


@dataclass
class Expression:
    start: int
    end: int
    text: str
    kind: str


def find_expressions(text):
    """Temporal expressions in a sentence, left to right."""
    out = []
    for m in EXPRESSION_RE.finditer(text):
        kind = m.lastgroup
        if kind in ("month", "month_day") and m.group().startswith("May") and not _may_is_month(text, m):
            continue
        out.append(Expression(m.start(), m.end(), m.group(), kind))
    return out


# Page furniture writes the year in two digits too: "Fri - 10 March 23".
SHORT_YEAR_RE = regex.compile(rf"\b({DAY})\s+({MONTHS})\s*,?\s+(\d\d)\b(?![:.]\d)")
FULL_KINDS = ("iso", "numeric", "dotted", "day_month_year", "month_day_year")
# A page's date line in other cases and without a comma: "07 OCT 2024", "Oct 07 2024".
FURNITURE_DATE_RE = regex.compile(rf"\b(?i:({MONTHS}))\s+({DAY})\s*,?\s+({YEAR})\b|\b({DAY})\s+(?i:({MONTHS}))\s*,?\s+({YEAR})\b")


def full_dates(text, furniture=False, month_first=False):
    """(start, end, date) of each date written in full (day, month and year) in the text; with
    `furniture`, a page's date line, two-digit years count too; with `month_first`, "07/10/2021" is
    July 10 (a page that gives its time in a US zone)."""
    out = []
    for expr in find_expressions(text):
        if expr.kind in FULL_KINDS:
            # (a date with its year needs no tense: reading the whole text's would cost a pass per date)
            value = _resolve_numeric(expr.text, month_first) if expr.kind == "numeric" else resolve(expr, text, Anchor(), future=False)
            if value.precision == "day":
                out.append((expr.start, expr.end, value.date))
    if furniture and not out:
        for m in SHORT_YEAR_RE.finditer(text):
            day = _parse(f"{_clean_ordinals(m[1])} {m[2]} 20{m[3]}")
            if day:
                out.append((m.start(), m.end(), day))
    if furniture and not out:
        # "Posted On: 07 OCT 2024 3:20PM", "First Published: Oct 07 2024 | 2:15 PM IST"
        for m in FURNITURE_DATE_RE.finditer(text):
            month, day_, year = (m[1], m[2], m[3]) if m[1] else (m[5], m[4], m[6])
            day = _parse(f"{_clean_ordinals(day_)} {month.title()} {year}")
            if day:
                out.append((m.start(), m.end(), day))
    return out


def _may_is_month(text, m):
    # "May" opens sentences as a verb; as a month it comes with a day, a year or a preposition.
    return m.start() > 0 or re.match(r"May\s+\d", text[m.start() :]) is not None


# "since Suga took office in September 2020", "since the start of the conflict last year": a clause
# that opens with these words dates something else, up to the end of the clause.
BACKGROUND_CLAUSE_RE = re.compile(
    r"\b(?:since|until|till|ever\s+since)\b[^,;:()]*$"
    # "the first meeting between them after Russia withdrew, in July, from the deal": the time of what it is the first after
    # (but not past a comma that opens the main clause: "Marking his first visit since the war, External
    # Affairs Minister S Jaishankar met Lavrov on Tuesday")
    r"|\bfirst\b[^.;:()]{0,80}?\b(?:after|since)\b(?:(?!,\s+(?-i:[A-Z]))[^;:()])*$",
    re.I,
)


def event_times(sentence):
    """The expressions of a sentence that can date its event (is_event_time), in order."""
    return [e for e in find_expressions(sentence) if is_event_time(sentence, e)]


def is_event_time(sentence, expr):
    """Whether an expression can date an event: not 'since May 2020', 'to 2031', 'by the end of 2021',
    nor one inside a clause that 'since' or 'until' opens."""
    before = sentence[: expr.start]
    if expr.kind in ("range", "month_range", "weekday_range") and re.search(r"\b(?:from|between)\s+$", before, re.I):
        return not BACKGROUND_CLAUSE_RE.search(before[-160:])  # "from July 27-28" is when, not a bound
    return not (NOT_EVENT_TIME_RE.search(before) or BACKGROUND_CLAUSE_RE.search(before[-160:]))


# Past forms that say a clause is told in the past: "arrived on Wednesday for a visit where he will…".
PAST_RE = re.compile(r"\b(?:was|were|had|did|met|held|made|took|went|came|spoke|began|said|told|paid|led|left|gave|sent|[a-z]{3,}ed)\b")


# The verb of a report in the present tense, as news writes what happens on its day.
PRESENT_RE = re.compile(
    r"\b(?:arrives|meets|holds|signs|visits|lands|reaches|hosts|receives|welcomes|begins|concludes|leaves|departs|calls\s+on)\s*$"
)


UPCOMING_RE = re.compile(r"\b(?:beginning|starting|commencing|opening|scheduled\s+for|slated\s+for|due\s+on)\s+(?:on\s+|from\s+)?$", re.I)
# A clause of what the sentence's event came before, up to the expression: "ahead of X's visit … in".
AHEAD_CLAUSE_RE = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|(?:days|weeks|months)\s+before|discussed|discussing|preparations\s+for)\b[^,;]*$", re.I)


HEADLINE_TO_RE = re.compile(r"\bto\s+(?:meet|visit|hold|sign|attend|travel|be\s+\w+ed)$", re.I)


def _future_marks(text, start=0):
    """The future markers of the text from `start`, but not a headline's "X to attend" after a verb in
    the past ("met in Cape Town to attend the meeting": what the meeting was for)."""
    return [
        m for m in FUTURE_RE.finditer(text, start)
        if not (HEADLINE_TO_RE.search(m.group()) and PAST_RE.search(text, 0, m.start()))
    ]


def is_future(sentence, at=None):
    """Whether the sentence speaks of the future; with `at`, whether the verb governing the
    expression at that offset does: the nearer of a future marker and a past form before it decides,
    and only when neither comes before does the rest of the sentence."""
    if at is not None:
        before = sentence[:at]
        if PRESENT_RE.search(before):
            return False  # "Modi arrives in Tokyo … to attend the summit": news in the present tense
        # A marker's end against a past form's start: "is expected to meet" holds a past form.
        future = [m.end() for m in _future_marks(before)]
        past = [m.start() for m in PAST_RE.finditer(before)]
        if future or past:
            return max(future, default=-1) > max(past, default=-1)
        # ("Modi on Wednesday called his visit … special and said both will work …": the first verb after it)
        future, past = next(iter(_future_marks(sentence, at)), None), PAST_RE.search(sentence, at)
        if future or past:
            return bool(future) and (past is None or future.start() < past.start())
    return bool(FUTURE_RE.search(sentence))


@functools.cache
def _parser():
    return DateDataParser(
        languages=["en"],
        # Only absolute dates reach dateparser: relative phrases are resolved here, against the
        # publication date, never against the clock.
        settings={"PREFER_DAY_OF_MONTH": "first", "PARSERS": ["absolute-time"]},
    )


@functools.lru_cache(maxsize=4096)
def _parse(text):
    data = _parser().get_date_data(text)
    return data.date_obj.date() if data and data.date_obj else None


LEAP_YEAR = 2000  # a year-less day is parsed in a leap year, so that 29 February parses too


@dataclass
class Anchor:
    """What relative dates are resolved against: the publication date, or only a year."""

    date: datetime.date | None = None
    year: int | None = None
    evidence: str = ""
    # (expression, date) of the latest date the report writes in full, for a report of unknown date:
    # "on Friday, August 26" is in the year of its tweet signed "August 26, 2022".
    written: tuple | None = None
    name: str = "the publication date"  # what the date is, in evidence ("the dateline's date")

    @property
    def known(self):
        return self.date is not None or self.year is not None


def resolve(expr, sentence, anchor, future=None):
    """The DateValue an expression names in this sentence, given the anchor; `future` says the
    tense when the caller knows it better than the sentence's verbs do."""
    text = re.sub(r"\s+", " ", expr.text.strip())
    kind = expr.kind
    future = is_future(sentence, expr.start) if future is None else future
    if kind == "iso":
        return DateValue(datetime.date.fromisoformat(text), "day", f"“{expr.text}”")
    if kind == "range":
        return _resolve_range(text, expr, sentence, anchor)
    if kind == "days_from":
        return _resolve_days_from(text, expr, sentence, anchor)
    if kind == "month_range":
        return _resolve_month_range(text, expr, sentence, anchor)
    if kind == "numeric":
        return _resolve_numeric(text)
    if kind == "dotted":
        day, month, year = (int(x) for x in text.split("."))
        return DateValue(datetime.date(year, month, day), "day", f"“{text}”")
    if kind in ("day_month_year", "month_day_year"):
        day = _parse(_clean_ordinals(text))
        return DateValue(day, "day", f"“{expr.text}”") if day else DateValue(evidence=f"“{expr.text}” not understood")
    if kind == "month_year":
        day = _parse("1 " + re.sub(r"\bof\b", "", text))
        return DateValue(day.replace(day=1), "month", f"“{expr.text}”") if day else DateValue()
    if kind == "year":
        return DateValue(datetime.date(int(text), 1, 1), "year", f"“{expr.text}”")
    if kind in ("day_month", "month_day"):
        return _resolve_day_month(_clean_ordinals(text), expr.text, anchor, future)
    if kind == "month_relative_year":
        return _resolve_month_relative_year(text, expr.text, anchor)
    if kind == "month":
        before = re.search(r"\b(last|next)\s+$", sentence[: expr.start], re.I)
        # "ahead of Modi's visit to Vladivostok in early September": neither tense says which way
        ahead = AHEAD_CLAUSE_RE.search(sentence, max(0, expr.start - 120), expr.start)
        return _resolve_month(text, expr.text, anchor, future, strict=before[1].lower() if before else "nearest" if ahead else None)
    if kind == "weekday":
        # "the G20 Summit beginning on Saturday": what is yet to begin
        future = future or bool(UPCOMING_RE.search(sentence[: expr.start]))
        return _resolve_weekday(text, expr.text, anchor, future)
    if kind == "weekday_range":
        return _resolve_weekday_range(text, expr.text, anchor, future)
    if kind == "relative_day":
        return _resolve_relative_day(text.lower(), expr.text, anchor)
    if kind == "relative_period":
        return _resolve_relative_period(text.lower(), expr.text, anchor)
    return DateValue()


def _resolve_days_from(text, expr, sentence, anchor):
    """"for two days from Sunday": the first day as its own expression names it, and the days after."""
    count = re.match(r"for\s+(\w+)", text, re.I)[1].lower()
    days = count_of(count)
    first = EXPRESSION_RE.search(text, len(re.match(r"for\s+\w+\s+days?\s+\w+(?:\s+(?:on|from))?\s+", text, re.I)[0]))
    at = expr.start + first.start()
    value = resolve(Expression(at, at + len(first.group()), first.group(), first.lastgroup), sentence, anchor)
    if not value.known or value.precision != "day" or days == 1:
        return value
    value.end = value.date + datetime.timedelta(days=days - 1)
    value.evidence = f"“{expr.text}”: {value.date.isoformat()} to {value.end.isoformat()} ({value.evidence})"
    return value


def _resolve_numeric(text, month_first=False):
    """"11/15/2023" (month first) or "15/11/2023" (day first); "5/6/2023" could be either: unknown,
    unless the page writes its dates `month_first`."""
    a, b, year = (int(x) for x in text.split("/"))
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a or month_first:
        day, month = b, a
    else:
        return DateValue(evidence=f"“{text}” could be day/month or month/day")
    try:
        return DateValue(datetime.date(year, month, day), "day", f"“{text}”")
    except ValueError:
        return DateValue()


RANGE_PARTS_RE = re.compile(
    rf"(?:(?P<m1>{MONTHS})\s+(?P<a1>{DAY}){RANGE_JOIN}(?P<b1>{DAY})(?:\s*,\s*(?P<y1>{YEAR}))?"
    rf"|(?P<a2>{DAY}){RANGE_JOIN}(?P<b2>{DAY})\s+(?P<m2>{MONTHS})(?:\s*,?\s+(?P<y2>{YEAR}))?)"
)


def _resolve_range(text, expr, sentence, anchor):
    """A run of days in one month: its first day as the date (resolved like "March 20"), its last as
    `end`."""
    m = RANGE_PARTS_RE.fullmatch(text)
    month, first, last, year = (m["m1"], m["a1"], m["b1"], m["y1"]) if m["m1"] else (m["m2"], m["a2"], m["b2"], m["y2"])
    first, last = int(_clean_ordinals(first)), int(_clean_ordinals(last))
    start_text = f"{month} {first}" + (f", {year}" if year else "")
    start = resolve(Expression(expr.start, expr.end, start_text, "month_day_year" if year else "month_day"), sentence, anchor)
    if not start.known or last <= first:
        return start
    try:
        end = start.date.replace(day=last)
    except ValueError:
        return start
    return DateValue(start.date, "day", f"“{expr.text}”: {start.evidence}", end=end)


def _resolve_month_range(text, expr, sentence, anchor):
    """A run of days named with both months: its first day resolved like "March 30" (with the year
    written after the last day, if any), its last day the next such day on or after it."""
    year = re.search(rf"({YEAR})\s*$", text)
    first, last = re.split(MONTH_JOIN, re.sub(rf",?\s*{YEAR}\s*$", "", text), maxsplit=1)
    start_text = f"{first}, {year[1]}" if year else first
    kind = ("month_day_year" if year else "month_day") if re.match(rf"(?:{MONTHS})", first) else ("day_month_year" if year else "day_month")
    start = resolve(Expression(expr.start, expr.end, start_text, kind), sentence, anchor)
    if not start.known:
        return start
    end = _parse(f"{_clean_ordinals(last)} {start.date.year}")
    if end is not None and end < start.date:
        end = _safe_replace(end, start.date.year + 1)  # "December 30 to January 2"
    if end is None or end < start.date or (end - start.date).days > 62:
        return start
    return DateValue(start.date, "day", f"“{expr.text}”: {start.evidence}", end=end if end > start.date else None)


def _clean_ordinals(text):
    return re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)


FUTURE_SLACK_DAYS = 7


@functools.lru_cache(maxsize=8)
def written_days(text):
    """(expression, date) of each date a text writes in full (day, month and year); cached, as the
    publication date and the events of one document both ask."""
    return tuple((text[a:b], day) for a, b, day in full_dates(text))


def latest_written(text):
    """(expression, date) of the latest date a text writes in full, or None."""
    return max(written_days(text), key=lambda w: w[1], default=None)


def written_year(parsed, written):
    """(year, expression) for a day and month the report gives without a year, when it writes no
    publication date: the year of the latest date it writes in full (`written`, latest_written's),
    if that day and month fall within a month of it ("Male, August 10: …" over a tweet of "August 10,
    2024"); else None. A report writes out the days it tells of; one far from that day may be of
    another year."""
    if not written or parsed is None:
        return None
    expression, latest = written
    day = _safe_replace(parsed, latest.year)
    if day is None or abs((day - latest).days) > WRITTEN_YEAR_DAYS:
        return None
    return latest.year, expression


WRITTEN_YEAR_DAYS = 31


def _resolve_day_month(text, original, anchor, future):
    parsed = _parse(f"{text} {LEAP_YEAR}")
    if not anchor.known and (found := written_year(parsed, anchor.written)):
        year, expression = found
        return DateValue(parsed.replace(year=year), "day", f"“{original}” in {year}, the year of “{expression}”, the latest date the report writes in full")
    if not anchor.known:
        # The day and month still say which of several meetings it can be.
        month_day = (parsed.month, parsed.day) if parsed else None
        return DateValue(evidence=f"“{original}” has no year and the publication date is unknown", month_day=month_day)
    if parsed is None:
        return DateValue()
    if anchor.date is None:
        day = _safe_replace(parsed, anchor.year)
        if day is None:
            return DateValue()
        return DateValue(day, "day", f"“{original}” in {anchor.year}, the year of the report ({anchor.evidence})")
    base = anchor.date
    # The years around publication in which that day exists (29 February needs a leap year).
    candidates = [c for c in (_safe_replace(parsed, y) for y in range(base.year - 4, base.year + 5)) if c]
    if future:
        # (a day a few days before publication is that day, told as still to come by a report written
        # before it and published late, not the same day a year on)
        later = [c for c in candidates if c >= base - datetime.timedelta(days=FUTURE_SLACK_DAYS)]
        day = min(later) if later else max(candidates)
    else:
        earlier = [c for c in candidates if c <= base]
        # Past tense: the latest such day on or before publication, unless that is far and the next is near.
        day = max(earlier) if earlier else min(candidates)
        nearest = min(candidates, key=lambda c: abs((c - base).days))
        if abs((nearest - base).days) < 30 <= abs((day - base).days):
            day = nearest
    return DateValue(day, "day", f"“{original}” relative to {anchor.name} {base.isoformat()}")


def _safe_replace(day, year):
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def _resolve_month(text, original, anchor, future, strict=None):
    """A month without a year: the one the tense allows nearest the publication date; "last July"
    before the publication month, "next July" after it."""
    month = _parse(f"1 {text} {LEAP_YEAR}")
    if month is None:
        return DateValue()
    if not anchor.known:
        return DateValue(evidence=f"“{original}” has no year and the publication date is unknown")
    if anchor.date is None:
        return DateValue(datetime.date(anchor.year, month.month, 1), "month", f"“{original}” in {anchor.year} ({anchor.evidence})")
    base = anchor.date
    year = base.year
    if strict == "nearest":
        year = min((base.year - 1, base.year, base.year + 1), key=lambda y: abs((y - base.year) * 12 + month.month - base.month))
    elif strict == "last" or (strict is None and not future):
        if month.month > base.month or (strict == "last" and month.month == base.month):
            year -= 1
    elif month.month < base.month or (strict == "next" and month.month == base.month):
        year += 1
    return DateValue(datetime.date(year, month.month, 1), "month", f"“{original}” relative to {anchor.name} {base.isoformat()}")


def _resolve_month_relative_year(text, original, anchor):
    """"April last year", "June this year": the month in the year the phrase counts from publication."""
    if anchor.date is None:
        return DateValue(evidence=f"“{original}”, but the publication date is unknown")
    month = _parse("1 " + re.split(r"\s+", text)[0].rstrip(".") + f" {LEAP_YEAR}")
    if month is None:
        return DateValue()
    step = -1 if re.search(r"last", text, re.I) else 1 if re.search(r"next", text, re.I) else 0
    day = datetime.date(anchor.date.year + step, month.month, 1)
    return DateValue(day, "month", f"“{original}” from {anchor.name} {anchor.date.isoformat()}")


def weekday_of(text):
    for i, name in enumerate(WEEKDAYS):
        if name.lower() in text.lower():
            return i
    return None


def _resolve_weekday(text, original, anchor, future):
    weekday = weekday_of(text)
    if anchor.date is None:
        return DateValue(weekday=weekday, evidence=f"“{original}”, but the publication date is unknown")
    base = anchor.date
    lowered = text.lower()
    if lowered.startswith("next") or (future and not lowered.startswith("last")):
        delta = (weekday - base.weekday()) % 7
        if lowered.startswith("next") and delta == 0:
            delta = 7
        day = base + datetime.timedelta(days=delta)
    else:
        delta = (base.weekday() - weekday) % 7
        if lowered.startswith("last") and delta == 0:
            delta = 7
        day = base - datetime.timedelta(days=delta)
    return DateValue(day, "day", f"“{original}”: the {'next' if day > base else 'most recent'} {WEEKDAYS[weekday]} from {anchor.name} {base.isoformat()}", weekday)


def _resolve_weekday_range(text, original, anchor, future):
    """"Thursday to Friday": the last day resolved as a weekday is, the first the nearest day before
    it with the first weekday."""
    first, last = re.split(r"\s*(?:-|–|to|through|and)\s*", text, maxsplit=1)
    end = _resolve_weekday(last, original, anchor, future)
    if not end.known:
        return DateValue(weekday=weekday_of(first), evidence=end.evidence)
    start = end.date - datetime.timedelta(days=(end.date.weekday() - weekday_of(first)) % 7)
    return DateValue(start, "day", f"“{original}”: {start.isoformat()} to {end.date.isoformat()}, {anchor.name} {anchor.date.isoformat()}", weekday_of(first), end=end.date)


def _resolve_relative_day(text, original, anchor):
    if anchor.date is None:
        return DateValue(evidence=f"“{original}”, but the publication date is unknown")
    text = re.sub(r"\s+", " ", text)
    ago = re.fullmatch(r"(\w+) days? ago", text)
    offset = -(1 if ago[1] == "a" else count_of(ago[1])) if ago else {"yesterday": -1, "last night": -1, "last evening": -1, "tomorrow": 1}.get(text, 0)
    day = anchor.date + datetime.timedelta(days=offset)
    return DateValue(day, "day", f"“{original}” relative to {anchor.name} {anchor.date.isoformat()}")


def _resolve_relative_period(text, original, anchor):
    if anchor.date is None:
        return DateValue(evidence=f"“{original}”, but the publication date is unknown")
    base = anchor.date
    step = -1 if "last" in text else 1 if "next" in text else 0
    if text.startswith("earlier") and text.endswith("week"):
        # "earlier this week": from Monday up to publication.
        monday = base - datetime.timedelta(days=base.weekday())
        if monday.month == base.month:
            return DateValue(base.replace(day=1), "month", f"“{original}” from {base.isoformat()} (within that month)")
        return DateValue(evidence=f"“{original}” spans two months")
    if text.endswith("year"):
        return DateValue(datetime.date(base.year + step, 1, 1), "year", f"“{original}” from {base.isoformat()}")
    if text.endswith("month"):
        month = base.month + step
        year = base.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return DateValue(datetime.date(year, month, 1), "month", f"“{original}” from {base.isoformat()}")
    # A week has no precision of its own: keep the month when the whole week lies inside one.
    monday = base - datetime.timedelta(days=base.weekday()) + datetime.timedelta(weeks=step)
    sunday = monday + datetime.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return DateValue(monday.replace(day=1), "month", f"“{original}” from {base.isoformat()} (the week lies in that month)")
    return DateValue(evidence=f"“{original}” spans two months")


def reference_year(text, anchors):
    """A year the report is written in, when no publication date is known: 'the 75th anniversary of
    <an occasion of known year>'. `anchors` maps occasion phrases to years (fixtures/anniversaries.json)."""
    for m in ANNIVERSARY_RE.finditer(text):
        n = int(m[1])
        occasion = m[2].lower()
        explicit = re.search(rf"\b({YEAR})\b", occasion)
        if explicit:
            return int(explicit[1]) + n, f"“{m.group(0).strip(' ,.;')}”"
        for phrase, year in anchors.items():
            if phrase in occasion:
                return year + n, f"“{m.group(0).strip(' ,.;')}”: {year} + {n}"
    return None, ""


def month_length(day):
    return calendar.monthrange(day.year, day.month)[1]


# "their first three-way talks in more than four years … Their last trilateral summit was in late
# 2019": a report written at least that long after that year.
FIRST_IN_YEARS_RE = re.compile(
    r"\bfirst\b[^.\n]{0,100}?\b(?:in|for)\s+(?P<about>more\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+)?"
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+years\b",
    re.I,
)
LAST_IN_YEAR_RE = re.compile(
    rf"\b(?:last|previous|since)\b[^.\n]{{0,100}}?\b(?:in|since)\s+(?:(?P<part>early|late|mid-?)\s*)?(?:(?P<month>{MONTHS})\s+)?(?P<year>{YEAR})\b",
    re.I,
)


def not_before(text):
    """The earliest day a report without a publication date can be written on, when it says it tells
    of the first such event in N years and when the last one was ('first visit in 12 years since the
    visit … in October 2011'); else None. A bound only: reports of earlier days are not its events."""
    last = LAST_IN_YEAR_RE.search(text)
    if not last:
        return None
    year = int(last["year"])
    if last["month"]:
        month = _parse(f"1 {last['month']} {year}").month if _parse(f"1 {last['month']} {year}") else 1
    else:
        month = {"early": 1, "mid": 4, "mid-": 4, "late": 9}.get((last["part"] or "").lower(), 1)
    bounds = []
    for first in FIRST_IN_YEARS_RE.finditer(text):
        years = count_of(first["n"])
        about = (first["about"] or "").split()
        if not about or about[0].lower() not in ("more", "over"):
            years -= 1  # "in 12 years" may be eleven and a half; "more than four years" is more than four
        if years >= 1:
            bounds.append(datetime.date(year + years, month, 1))
    return max(bounds, default=None)
