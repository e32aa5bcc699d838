"""The events do not depend on the order documents arrive in: the same texts ingested in different
orders, one document at a time, give the same events, with the same passages, kinds and dates; and
`manage.py ingest`, which clusters a batch of documents at once, gives those events too."""

import itertools
import random
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from events.ingest import ingest_text
from events.models import Document, Event, Person, Place, Suppression

DEV_TEXTS = Path(settings.BASE_DIR).parent / "shared" / "dev" / "texts"
SEEDS = Path(settings.BASE_DIR) / "fixtures" / "documents"


def texts(folder):
    files = sorted(folder.glob("*.txt"))
    assert files, f"no .txt files in {folder}: this test needs the development corpus beside the checkout"
    return files


def events_after_ingesting(files, batch=False):
    """Ingest the files in this order into an empty database, one at a time (or with the ingest
    command's batches); the events as comparable values."""
    Event.objects.all().delete()
    Document.objects.all().delete()
    Suppression.objects.all().delete()
    Person.objects.all().delete()
    Place.objects.all().delete()
    if batch:
        call_command("ingest", *map(str, files), stdout=StringIO(), stderr=StringIO())
    else:
        for path in files:
            ingest_text(path.read_text(encoding="utf-8"), path.name)
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


@pytest.mark.django_db
def test_the_ingest_commands_batches_give_the_events_of_one_document_at_a_time():
    files = texts(DEV_TEXTS)
    one_at_a_time = events_after_ingesting(in_order(files, 4))
    batched = events_after_ingesting(in_order(files, 5), batch=True)
    assert batched == one_at_a_time, f"batches differ: {differences(batched, one_at_a_time)}"


UNDATED_STORY = {
    "visit-2017.txt": " date 2017-10-27 French Armed Forces Minister Florence Parly arrived in New Delhi on Friday on a "
    "two-day visit to India to boost defence cooperation.",
    "dialogue-2021.txt": " date 2021-12-17 Defence Minister Rajnath Singh met his French counterpart Florence Parly "
    "in New Delhi on Friday for the third annual India-France defence dialogue on Make in India.",
    "undated.txt": "Defence Minister Rajnath Singh and his French counterpart Florence Parly held talks at the third "
    "annual India-France defence dialogue in New Delhi on Make in India.\n\nParly, on a two-day visit to India to boost "
    "defence cooperation, also called on Prime Minister Narendra Modi.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("order", list(itertools.permutations(UNDATED_STORY)))
def test_an_undated_documents_visit_joins_no_visit_of_another_year_whichever_document_comes_first(order):
    Event.objects.all().delete()
    Document.objects.all().delete()
    for name in order:
        ingest_text(UNDATED_STORY[name], name)
    sources = [{s.document.filename for s in e.sources.all()} for e in Event.objects.prefetch_related("sources__document")]
    assert {"undated.txt", "dialogue-2021.txt"} in sources  # the undated report of the dialogue is the 2021 dialogue's
    assert not any({"undated.txt", "visit-2017.txt"} <= found for found in sources)
