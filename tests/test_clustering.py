"""The rules of events/clustering.py, without a database: which reports are one event."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from events.clustering import VISIT_SLACK_DAYS, Report, best_date, cluster, near_misses
from events.extraction.merge import content_words
from events.extraction.types import DateValue

FRIDAY = DateValue(datetime.date(2023, 4, 28), "day", "on Friday", 4)
THURSDAY = DateValue(datetime.date(2023, 4, 27), "day", "on Thursday", 3)
WORDS = frozenset(content_words("bilateral meeting on the sidelines of the Shanghai Cooperation Organisation SCO"))
_n = iter(range(1_000_000))


def report(date=FRIDAY, kind="meeting", people=(1, 2), words=WORDS, doc=None, venue=None, city=None,
           countries=(), pinned=None, topics=(), document_dated=True, published=None):
    n = next(_n)
    doc = doc if doc is not None else f"doc{n}"
    return Report(
        key=(doc, n, 0), document=doc, kind=kind, participants=frozenset(people), date=date,
        venue_country=venue, venue_name=city, words=frozenset(words), topics=frozenset(topics),
        countries=frozenset(countries), pinned=pinned, document_dated=document_dated, published=published,
    )


def undated(weekday=4, **kw):
    return report(DateValue(weekday=weekday), **kw)


def groups(result):
    """The clusters as sets of report keys, for comparing."""
    return {frozenset(r.key for r in c) for c in result.clusters}


def together(*reports):
    return len(cluster(list(reports)).clusters) == 1


def test_an_undated_report_joins_the_single_fitting_dated_report_whichever_comes_first():
    dated, other = report(), undated()
    assert together(dated, other)
    assert together(other, dated)


def test_undated_reports_of_documents_without_a_date_join_when_they_name_the_same_people_and_town():
    a, b = (undated(weekday=None, people=(1, 2), words={"talks"}, venue="GR", city="Athens", document_dated=False) for _ in "ab")
    assert together(a, b)
    assert not together(a, undated(weekday=None, people=(1, 2), words={"talks"}, venue="GR", city="Thessaloniki", document_dated=False))
    assert not together(a, undated(weekday=None, people=(1, 3), words={"talks"}, venue="GR", city="Athens", document_dated=False))


def test_undated_reports_without_a_town_join_only_on_shared_wording():
    a = undated(weekday=None, people=(1, 2), kind="agreement", words=WORDS, venue="GR", document_dated=False)
    assert together(a, undated(weekday=None, people=(1, 2), kind="agreement", words=WORDS, document_dated=False))
    assert not together(a, undated(weekday=None, people=(1, 2), kind="agreement", words={"talks"}, document_dated=False))
    assert not together(a, undated(weekday=None, people=(1, 2), kind="meeting", words=WORDS, document_dated=False))


def test_undated_reports_naming_different_weekdays_do_not_join():
    a = undated(weekday=0, people=(1, 2), venue="GR", city="Athens", document_dated=False)
    assert not together(a, undated(weekday=3, people=(1, 2), venue="GR", city="Athens", document_dated=False))
    assert together(a, undated(weekday=None, people=(1, 2), venue="GR", city="Athens", document_dated=False))


def test_undated_reports_of_dated_documents_join_only_when_the_documents_are_of_one_week():
    day = datetime.date(2010, 10, 26)
    a = undated(weekday=None, people=(1, 2), venue="JP", city="Tokyo", published=day)
    assert together(a, undated(weekday=None, people=(1, 2), venue="JP", city="Tokyo", published=day - datetime.timedelta(days=1)))
    assert not together(a, undated(weekday=None, people=(1, 2), venue="JP", city="Tokyo", published=day.replace(year=2015)))
    # (a document without a date may be of any time)
    assert not together(a, undated(weekday=None, people=(1, 2), venue="JP", city="Tokyo", document_dated=False))


def test_undated_reports_join_only_when_every_two_of_them_fit():
    athens, thessaloniki = (undated(weekday=None, people=(1, 2), venue="GR", city=town, document_dated=False) for town in ("Athens", "Thessaloniki"))
    greece = undated(weekday=None, people=(1, 2), venue="GR", words=WORDS, document_dated=False)
    # (the report naming no town fits both on its words, but they are two towns: which is it?)
    assert len(cluster([athens, thessaloniki, greece]).clusters) == 3
    assert together(athens, greece) and together(thessaloniki, greece)


def test_an_undated_report_that_fits_a_dated_event_joins_no_undated_report():
    dated = report(people=(1, 2), venue="GR", city="Athens", words=WORDS)
    a, b = (undated(weekday=None, people=(1, 2), venue="GR", city="Athens", words=WORDS, document_dated=False) for _ in "ab")
    assert together(dated, a, b)  # both join the dated event, as the rule for undated reports says
    far = report(DateValue(datetime.date(2015, 1, 9), "day"), people=(1, 2), venue="GR", city="Athens", words=WORDS)
    result = cluster([dated, far, a, b])
    assert len(result.clusters) == 4  # two dated events fit: an editor decides, the two are not joined
    assert len(result.candidates) == 2


def test_an_undated_visit_naming_a_weekday_joins_a_visit_dated_a_day_later_when_no_visit_is_of_that_weekday():
    wednesday = DateValue(datetime.date(2024, 7, 10), "day", "on Wednesday", 2)
    dated = report(wednesday, kind="visit", people=(1,), venue="AT", words=WORDS)
    tuesday = undated(weekday=1, kind="visit", people=(1,), venue="AT", words=WORDS)  # "reached Austria on Tuesday"
    assert together(dated, tuesday)
    # (a meeting is of one day: no slack)
    assert not together(report(wednesday, words=WORDS, venue="AT"), undated(weekday=1, words=WORDS, venue="AT"))


def test_an_undated_report_of_a_traveller_alone_joins_the_visit_one_report_names_the_host_of():
    july_2 = DateValue(datetime.date(2025, 7, 2), "day", "on Wednesday", 2)
    with_host = report(july_2, kind="visit", people=(1, 2), venue="GH", words={"ghana", "visit", "first"})
    alone = report(july_2, kind="visit", people=(1,), words={"ghana", "visit", "accra"})
    undated_alone = undated(weekday=None, kind="visit", people=(1,), venue="GH", city="Accra", words={"accra", "ghana", "visit"})
    assert together(with_host, alone, undated_alone)
    # (not the host's report of the guest's visit: nothing names the host alone as travelling)
    host_alone = undated(weekday=None, kind="visit", people=(2,), venue="GH", city="Accra", words={"accra", "ghana", "visit"})
    assert len(cluster([with_host, alone, host_alone]).clusters) == 2


def test_an_undated_visit_to_a_country_joins_only_a_visit_some_report_places_there():
    monday = DateValue(datetime.date(2023, 1, 2), "day", "Monday", 0)
    nowhere = report(monday, kind="visit", people=(1,), words={"cyprus", "visit", "tour"})  # "arrived here from Cyprus"
    to_cyprus = undated(weekday=None, kind="visit", people=(1,), venue="CY", words={"cyprus", "visit", "first"})
    assert not together(nowhere, to_cyprus)
    placed = report(monday, kind="visit", people=(1,), venue="CY", words={"cyprus", "visit"})
    assert together(placed, to_cyprus)


def test_an_undated_report_with_two_fitting_dated_events_joins_none_and_lists_both():
    this_friday, friday_2020 = report(), report(DateValue(datetime.date(2020, 9, 4), "day"))
    lone = undated()
    result = cluster([this_friday, friday_2020, lone])
    assert len(result.clusters) == 3
    [(left_alone, candidates)] = result.candidates
    assert left_alone == lone
    of = result.cluster_of()
    assert candidates == sorted([of[this_friday.key], of[friday_2020.key]])


def test_an_undated_report_only_its_people_tie_to_one_event_joins_none_but_lists_it():
    dated = report(words={"czech", "bilateral"})
    lone = undated(weekday=None, words={"czech", "steady", "progress"})
    result = cluster([dated, lone])
    assert len(result.clusters) == 2
    [(left_alone, candidates)] = result.candidates
    assert left_alone == lone and candidates == [result.cluster_of()[dated.key]]


def test_an_undated_report_whose_passage_names_the_events_town_joins_it():
    dated = report(city="Windhoek", venue="NA", words={"energy", "health"})
    lone = undated(weekday=None, venue="NA", words={"namibian", "capital", "windhoek", "mous"})
    assert together(dated, lone)
    assert not together(report(city="Windhoek", venue="NA", words={"energy", "health"}), undated(weekday=None, venue="NA", words={"namibian", "mous"}))


def test_the_same_two_leaders_seven_years_apart_never_join():
    assert not together(report(), report(DateValue(datetime.date(2016, 4, 29), "day")))


def test_an_undated_report_sharing_only_the_people_does_not_join():
    assert not together(report(), undated(weekday=None, words={"weather", "rain"}))


def test_an_undated_report_of_the_same_people_naming_the_clusters_weekday_joins_without_shared_words():
    assert together(report(), undated(weekday=4, words={"weather", "rain"}))
    # (but not of fewer of its people, nor of another weekday)
    assert not together(report(people=(1, 2, 3)), undated(weekday=4, words={"weather", "rain"}))
    assert not together(report(), undated(weekday=3, words={"weather", "rain"}))


def test_an_undated_report_naming_another_weekday_does_not_join():
    assert not together(report(), undated(weekday=0))


def test_an_undated_report_naming_the_town_by_a_shorter_name_joins():
    # "Delhi" and "New Delhi": one town; "Tokyo" and "Hiroshima": two
    assert together(report(venue="IN", city="New Delhi"), undated(venue="IN", city="Delhi", words=set()))
    assert not together(report(venue="JP", city="Tokyo"), undated(venue="JP", city="Hiroshima"))


def test_an_undated_report_set_in_another_country_does_not_join():
    assert not together(report(venue="IN"), undated(venue="RU"))


def test_an_undated_report_naming_the_same_city_joins_without_shared_words():
    assert together(report(venue="IN", city="New Delhi"), undated(venue="IN", city="New Delhi", words=set()))


def test_reports_of_different_days_never_join():
    assert not together(report(FRIDAY), report(THURSDAY))


def test_a_day_inside_a_range_of_days_joins_the_range():
    range_ = DateValue(datetime.date(2023, 4, 27), "day", "April 27-28", end=datetime.date(2023, 4, 28))
    assert together(report(range_), report(FRIDAY))
    assert not together(report(range_), report(DateValue(datetime.date(2023, 4, 29), "day")))


def test_a_month_and_a_day_inside_it_agree():
    assert together(report(DateValue(datetime.date(2023, 4, 1), "month")), report())


def test_a_year_alone_joins_only_with_the_same_venue_country_and_shared_words():
    year = DateValue(datetime.date(2023, 1, 1), "year")
    assert not together(report(year), report())
    assert not together(report(year, venue="IN"), report(venue="IN", words={"weather", "rain"}))
    assert together(report(year, venue="IN"), report(venue="IN"))


def test_a_one_person_visit_does_not_join_a_two_person_meeting():
    assert not together(report(kind="visit", people=(1,)), report(kind="meeting", people=(1, 2)))


def test_a_visit_and_a_meeting_of_the_same_people_and_day_stay_two_events():
    assert not together(report(kind="visit"), report(kind="meeting"))


def test_a_summit_report_joins_a_meeting_report_of_the_same_people_and_day():
    assert together(report(kind="summit"), report(kind="meeting"))


def test_a_one_person_report_joins_a_report_naming_that_person():
    assert together(report(kind="visit", people=(1,)), report(kind="visit", people=(1, 2)))
    assert not together(report(kind="visit", people=(3,)), report(kind="visit", people=(1, 2)))


def test_reports_sharing_one_person_of_two_do_not_join():
    assert not together(report(people=(1, 2)), report(people=(1, 3)))


def test_a_countries_only_meeting_joins_another_of_the_same_countries_venue_and_day():
    sco = ("IN", "RU", "UZ")
    assert together(report(people=(), countries=sco, venue="UZ"), report(people=(), countries=sco, venue="UZ"))
    assert not together(report(people=(), countries=sco, venue="UZ"), report(people=(), countries=sco, venue="KZ"))
    assert not together(report(people=(), countries=sco, venue="UZ"), report(people=(), countries=sco[:2], venue="UZ"))


def test_reports_of_one_document_never_join():
    assert not together(report(doc="a"), report(doc="a"))


def test_a_cluster_never_holds_two_days():
    month = report(DateValue(datetime.date(2023, 4, 1), "month"))
    result = cluster([month, report(FRIDAY), report(THURSDAY)])
    assert len(result.clusters) == 2
    for members in result.clusters:
        assert len({r.date.date for r in members if r.date.precision == "day"}) <= 1


def test_reports_pinned_to_one_event_stay_together_even_when_the_rules_would_part_them():
    assert together(report(FRIDAY, pinned=7), report(THURSDAY, pinned=7))


def test_two_pinned_events_never_merge():
    assert not together(report(pinned=7), report(pinned=8))


def test_a_new_report_may_join_a_pinned_event():
    assert together(report(pinned=7), report())


def test_the_strongest_pair_wins_when_a_report_fits_two_that_cannot_be_together():
    month = report(DateValue(datetime.date(2023, 4, 1), "month"), people=(1, 2, 3))
    friday = report(FRIDAY, people=(1, 2, 3))
    thursday = report(THURSDAY, people=(1, 2))
    result = cluster([thursday, month, friday])
    assert groups(result) == {frozenset({month.key, friday.key}), frozenset({thursday.key})}


def test_an_explicit_date_wins_over_one_taken_from_the_publication_date():
    from_publication = report(DateValue(datetime.date(2023, 4, 28), "day", "the date of the report (28 Apr 2023)"))
    stated = report(DateValue(datetime.date(2023, 4, 27), "day", "March 27-28", end=datetime.date(2023, 4, 28)))
    assert best_date([from_publication, stated]) == stated
    assert best_date([undated()]) is None


def test_a_report_dated_by_its_publication_joins_the_stated_day_of_the_week_before_and_takes_it():
    reprint = report(DateValue(datetime.date(2023, 4, 30), "day", "the date of the report (published 2023-04-30)"), venue="BR")
    stated = report(THURSDAY, venue="BR")
    result = cluster([reprint, stated])
    assert groups(result) == {frozenset({reprint.key, stated.key})}
    assert best_date(result.clusters[0]) == stated
    # (not a day after its publication, nor more than a week before it, nor in another country)
    for other in (
        report(DateValue(datetime.date(2023, 5, 1), "day", "on Monday", 0), venue="BR"),
        report(DateValue(datetime.date(2023, 4, 20), "day", "on Thursday", 3), venue="BR"),
        report(THURSDAY, venue="IN"),
    ):
        assert len(cluster([reprint, other]).clusters) == 2


def test_two_reports_dated_by_their_publication_a_day_apart_are_one_event_of_the_earlier_day():
    published = lambda day: DateValue(datetime.date(2023, 4, day), "day", f"the date of the report (published 2023-04-{day})")
    first, wire = report(published(20), venue="IN"), report(published(21), venue="IN")
    result = cluster([wire, first])
    assert groups(result) == {frozenset({first.key, wire.key})}
    assert best_date(result.clusters[0]) == first
    # (not two days apart, nor in two countries)
    assert not together(first, report(published(22), venue="IN"))
    assert not together(first, report(published(21), venue="US"))


def test_the_same_meeting_a_day_apart_is_a_near_miss():
    a, b = report(FRIDAY), report(THURSDAY)
    result = cluster([a, b])
    dates = [best_date(c).date for c in result.clusters]
    assert near_misses(result.clusters, dates) == [(0, 1)]


# Any order of the same reports gives the same clusters.

DAYS = [datetime.date(2023, 4, d) for d in (26, 27, 28)] + [datetime.date(2016, 4, 29)]
DATES = st.one_of(
    st.sampled_from(DAYS).map(lambda d: DateValue(d, "day", "on that day", d.weekday())),
    st.sampled_from(DAYS).map(lambda d: DateValue(d, "day", "the date of the report", end=d + datetime.timedelta(days=1))),
    st.sampled_from(DAYS).map(lambda d: DateValue(d.replace(day=1), "month", "in that month")),
    st.sampled_from(DAYS).map(lambda d: DateValue(d.replace(month=1, day=1), "year", "that year")),
    st.sampled_from([None, 3, 4]).map(lambda w: DateValue(weekday=w)),
)
REPORTS = st.tuples(
    st.sampled_from(["d1", "d2", "d3", "d4", "d5", "d6"]),
    st.sampled_from(["meeting", "summit", "visit", "agreement"]),
    st.frozensets(st.sampled_from([1, 2, 3, 4]), max_size=3),
    DATES,
    st.sampled_from([(None, None), ("IN", None), ("IN", "New Delhi"), ("RU", "Moscow")]),
    st.frozensets(st.sampled_from(["sco", "defence", "cooperation", "trade", "weather"]), max_size=4),
    st.frozensets(st.sampled_from(["IN", "RU", "UZ"]), max_size=3),
    st.sampled_from([None, None, None, 100, 200]),
)


def generated(specs):
    return [
        Report(key=(doc, n * 10, 0), document=doc, kind=kind, participants=people, date=date, venue_country=venue[0],
               venue_name=venue[1], words=words, countries=countries, pinned=pinned, document_dated=doc not in ("d5", "d6"))
        for n, (doc, kind, people, date, venue, words, countries, pinned) in enumerate(specs)
    ]


def outcome(result):
    return (
        [[r.key for r in members] for members in result.clusters],
        [(r.key, candidates) for r, candidates in result.candidates],
    )


@settings(max_examples=300, deadline=None)
@given(st.lists(REPORTS, max_size=14).map(generated).flatmap(lambda rs: st.tuples(st.just(rs), st.permutations(rs))))
def test_any_order_of_the_same_reports_gives_the_same_clusters(pair):
    reports, shuffled = pair
    assert outcome(cluster(shuffled)) == outcome(cluster(reports))


@settings(max_examples=200, deadline=None)
@given(st.lists(REPORTS, max_size=14).map(generated))
def test_no_cluster_joins_reports_of_one_document_or_of_different_days_unless_pinned(reports):
    """(but two reports of one visit to one country may date it VISIT_SLACK_DAYS apart: one by the
    arrival, the other by the day it is written)"""
    for members in cluster(reports).clusters:
        free = [r for r in members if r.pinned is None]
        assert len({r.document for r in free}) == len(free)
        days = sorted({r.date.date for r in members if r.date.precision == "day" and r.date.end is None})
        if any(r.pinned is not None for r in members) or len(days) <= 1:
            continue
        assert all(r.kind == "visit" for r in members)
        assert (days[-1] - days[0]).days <= VISIT_SLACK_DAYS


def test_an_undated_report_joins_none_when_the_same_people_met_on_two_days_even_if_the_wording_fits_one():
    """Wording is evidence only once the people and the weekday leave a single candidate."""
    summit = report(DateValue(datetime.date(2023, 11, 15), "day"), words={"fentanyl", "military", "communications"})
    call = report(DateValue(datetime.date(2024, 4, 2), "day"), words={"taiwan", "phone"})
    lone = report(DateValue(), words={"fentanyl", "military"})
    result = cluster([summit, call, lone])
    assert len(result.clusters) == 3
    [(left_alone, candidates)] = result.candidates
    of = result.cluster_of()
    assert left_alone == lone and candidates == sorted([of[summit.key], of[call.key]])


def test_a_phone_call_never_joins_a_meeting_held_at_a_venue():
    call = report(FRIDAY)
    call.remote = True
    assert not together(call, report(FRIDAY, venue="JP", city="Tokyo"))
    assert together(call, report(FRIDAY))  # a report that says nothing of where may be the call


def test_a_phone_call_is_no_summit_but_a_virtual_summit_is_a_call():
    call = report(FRIDAY)
    call.remote = True
    assert not together(call, report(FRIDAY, kind="summit"))
    virtual = report(FRIDAY, kind="summit")
    virtual.remote = True
    assert together(call, virtual)


def test_an_undated_report_naming_a_day_and_month_joins_only_a_cluster_of_that_day():
    november, april = report(DateValue(datetime.date(2023, 11, 15), "day")), report(DateValue(datetime.date(2024, 4, 2), "day"))
    lone = report(DateValue(month_day=(4, 2)))
    result = cluster([november, april, lone])
    of = result.cluster_of()
    assert of[lone.key] == of[april.key] != of[november.key]


def test_an_event_takes_the_venue_a_report_states_before_the_city_another_is_filed_from():
    from events.clustering import venue_report

    stated = report(venue="RU", city="Sochi")
    filed = report(venue="TR", city="Istanbul")
    filed.venue_stated = False
    assert venue_report([filed, stated]) is stated


def test_a_report_of_an_earlier_meeting_never_joins_one_on_or_after_its_reports_day():
    today = report(DateValue(datetime.date(2023, 9, 13), "day"))
    earlier = report(DateValue(evidence="the report sets it before its own time (“previous”)"))
    earlier.before = datetime.date(2023, 9, 13)
    result = cluster([today, earlier])
    assert len(result.clusters) == 2


def test_an_undated_report_naming_one_leader_at_a_summit_joins_the_summit_that_names_more():
    """A summit has many people: "Putin opened the summit on Thursday" is the summit whose other
    report names Putin and Ramaphosa. A meeting report needs the same people, or two of them."""
    summit = report(THURSDAY, kind="summit", people=(1, 2))
    assert together(summit, undated(weekday=3, kind="summit", people=(1,)))
    assert not together(report(THURSDAY, people=(1, 2)), undated(weekday=3, people=(1,)))


def test_an_undated_report_written_after_a_day_joins_no_event_that_ended_before_it():
    dated = report()  # Friday 28 April 2023
    later = undated()
    later.after = datetime.date(2023, 9, 1)
    assert not together(dated, later)
    later.after = datetime.date(2023, 4, 1)
    assert together(dated, later)


def test_reports_of_a_summit_at_one_place_join_whichever_leaders_they_name():
    one = report(kind="summit", people=(1,), venue="ID", city="Jakarta")
    other = report(kind="summit", people=(2,), venue="ID", city="Jakarta")
    assert together(one, other)
    assert not together(report(kind="summit", people=(1,), venue="ID", city="Jakarta"),
                        report(kind="summit", people=(2,), venue="ID", city="Bali"))
    assert not together(report(kind="meeting", people=(1, 3), venue="ID"), report(kind="meeting", people=(2, 4), venue="ID"))


def test_an_undated_report_naming_a_day_and_month_does_not_join_an_event_of_another_month():
    november = report(DateValue(datetime.date(2022, 11, 1), "month"))
    april_second = report(DateValue(month_day=(4, 2)))
    assert not together(november, april_second)


def test_of_several_fitting_events_an_undated_report_joins_the_one_its_wording_clearly_singles_out():
    apec = report(DateValue(datetime.date(2023, 11, 15), "day"), kind="summit",
                  words={"asia-pacific", "economic", "cooperation", "summit", "san", "francisco", "woodside"})
    bali = report(DateValue(datetime.date(2022, 11, 14), "day"), words={"g20", "bali", "indonesia", "summit"})
    recalled = undated(weekday=None, kind="summit", words={"asia-pacific", "economic", "cooperation", "summit", "previous"})
    result = cluster([apec, bali, recalled])
    assert {frozenset({apec.key, recalled.key}), frozenset({bali.key})} == groups(result)
    # the same people and no telling wording: none, both offered to an editor
    vague = undated(weekday=None, kind="summit", words={"summit", "leaders", "talks"})
    result = cluster([apec, bali, vague])
    assert len(result.clusters) == 3 and result.candidates


def test_reports_of_a_visit_dated_by_its_arrival_and_by_the_day_after_join():
    arrival = report(THURSDAY, kind="visit", people=(1,), venue="CN")
    next_day = report(FRIDAY, kind="visit", people=(1,), venue="CN")
    assert together(arrival, next_day)
    week_later = report(DateValue(datetime.date(2023, 5, 5), "day"), kind="visit", people=(1,), venue="CN")
    assert not together(arrival, week_later)
    assert not together(report(THURSDAY, people=(1, 2), venue="CN"), report(FRIDAY, people=(1, 2), venue="CN"))


def test_an_undated_report_of_a_meeting_in_one_town_does_not_join_a_meeting_in_another():
    tokyo = report(kind="summit", venue="JP", city="Tokyo")
    assert not together(tokyo, undated(weekday=None, venue="JP", city="Hiroshima"))
    assert together(tokyo, undated(weekday=None, venue="JP", city="Tokyo"))


def test_an_undated_report_of_a_visit_that_also_names_its_host_joins_the_travellers_visit():
    arrival = report(FRIDAY, kind="visit", people=(1,), venue="US", words={"state", "visit", "washington"})
    hosted = report(DateValue(), kind="visit", people=(1, 2), venue="US", words={"state", "visit", "invitation"})
    assert together(arrival, hosted)
    # but a report of another traveller's visit does not
    other = report(DateValue(), kind="visit", people=(2, 3), venue="US", words={"state", "visit", "invitation"})
    assert not together(arrival, other)



def test_a_meeting_of_one_day_is_not_a_summit_of_several_days_it_was_held_at():
    summit_days = DateValue(datetime.date(2023, 4, 27), "day", "“April 27-29”", end=datetime.date(2023, 4, 29))
    assert not together(report(kind="meeting"), report(summit_days, kind="summit"))
    assert together(report(kind="meeting"), report(kind="summit"))  # (a two-leader summit of that day is the meeting)


# A document without a date tells of one time: its reports of two people or more single it out.

VISIT_WORDS = frozenset(content_words("two-day visit to India defence cooperation"))
DIALOGUE_WORDS = frozenset(content_words("third annual defence dialogue Make in India"))


def dated_visit(day):
    return report(DateValue(day, "day"), kind="visit", people=(1,), words=VISIT_WORDS, venue="IN")


def undated_story():
    """The 2021 dialogue, and an undated document's report of it and of the visit it was on."""
    dialogue_2021 = report(DateValue(datetime.date(2021, 12, 17), "day"), people=(1, 2), words=DIALOGUE_WORDS, venue="IN")
    dialogue = undated(weekday=None, people=(1, 2), words=DIALOGUE_WORDS, venue="IN", doc="undated", document_dated=False)
    return dialogue_2021, dialogue, undated_visit()


def undated_visit():
    return undated(weekday=None, kind="visit", people=(1,), words=VISIT_WORDS, venue="IN", doc="undated", document_dated=False)


def test_a_one_person_report_of_an_undated_document_joins_no_event_years_from_the_time_its_other_reports_give():
    visit_2017 = dated_visit(datetime.date(2017, 10, 27))
    dialogue_2021, dialogue, visit = undated_story()
    of = cluster([visit_2017, dialogue_2021, dialogue, visit]).cluster_of()
    assert of[dialogue.key] == of[dialogue_2021.key]
    assert of[visit.key] != of[visit_2017.key]


def test_without_reports_of_two_people_an_undated_documents_visit_joins_as_before():
    assert together(dated_visit(datetime.date(2017, 10, 27)), undated_visit())


def test_a_one_person_report_near_the_time_its_document_tells_of_joins():
    visit_2021 = dated_visit(datetime.date(2021, 12, 16))
    dialogue_2021, dialogue, visit = undated_story()
    of = cluster([visit_2021, dialogue_2021, dialogue, visit]).cluster_of()
    assert of[visit.key] == of[visit_2021.key] and of[dialogue.key] == of[dialogue_2021.key]


def test_a_visit_takes_its_first_day_of_those_its_reports_give():
    talks_day = report(FRIDAY, kind="visit", people=(1,), venue="SG")
    arrival = report(THURSDAY, kind="visit", people=(1,), venue="SG")
    assert best_date([talks_day, arrival]) == arrival  # whichever report came first
    assert best_date([arrival, talks_day]) == arrival
    # other events keep the earliest report's day
    assert best_date([report(FRIDAY), report(THURSDAY)]).date.date == FRIDAY.date
