"""The overview strip: how many events each month of the whole span holds, laid out as SVG bars
that link to the timeline narrowed to that month (and labels that narrow it to the year).

The strip takes the width its box has, whatever the screen: the bars are drawn in a viewBox that
stretches to it (so every year of the span is in sight, and each keeps its share of the width), while
the year labels are text of a fixed size placed at fractions of that width. Where years are too
narrow for a label each, fewer are shown (every 2nd, 5th, 10th… year, the first and last always),
and which ones is worked out here for each of the strip widths in LABEL_WIDTHS (a label's data-fits
lists those it is shown at): the stylesheet's container queries show the labels of the widest of
those widths the strip has. A set
of labels that does not overlap at one width does not at any wider one, so this needs no script."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.template.defaultfilters import pluralize
from django.utils.safestring import mark_safe

from .html import format_html
from .models import period

BAR_WIDTH, BAR_GAP, YEAR_GAP = 7, 1, 12
MONTH_WIDTH = BAR_WIDTH + BAR_GAP
YEAR_WIDTH = 12 * MONTH_WIDTH
YEAR_PITCH = YEAR_WIDTH + YEAR_GAP
BAR_SPACE, LABEL_SPACE = 44, 18

# The strip widths (CSS pixels) at which the labels shown change: the same list as the
# `@container overview-strip` rules in static/css/app.css (a test checks that they agree).
LABEL_WIDTHS = (240, 280, 320, 360, 400, 480, 560, 640, 720, 800, 880, 960, 1120, 1280)
# A year label is four digits of 12px text (app.css): 31 pixels in the widest common sans-serif
# (DejaVu Sans, whose digits are .64em), and at least 6 pixels apart.
LABEL_PX, LABEL_GAP_PX = 31, 6
# Label every year, or every 2nd, 5th… year when the years are narrower than a label (years that are
# multiples of the step, so the labels read 2016, 2018… or 2000, 2010…).
STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


@dataclass
class Bar:
    x: int
    y: int
    height: int
    label: str
    href: str
    in_range: bool


@dataclass
class Year:
    x: int
    end_x: int
    label: str
    href: str | None
    count: int
    year_only: int
    shown_at: tuple = ()  # the LABEL_WIDTHS at which its label is shown


def label_span(i, n, width):
    """Where, in pixels from the strip's left end, the label of the i-th of n years lies when the strip
    is `width` pixels wide: the first starts where the strip starts, the last ends where it ends, and
    those between are centred under their year."""
    if i == 0:
        return 0, LABEL_PX
    if i == n - 1:
        return width - LABEL_PX, width
    centre = (i * YEAR_PITCH + YEAR_WIDTH / 2) * width / (n * YEAR_PITCH - YEAR_GAP)
    return centre - LABEL_PX / 2, centre + LABEL_PX / 2


def labelled_years(first, last, width):
    """The years from `first` to `last` whose labels are shown on a strip `width` pixels wide: the
    first and the last always, and between them the multiples of the smallest step whose labels do
    not overlap (nor come closer than LABEL_GAP_PX to one another)."""
    n = last - first + 1
    if n == 1:
        return [first]
    pitch = YEAR_PITCH * width / (n * YEAR_PITCH - YEAR_GAP)
    step = next((s for s in STEPS if s * pitch >= LABEL_PX + LABEL_GAP_PX), STEPS[-1])
    shown, end = [0], label_span(0, n, width)[1]
    last_start = label_span(n - 1, n, width)[0]
    for i in range(1, n - 1):
        if (first + i) % step:
            continue
        start, stop = label_span(i, n, width)
        if start >= end + LABEL_GAP_PX and stop + LABEL_GAP_PX <= last_start:
            shown.append(i)
            end = stop
    shown.append(n - 1)
    return [first + i for i in shown]


def percent(units, whole):
    return f"{units * 100 / whole:.3f}".rstrip("0").rstrip(".") + "%"


@dataclass
class Overview:
    width: int  # of the viewBox the bars are drawn in; the strip itself is as wide as its box
    height: int
    baseline: int
    years: list
    bars: list

    def marks(self):
        """The bars and baselines, drawn in the viewBox that stretches to the strip's width. Built here
        rather than in the template, where hundreds of bars of a long timeline took tens of milliseconds."""
        parts = [format_html('<line class="baseline" x1="{}" x2="{}" y1="{}" y2="{}"></line>',
                             year.x, year.end_x, self.baseline, self.baseline) for year in self.years]
        for bar in self.bars:
            # The <title> names the link (and shows on hover); a tall transparent rect makes the
            # whole column its target. Kept terse: a long timeline has hundreds of these.
            parts.append(format_html(
                '<a href="{}"><title>{}</title><rect class="hit" x="{}" width="{}" height="{}"/>'
                '<rect class="{}" x="{}" y="{}" width="{}" height="{}"/></a>',
                bar.href, bar.label, bar.x, MONTH_WIDTH, self.baseline, "bar in-range" if bar.in_range else "bar",
                bar.x, bar.y, BAR_WIDTH, bar.height,
            ))
        return mark_safe("\n".join(parts))

    def labels(self):
        """The year labels, unstretched text placed at fractions of the strip's width. A year with
        events links to it, from its label and from the space under its bars, which stays a link
        (and a target for a finger) where the label itself is left out for want of room."""
        label_y, last = self.height - 3, len(self.years) - 1
        parts = []
        for i, year in enumerate(self.years):
            if i == 0:
                x, anchor = "0%", "start"
            elif i == last:
                x, anchor = "100%", "end"
            else:
                x, anchor = percent((year.x + year.end_x) / 2, self.width), "middle"
            fits = " ".join(map(str, year.shown_at))
            if year.href:
                described = f"{year.label}: {year.count} event{pluralize(year.count)}"
                if year.year_only:
                    described += f", {year.year_only} known only to the year"
                parts.append(format_html(
                    '<a href="{}" aria-label="{}"><rect class="year-hit" x="{}" y="{}" width="{}" height="{}"/>'
                    '<text data-fits="{}" x="{}" y="{}" text-anchor="{}">{}</text></a>',
                    year.href, described, percent(year.x, self.width), self.baseline,
                    percent(YEAR_WIDTH, self.width), self.height - self.baseline,
                    fits, x, label_y, anchor, year.label,
                ))
            else:
                parts.append(format_html('<text class="quiet" data-fits="{}" x="{}" y="{}" text-anchor="{}">{}</text>',
                                         fits, x, label_y, anchor, year.label))
        return mark_safe("\n".join(parts))


def overview(rows, link, start=None, end=None):
    """The strip for (year, month, precision, count) rows; `link(from, to)` makes a timeline URL and
    start/end is the date range in force, whose months are marked. None when nothing is dated."""
    months, years, year_only = Counter(), Counter(), Counter()
    for year, month, precision, n in rows:
        years[year] += n
        if precision == "year":
            year_only[year] += n  # counted in the year's label, not put in January
        else:
            months[year, month] += n
    if not years:
        return None
    peak = max(months.values(), default=1)
    first, last = min(years), max(years)
    shown_at = {}
    for width in LABEL_WIDTHS:
        for year in labelled_years(first, last, width):
            shown_at.setdefault(year, []).append(width)
    strip_years, bars = [], []
    for i, year in enumerate(range(first, last + 1)):
        x = i * YEAR_PITCH
        href = link(str(year), str(year)) if years[year] else None
        strip_years.append(Year(x, x + YEAR_WIDTH, str(year), href, years[year], year_only[year],
                                tuple(shown_at.get(year, ()))))
        for month in range(1, 13):
            n = months[year, month]
            if not n:
                continue
            height = max(3, round(n / peak * BAR_SPACE))
            first_day, last_day = period(datetime.date(year, month, 1), "month")
            label = f"{first_day:%B %Y}: {n} event{'' if n == 1 else 's'}"
            key = f"{year}-{month:02d}"
            in_range = bool(start or end) and (not start or last_day >= start) and (not end or first_day <= end)
            bars.append(Bar(x + (month - 1) * MONTH_WIDTH, BAR_SPACE - height, height, label,
                            link(key, key), in_range))
    width = len(strip_years) * YEAR_PITCH - YEAR_GAP
    return Overview(width, BAR_SPACE + LABEL_SPACE, BAR_SPACE, strip_years, bars)
