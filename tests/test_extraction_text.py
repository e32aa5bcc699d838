"""Sentences with exact offsets, headers, headlines and datelines."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from events.extraction import text as textmod
from events.extraction.pipeline import dateline_place


def spans(text):
    return [text[s:e] for s, e in textmod.split_sentences(text)]


def test_titles_and_initials_do_not_end_a_sentence():
    text = "He met Lt Gen. Bakhodir Kurbanov and Bekbolotov B. Asankalievich. Then Dr. Smith spoke to S Jaishankar."
    assert spans(text) == [
        "He met Lt Gen. Bakhodir Kurbanov and Bekbolotov B. Asankalievich.",
        "Then Dr. Smith spoke to S Jaishankar.",
    ]


def test_posted_on_x_ends_a_sentence_but_an_initial_x_does_not():
    text = "The Secretariat posted on X. Earlier in the day, Costa met Malcolm X. Berg. He wrote on the platform X. It ended."
    assert spans(text) == ["The Secretariat posted on X.", "Earlier in the day, Costa met Malcolm X. Berg.", "He wrote on the platform X.", "It ended."]


def test_a_sentence_ending_in_a_closing_quote_ends_after_it():
    text = "He said it was “historic.” The talks ended."
    assert spans(text) == ["He said it was “historic.”", "The talks ended."]


def test_sentences_never_cross_a_line_break():
    text = "First line without a stop\nSecond line. Third"
    assert spans(text) == ["First line without a stop", "Second line.", "Third"]


def test_offsets_are_exact_with_crlf_and_leading_space():
    text = "  One sentence here.\r\n\r\nAnother – with a dash.\r\n"
    for s, e in textmod.split_sentences(text):
        assert text[s:e] == text[s:e].strip()
        assert text[s:e] in ("One sentence here.", "Another – with a dash.")


def test_the_date_header_gives_the_publication_date_and_section():
    published, section, body = textmod.parse_header(" date 2023-04-28 INDIA\n\nHeadline here\n")
    assert published == datetime.date(2023, 4, 28)
    assert section == "INDIA"
    assert body == len(" date 2023-04-28 INDIA")


def test_a_header_on_the_same_line_as_the_first_sentence_leaves_the_sentence_whole():
    text = " date 2023-04-28 India and Russia agreed. More text."
    published, section, body = textmod.parse_header(text)
    assert published == datetime.date(2023, 4, 28) and section is None
    first = textmod.sentences(text, body)[0]
    assert first.text == "India and Russia agreed."


def test_an_impossible_header_date_is_no_date():
    assert textmod.parse_header(" date 2023-02-30 Text.")[0] is None


def test_headlines_captions_and_links_are_marked_not_narrative():
    text = (
        "Rajnath leaves for Russia\n\nUnion Minister for Defence, Rajnath Singh. (File Photo: PIB)\n\n"
        "Read: Singh terms meeting historic\n\nSingh met Shoigu on Friday.\n"
    )
    marked = [(s.text, s.is_headline) for s in textmod.sentences(text)]
    assert marked[0] == ("Rajnath leaves for Russia", True)
    assert all(flag for sentence, flag in marked if "Photo" in sentence or sentence.startswith("Read:"))
    assert marked[-1] == ("Singh met Shoigu on Friday.", False)
    assert textmod.title_of(text, textmod.sentences(text)) == "Rajnath leaves for Russia"


def test_a_dateline_names_the_place():
    text = "New Delhi: India and Russia extended their ties on Monday."
    assert dateline_place(text, textmod.sentences(text)).name == "New Delhi"
    text = "MOSCOW, April 28 (Reuters) — The ministers met."
    assert dateline_place(text, textmod.sentences(text)).country == "RU"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab. ?!\n\r“”’\"'()–-Lt Gen S 12")), max_size=200))
def test_sentence_spans_stay_inside_the_text_in_order(text):
    previous_end = 0
    for s in textmod.sentences(text):
        assert 0 <= previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text
        previous_end = s.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_splits_without_error(text):
    for s, e in textmod.split_sentences(text):
        assert 0 <= s < e <= len(text)


def test_a_dateline_with_a_year_gives_the_publication_date():
    from events.extraction import extract_document

    found = extract_document("MOSCOW, April 28, 2023 (Reuters) — Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu on Friday.")
    assert (found.published, found.published_source) == (datetime.date(2023, 4, 28), "dateline")
    assert found.events[0].date.iso() == "2023-04-28"


def test_a_dateline_without_a_year_gives_no_publication_date():
    from events.extraction import extract_document

    found = extract_document("New Delhi, April 28: Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu.")
    assert (found.published, found.published_source) == (None, "unknown")


def test_an_agency_dateline_without_punctuation():
    text = "Qingdao, Jun 27 (PTI) Defence Minister Rajnath Singh on Thursday held talks."
    assert dateline_place(text, textmod.sentences(text)).name == "Qingdao"


def test_a_long_document_is_read_whole():
    from events.extraction import extract_document

    one = "Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu on Friday.\n"
    found = extract_document(one * 2000, published=datetime.date(2023, 4, 28))
    [event] = found.events
    assert len(found.sentences) == 2000 and event.spans[0].start == 0


def test_a_byline_gives_the_publication_date_and_published_beats_updated():
    from events.extraction import extract_document

    text = (
        "Singh holds talks in Cairo\nBy ANI | Updated: Sep 21, 2022 16:40 IST | Published: Sep 20, 2022\n"
        "Cairo [Egypt], September 20 (ANI): Defence Minister Rajnath Singh on Tuesday met his Egyptian counterpart General Mohamed Zaki."
    )
    found = extract_document(text)
    assert (found.published, found.published_source) == (datetime.date(2022, 9, 20), "byline")
    assert found.events[0].date.iso() == "2022-09-20"
    assert found.events[0].venue.name == "Cairo"


def test_a_tass_dateline_names_the_place_and_is_not_the_title():
    from events.extraction import extract_document

    text = "MOSCOW, November 8. /TASS/. Russian Defense Minister Sergei Shoigu held talks with his Chinese counterpart Wei Fenghe on Tuesday."
    found = extract_document(text)
    assert found.title.startswith("Russian Defense Minister Sergei Shoigu held talks")
    assert found.events[0].venue.name == "Moscow"
