"""Temporal expressions: recognised with care, resolved the way news is written, never invented."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.extraction import dates

FRIDAY = datetime.date(2023, 4, 28)


def resolved(sentence, published=FRIDAY, year=None):
    anchor = dates.Anchor(date=published, year=year, evidence="test")
    out = []
    for expr in dates.find_expressions(sentence):
        if dates.is_event_time(sentence, expr):
            out.append(dates.resolve(expr, sentence, anchor).iso())
    return out


@pytest.mark.parametrize(
    "sentence",
    [
        "During the 2+2 meeting the ministers spoke.",
        "We may see progress, the minister said.",
        "It was the 20th meeting of the commission.",
        "Ties were extended for another ten years.",
        "May I ask a question?",
        "The 24th India-Russia talks and the 75th anniversary.",
        "The contract covers 6,01,427 AK-203 rifles and S-400 systems.",
    ],
)
def test_things_that_only_look_like_dates_are_not_dates(sentence):
    assert resolved(sentence) == []


def test_friday_in_an_article_dated_friday_is_that_day():
    assert resolved("Singh on Friday met Shoigu.") == ["2023-04-28"]


def test_a_weekday_is_the_most_recent_such_day_before_publication():
    assert resolved("They met on Monday.") == ["2023-04-24"]
    assert resolved("They met on Saturday.") == ["2023-04-22"]


def test_a_weekday_in_the_future_tense_points_forward():
    assert resolved("They will meet on Monday.") == ["2023-05-01"]
    assert resolved("The ministers are expected to meet on Friday.") == ["2023-04-28"]


def test_relative_days_and_periods():
    assert resolved("He left for Russia this morning.") == ["2023-04-28"]
    assert resolved("They met yesterday.") == ["2023-04-27"]
    assert resolved("They met last week.") == ["2023-04"]
    assert resolved("They will meet next month.") == ["2023-05"]
    assert resolved("The talks began last year.") == ["2022"]


def test_a_week_that_spans_two_months_is_not_given_a_month():
    assert resolved("They met last week.", published=datetime.date(2023, 4, 5)) == [None]


def test_a_month_without_a_year_is_the_nearest_one_the_tense_allows():
    assert resolved("He had represented India at the parade in June.") == ["2022-06"]
    assert resolved("He will travel to Moscow in June.") == ["2023-06"]


def test_a_day_and_month_take_the_year_the_tense_allows():
    assert resolved("He met them on 10 September.") == ["2022-09-10"]
    assert resolved("He will attend the meeting on 10 September.") == ["2023-09-10"]
    assert resolved("The visit on April 20 went well.") == ["2023-04-20"]


def test_full_dates_keep_their_day():
    assert resolved("The meeting on 28 April 2023 and on April 29, 2023 and 2023-04-30.") == [
        "2023-04-28", "2023-04-29", "2023-04-30"
    ]


def test_dates_that_bound_a_span_are_not_event_dates():
    assert resolved("Tensions have risen since May 2020.") == []
    assert resolved("Deliveries are due by the end of 2021.") == []
    assert resolved("Ties were extended for ten years to 2031.") == []


def test_without_a_publication_date_relative_dates_stay_unknown():
    anchor = dates.Anchor()
    for sentence in ("They met on Friday.", "He left this morning.", "They met on 10 September.", "in June"):
        for expr in dates.find_expressions(sentence):
            value = dates.resolve(expr, sentence, anchor)
            assert value.precision == "unknown" and value.date is None


def test_an_unknown_weekday_is_kept_for_matching():
    expr = dates.find_expressions("They met on Friday.")[0]
    value = dates.resolve(expr, "They met on Friday.", dates.Anchor())
    assert (value.known, value.weekday) == (False, 4)


def test_a_year_from_an_anniversary_dates_day_and_month():
    year, evidence = dates.reference_year(
        "a meeting in commemoration of the 75th Anniversary of victory in the World War II, he said",
        {"world war ii": 1945},
    )
    assert year == 2020 and "75th" in evidence
    assert resolved("He will attend the meeting on 10 September.", published=None, year=2020) == ["2020-09-10"]


def test_an_anniversary_of_an_occasion_with_its_year_in_the_text():
    assert dates.reference_year("the 50th anniversary of the 1971 treaty", {})[0] == 2021


def test_an_anniversary_of_an_unknown_occasion_gives_no_year():
    assert dates.reference_year("the 10th anniversary of the company", {"world war ii": 1945}) == (None, "")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["on ", "Friday", "May", " 10", " September", " 2021", "last ", "week", "in ", "June", " ", "will ", "since ", "28", ",", "April", "29 February", "x"]),
        max_size=12,
    ).map("".join),
    st.one_of(st.none(), st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2090, 12, 31))),
)
def test_resolving_never_crashes_and_stays_consistent(sentence, published):
    anchor = dates.Anchor(date=published)
    for expr in dates.find_expressions(sentence):
        assert 0 <= expr.start < expr.end <= len(sentence)
        assert sentence[expr.start : expr.end] == expr.text
        value = dates.resolve(expr, sentence, anchor)
        assert value.precision in ("day", "month", "year", "unknown")
        assert (value.date is None) == (value.precision == "unknown")
        if published is None:
            assert value.precision in ("unknown", "day", "month", "year") and (
                value.precision == "unknown" or expr.kind in ("iso", "day_month_year", "month_day_year", "month_year", "year")
            )


def test_29_february_takes_the_nearest_leap_year_the_tense_allows():
    assert resolved("They met on 29 February.", published=datetime.date(2023, 4, 28)) == ["2020-02-29"]
    assert resolved("They will meet on 29 February.", published=datetime.date(2023, 4, 28)) == ["2024-02-29"]


def test_a_date_inside_a_since_clause_dates_something_else():
    assert resolved("Modi and Suga held a meeting, their first since Suga took office in September 2020.") == []
    assert resolved("It is his first visit since the start of the conflict last year.") == []
    assert resolved("Since 2020 they have met often, and on Friday they met again.") == ["2023-04-28"]


def test_a_report_says_how_late_it_is_by_the_first_such_event_in_years_since_the_last():
    from events.extraction.dates import not_before

    text = "Their first three-way talks in more than four years. Their last trilateral summit was in late 2019."
    assert not_before(text) == datetime.date(2023, 9, 1)
    # "in 12 years" may be eleven and a half: a bound a year short, never one too late
    text = "The first visit by a prime minister in 12 years since the visit by his predecessor in October 2011."
    assert not_before(text) == datetime.date(2022, 10, 1)
    assert not_before("Their first meeting in four years.") is None
