"""Tagging passages with topics from the Topic table's keywords (editable in admin)."""

import re


def compile_topics(table):
    """{slug: (name, keywords)} → [(slug, regex)]. Short all-capital keywords (SCO, LAC) match case-
    sensitively so that they do not match ordinary words; the rest match in any case."""
    out = []
    for slug, (_name, keywords) in sorted(table.items()):
        parts = []
        for kw in keywords:
            kw = kw.strip()
            if not kw:
                continue
            body = re.escape(kw).replace(r"\ ", r"\s+")
            parts.append(f"(?-i:{body})" if kw.isupper() and len(kw) <= 6 else body)
        if parts:
            out.append((slug, re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)))
    return out


def tag(text, compiled):
    return [slug for slug, regex in compiled if regex.search(text)]
