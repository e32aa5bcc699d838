"""The scorer's rules (events/evaluation.py), on small hand-made answer keys and exports, and
`manage.py evaluate` end to end on a tiny corpus of its own (tests/data/evaluation)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.evaluation import check, date_verdict, diagnosis, same_person, score

CORPUS = Path(__file__).parent / "data" / "evaluation"
SINGH_SHOIGU = ("Rajnath Singh", "Sergei Shoigu")


def mention(cluster="singh-shoigu", kind="meeting", date="2023-04-28", date_end=None, derivable=True,
            people=SINGH_SHOIGU, evidence=((100, 200),), venue=("New Delhi", "IN")):
    """A gold mention; each person is named in the text under their own name."""
    g = {
        "cluster": cluster, "kind": kind, "date": date, "date_derivable": derivable,
        "participants": [{"name": n, "aliases_in_text": [n], "country": "", "role": ""} for n in people],
        "venue": {"city": venue[0], "country": venue[1]} if venue else None,
        "evidence": [list(span) for span in evidence],
    }
    if date_end:
        g["date_end"] = date_end
    return g


def gold(**articles):
    """An answer key: gold(a=[mention(), ...], b=[...]) for articles a.txt, b.txt."""
    return {"version": 1, "articles": [{"file": f"{name}.txt", "events": events} for name, events in articles.items()]}


def event(id, sources=(("a", 120, 180),), people=SINGH_SHOIGU, date="2023-04-28", kind="meeting", venue=("New Delhi", "IN")):
    """An exported event, as export_events --format json prints it; sources are (article, start, end)."""
    return {
        "id": id, "title": f"event {id}", "kind": kind, "date": date,
        "venue": {"name": venue[0], "country": venue[1]} if venue else None,
        "participants": [{"name": n, "country": None, "role": ""} for n in people],
        "sources": [{"document": f"{doc}.txt", "start": start, "end": end, "text": ""} for doc, start, end in sources],
    }


# --- matching -----------------------------------------------------------------------------------------

def test_a_mention_is_found_by_an_overlapping_span_and_a_shared_participant():
    result = score(gold(a=[mention()]), [event(7, people=["Gen Shoigu", "Someone Else"])])
    assert result.mentions[0].event_id == 7
    assert result.figures["mention_recall"] == 1.0


def test_a_mention_is_not_found_without_a_shared_participant():
    result = score(gold(a=[mention()]), [event(7, people=["Wang Yi"])])
    assert result.mentions[0].event_id is None
    assert result.mentions[0].near_misses == [7]  # on its evidence, naming none of its people
    assert result.figures["mention_recall"] == 0.0
    assert result.figures["event_precision"] == 0.0


def test_a_mention_is_not_found_by_a_span_that_only_touches_its_evidence():
    # [start, end): a source ending where the evidence starts shares no character with it
    result = score(gold(a=[mention(evidence=[(100, 200)])]), [event(7, sources=[("a", 50, 100)])])
    assert result.figures["mention_recall"] == 0.0


def test_a_mention_is_not_found_by_the_same_span_in_another_article():
    result = score(gold(a=[mention()]), [event(7, sources=[("b", 120, 180)])])
    assert result.figures["mention_recall"] == 0.0


def test_sources_are_matched_to_articles_by_the_files_base_name():
    exported = event(7)
    exported["sources"][0]["document"] = "some/folder/a.txt"
    assert score(gold(a=[mention()]), [exported]).figures["mention_recall"] == 1.0


def test_a_mention_naming_nobody_is_found_by_its_span_alone():
    result = score(gold(a=[mention(people=())]), [event(7, people=["Wang Yi"])])
    assert result.mentions[0].event_id == 7


def test_a_participant_the_text_does_not_name_is_not_required():
    g = mention(people=("Wang Yi",))
    g["participants"][0]["aliases_in_text"] = []  # implied, never named
    assert score(gold(a=[g]), [event(7, people=["Antony Blinken"])]).mentions[0].event_id == 7


@pytest.mark.parametrize("a, b", [
    ("Sergei K Shoigu", "Sergey Shoigu"),
    ("Shoigu", "General Sergei Shoigu"),
    ("Kurbanov Bakhodir Nizamovich", "Bakhodir Kurbanov"),
    ("Bekbolotov B. Asankalievich", "Baktybek Bekbolotov"),  # the patronymic is not in the other
    ("Viktor Khrenin", "Lt Gen Victor Khrenin"),
    ("Volodymyr Zelenskyy", "Zelensky"),
    ("Mohammed bin Salman", "Mohammed Salman"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
])
def test_spellings_titles_particles_and_patronymics_are_one_person(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize("a, b", [
    ("Wang Yi", "Wang Wentao"),
    ("Sergei Shoigu", "Sergei Lavrov"),
    ("Defence Minister", "Sergei Shoigu"),  # titles alone name nobody
])
def test_different_people_are_not_one_person(a, b):
    assert not same_person(a, b)


def test_among_candidates_the_one_naming_fewer_strangers_wins():
    events = [event(1, people=["Rajnath Singh", "Wang Yi"]), event(2, people=["Rajnath Singh"])]
    assert score(gold(a=[mention()]), events).mentions[0].event_id == 2


def test_among_candidates_the_one_whose_date_agrees_wins():
    # one sentence recalls an earlier meeting of the same two people: two events on it
    events = [event(1, date="2022-06-03"), event(2, date="2023-04-28")]
    assert score(gold(a=[mention()]), events).mentions[0].event_id == 2


def test_among_equal_candidates_the_one_other_reports_point_to_wins():
    events = [
        event(1, sources=[("a", 120, 180)]),
        event(2, sources=[("a", 120, 180), ("b", 120, 180)]),
    ]
    result = score(gold(a=[mention()], b=[mention()]), events)
    assert [m.event_id for m in result.mentions] == [2, 2]
    assert result.figures["merge_rate"] == 1.0


# --- dates --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("predicted, gold_date, verdict", [
    ("2023-04-28", "2023-04-28", "right"),
    ("2023-04-28", "2023-04", "right"),  # more precise than the gold and inside it
    ("2023-04", "2023-04-28", "coarse"),
    ("2023", "2023-04-28", "coarse"),
    ("2023-04-27", "2023-04-28", "wrong"),
    ("2023-05", "2023-04", "wrong"),
    (None, "2023-04-28", "unknown"),
])
def test_date_verdicts(predicted, gold_date, verdict):
    assert date_verdict(predicted, gold_date) == verdict


def test_a_day_inside_a_multi_day_event_is_right():
    assert date_verdict("2023-03-21", "2023-03-20", "2023-03-22") == "right"
    assert date_verdict("2023-03-22", "2023-03-20", "2023-03-22") == "right"
    assert date_verdict("2023-03-23", "2023-03-20", "2023-03-22") == "wrong"
    result = score(gold(a=[mention(date="2023-03-20", date_end="2023-03-22")]), [event(1, date="2023-03-21")])
    assert result.mentions[0].verdict == "right"
    assert result.figures["date_right"] == 1.0


def test_a_month_is_not_right_for_a_multi_day_event_inside_it():
    assert date_verdict("2023-03", "2023-03-20", "2023-03-22") == "coarse"


def test_date_figures_count_right_coarse_wrong_and_unknown():
    key = gold(
        a=[mention(evidence=[(0, 10)])],
        b=[mention(evidence=[(0, 10)])],
        c=[mention(evidence=[(0, 10)])],
        d=[mention(evidence=[(0, 10)], derivable=False)],
        e=[mention(evidence=[(0, 10)])],  # missed
    )
    events = [
        event(1, sources=[("a", 0, 10)], date="2023-04-28"),
        event(2, sources=[("b", 0, 10)], date="2023-04"),
        event(3, sources=[("c", 0, 10)], date="2023-04-27"),
        event(4, sources=[("d", 0, 10)], date=None),
    ]
    result = score(key, events)
    assert [m.verdict for m in result.mentions] == ["right", "coarse", "wrong", "unknown", None]
    f = result.figures
    assert f["date_right"] == 0.2  # of all mentions
    assert f["date_right_derivable"] == 0.25  # of the four the text dates
    assert f["date_wrong"] == 0.25 and f["date_unknown"] == 0.25  # of the four found


# --- participants and venues --------------------------------------------------------------------------

def test_participant_precision_counts_only_names_that_are_nobody_of_the_real_event():
    key = gold(a=[mention(people=["Rajnath Singh"])], b=[mention(people=["Sergei Shoigu"])])
    events = [
        event(1, sources=[("a", 120, 180)], people=["Rajnath Singh", "Sergey Shoigu"]),  # Shoigu is in b's report
        event(2, sources=[("b", 120, 180)], people=["Sergei Shoigu", "Wang Yi"]),
    ]
    f = score(key, events).figures
    assert f["participant_r"] == 1.0
    assert f["participant_p"] == 0.667  # 2 right, Wang Yi wrong


def test_venue_country_and_city():
    key = gold(a=[mention(venue=("New Delhi", "IN"))], b=[mention(venue=("Moscow", "RU"))], c=[mention(venue=None)])
    events = [
        event(1, sources=[("a", 120, 180)], venue=("Delhi", "in")),
        event(2, sources=[("b", 120, 180)], venue=("Saint Petersburg", "RU")),
        event(3, sources=[("c", 120, 180)], venue=None),
    ]
    f = score(key, events).figures
    assert f["venue_country"] == 1.0
    assert f["venue_city"] == 0.5



def test_the_diagnosis_lists_each_wrong_or_missing_venue_country():
    key = gold(a=[mention(venue=("Moscow", "RU"))], b=[mention(venue=("Hanoi", "VN"))], c=[mention(venue=("Delhi", "IN"))])
    events = [
        event(1, sources=[("a", 120, 180)], venue=("New Delhi", "IN")),
        event(2, sources=[("b", 120, 180)], venue=None),
        event(3, sources=[("c", 120, 180)], venue=("New Delhi", "IN")),
    ]
    lines = diagnosis(score(key, events), {}, {})
    section = "\n".join(lines).split("== Wrong or missing venue countries: 2 of 3 found with a gold venue")[1].split("==")[0]
    assert " - a.txt  gold Moscow (RU), predicted New Delhi (IN)  #1 meeting 2023-04-28" in section
    assert " - b.txt  gold Hanoi (VN), predicted none  #2 meeting 2023-04-28" in section
    assert "c.txt" not in section

# --- merging ------------------------------------------------------------------------------------------

def test_merge_rate_is_the_share_of_events_reported_by_several_articles_that_became_one():
    key = gold(
        a=[mention(cluster="one"), mention(cluster="two", evidence=[(300, 400)])],
        b=[mention(cluster="one"), mention(cluster="two", evidence=[(300, 400)])],
    )
    events = [
        event(1, sources=[("a", 120, 180), ("b", 120, 180)]),
        event(2, sources=[("a", 300, 350)]),
        event(3, sources=[("b", 300, 350)]),
    ]
    result = score(key, events)
    assert result.figures["merge_rate"] == 0.5
    assert {c.slug: c.articles for c in result.clusters} == {
        "one": {"a.txt": {1}, "b.txt": {1}},
        "two": {"a.txt": {2}, "b.txt": {3}},
    }
    assert [c.slug for c in result.clusters if not c.joined] == ["two"]


def test_a_real_event_with_a_missed_report_does_not_count_in_merge_rate():
    key = gold(a=[mention()], b=[mention()], c=[mention()])
    events = [event(1, sources=[("a", 120, 180), ("b", 120, 180)])]
    result = score(key, events)
    assert result.figures["merge_rate"] is None  # nothing to count
    assert not result.clusters[0].counted


def test_an_event_joining_reports_of_different_dates_is_overmerged():
    key = gold(a=[mention(cluster="april", date="2023-04-28")], b=[mention(cluster="june", date="2023-06-02")])
    events = [event(1, sources=[("a", 120, 180), ("b", 120, 180)], date="2023-04-28")]
    result = score(key, events)
    assert result.figures["overmerged_events"] == 1
    assert result.overmerged == {1: [("april", "2023-04-28"), ("june", "2023-06-02")]}


def test_an_event_joining_two_real_events_of_one_date_is_not_overmerged():
    key = gold(a=[mention(cluster="talks"), mention(cluster="agreement", kind="agreement")])
    assert score(key, [event(1)]).figures["overmerged_events"] == 0


# --- provenance ---------------------------------------------------------------------------------------

def test_span_and_event_precision():
    key = gold(a=[mention(evidence=[(100, 200)])])
    events = [
        event(1, sources=[("a", 120, 180), ("a", 500, 600)]),  # one source on the evidence, one off it
        event(2, sources=[("a", 700, 800)], people=["Wang Yi"]),
        event(3, sources=[("other", 0, 50)]),  # not a gold article: no span counted
    ]
    f = score(key, events).figures
    assert f["span_precision"] == 0.333
    assert f["event_precision"] == 0.333


# --- thresholds ---------------------------------------------------------------------------------------

FIGURES = {"mention_recall": 0.5, "merge_rate": None, "date_wrong": 0.132, "overmerged_events": 7}


def test_check_fails_a_figure_below_its_minimum():
    assert check(FIGURES, {"mention_recall": 0.51}) == ["mention_recall: 0.5 is below the minimum 0.51"]


def test_check_fails_date_wrong_above_its_maximum():
    assert check(FIGURES, {"date_wrong": 0.13}) == ["date_wrong: 0.132 is above the maximum 0.13"]
    assert check(FIGURES, {"overmerged_events": 6}) == ["overmerged_events: 7 is above the maximum 6"]


def test_check_passes_figures_at_their_thresholds():
    assert check(FIGURES, {"mention_recall": 0.5, "date_wrong": 0.132, "overmerged_events": 7, "_note": "x"}) == []


def test_check_fails_a_figure_without_a_value():
    assert check(FIGURES, {"merge_rate": 0.0}) == ["merge_rate: no value, threshold 0.0"]


def test_check_refuses_a_figure_that_cannot_be_guarded():
    with pytest.raises(ValueError):
        check(FIGURES, {"pred_events": 10})


# --- the command, end to end --------------------------------------------------------------------------

def test_evaluate_prints_figures_and_names_the_missed_mention_and_checks_thresholds(tmp_path):
    thresholds = tmp_path / "thresholds.json"
    thresholds.write_text(json.dumps({"mention_recall": 0.9, "date_wrong": 0.0, "merge_rate": 1.0}))
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 figure"):
        call_command("evaluate", str(CORPUS), "--check", str(thresholds), stdout=out, stderr=err)
    printed = out.getvalue()
    figures = dict(line.split() for line in printed.split("== Figures")[1].split("\n\n")[0].splitlines()[1:])
    assert figures["mention_recall"] == "0.667"  # the link line's 2021 meeting is missed
    assert figures["date_right_derivable"] == "0.667"
    assert figures["date_wrong"] == "0.0"
    assert figures["participant_p"] == figures["participant_r"] == "1.0"
    assert figures["merge_rate"] == "1.0"  # both reports of the Delhi meeting became one event
    assert figures["overmerged_events"] == "0"
    missed = printed.split("== Missed gold mentions: 1 of 3")[1].split("==")[0]
    assert "b002.txt  meeting 2021-06  Rajnath Singh, Sergei Shoigu  [singh-shoigu-moscow-2021-06]" in missed
    assert "evidence: Also read: Rajnath Singh met Sergei Shoigu in Moscow in June 2021" in missed
    assert "mention_recall: 0.667 is below the minimum 0.9" in err.getvalue()


def test_evaluate_with_a_folder_of_texts_and_gold_prints_json(tmp_path):
    out = StringIO()
    call_command("evaluate", str(CORPUS / "texts"), "--gold", str(CORPUS / "gold.json"), "--json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["gold_mentions"] == 3 and figures["mention_recall"] == 0.667
