"""The extraction meets its targets on the five sample articles, scored by events/evaluation.py (the
rules of ../shared/tools/score.py) against the hand-made answer key (tests/data/seeds_gold.json, a
copy of the shared gold file)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from events.evaluation import score

GOLD = Path(__file__).parent / "data" / "seeds_gold.json"


@pytest.fixture
def figures(seeded):
    out = StringIO()
    call_command("export_events", "--format", "json", stdout=out)
    return score(json.loads(GOLD.read_text(encoding="utf-8")), json.loads(out.getvalue())).figures


def test_every_reported_event_is_found(figures):
    assert figures["mention_recall"] >= 0.95


def test_derivable_dates_are_right_and_no_date_is_wrong(figures):
    assert figures["date_right_derivable"] == 1.0
    assert figures["date_wrong"] == 0


def test_participants_are_precise_and_complete(figures):
    assert figures["participant_p"] >= 0.9 and figures["participant_r"] >= 0.9


def test_venues_are_in_the_right_country(figures):
    assert figures["venue_country"] >= 0.9


def test_reports_of_one_event_merge_and_different_dates_never_do(figures):
    assert figures["merge_rate"] == 1.0
    assert figures["overmerged_events"] == 0


def test_sources_and_events_are_precise(figures):
    assert figures["span_precision"] >= 0.9
    assert figures["event_precision"] >= 0.8
