"""The overview strip's layout, worked out on the server: bars in proportion in a viewBox that
stretches to any width, and year labels thinned out, never overlapping, to fit each strip width."""

import datetime
import re
from pathlib import Path

import pytest

from events.overview import (BAR_SPACE, BAR_WIDTH, LABEL_GAP_PX, LABEL_PX, LABEL_WIDTHS, MONTH_WIDTH, YEAR_PITCH,
                             YEAR_WIDTH, label_span, labelled_years, overview)

CSS = Path(__file__).resolve().parent.parent / "static" / "css" / "app.css"
SPANS = [(2023, 2023), (2023, 2024), (2015, 2024), (2000, 2024), (1985, 2024), (1950, 2024), (1800, 2024)]


def link(start, end):
    return f"/?from={start}&to={end}"


def rows(*dated):
    """(year, month, precision, count) rows as the timeline index gives them."""
    return [(year, month, "day", n) for year, month, n in dated]


def assert_apart(first, last, shown, width):
    n = last - first + 1
    spans = [label_span(year - first, n, width) for year in shown]
    assert spans == sorted(spans)
    assert spans[0][0] >= 0 and spans[-1][1] <= width
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert start - end >= LABEL_GAP_PX


@pytest.mark.parametrize("first,last", SPANS)
@pytest.mark.parametrize("width", LABEL_WIDTHS)
def test_labels_keep_the_first_and_last_years_and_never_overlap(first, last, width):
    shown = labelled_years(first, last, width)
    assert shown[0] == first and shown[-1] == last
    assert shown == sorted(set(shown))
    assert_apart(first, last, shown, width)


@pytest.mark.parametrize("first,last", SPANS)
def test_labels_that_fit_at_a_width_fit_at_any_wider_one(first, last):
    """What lets the stylesheet show a width's labels up to the next width in LABEL_WIDTHS."""
    for width, wider in zip(LABEL_WIDTHS, [*LABEL_WIDTHS[1:], 4000]):
        shown = labelled_years(first, last, width)
        for between in range(width, wider, 7):
            assert_apart(first, last, shown, between)


def test_labels_thin_out_by_round_steps_as_the_strip_narrows():
    assert labelled_years(2015, 2024, 880) == list(range(2015, 2025))
    assert labelled_years(2015, 2024, 320) == [2015, 2018, 2020, 2022, 2024]  # 2016 is too near 2015
    assert labelled_years(1985, 2024, 880) == [1985, *range(1988, 2023, 2), 2024]  # 1986 is too near 1985
    assert labelled_years(1985, 2024, 480) == [1985, *range(1990, 2021, 5), 2024]
    assert labelled_years(1985, 2024, 240) == [1985, 2000, 2010, 2024]
    # The fewer the pixels, the fewer the labels.
    counts = [len(labelled_years(1985, 2024, width)) for width in LABEL_WIDTHS]
    assert counts == sorted(counts) and counts[0] < counts[-1]


def test_a_single_year_is_labelled():
    assert labelled_years(2023, 2023, 240) == [2023]
    strip = overview(rows((2023, 4, 2)), link)
    assert re.search(r'<text data-fits="240 280 [^"]*1280" x="0%" y="59" text-anchor="start">2023</text>', strip.labels())


def test_bars_are_in_proportion_to_the_months_and_counts():
    strip = overview(rows((2015, 1, 4), (2015, 12, 1), (2024, 6, 2), (2024, 12, 3)), link)
    assert strip.width == 10 * YEAR_PITCH - (YEAR_PITCH - YEAR_WIDTH)
    assert [year.x for year in strip.years] == [i * YEAR_PITCH for i in range(10)]
    assert [(bar.x, bar.height, bar.y) for bar in strip.bars] == [
        (0, BAR_SPACE, 0),
        (11 * MONTH_WIDTH, 11, BAR_SPACE - 11),  # a quarter of the peak
        (9 * YEAR_PITCH + 5 * MONTH_WIDTH, 22, BAR_SPACE - 22),
        (9 * YEAR_PITCH + 11 * MONTH_WIDTH, 33, BAR_SPACE - 33),
    ]
    # The last bar ends at the right end of the viewBox, less the gap between bars.
    assert strip.bars[-1].x + BAR_WIDTH == strip.width - (MONTH_WIDTH - BAR_WIDTH)
    marks = strip.marks()
    assert f'<rect class="bar" x="{9 * YEAR_PITCH + 11 * MONTH_WIDTH}" y="11" width="{BAR_WIDTH}" height="33"/>' in marks
    assert '<a href="/?from=2024-12&amp;to=2024-12"><title>December 2024: 3 events</title>' in marks


def test_labels_are_placed_at_fractions_of_the_width():
    strip = overview(rows((2015, 1, 1), (2016, 1, 1), (2017, 3, 1)), link)
    labels = strip.labels()
    # 2015 starts the strip, 2017 ends it, 2016 is centred under its year (at 108 + 96 / 2 of 312 units).
    assert strip.width == 312
    assert 'x="0%" y="59" text-anchor="start">2015<' in labels
    assert 'x="50%" y="59" text-anchor="middle">2016<' in labels
    assert 'x="100%" y="59" text-anchor="end">2017<' in labels
    # Each year's link spans its year under the bars, whether its label is shown or not.
    assert ('<a href="/?from=2016&amp;to=2016" aria-label="2016: 1 event"><rect class="year-hit" '
            'x="34.615%" y="44" width="30.769%" height="18"/>') in labels


def test_a_label_lists_the_widths_it_is_shown_at():
    strip = overview(rows(*((year, 1, 1) for year in range(2015, 2025))), link)
    fits = {year.label: year.shown_at for year in strip.years}
    assert fits["2015"] == fits["2024"] == LABEL_WIDTHS
    assert fits["2016"] == tuple(w for w in LABEL_WIDTHS if 2016 in labelled_years(2015, 2024, w))
    assert 320 not in fits["2016"] and 880 in fits["2016"]
    listed = " ".join(map(str, fits["2016"]))
    assert f'<text data-fits="{listed}" x="' in strip.labels()


def test_the_page_draws_the_strip_as_wide_as_its_box(client, make_event):
    make_event(date=datetime.date(2015, 3, 1))
    make_event(date=datetime.date(2024, 11, 1))
    html = client.get("/").content.decode()
    strip = html[html.index('<div class="overview-strip">'):]
    strip = strip[:strip.index("</div>")]
    assert '<svg width="100%" height="62" role="group" aria-label="Events per month">' in strip
    assert f'<svg viewBox="0 0 {10 * YEAR_PITCH - 12} 62" preserveAspectRatio="none" width="100%" height="62">' in strip
    assert re.findall(r">(\d{4})</text>", strip) == [str(year) for year in range(2015, 2025)]


def test_the_stylesheet_switches_labels_at_the_same_widths():
    css = CSS.read_text()
    assert re.search(r'\.overview text\[data-fits~="(\d+)"\] \{ display: inline; \}', css).group(1) == str(LABEL_WIDTHS[0])
    level = re.compile(r'@container overview-strip \(width >= (\d+)px\) \{ \.overview text\[data-fits\] \{ display: none; \} '
                       r'\.overview text\[data-fits~="\1"\] \{ display: inline; \} \}')
    queried = [int(width) for width in level.findall(css)]
    assert queried == list(LABEL_WIDTHS[1:])
    # The label budget assumes four digits of 12px text.
    assert re.search(r"\.overview text \{ font-size: 12px;", css)
    assert LABEL_PX >= 4 * 0.64 * 12
