"""Document text around the passages that back events, escaped, with each passage in a <mark>."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# A paragraph longer than this is cut around the passage, so one source cannot fill the page.
CONTEXT_CHARS = 400


def in_paragraph(text, start, end):
    """The paragraph (line) holding text[start:end], with that span marked."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last == -1 else last
    before_from = max(first, start - CONTEXT_CHARS)
    after_to = min(last, end + CONTEXT_CHARS)
    return format_html(
        "{}{}<mark>{}</mark>{}{}",
        "… " if before_from > first else "",
        text[before_from:start],
        text[start:end],
        text[end:after_to],
        " …" if after_to < last else "",
    )


def highlighted(text, sources):
    """The whole text with every backing passage marked and linked to its events. Passages that
    overlap share one mark; each still has its own `passage-START-END` anchor to link to."""
    clusters = []
    for source in sorted(sources, key=lambda s: (s.start, s.end)):
        if clusters and source.start < clusters[-1]["end"]:
            cluster = clusters[-1]
            cluster["end"] = max(cluster["end"], source.end)
        else:
            cluster = {"start": source.start, "end": source.end, "spans": [], "events": []}
            clusters.append(cluster)
        if (source.start, source.end) not in cluster["spans"]:
            cluster["spans"].append((source.start, source.end))
        if source.event not in cluster["events"]:
            cluster["events"].append(source.event)
    pieces, pos = [], 0
    for cluster in clusters:
        (first_start, first_end), *others = cluster["spans"]
        anchors = format_html_join("", '<span id="passage-{}-{}" class="anchor"></span>', others)
        links = format_html_join(
            ", ", '<a href="{}">{}</a>', ((e.get_absolute_url(), e.title) for e in cluster["events"])
        )
        pieces.append(format_html(
            '{}{}<mark id="passage-{}-{}" tabindex="-1">{}</mark><span class="passage-events">→ {}</span>',
            text[pos : cluster["start"]], anchors, first_start, first_end,
            text[cluster["start"] : cluster["end"]], links,
        ))
        pos = cluster["end"]
    pieces.append(format_html("{}", text[pos:]))
    return mark_safe("".join(pieces))
