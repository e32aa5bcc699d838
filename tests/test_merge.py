"""One event, many reports, through ingest: reports of one real event join; others never do. The
rules themselves are tested without a database in tests/test_clustering.py."""

import datetime

import pytest

from events.ingest import ingest_text
from events.models import Event, Person

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


@pytest.mark.parametrize("order", [("undated", "dated"), ("dated", "undated")])
def test_an_undated_report_that_says_it_is_years_later_does_not_join_an_earlier_event(db, order):
    """Without a publication date, "the first such talks in more than four years", the last "in late
    2019", puts the report after September 2023: the same people's meeting of a Friday in April 2023
    is not its event, however well the rest fits."""
    later = UNDATED + " It was their first meeting in more than four years. Their last meeting was in late 2019."
    texts = {"undated": (later, None), "dated": (DATED, datetime.date(2023, 4, 28))}
    for name in order:
        text, published = texts[name]
        ingest_text(text, f"{name}.txt", published=published)
    assert Event.objects.count() == 2
    assert not Event.objects.get(sources__document__filename="undated.txt").date


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_reports_of_one_summit_naming_different_leaders_are_one_event(db, order):
    texts = [
        "Prime Minister Anthony Albanese attended the ASEAN summit in Jakarta on Tuesday.",
        "President Joko Widodo opened the ASEAN summit in Jakarta on Tuesday.",
    ]
    for n in order:
        ingest_text(texts[n], f"summit{n}.txt", published=datetime.date(2024, 3, 12))
    [event] = [e for e in Event.objects.all() if e.kind == "summit"]
    assert event.sources.count() == 2
    assert set(event.participants.values_list("name", flat=True)) == {"Anthony Albanese", "Joko Widodo"}


COMING = "Defence Minister Ana Costa, who is visiting Lisbon, will call on Prime Minister Rui Lopes during her visit."
MET = "Defence Minister Ana Costa met Prime Minister Rui Lopes in Lisbon on Friday."


def ingest_in_order(texts, order):
    """Ingest (text, publication date, file name) triples in the given order of their indexes."""
    for n in order:
        text, published, name = texts[n]
        ingest_text(text, name, published=published)


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_coming_meeting_without_a_date_does_not_join_the_same_peoples_meeting_years_later(db, order):
    texts = [(COMING, datetime.date(2017, 10, 27), "coming.txt"), (MET, datetime.date(2021, 12, 17), "met.txt")]
    ingest_in_order(texts, order)
    coming = Event.objects.get(kind="meeting", sources__document__filename="coming.txt")
    assert coming.date is None
    assert not coming.sources.filter(document__filename="met.txt").exists()


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_an_undated_meeting_a_report_tells_as_done_does_not_join_a_later_meeting(db, order):
    told = (
        "President Ravi Perera met Chancellor Mia Berg in Berlin on Monday. "
        "Defence Minister Ana Costa met Prime Minister Rui Lopes in Lisbon."
    )
    texts = [(told, datetime.date(2020, 3, 2), "told.txt"), (MET, datetime.date(2021, 12, 17), "met.txt")]
    ingest_in_order(texts, order)
    met = Event.objects.get(sources__document__filename="met.txt")
    assert not met.sources.filter(document__filename="told.txt").exists()


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_coming_meeting_without_a_date_joins_the_same_peoples_meeting_soon_after(db, order):
    texts = [(COMING, datetime.date(2021, 12, 15), "coming.txt"), (MET, datetime.date(2021, 12, 17), "met.txt")]
    ingest_in_order(texts, order)
    met = Event.objects.get(sources__document__filename="met.txt")
    assert met.sources.filter(document__filename="coming.txt").exists()


def test_an_undated_report_only_its_people_tie_to_an_event_is_flagged_as_possibly_it(db):
    ingest_text(
        "External Affairs Minister Ravi Perera on Sunday met Czech Foreign Minister Jan Novak in Prague to discuss trade.",
        "dated.txt", published=datetime.date(2022, 6, 6),
    )
    ingest_text("Ravi Perera also met his Czech counterpart Jan Novak and had a productive discussion on steady progress.", "undated.txt")
    dated, undated = Event.objects.get(date__isnull=False), Event.objects.get(date__isnull=True)
    assert dated.needs_review and "Possibly the same event" in dated.review_reason
    assert undated.needs_review and dated.title in undated.review_reason
