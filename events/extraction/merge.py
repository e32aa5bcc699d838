"""What reports of one event have in common: their content words, people and dates.

Pure functions over plain data. Extraction uses them to join what one document says of one event;
across documents, events/clustering.py holds the rules.
"""

import re

STOPWORDS = set(
    """a an the and or but of in on at to for from with by as is was were are be been has have had
    that this these those it its his her their they them he she we our you your i not no also said says
    will would could should may might can on after before during over under about into than then there
    which who whom whose what when where while two both all any some such other another more most
    minister ministers defence defense meeting meetings held met talks bilateral counterpart""".split()
)
RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}  # finer precision first


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


def people_fit(a, b):
    if not a or not b:
        return False
    if a == b:
        return True
    return (a <= b or b <= a) and len(a & b) >= 2
