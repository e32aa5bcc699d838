"""The overview strip: how many events each month of the whole span holds, laid out as SVG bars
that link to the timeline narrowed to that month (and labels that narrow it to the year)."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.template.defaultfilters import pluralize
from django.utils.safestring import mark_safe

from .html import format_html
from .models import period

BAR_WIDTH, BAR_GAP, YEAR_GAP = 7, 1, 12
YEAR_WIDTH = 12 * (BAR_WIDTH + BAR_GAP)
BAR_SPACE, LABEL_SPACE = 44, 18


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


@dataclass
class Overview:
    width: int
    height: int
    baseline: int
    years: list
    bars: list

    def marks(self):
        """The SVG inside the strip: a baseline and label per year, a bar per month. Built here rather
        than in the template, where hundreds of bars of a long timeline took tens of milliseconds."""
        label_y = self.height - 3
        parts = []
        for year in self.years:
            parts.append(format_html('<line class="baseline" x1="{}" x2="{}" y1="{}" y2="{}"></line>',
                                     year.x, year.end_x, self.baseline, self.baseline))
            if year.href:
                described = f"{year.label}: {year.count} event{pluralize(year.count)}"
                if year.year_only:
                    described += f", {year.year_only} known only to the year"
                parts.append(format_html('<a href="{}" aria-label="{}"><text x="{}" y="{}">{}</text></a>',
                                         year.href, described, year.x, label_y, year.label))
            else:
                parts.append(format_html('<text class="quiet" x="{}" y="{}">{}</text>', year.x, label_y, year.label))
        for bar in self.bars:
            # The <title> names the link (and shows on hover); a tall transparent rect makes the
            # whole column its target. Kept terse: a long timeline has hundreds of these.
            parts.append(format_html(
                '<a href="{}"><title>{}</title><rect class="hit" x="{}" width="8" height="{}"/>'
                '<rect class="{}" x="{}" y="{}" width="7" height="{}"/></a>',
                bar.href, bar.label, bar.x, self.baseline, "bar in-range" if bar.in_range else "bar",
                bar.x, bar.y, bar.height,
            ))
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
    strip_years, bars = [], []
    for i, year in enumerate(range(first, last + 1)):
        x = i * (YEAR_WIDTH + YEAR_GAP)
        href = link(str(year), str(year)) if years[year] else None
        strip_years.append(Year(x, x + YEAR_WIDTH, str(year), href, years[year], year_only[year]))
        for month in range(1, 13):
            n = months[year, month]
            if not n:
                continue
            height = max(3, round(n / peak * BAR_SPACE))
            first_day, last_day = period(datetime.date(year, month, 1), "month")
            label = f"{first_day:%B %Y}: {n} event{'' if n == 1 else 's'}"
            key = f"{year}-{month:02d}"
            in_range = bool(start or end) and (not start or last_day >= start) and (not end or first_day <= end)
            bars.append(Bar(x + (month - 1) * (BAR_WIDTH + BAR_GAP), BAR_SPACE - height, height, label,
                            link(key, key), in_range))
    width = len(strip_years) * (YEAR_WIDTH + YEAR_GAP) - YEAR_GAP
    return Overview(width, BAR_SPACE + LABEL_SPACE, BAR_SPACE, strip_years, bars)
