"""The events do not depend on the order documents arrive in: the same texts ingested in different
orders give the same events, with the same passages, kinds and dates."""

import random
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.models import Document, Event, Person, Place, Suppression

DEV_TEXTS = Path(settings.BASE_DIR).parent / "shared" / "dev" / "texts"
SEEDS = Path(settings.BASE_DIR) / "fixtures" / "documents"


def texts(folder):
    files = sorted(folder.glob("*.txt"))
    assert files, f"no .txt files in {folder}: this test needs the development corpus beside the checkout"
    return files


def events_after_ingesting(files):
    """Ingest the files in this order into an empty database; the events as comparable values."""
    Event.objects.all().delete()
    Document.objects.all().delete()
    Suppression.objects.all().delete()
    Person.objects.all().delete()
    Place.objects.all().delete()
    call_command("ingest", *map(str, files), stdout=StringIO(), stderr=StringIO())
    assert Document.objects.count() == len(files)
    return {
        (
            frozenset((s.document.filename, s.start, s.end) for s in event.sources.all()),
            event.kind,
            event.date,
            event.date_precision,
            event.date_end,
        )
        for event in Event.objects.prefetch_related("sources__document")
    }


def in_order(files, seed):
    shuffled = list(files)
    random.Random(seed).shuffle(shuffled)
    return shuffled


def differences(a, b):
    return sorted(a - b, key=repr)[:5], sorted(b - a, key=repr)[:5]


@pytest.mark.django_db
def test_the_development_corpus_gives_the_same_events_in_any_order():
    files = texts(DEV_TEXTS)
    first = events_after_ingesting(in_order(files, 1))
    assert first, "the development corpus gave no event"
    for seed in (2, 3):
        again = events_after_ingesting(in_order(files, seed))
        assert again == first, f"order {seed} differs: {differences(again, first)}"


@pytest.mark.django_db
def test_the_sample_articles_give_the_same_events_in_either_order():
    files = texts(SEEDS)
    forward = events_after_ingesting(files)
    assert forward
    backward = events_after_ingesting(list(reversed(files)))
    assert backward == forward, f"reversed order differs: {differences(backward, forward)}"
