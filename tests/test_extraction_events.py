"""Events from whole reports: kind, people, date, venue, title; one event per real event."""

import datetime

from events.extraction import extract_document

TOPICS = {"sco": ("SCO", ["SCO", "Shanghai Cooperation Organisation"]), "s-400": ("S-400", ["S-400"])}


def events_of(text, published=None):
    return extract_document(text, published=published, topics=TOPICS).events


def summary(event):
    return (event.kind, [p.name for p in event.participants], event.date.iso(), event.venue.name if event.venue else None)


def test_a_meeting_with_its_people_date_venue_and_title():
    [event] = events_of(
        "Defence Minister Rajnath Singh on Friday met his Russian counterpart Sergei Shoigu in New Delhi on the "
        "sidelines of the Shanghai Cooperation Organisation (SCO) meeting.",
        published=datetime.date(2023, 4, 28),
    )
    assert summary(event) == ("meeting", ["Rajnath Singh", "Sergei Shoigu"], "2023-04-28", "New Delhi")
    assert event.title == "Rajnath Singh meets Sergei Shoigu in New Delhi"
    assert event.topics == ["sco"]


def test_one_sentence_naming_three_bilateral_meetings_gives_three_events():
    text = (
        "Singh on Friday also held bilateral meetings with Minister of Defence of Uzbekistan Lieutenant General "
        "Bakhodir Kurbanov, Minister of Defence of Belarus Lieutenant General Victor Khrenin and Minister of "
        "Defence of Kyrgyzstan Lieutenant General Bekbolotov B Asankalievich."
    )
    found = events_of("Defence Minister Rajnath Singh arrived.\n" + text, published=datetime.date(2023, 4, 28))
    meetings = [e for e in found if e.kind == "meeting"]
    assert [[p.name for p in e.participants] for e in meetings] == [
        ["Rajnath Singh", "Bakhodir Kurbanov"],
        ["Rajnath Singh", "Victor Khrenin"],
        ["Rajnath Singh", "Bekbolotov B Asankalievich"],
    ]
    assert {e.participants[1].country for e in meetings} == {"UZ", "BY", "KG"}


def test_a_report_that_contradicts_itself_on_a_country_is_flagged_with_a_reason():
    text = (
        "Defence Minister Rajnath Singh also held bilateral talks with the Defence Ministers of Uzbekistan, Belarus "
        "and Kazakhstan on Friday.\nHe held bilateral meetings with the Minister of Defence of Uzbekistan, Lt Gen "
        "Bakhodir Kurbanov; Defence Minister of Belarus, Lt Gen Victor Khrenin; and Minister of Defence of "
        "Kyrgyzstan, Lt Gen Bekbolotov B. Asankalievich."
    )
    found = events_of(text, published=datetime.date(2023, 4, 28))
    flagged = [e for e in found if e.review]
    assert [e.participants[1].name for e in flagged] == ["Bekbolotov B. Asankalievich"]
    assert "Kazakhstan" in flagged[0].review[0] and "Kyrgyzstan" in flagged[0].review[0]


def test_a_summit_between_two_leaders_has_only_them_as_participants():
    [event] = events_of(
        "Defence minister Rajnath Singh underlined the significance of the summit meeting between Prime Minister "
        "Narendra Modi and Russian President Vladimir Putin on Monday."
    )
    assert event.kind == "summit"
    assert [p.name for p in event.participants] == ["Narendra Modi", "Vladimir Putin"]


def test_a_departure_is_a_visit_of_the_traveller_only():
    [event] = events_of(
        "Defence minister Rajnath Singh this morning left for Russia to attend a meeting and hold discussions "
        "with his Russian counterpart Sergey Shoigu.",
        published=datetime.date(2020, 9, 2),
    )
    assert summary(event) == ("visit", ["Rajnath Singh"], "2020-09-02", "Russia")


def test_signing_pacts_is_an_agreement():
    [event] = events_of(
        "On Monday, defence minister Rajnath Singh and his Russian counterpart General Sergey Shoigu inked four "
        "pacts which included the contract for S-400 systems."
    )
    assert event.kind == "agreement" and event.date.weekday == 0 and not event.date.known


def test_a_statement_at_an_occasion_is_a_statement_of_the_speaker():
    [event] = events_of(
        "Russian Defence Minister Sergei Shoigu arrived. At the SCO meeting, Shoigu targeted the United States "
        "and its allies."
    )
    assert (event.kind, [p.name for p in event.participants]) == ("statement", ["Sergei Shoigu"])


def test_quoted_words_are_not_the_reporters_account():
    assert events_of("Defence Minister Rajnath Singh tweeted: “I met Foreign Minister Ivan Petrov and we signed pacts.”") == []


def test_a_meeting_that_will_not_happen_is_no_event():
    assert events_of(
        "Defence Minister Rajnath Singh has no plan to hold bilateral meetings with Foreign Minister Ivan Petrov."
    ) == []


def test_sentences_reporting_one_meeting_become_one_event_with_both_passages():
    text = (
        "India and Russia have agreed to boost their defence ties after the defence ministers from both countries "
        "held bilateral talks in New Delhi, on Friday (April 28).\n\nIndian Defence Minister Rajnath Singh and his "
        "Russian counterpart Sergei Shoigu also discussed cooperation."
    )
    [event] = events_of(text, published=datetime.date(2023, 4, 28))
    assert len(event.spans) == 2
    assert summary(event) == ("meeting", ["Rajnath Singh", "Sergei Shoigu"], "2023-04-28", "New Delhi")


def test_an_event_whose_date_cannot_be_derived_says_so():
    [event] = events_of("Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu.")
    assert not event.date.known and "no date" in event.date.evidence


def test_spans_are_sentences_of_the_document():
    text = "Headline here\n\nDefence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu on Friday. More."
    [event] = events_of(text, published=datetime.date(2023, 4, 28))
    [span] = event.spans
    assert text[span.start : span.end] == "Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu on Friday."


def test_a_visit_that_had_a_meeting_reports_both():
    found = events_of(
        "Last month, Defence Minister Li Shangfu visited Moscow, where he met Russian President Vladimir Putin.",
        published=datetime.date(2023, 5, 9),
    )
    assert [summary(e) for e in found] == [
        ("visit", ["Li Shangfu"], "2023-04", "Moscow"),
        ("meeting", ["Li Shangfu", "Vladimir Putin"], "2023-04", "Moscow"),
    ]


def test_a_meeting_a_trip_is_for_is_not_yet_a_meeting():
    found = events_of(
        "Defence Secretary Lloyd Austin will travel to New Delhi next week to meet Defence Minister Rajnath Singh.",
        published=datetime.date(2023, 5, 9),
    )
    assert [e.kind for e in found] == ["visit"]


def test_a_date_the_sentence_gives_but_cannot_resolve_is_not_borrowed_from_the_story():
    text = (
        "Defence Minister Rajnath Singh on Thursday held talks with his Australian counterpart Peter Dutton.\n"
        "Earlier this week, Singh met Vietnam's Defence Minister General Phan Van Giang in Hanoi."
    )
    first, second = events_of(text, published=datetime.date(2021, 9, 2))
    assert first.date.iso() == "2021-09-02"
    assert not second.date.known  # the week began in August: no single month


def test_without_a_scene_an_event_placed_nowhere_stays_without_a_venue():
    text = (
        "Defence Minister Rajnath Singh held talks with his Australian counterpart Peter Dutton.\n"
        "Singh met Vietnam's Defence Minister General Phan Van Giang in Hanoi."
    )
    first, second = events_of(text)
    assert first.venue is None and second.venue.name == "Hanoi"


def test_a_mixed_case_section_label_after_the_header_sets_the_scene():
    [event] = events_of(" date 2021-09-02 India\n\nDefence Minister Rajnath Singh held talks with his Australian counterpart Peter Dutton on Thursday.")
    assert event.venue.country == "IN"


def test_undated_sentences_take_the_leads_date_not_a_flashbacks():
    text = (
        "Defence Minister Rajnath Singh and US Defence Secretary Lloyd Austin on Monday held talks in New Delhi.\n"
        "Austin arrived in New Delhi on Sunday on a two-day visit.\n"
        "Later, Austin called on Prime Minister Narendra Modi."
    )
    meeting, visit, call = events_of(text, published=datetime.date(2023, 6, 5))
    assert (meeting.date.iso(), visit.date.iso(), call.date.iso()) == ("2023-06-05", "2023-06-04", "2023-06-05")
    assert "lead event" in call.date.evidence
    assert call.venue.name == "New Delhi"  # where the lead event is, with no dateline to say otherwise


def test_addressing_a_meeting_is_a_statement():
    found = events_of(
        "Defence Minister Rajnath Singh arrived.\nAddressing the SCO meeting, Singh said peace demands trust."
    )
    assert [(e.kind, [p.name for p in e.participants]) for e in found] == [("statement", ["Rajnath Singh"])]


def test_a_coming_event_without_a_date_does_not_take_the_leads():
    text = (
        "Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu on Friday.\n"
        "Singh is expected to meet Chinese Defence Minister Li Shangfu as well."
    )
    first, second = events_of(text, published=datetime.date(2023, 4, 28))
    assert first.date.iso() == "2023-04-28"
    assert not second.date.known and "coming event" in second.date.evidence


def test_a_meeting_on_a_visit_takes_the_date_nearest_its_own_verb():
    visit, meeting = events_of(
        "Chinese Defence Minister Li Shangfu, who arrived in New Delhi on Thursday, met Defence Minister "
        "Rajnath Singh on Friday.",
        published=datetime.date(2023, 4, 28),
    )
    assert (visit.kind, visit.date.iso()) == ("visit", "2023-04-27")
    assert (meeting.kind, meeting.date.iso()) == ("meeting", "2023-04-28")


def test_a_telephone_conversation_is_a_meeting_with_no_venue():
    [event] = events_of(
        "NEW DELHI: Defence Minister Rajnath Singh held a telephone conversation with his Russian counterpart "
        "Sergei Shoigu on June 5.",
        published=datetime.date(2020, 6, 23),
    )
    assert summary(event) == ("meeting", ["Rajnath Singh", "Sergei Shoigu"], "2020-06-05", None)


def test_a_place_the_gazetteer_does_not_know_is_not_replaced_by_the_datelines():
    [event] = events_of(
        "MOSCOW: Prime Minister Narendra Modi and President Vladimir Putin last met in Xanadupolis in November 2019.",
        published=datetime.date(2020, 6, 23),
    )
    assert event.venue is None and event.date.iso() == "2019-11"


def test_accented_cities_are_found_without_their_accents():
    [event] = events_of(
        "Prime Minister Narendra Modi and President Vladimir Putin met in Brasilia in November 2019.",
        published=datetime.date(2020, 6, 23),
    )
    assert (event.venue.name, event.venue.country) == ("Brasília", "BR")


def test_the_two_ministers_are_the_two_people_of_the_last_meeting():
    text = (
        "Defence Minister Rajnath Singh on Tuesday held bilateral talks with his Egyptian counterpart General "
        "Mohamed Zaki in Cairo.\nThe two ministers signed a Memorandum of Understanding on defence cooperation."
    )
    meeting, agreement = events_of(text, published=datetime.date(2022, 9, 20))
    assert agreement.kind == "agreement"
    assert [p.name for p in agreement.participants] == ["Rajnath Singh", "Mohamed Zaki"]
    assert agreement.date.iso() == "2022-09-20"


def test_a_group_of_ministers_of_named_countries_is_not_the_last_pair():
    text = (
        "SCO Secretary General Zhang Ming also met Rajnath Singh on Friday.\n"
        "Rajnath Singh also held bilateral talks with the Defence Ministers of Uzbekistan, Belarus and Kazakhstan."
    )
    events = events_of(text, published=datetime.date(2023, 4, 28))
    [event] = [e for e in events if len(e.participants) == 2]
    assert len(event.spans) == 1
    # the talks with the ministers the report never names are three meetings of Singh's
    assert sorted(tuple(e.countries) for e in events if len(e.participants) == 1) == [("BY",), ("KZ",), ("UZ",)]


def test_the_ministers_signing_a_roadmap_are_the_pair_just_met():
    text = (
        "Russian Defense Minister Sergei Shoigu held talks with his Chinese counterpart Wei Fenghe in Moscow on Tuesday.\n"
        "The ministers signed a roadmap for military cooperation for 2021-2025."
    )
    meeting, agreement = events_of(text, published=datetime.date(2020, 11, 8))
    assert agreement.kind == "agreement" and agreement.date.iso() == "2020-11-03"
    assert [p.name for p in agreement.participants] == ["Sergei Shoigu", "Wei Fenghe"]


def test_co_chairing_a_commission_is_a_meeting_and_a_flashback_does_not_set_the_scene():
    text = (
        "Defence Minister Nirmala Sitharaman had visited Moscow in April.\n"
        "Defence Minister Nirmala Sitharaman on Thursday co-chaired the 18th meeting of the commission with her "
        "Russian counterpart General Sergei Shoigu in New Delhi.\n"
        "Shoigu also called on Prime Minister Narendra Modi on Friday."
    )
    visit, cochair, call = events_of(text, published=datetime.date(2018, 12, 14))
    assert (cochair.kind, [p.name for p in cochair.participants]) == ("meeting", ["Nirmala Sitharaman", "Sergei Shoigu"])
    assert visit.venue.name == "Moscow" and call.venue.name == "New Delhi"


def test_a_tally_of_meetings_is_not_a_meeting():
    assert events_of("Russian President Vladimir Putin and Prime Minister Narendra Modi have met more than 20 times since 2014.") == []


def test_a_capitalised_headline_word_is_not_a_first_name():
    text = (
        "Why Putin's visit matters\n\nRussian President Vladimir Putin and Prime Minister Narendra Modi met in 2019.\n"
        "Putin arrives in New Delhi on Monday for the annual summit with Modi."
    )
    found = events_of(text, published=datetime.date(2021, 12, 6))
    assert ("summit", ["Vladimir Putin", "Narendra Modi"], "2021-12-06", "New Delhi") in [summary(e) for e in found]
