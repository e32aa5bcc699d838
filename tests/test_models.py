import datetime

import pytest
from django.db import IntegrityError, transaction

from events.models import Document, Event, Source


def test_a_document_is_stored_once_per_text(db):
    Document.objects.create(text="Same text.", filename="a.txt")
    with pytest.raises(IntegrityError):
        Document.objects.create(text="Same text.", filename="b.txt")


def test_source_text_is_the_documents_own_slice(make_event):
    event = make_event(title="Singh meets Shoigu")
    source = event.sources.get()
    assert source.text == "Singh meets Shoigu"
    assert source.document.text[source.start : source.end] == source.text


def test_an_empty_source_span_is_refused(make_event):
    event = make_event()
    source = event.sources.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(event=event, document=source.document, start=5, end=5)


def test_a_known_precision_needs_a_date(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.bulk_create([Event(title="x", date=None, date_precision="day", date_precision_rank=0)])


def test_month_precision_covers_the_whole_month(db):
    event = Event.objects.create(title="x", date=datetime.date(2020, 9, 17), date_precision="month")
    assert (event.date, event.date_end) == (datetime.date(2020, 9, 1), datetime.date(2020, 9, 30))
    assert event.date_iso == "2020-09"
    assert event.date_label == "Sep 2020"


def test_range_filter_overlaps_the_period(db):
    month = Event.objects.create(title="month", date=datetime.date(2020, 9, 1), date_precision="month")
    Event.objects.create(title="later", date=datetime.date(2021, 1, 5), date_precision="day")
    Event.objects.create(title="undated")
    assert list(Event.objects.between(datetime.date(2020, 9, 15), datetime.date(2020, 12, 31))) == [month]


def test_undated_events_sort_last(db):
    undated = Event.objects.create(title="undated")
    year = Event.objects.create(title="year", date=datetime.date(2020, 1, 1), date_precision="year")
    day = Event.objects.create(title="day", date=datetime.date(2020, 1, 1), date_precision="day")
    assert list(Event.objects.chronological()) == [day, year, undated]


def test_a_range_of_days_is_labelled_from_its_first_to_its_last_day():
    from events.models import date_label

    assert date_label(datetime.date(2023, 3, 20), "day", datetime.date(2023, 3, 22)) == "20–22 Mar 2023"
    assert date_label(datetime.date(2023, 7, 31), "day", datetime.date(2023, 8, 2)) == "31 Jul – 2 Aug 2023"
    assert date_label(datetime.date(2023, 3, 20), "day") == "20 Mar 2023"
