"""One event, many reports: reports of one real event join; others never do."""

import datetime

import pytest

from events.extraction.merge import Report, best_match, content_words
from events.extraction.types import DateValue
from events.ingest import ingest_text
from events.models import Event, Person

FRIDAY = DateValue(datetime.date(2023, 4, 28), "day")
WORDS = content_words("bilateral meeting on the sidelines of the Shanghai Cooperation Organisation SCO")


def report(date=FRIDAY, kind="meeting", people=(1, 2), weekdays=(), words=WORDS, doc=1, venue=None):
    return Report(kind, frozenset(people), date, set(weekdays), venue, set(words), {doc}, ref=doc)


def test_an_undated_report_naming_the_weekday_joins_the_dated_one():
    match, evidence = best_match(report(DateValue(weekday=4), weekdays=[4], doc=2), [report()])
    assert match is not None and "Friday" in evidence and "2023-04-28" in evidence


def test_an_undated_report_naming_another_weekday_does_not_join():
    assert best_match(report(DateValue(weekday=0), weekdays=[0], doc=2), [report()])[0] is None


def test_an_undated_report_with_nothing_in_common_does_not_join():
    assert best_match(report(DateValue(weekday=4), weekdays=[4], words={"weather"}, doc=2), [report()])[0] is None


def test_an_undated_report_set_elsewhere_does_not_join():
    dated = report(venue="IN")
    assert best_match(report(DateValue(weekday=4), weekdays=[4], doc=2, venue="RU"), [dated])[0] is None


def test_reports_of_different_dates_never_join():
    other_day = DateValue(datetime.date(2023, 4, 27), "day")
    assert best_match(report(other_day, doc=2), [report()])[0] is None


def test_a_month_and_a_day_inside_it_agree():
    month = DateValue(datetime.date(2023, 4, 1), "month")
    assert best_match(report(month, doc=2), [report()])[0] is not None


@pytest.mark.parametrize("change", [{"kind": "agreement"}, {"people": (1, 3)}, {"people": (1,)}])
def test_other_kinds_or_people_do_not_join(change):
    assert best_match(report(doc=2, **change), [report()])[0] is None


def test_reports_from_the_same_document_are_left_as_the_extractor_split_them():
    assert best_match(report(doc=1), [report(doc=1)])[0] is None


UNDATED = (
    "Defence Minister Rajnath Singh and his Russian counterpart General Sergei K Shoigu on Friday held a "
    "bilateral meeting on the sidelines of the Shanghai Cooperation Organisation (SCO) Defence Ministers’ meeting."
)
DATED = (
    "Defence Minister Rajnath Singh on Friday met his Russian counterpart Sergey Shoigu in New Delhi on the "
    "sidelines of the Shanghai Cooperation Organisation (SCO) Defence Ministers’ meet."
)


@pytest.mark.parametrize("order", [("undated", "dated"), ("dated", "undated")])
def test_reports_of_one_meeting_from_two_outlets_are_one_event(db, order):
    texts = {"undated": (UNDATED, None), "dated": (DATED, datetime.date(2023, 4, 28))}
    for name in order:
        text, published = texts[name]
        ingest_text(text, f"{name}.txt", published=published)
    event = Event.objects.get()
    assert {s.document.filename for s in event.sources.all()} == {"undated.txt", "dated.txt"}
    assert (event.date, event.date_precision) == (datetime.date(2023, 4, 28), "day")
    assert "Friday" in event.date_evidence


def test_spellings_of_one_person_become_one_person_with_aliases(db):
    ingest_text(UNDATED, "a.txt")
    ingest_text(DATED, "b.txt", published=datetime.date(2023, 4, 28))
    shoigu = Person.objects.get(name__contains="Shoigu")
    assert {shoigu.name, *shoigu.aliases} == {"Sergei K Shoigu", "Sergey Shoigu"}
    assert shoigu.country_id == "RU"


def test_reports_that_disagree_on_the_venue_are_flagged(db):
    ingest_text(DATED, "b.txt", published=datetime.date(2023, 4, 28))
    ingest_text(DATED.replace("New Delhi", "Moscow") + " It was cold.", "c.txt", published=datetime.date(2023, 4, 28))
    event = Event.objects.get()
    assert event.needs_review and "venue" in event.review_reason


def test_a_country_learnt_later_reaches_the_persons_earlier_events(db):
    ingest_text("Defence Minister Rajnath Singh met Foreign Minister Ivan Petrov on Friday.", "a.txt", published=datetime.date(2023, 4, 28))
    event = Event.objects.get()
    assert "IN" not in {c.code for c in event.countries.all()}
    ingest_text("Indian Defence Minister Rajnath Singh met Foreign Minister Wang Yi on Monday.", "b.txt", published=datetime.date(2023, 5, 2))
    assert Person.objects.get(name="Rajnath Singh").country_id == "IN"
    assert "IN" in {c.code for c in event.countries.all()}


def test_the_name_without_initials_becomes_the_persons_name(db):
    ingest_text(UNDATED, "a.txt")
    ingest_text(DATED.replace("Sergey", "Sergei"), "b.txt", published=datetime.date(2023, 4, 28))
    shoigu = Person.objects.get(name__contains="Shoigu")
    assert shoigu.name == "Sergei Shoigu" and "Sergei K Shoigu" in shoigu.aliases


def test_titles_follow_the_persons_name_and_the_more_precise_venue(db):
    ingest_text(UNDATED + " This is the Russian Defence Minister’s first visit to India.", "a.txt")
    event = Event.objects.get()
    assert event.title == "Rajnath Singh meets Sergei K Shoigu in India"
    ingest_text(DATED.replace("Sergey", "Sergei"), "b.txt", published=datetime.date(2023, 4, 28))
    event.refresh_from_db()
    assert event.title == "Rajnath Singh meets Sergei Shoigu in New Delhi"
    assert event.venue.name == "New Delhi"


def test_an_editors_title_is_kept(db):
    ingest_text(UNDATED, "a.txt")
    event = Event.objects.get()
    event.title = "Singh–Shoigu talks"
    event.mark_edited(["title"])
    event.save()
    ingest_text(DATED.replace("Sergey", "Sergei"), "b.txt", published=datetime.date(2023, 4, 28))
    event.refresh_from_db()
    assert event.title == "Singh–Shoigu talks"


def test_the_same_meeting_reported_a_day_apart_stays_two_events_both_flagged(db):
    ingest_text(DATED, "b.txt", published=datetime.date(2023, 4, 28))
    ingest_text(DATED.replace("on Friday", "on Thursday") + " Later.", "c.txt", published=datetime.date(2023, 4, 28))
    first, second = Event.objects.order_by("date")
    assert (first.date, second.date) == (datetime.date(2023, 4, 27), datetime.date(2023, 4, 28))
    assert first.needs_review and second.needs_review
    assert "28 Apr 2023" in first.review_reason and "27 Apr 2023" in second.review_reason


def test_meetings_of_other_people_on_nearby_days_are_not_flagged(db):
    ingest_text(DATED, "b.txt", published=datetime.date(2023, 4, 28))
    ingest_text(DATED.replace("on Friday", "on Thursday").replace("Sergey Shoigu", "Bakhodir Kurbanov"), "c.txt", published=datetime.date(2023, 4, 28))
    assert not Event.objects.filter(needs_review=True).exists()


def test_a_report_dated_only_to_the_year_does_not_join_another_report():
    year = DateValue(datetime.date(2020, 1, 1), "year")
    day = DateValue(datetime.date(2020, 6, 5), "day")
    assert best_match(report(year, doc=2), [report(day)])[0] is None
    assert best_match(report(year, doc=2), [report(year)])[0] is None


def test_an_undated_report_that_fits_two_dated_events_joins_neither():
    friday_2020 = report(DateValue(datetime.date(2020, 9, 4), "day"), doc=3)
    undated = report(DateValue(weekday=4), weekdays=[4], doc=2)
    assert best_match(undated, [report(), friday_2020])[0] is None
    assert best_match(undated, [report()])[0] is not None
