"""The ways real news reports meetings that the first rules missed (issue 12), each written as a
sentence of our own: arrivals, talks, calls, summits, countries attending; dates in page furniture;
the report's own date; people in other spellings and honorifics; things that are not people."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from events.extraction import dates, extract_document
from events.extraction.names import names_match

TOPICS = {"trade": ("Trade", ["trade"])}
DAY = datetime.date(2024, 3, 12)  # a Tuesday


def events_of(text, published=None):
    return extract_document(text, published=published, topics=TOPICS).events


def people_of(event):
    return sorted(p.name for p in event.participants)


# 1. Reports that gave no event at all


def test_a_traveller_who_touches_down_for_a_meeting_on_a_run_of_days_is_a_visit_over_those_days():
    [visit] = events_of(
        "Foreign Minister Penny Wong touched down in Hanoi on Monday for a ministerial meeting to be held on March 14-15.",
        published=DAY,
    )
    assert visit.kind == "visit" and people_of(visit) == ["Penny Wong"]
    assert visit.venue.name == "Hanoi"


def test_a_run_of_days_dates_an_event_by_its_first_and_last_day():
    [visit] = events_of("President Lula da Silva will pay a state visit to Japan on May 20-22.", published=DAY)
    assert visit.date.iso() == "2024-05-20" and visit.date.end == datetime.date(2024, 5, 22)


def test_a_meeting_known_only_by_the_countries_attending_names_no_one():
    [meeting] = events_of(
        "Deputy foreign ministers from Chile, Peru and Ecuador held consultations in Lima on Tuesday.", published=DAY
    )
    assert meeting.kind == "meeting" and meeting.participants == []
    assert meeting.countries == ["CL", "EC", "PE"]
    assert meeting.date.iso() == "2024-03-12"


def test_held_talks_with_a_named_counterpart_is_a_meeting():
    [meeting] = events_of("Chancellor Olaf Scholz held talks with President Emmanuel Macron in Paris on Monday.", published=DAY)
    assert meeting.kind == "meeting" and people_of(meeting) == ["Emmanuel Macron", "Olaf Scholz"]
    assert meeting.date.iso() == "2024-03-11"


def test_a_phone_call_is_a_meeting_without_a_venue():
    [call] = events_of("Prime Minister Mark Carney spoke by phone with President Claudia Sheinbaum on Monday.", published=DAY)
    assert call.kind == "meeting" and call.venue is None
    assert people_of(call) == ["Claudia Sheinbaum", "Mark Carney"]


def test_a_summit_naming_one_leader_is_an_event():
    [summit] = events_of("President Bola Tinubu opened a regional summit with leaders from West Africa in Abuja on Tuesday.", published=DAY)
    assert summit.kind == "summit" and people_of(summit) == ["Bola Tinubu"]


def test_two_countries_signing_stand_for_the_two_leaders_who_met():
    text = (
        "Australian Prime Minister Anthony Albanese met Indonesian President Prabowo Subianto in Jakarta on Tuesday.\n"
        "Australia and Indonesia signed a trade agreement."
    )
    meeting, agreement = events_of(text, published=DAY)
    assert agreement.kind == "agreement" and people_of(agreement) == people_of(meeting)


def test_a_lone_surname_met_by_a_named_leader_is_a_person():
    [meeting] = events_of("President Cyril Ramaphosa met with Lula in Brasilia on Tuesday.", published=DAY)
    assert people_of(meeting) == ["Cyril Ramaphosa", "Lula"]


def test_a_headline_joins_the_report_of_the_same_meeting_in_the_body():
    text = "Scholz meets Macron in Paris\n\nChancellor Olaf Scholz held talks with President Emmanuel Macron in Paris on Monday."
    [meeting] = events_of(text, published=DAY)
    assert meeting.date.iso() == "2024-03-11"


def test_a_headline_alone_reports_an_event_of_the_people_the_body_names():
    text = "Scholz, Macron meet in Paris\n\nChancellor Olaf Scholz and President Emmanuel Macron want closer ties."
    [meeting] = events_of(text, published=DAY)
    assert meeting.spans[0].start == 0 and people_of(meeting) == ["Emmanuel Macron", "Olaf Scholz"]


# 2. Publication dates in page furniture


def test_a_published_line_with_a_time_dates_the_report():
    text = "Leaders meet\nPublished: 12th March 2024 10:05 AM | Last Updated: 13th March 2024\nPresident Joko Widodo met President Ferdinand Marcos Jr on Thursday."
    found = extract_document(text)
    assert found.published == datetime.date(2024, 3, 12) and found.published_source == "byline"
    assert found.events[0].date.iso() == "2024-03-07"


def test_a_source_note_with_the_day_it_was_issued_dates_the_report_but_a_story_of_an_issue_does_not():
    found = extract_document(
        "Ministers agree to enhance cooperation\n\n(Source: Ministry of Defence; issued July 27, 2020)\n\n"
        "Defence Minister Ravi Perera held talks with Defence Minister Tom Hale here today."
    )
    assert found.published == datetime.date(2020, 7, 27) and found.events[0].date.iso() == "2020-07-27"
    found = extract_document("Leaders meet\nThe statement, issued July 27, 2020, was long.\nThe two presidents met on Monday.")
    assert found.published is None


def test_a_line_that_is_only_a_date_and_a_time_dates_the_report():
    found = extract_document("Leaders meet\n14:31, 3 May 2022\nThe two presidents met on Monday.")
    assert found.published == datetime.date(2022, 5, 3)


def test_an_updated_label_run_together_with_its_date_dates_the_report():
    found = extract_document("Leaders meet\nUpdated10 Jul 2024, 06:13 PM IST\nThe two presidents met on Monday.")
    assert found.published == datetime.date(2024, 7, 10)


def test_a_numeric_date_beside_a_us_time_zone_is_month_first_and_otherwise_stays_unknown():
    found = extract_document("Leaders meet\n\n07/10/2021 | 04:38am EDT\nThe two presidents spoke today.")
    assert found.published == datetime.date(2021, 7, 10)
    found = extract_document("Leaders meet\n\n07/10/2021 | 04:38\nThe two presidents spoke today.")
    assert found.published is None  # (day/month or month/day: unknown beats wrong)


def test_updated_is_taken_only_when_nothing_says_published():
    found = extract_document("Updated: Sep 21, 2022\nPosted Sep. 20, 2022 08:01\nThe ministers met on Monday.")
    assert found.published == datetime.date(2022, 9, 20)


def test_a_date_line_in_capitals_or_without_a_comma_dates_the_report():
    for line in ("Posted On: 07 OCT 2024 3:20PM by PIB Delhi", "First Published: Oct 07 2024 | 2:15 PM IST"):
        found = extract_document(f"Leaders meet\n{line}\nThe two presidents met on Monday.")
        assert found.published == datetime.date(2024, 10, 7), line


def test_the_part_of_a_byline_that_is_only_a_date_dates_the_report_but_a_date_in_words_does_not():
    found = extract_document("Leaders meet\nWritten by News Service | New Delhi | October 7, 2024 14:23 IST\nThe two presidents met on Monday.")
    assert found.published == datetime.date(2024, 10, 7)
    found = extract_document("Leaders meet\nArchive | The summit of October 7, 2024 was historic\nThe two presidents met on Monday.")
    assert found.published is None


def test_a_dateline_with_a_full_date_and_an_agency_dates_the_report():
    found = extract_document("Lisbon/Madrid, 7 December 2023 (dpa) - The two prime ministers met on Thursday.")
    assert found.published == datetime.date(2023, 12, 7)


def test_a_date_inside_a_sentence_is_not_the_publication_date():
    found = extract_document("The two presidents last met on 3 May 2022 in Seoul, and they will meet again soon.")
    assert found.published is None


# 3. Events reported on the publication day without a time expression


def test_an_event_without_a_time_expression_is_dated_to_the_report_with_that_basis():
    [agreement] = events_of("Defence Minister Anna Lee and her Japanese counterpart Kenji Sato signed the agreement in Hanoi.", published=DAY)
    assert agreement.date.iso() == "2024-03-12"
    assert agreement.date.evidence.startswith("the date of the report")


def test_a_coming_event_without_a_date_is_not_dated_to_the_report():
    [visit] = events_of("Prime Minister Keir Starmer will visit Canberra to meet Prime Minister Anthony Albanese.", published=DAY)
    assert not visit.date.known


def test_a_future_clause_after_the_date_does_not_move_a_past_weekday_forward():
    found = events_of("President Lee Jae-myung arrived in Tokyo on Monday for a visit where he will attend a summit.", published=DAY)
    [visit] = [e for e in found if e.kind == "visit"]
    assert visit.date.iso() == "2024-03-11"


def test_a_sentence_set_before_the_report_takes_neither_the_leads_date_nor_the_reports():
    text = (
        "President Lula da Silva met President Gabriel Boric in Santiago on Monday.\n"
        "The previous meeting between Lula and Boric took place in Brasilia."
    )
    lead, earlier = events_of(text, published=DAY)
    assert lead.date.iso() == "2024-03-11" and not earlier.date.known


def test_last_july_is_the_july_before_the_report():
    [meeting] = events_of("Prime Minister Kishida met President Yoon in Vilnius last July.", published=datetime.date(2024, 7, 20))
    assert meeting.date.iso() == "2023-07"


# 4. Names written differently are one person


def test_spellings_of_one_name_match():
    assert names_match("Andrei Belousov", "Andrey Belousov")
    assert names_match("Sergei K Shoigu", "Sergei Shoigu")
    assert names_match("Kurbanov Bakhodir Nizamovich", "Bakhodir Kurbanov")  # surname first, with a patronymic
    assert not names_match("Rajnath Singh", "Manmohan Singh")
    assert names_match("Abdel Fattah Al-Sisi", "Abdel Fattah El-Sisi")  # the Arabic article, however written
    assert names_match("El-Sisi", "Abdel Fattah el-Sisi")


def test_a_one_letter_typo_in_a_long_name_is_the_same_person():
    assert names_match("Cyril Ramaphsa", "Cyril Ramaphosa")
    assert names_match("Rajnat Singh", "Rajnath Singh")
    assert not names_match("Jason Smith", "Mason Smith")  # another first letter: another name


# 6. Things that were taken for people


def test_a_hindi_office_word_and_a_headline_verb_are_no_part_of_a_name():
    [meeting] = events_of("Parliamentary delegates met Lok Sabha Speaker Ravi Perera and Speaker Tom Hale on Thursday.", published=DAY)
    assert people_of(meeting) == ["Ravi Perera", "Tom Hale"]
    found = events_of("President Ravi Perera Attends Victory Day Parade With President Tom Hale", published=DAY)
    assert all("Attends" not in name for e in found for name in people_of(e))


def test_several_who_called_on_one_host_each_met_the_host():
    found = events_of(
        "Ravi Perera, Speaker of the House of Representatives; Tom Hale, Speaker of the Senate; and Anna Berg, "
        "Acting President, Pan African Parliament called on Speaker Om Birla.",
        published=DAY,
    )
    assert sorted(tuple(people_of(e)) for e in found) == [("Anna Berg", "Om Birla"), ("Om Birla", "Ravi Perera"), ("Om Birla", "Tom Hale")]


def test_a_month_after_an_office_is_a_first_name_and_taking_part_in_talks_is_a_meeting():
    [meeting] = events_of("Foreign Minister January Makamba took part in talks with External Affairs Minister Tom Hale in Delhi.", published=DAY)
    assert people_of(meeting) == ["January Makamba", "Tom Hale"]
    [meeting] = events_of("In January Ravi Perera met President Tom Hale in Paris.", published=DAY)
    assert "January Ravi Perera" not in people_of(meeting) and meeting.date.iso() == "2024-01"
    [forum] = events_of("President Anna Berg will also participate in a business and investment forum in Delhi on October 10.", published=DAY)
    assert people_of(forum) == ["Anna Berg"] and forum.date.iso() == "2024-10-10"


def test_agreements_exchanged_in_fields_listed_with_commas_are_the_pairs():
    text = (
        "Prime Minister Ravi Perera held talks with Prime Minister Tom Hale. Following the talks, MoUs/ Agreements in the fields of "
        "defence, broadcasting, Customs cooperation, and three Quick Impact Projects were exchanged in the presence of the two leaders."
    )
    [agreement] = [e for e in events_of(text, published=DAY) if e.kind == "agreement"]
    assert people_of(agreement) == ["Ravi Perera", "Tom Hale"]


def test_the_traveller_of_a_visit_a_meeting_was_on_the_sidelines_of_is_not_at_it():
    [meeting] = events_of(
        "On the sidelines of the State Visit of the Sultan of Oman, His Majesty Anna Berg to India on 16 December 2023, "
        "Commerce Minister Ravi Perera, and Minister of Commerce of Oman, H.E. Tom Hale, held discussions on bilateral trade.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ravi Perera", "Tom Hale"] and meeting.date.iso() == "2023-12-16"


def test_a_name_after_an_opening_phrase_ending_in_an_office_is_the_subject_not_that_office():
    text = (
        "Ulaanbaatar, September 6 (ANI): Defence Minister Ravi Perera on Tuesday held talks with Mongolian Defence Minister Tom Hale.\n"
        "Before initiating the bilateral talks with the Mongolian Defence minister, Ravi Perera inspected the guard of honour.\n"
        "Ravi Perera embarked on a five-day visit to Mongolia on Monday."
    )
    found = events_of(text, published=datetime.date(2022, 9, 6))
    [visit] = [e for e in found if e.kind == "visit"]  # (Perera is not Mongolian: he visits Mongolia)
    assert people_of(visit) == ["Ravi Perera"] and visit.date.iso() == "2022-09-05"


def test_calls_on_someone_the_report_does_not_name_are_no_meeting_of_the_callers():
    text = "Adviser Ravi Perera called on His Majesty on the morning of 4th April, and Minister Tom Hale called on His Majesty on 3rd April."
    assert events_of(text, published=DAY) == []
    [meeting] = events_of("Minister Ravi Perera called on His Majesty King Tom Hale in Thimphu.", published=DAY)
    assert people_of(meeting) == ["Ravi Perera", "Tom Hale"]


def test_a_round_table_is_nobody():
    found = events_of("Minister Ravi Perera will hold meetings with a Round Table of CEOs and a Financial Sector Round table.", published=DAY)
    assert all(name == "Ravi Perera" for e in found for name in people_of(e))


def test_a_name_with_bin_and_al_keeps_every_part():
    [meeting] = events_of("Commerce Minister Ravi Perera met Oman's Minister of Commerce, Industry and Investment Promotion, Qais Bin Mohammed Al Yousef on Monday.", published=DAY)
    assert people_of(meeting) == ["Qais Bin Mohammed Al Yousef", "Ravi Perera"]


def test_titles_in_a_run_before_a_name_are_no_person():
    for title in ("HE Er.", "H.E. Er.", "HE"):
        [meeting] = events_of(f"Minister Ravi Perera on Monday held a meeting with {title} Saad Sherida Al-Kaabi in Doha.", published=DAY)
        assert people_of(meeting) == ["Ravi Perera", "Saad Sherida Al-Kaabi"], title


def test_a_portfolio_of_two_words_is_part_of_the_office_and_a_surname_like_a_hindi_title_is_a_name():
    [meeting] = events_of(
        "Union Minister of Petroleum and Natural Gas and Steel Dharmendra Pradhan on Monday held a meeting with Saad Sherida Al-Kaabi.",
        published=DAY,
    )
    assert people_of(meeting) == ["Dharmendra Pradhan", "Saad Sherida Al-Kaabi"]


def test_talks_quoted_after_held_are_the_reporters_account():
    [meeting] = events_of(
        "On Wednesday, Prime Minister Ravi Perera and his Croatian counterpart Tom Hale held “wide-ranging discussions on various aspects of the partnership.”",
        published=DAY,
    )
    assert meeting.kind == "meeting" and people_of(meeting) == ["Ravi Perera", "Tom Hale"]
    assert events_of("Prime Minister Ravi Perera said “the discussions with Tom Hale were wide-ranging.”", published=DAY) == []


def test_honorifics_of_other_languages_are_not_part_of_the_name():
    [meeting] = events_of(
        "Prime Minister Datuk Seri Anwar Ibrahim met Shri Narendra Modi in New Delhi on Tuesday.", published=DAY
    )
    assert people_of(meeting) == ["Anwar Ibrahim", "Narendra Modi"]


def test_a_building_named_after_a_person_is_not_a_person():
    [meeting] = events_of(
        "External Affairs Minister Vivek Rao met his Thai counterpart Somchai Chai at Indira Gandhi Bhavan on Tuesday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Somchai Chai", "Vivek Rao"]


def test_number_words_and_ordinals_do_not_start_names():
    [summit] = events_of(
        "Twelve African leaders attended the summit with President Xi Jinping on the 21st Century Maritime Silk Road.",
        published=DAY,
    )
    assert people_of(summit) == ["Xi Jinping"]


def test_a_capitalised_headline_word_is_not_a_person():
    text = "Biden Engages In Talks With Xi\n\nPresident Joe Biden spoke by phone with President Xi Jinping on Tuesday."
    [call] = events_of(text, published=DAY)
    assert people_of(call) == ["Joe Biden", "Xi Jinping"]


def test_one_verb_with_two_objects_each_with_its_day_is_two_meetings():
    text = "Foreign Minister Penny Wong met with Prime Minister Fiame Naomi earlier on Monday and with Foreign Minister Winston Peters on Sunday."
    found = events_of(text, published=DAY)
    assert sorted((e.date.iso(), people_of(e)[0] if people_of(e)[0] != "Penny Wong" else people_of(e)[1]) for e in found) == [
        ("2024-03-10", "Winston Peters"),
        ("2024-03-11", "Fiame Naomi"),
    ]


def test_the_speaker_who_reports_a_meeting_is_not_one_of_its_sides():
    text = "President Lula da Silva said that Foreign Minister Mauro Vieira held talks with Foreign Minister Wang Yi in Beijing on Monday."
    [meeting] = events_of(text, published=DAY)
    assert people_of(meeting) == ["Mauro Vieira", "Wang Yi"]


def test_a_possessive_visit_is_a_visit_of_its_owner():
    [visit] = events_of("Shuttle diplomacy resumes with Prime Minister Kenji Sato’s visit to Seoul on Sunday.", published=DAY)
    assert visit.kind == "visit" and people_of(visit) == ["Kenji Sato"] and visit.venue.name == "Seoul"


def test_countries_that_agree_to_restore_ties_made_an_agreement_known_by_its_countries():
    [agreement] = events_of("Chile and Bolivia agreed to restore diplomatic relations on Tuesday.", published=DAY)
    assert agreement.kind == "agreement" and agreement.participants == [] and agreement.countries == ["BO", "CL"]


def test_a_leader_who_unveils_a_plan_makes_a_statement():
    [statement] = events_of("On March 1, President Gustavo Petro unveiled a ten-point peace plan.", published=DAY)
    assert statement.kind == "statement" and statement.date.iso() == "2024-03-01"


def test_what_a_spokesman_says_will_happen_is_that_meeting_not_his_statement():
    text = "Kremlin aide Yury Ushakov told reporters that President Vladimir Putin and President Cyril Ramaphosa would hold a meeting on March 14."
    [meeting] = events_of(text, published=DAY)
    assert meeting.kind == "meeting" and people_of(meeting) == ["Cyril Ramaphosa", "Vladimir Putin"]


def test_romanisations_of_one_name_are_one_person():
    assert names_match("Yoon Seok-yeol", "Yoon Suk Yeol")
    assert names_match("Subrahmanyam Jaishanker", "S Jaishankar")
    assert not names_match("Li Qiang", "Li Keqiang")


def test_a_two_word_demonym_before_a_title_gives_the_country_and_finds_the_person_again():
    text = (
        "South Korean President Lee Jae-myung met Prime Minister Shigeru Ishiba in Tokyo on Monday.\n"
        "The meeting came hours after the South Korean president arrived in the country on a two-day trip."
    )
    found = events_of(text, published=DAY)
    [visit] = [e for e in found if e.kind == "visit"]
    assert people_of(visit) == ["Lee Jae-myung"]
    assert visit.participants[0].country == "KR"


def test_beginning_a_trip_to_a_country_is_a_visit():
    [visit] = events_of("Chancellor Friedrich Merz began a two-day trip to India on Monday.", published=DAY)
    assert visit.kind == "visit" and visit.venue.country == "IN"


def test_a_negation_in_another_clause_does_not_cancel_the_meeting():
    text = "Beijing has so far refused to supply weapons, as expected after the meeting between President Xi Jinping and President Vladimir Putin."
    [meeting] = events_of(text, published=DAY)
    assert people_of(meeting) == ["Vladimir Putin", "Xi Jinping"]
    assert events_of("President Xi Jinping refused to meet President Joe Biden.", published=DAY) == []


def test_a_surname_two_people_share_is_the_one_with_an_office():
    text = (
        "Prime Minister Fumio Kishida and his wife Yuko Kishida arrived in Seoul on Sunday.\n"
        "Kishida met President Yoon Suk Yeol on Monday."
    )
    meeting = [e for e in events_of(text, published=DAY) if e.kind == "meeting"][0]
    assert people_of(meeting) == ["Fumio Kishida", "Yoon Suk Yeol"]


def test_during_his_visit_the_visitor_is_the_sentences_subject():
    found = events_of("President Yoon Suk Yeol met Prime Minister Fumio Kishida on Thursday during his two-day visit to Japan.", published=DAY)
    [visit] = [e for e in found if e.kind == "visit"]
    assert people_of(visit) == ["Yoon Suk Yeol"]


def test_two_people_describing_their_talks_with_a_third_had_talks_of_their_own():
    text = "Foreign Minister Wang Yi and Vice Premier Ding Xuexiang described their talks with Secretary Marco Rubio as candid on Monday."
    found = events_of(text, published=DAY)
    assert sorted(people_of(e) for e in found) == [["Ding Xuexiang", "Marco Rubio"], ["Marco Rubio", "Wang Yi"]]


def test_offices_written_short_or_in_hindi_are_titles_not_names():
    [meeting] = events_of("Raksha Mantri Shri Rajnath Singh met EAM S Jaishankar and PM Narendra Modi in New Delhi on Monday.", published=DAY)
    assert people_of(meeting) == ["Narendra Modi", "Rajnath Singh", "S Jaishankar"]
    roles = {p.name: p.role for p in meeting.participants}
    assert roles["Rajnath Singh"] == "Defence Minister" and roles["S Jaishankar"] == "External Affairs Minister"


def test_a_place_that_qualifies_what_was_discussed_is_not_the_venue():
    [meeting] = events_of(
        "Secretary of State Antony Blinken held talks with National Security Advisor Ajit Doval on the security situation in Afghanistan.",
        published=DAY,
    )
    assert meeting.venue is None or meeting.venue.country != "AF"


def test_a_conflict_a_list_or_an_outbreak_in_a_place_is_what_was_discussed_not_the_venue():
    [meeting] = events_of(
        "The conflicts in Ukraine and the Middle East came up during the talks as Prime Minister Ravi Perera met "
        "Chancellor Tom Hale during delegation-level discussions in Vienna on Wednesday.",
        published=DAY,
    )
    assert meeting.venue.name == "Vienna"
    [meeting] = events_of(
        "Prime Minister Ravi Perera held talks with Chancellor Tom Hale in which they spoke about conflicts around the world, including in Ukraine.",
        published=DAY,
    )
    assert meeting.venue is None or meeting.venue.country != "UA"
    [call] = events_of(
        "Prime Minister Ravi Perera on Saturday talked to his counterpart Tom Hale and thanked him for his support during the second wave in India.",
        published=DAY,
    )
    assert call.venue is None


def test_an_event_where_a_traveller_came_from_is_there_and_not_of_the_arrivals_day():
    visit, meeting = events_of("Prime Minister Ravi Perera reached Austria on Tuesday from Russia where he met President Tom Hale.", published=DAY)
    assert (visit.kind, visit.venue.name, visit.date.iso()) == ("visit", "Austria", "2024-03-12")
    assert (meeting.kind, meeting.venue.name, meeting.date.known) == ("meeting", "Russia", False)
    _, meeting = events_of("Prime Minister Ravi Perera arrived in Vienna on Tuesday from Moscow, where he held talks with President Tom Hale on Monday.", published=DAY)
    assert (meeting.venue.name, meeting.date.iso()) == ("Moscow", "2024-03-11")


def test_the_place_the_events_own_words_give_comes_before_an_earlier_place_in_the_sentence():
    [visit] = events_of(
        "Prime Minister Ravi Perera discussed the attack on a children's hospital in Kyiv on Monday, the same day he reached Moscow.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.venue.name == "Moscow"


def test_a_time_inside_an_aside_between_dashes_is_not_the_events_and_one_after_it_is():
    [visit] = events_of(
        "Prime Minister Ravi Perera arrived in Cyprus for a two-day trip – his first visit after he returned from Saudi Arabia in April – on Sunday.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.date.iso() == "2024-03-10"


def test_the_first_passage_to_name_the_people_of_a_meeting_known_by_its_countries_reports_it():
    text = (
        "Leading Austrian and Indian business leaders met.\n\n"
        "The talks between Prime Minister Perera and Chancellor Hale focused on the war."
    )
    [meeting] = [e for e in events_of(text, published=DAY) if e.kind == "meeting"]
    assert people_of(meeting) == ["Hale", "Perera"]
    assert any(text[s.start : s.end].startswith("The talks between") for s in meeting.spans)


def test_a_meeting_soon_after_arriving_is_the_meeting_and_the_arrival_of_the_one_who_met():
    text = "Astana: Prime Minister Ravi Perera met President Tom Hale on Tuesday soon after arriving here on a two-day visit during which he will attend the SCO summit."
    kinds = {e.kind: e for e in events_of(text, published=DAY)}
    assert set(kinds) == {"visit", "meeting"}  # (the summit is still to come, in the clause)
    assert people_of(kinds["visit"]) == ["Ravi Perera"] and people_of(kinds["meeting"]) == ["Ravi Perera", "Tom Hale"]
    assert kinds["meeting"].date.iso() == kinds["visit"].date.iso() == "2024-03-12"


def test_two_clauses_joined_by_while_each_with_its_own_subject_are_two_events():
    found = events_of(
        "Prime Minister Ravi Perera and Prime Minister Tom Hale had earlier met in Glasgow, while former President Anna Berg visited Croatia in 2019.",
        published=DAY,
    )
    assert sorted((e.kind, tuple(people_of(e))) for e in found) == [("meeting", ("Ravi Perera", "Tom Hale")), ("visit", ("Anna Berg",))]
    # (but not when the second clause is of the same people: one occasion)
    found = events_of(
        "Minister Ravi Perera and Minister Tom Hale discussed energy, while Greece will join the alliance with the signing of the agreement by Hale.",
        published=DAY,
    )
    assert found and all(people_of(e) == ["Ravi Perera", "Tom Hale"] for e in found)


def test_a_main_clause_meeting_to_come_is_kept_beside_the_visit_of_a_who_clause():
    found = events_of("Prime Minister Ravi Perera will meet President Tom Hale on Friday, who arrived yesterday.", published=DAY)
    assert sorted((e.kind, e.date.iso()) for e in found) == [("meeting", "2024-03-15"), ("visit", "2024-03-11")]


def test_an_award_names_its_giver_and_recipient():
    [honour] = events_of("While in Cyprus, President Tom Hale awarded Prime Minister Ravi Perera the island nation's highest honour.", published=DAY)
    assert honour.kind == "other" and people_of(honour) == ["Ravi Perera", "Tom Hale"]
    [honour] = events_of("Sri Lanka conferred the prestigious Mithra Vibhushana medal on Prime Minister Ravi Perera.", published=DAY)
    assert people_of(honour) == ["Ravi Perera"]


def test_a_ceremonial_welcome_and_a_visit_its_traveller_describes_are_visits():
    [visit] = events_of("Defence Minister Ravi Perera was accorded a ceremonial welcome in Canberra on Monday.", published=DAY)
    assert visit.kind == "visit" and visit.venue.name == "Canberra" and visit.date.iso() == "2024-03-11"
    [visit] = events_of("King Ravi Perera was accorded a ceremonial welcome by President Tom Hale in Delhi.", published=DAY)
    assert visit.kind == "visit" and people_of(visit) == ["Ravi Perera", "Tom Hale"]  # (the host takes part)
    [visit] = events_of(
        "Prime Minister Ravi Perera on Monday called his visit to Austria very special and said both countries will work together.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.date.iso() == "2024-03-11"  # (the verb after the day is past: "called")


def test_a_welcome_beside_where_the_meeting_took_place_still_places_the_meeting():
    text = (
        "Prime Minister Ravi Perera and his Australian counterpart Tom Hale held bilateral talks. The PMO said that the bilateral "
        "meeting took place at the Admiralty House in Sydney and Perera was accorded a ceremonial welcome upon his arrival. "
        "Both leaders recalled their first Annual Leaders' Summit held in March 2023 in New Delhi."
    )
    meeting = next(e for e in events_of(text) if e.kind == "meeting")
    assert meeting.venue.name == "Sydney" and not meeting.date.known  # (not the summit of March 2023)


def test_the_two_leaders_are_the_heads_of_government_not_the_last_pair_of_ministers():
    text = (
        "Prime Minister Ravi Perera held talks with Prime Minister Tom Hale on Wednesday.\n\n"
        "Foreign Minister Anna Berg and External Affairs Minister Jan Kowal have also met in 2023.\n\n"
        "The two leaders also welcomed the signing of four documents, including an MoU on agriculture."
    )
    [agreement] = [e for e in events_of(text, published=DAY) if e.kind == "agreement"]
    assert people_of(agreement) == ["Ravi Perera", "Tom Hale"]


def test_a_meeting_met_to_attend_is_dated_by_the_meetings_days_in_the_past():
    [meeting] = events_of(
        "The foreign ministers of Brazil, Russia, India, China and South Africa met in Cape Town to attend the meeting from June 1-2.",
        published=DAY.replace(month=7),
    )
    assert meeting.date.iso() == "2024-06-01" and meeting.date.end == datetime.date(2024, 6, 2)


def test_calling_someone_to_extend_greetings_is_a_call():
    [call] = events_of("Prime Minister Ravi Perera today called PM Tom Hale to extend his greetings on Independence Day.", published=DAY)
    assert call.kind == "meeting" and call.remote and people_of(call) == ["Ravi Perera", "Tom Hale"]
    assert call.date.iso() == "2024-03-12"


def test_giving_a_keynote_address_is_a_statement():
    [speech] = events_of("Vice President Ravi Perera also gave the keynote address at the UN Day of Vesak Celebrations on March 10.", published=DAY)
    assert speech.kind == "statement" and speech.date.iso() == "2024-03-10"


def test_an_opening_reaching_a_place_is_the_subjects_arrival_there():
    [visit] = events_of("Reaching Mongolia on the night of March 5, Defence Minister Ravi Perera was given a guard of honour.", published=DAY)
    assert visit.kind == "visit" and people_of(visit) == ["Ravi Perera"]
    assert visit.venue.name == "Mongolia" and visit.date.iso() == "2024-03-05"


def test_a_joint_press_conference_with_the_minister_of_a_country_is_a_meeting():
    [meeting] = events_of(
        "Remarks of the Minister of Foreign Affairs of Armenia Ravi Perera at the joint press conference with the Minister of Foreign Affairs of India Tom Hale",
        published=DAY,
    )
    assert meeting.kind == "meeting" and people_of(meeting) == ["Ravi Perera", "Tom Hale"]


def test_a_programme_that_included_meetings_with_several_is_the_travellers_meeting_with_each():
    text = (
        "Indian Foreign Minister Ravi Perera held talks with Austrian Foreign Minister Tom Hale in Vienna on Monday. In addition to "
        "bilateral talks, the program included meetings with Federal President Anna Berg and Federal Chancellor Jan Kowal."
    )
    found = events_of(text, published=DAY)
    assert sorted(tuple(people_of(e)) for e in found) == [("Anna Berg", "Ravi Perera"), ("Jan Kowal", "Ravi Perera"), ("Ravi Perera", "Tom Hale")]
    # (the guest of the talks, not the host, met them; on days the programme does not give)
    assert all(not e.date.known for e in found if "Tom Hale" not in people_of(e))


def test_two_who_had_spoken_had_a_conversation_before_the_report():
    [call] = events_of("Minister Ravi Perera noted that President Tom Hale and President Anna Berg had spoken soon after the attack.", published=DAY)
    assert call.kind == "meeting" and people_of(call) == ["Anna Berg", "Tom Hale"] and not call.date.known


def test_people_and_places_in_what_a_meeting_was_for_are_not_its_own():
    [meeting] = events_of(
        "Foreign Minister Ravi Perera said he met with his Indian colleague Tom Hale to explore the likelihood of President Anna Berg visiting New Delhi.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ravi Perera", "Tom Hale"] and meeting.venue is None


def test_an_occasion_something_was_launched_at_and_a_meeting_held_recently_are_before_the_report():
    text = (
        "Prime Minister Ravi Perera met President Tom Hale on Monday. Perera welcomed Tanzania's decision to join "
        "the Global Biofuels Alliance launched by India at the G20 Summit."
    )
    summit = next(e for e in events_of(text, published=DAY) if e.kind == "summit")
    assert not summit.date.known  # (not the lead's Monday)
    text = "Prime Minister Ravi Perera spoke with President Tom Hale on Saturday. The foreign ministers of Brazil, Russia, India, China and South Africa recently met in Cape Town."
    meeting = next(e for e in events_of(text, published=DAY) if not e.participants)
    assert not meeting.date.known


def test_talking_to_a_counterpart_is_a_conversation_placed_nowhere():
    [call] = events_of("New Delhi: Prime Minister Ravi Perera on Saturday talked to his Vietnamese counterpart Tom Hale.", published=DAY)
    assert call.kind == "meeting" and people_of(call) == ["Ravi Perera", "Tom Hale"]
    assert call.venue is None and call.date.iso() == "2024-03-09"


def test_a_city_named_after_a_lowercase_description_is_the_venue():
    [meeting] = events_of("Prime Minister Ravi Perera on Friday held a surprise meeting with President Tom Hale, in the historic city of Samarkand, Uzbekistan.", published=DAY)
    assert meeting.venue.name == "Samarkand"


def test_a_month_of_last_year_is_that_month_a_year_before():
    [meeting] = events_of("Minister Penny Wong met Minister Winston Peters in Wellington in April last year.", published=DAY)
    assert meeting.date.iso() == "2023-04"


def test_a_secretary_of_defence_with_a_middle_initial_is_a_person():
    [meeting] = events_of("External Affairs Minister Dr S Jaishankar and US Secretary of Defence, Lloyd J Austin Saturday held wide-ranging talks.", published=DAY)
    assert people_of(meeting) == ["Lloyd J Austin", "S Jaishankar"]


def test_a_building_after_a_hindi_word_is_no_person_and_a_first_lady_is_no_side_of_the_talks():
    found = events_of(
        "President Mohamed Muizzu received a ceremonial welcome at Rashtrapati Bhavan on Monday.\n"
        "President Joe Biden and First Lady Jill Biden hosted Prime Minister Narendra Modi for a dinner on Monday.",
        published=DAY,
    )
    names = {p.name for e in found for p in e.participants}
    # no "Bhavan", no "First Lady Jill"; a spouse hosts, not meets; a guest's welcome is the guest's visit
    assert names == {"Mohamed Muizzu", "Joe Biden", "Narendra Modi"}
    assert [e.kind for e in found if people_of(e) == ["Mohamed Muizzu"]] == ["visit"]


def test_two_countries_signing_stand_for_the_pair_even_when_one_persons_country_is_not_said():
    text = (
        "Prime Minister Narendra Modi held talks with Australian Prime Minister Malcolm Turnbull in New Delhi on Monday.\n"
        "India and Australia have inked six agreements."
    )
    meeting, agreement = events_of(text, published=DAY)
    assert agreement.kind == "agreement" and people_of(agreement) == people_of(meeting)


def test_a_headline_meeting_and_a_body_summit_of_the_same_people_are_one_event():
    text = "Putin and Kim meet in Amur region\n\nPresident Vladimir Putin and leader Kim Jong Un held a summit at the cosmodrome on Wednesday."
    [event] = events_of(text, published=DAY)
    assert len(event.spans) == 2


def test_being_in_talks_is_a_meeting():
    [meeting] = events_of("President Vladimir Putin and leader Kim Jong Un are currently in rare talks at a cosmodrome.", published=DAY)
    assert meeting.kind == "meeting" and people_of(meeting) == ["Kim Jong Un", "Vladimir Putin"]


def test_a_headline_event_no_sentence_reports_is_news_of_the_day_not_the_leads():
    text = (
        "Putin meets Kim at cosmodrome\n\n"
        "North Korean leader Kim Jong Un arrived in Russia on March 10 by train, and President Vladimir Putin thanked him.\n"
    )
    found = events_of(text, published=DAY)
    [visit] = [e for e in found if e.kind == "visit"]
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert visit.date.iso() == "2024-03-10"
    assert meeting.date.iso() == "2024-03-12" and "headline" in meeting.date.evidence


def test_a_meeting_known_by_its_countries_takes_the_people_the_report_names_for_that_office():
    text = (
        "Deputy foreign ministers from Chile, Peru and Ecuador held consultations in Lima on Tuesday.\n"
        "Taking part were Chilean Deputy Foreign Minister Ana Rojas and Peruvian Deputy Foreign Minister Luis Vega."
    )
    [meeting, *_] = events_of(text, published=DAY)
    assert meeting.countries == ["CL", "EC", "PE"] and people_of(meeting) == ["Ana Rojas", "Luis Vega"]


def test_the_four_countries_are_the_four_the_report_listed():
    text = (
        "Deputy foreign ministers from Russia, Iran, Syria and Turkey held consultations in Astana on Tuesday.\n"
        "A May 10 meeting between the four countries’ foreign ministers in Moscow agreed on a roadmap."
    )
    found = events_of(text, published=DAY)
    assert [e.countries for e in found] == [["IR", "KZ", "RU", "SY", "TR"], ["IR", "RU", "SY", "TR"]]
    assert found[1].date.iso() == "2023-05-10"


def test_talks_a_speaker_says_he_closed_are_his_and_happened():
    text = (
        "President Joe Biden hosted President Yoon Suk Yeol on Friday.\n"
        "Mr Biden said the three countries would set up a hotline, at the close of his talks with President Yoon Suk Yeol and Prime Minister Fumio Kishida."
    )
    talks = events_of(text, published=DAY)[-1]
    assert people_of(talks) == ["Fumio Kishida", "Joe Biden", "Yoon Suk Yeol"] and talks.date.known


def test_the_leaders_of_named_countries_at_a_summit_are_the_reports_heads_of_those_countries():
    text = (
        "President Joe Biden and the leaders of Japan and South Korea agreed on Friday to expand ties at a summit at Camp David.\n"
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol praised the talks."
    )
    summit = events_of(text, published=DAY)[0]
    assert summit.kind == "summit" and people_of(summit) == ["Fumio Kishida", "Joe Biden", "Yoon Suk Yeol"]


def test_a_numeric_date_is_a_day_only_when_one_number_cannot_be_a_month():
    [meeting] = events_of("President Joe Biden and President Xi Jinping meet at the estate on 11/15/2023.")
    assert meeting.date.iso() == "2023-11-15"
    [meeting] = events_of("President Joe Biden and President Xi Jinping meet at the estate on 5/6/2023.")
    assert not meeting.date.known


def test_a_town_named_like_a_word_after_the_is_no_venue():
    [meeting] = events_of("President Joe Biden met President Xi Jinping at the Summit on Wednesday.", published=DAY)
    assert meeting.venue is None


def test_where_two_leaders_last_met_is_another_meeting():
    text = (
        "President Joe Biden met President Xi Jinping in Woodside on Wednesday.\n"
        "Biden and Xi last met in Bali, Indonesia."
    )
    assert len(events_of(text, published=DAY)) == 2


def test_the_raksha_mantri_is_indias_defence_minister_when_the_report_names_two():
    text = (
        "Raksha Mantri Shri Rajnath Singh held a bilateral meeting with the Minister of Defence of Vietnam, General Phan Van Giang in New Delhi today.\n"
        "The Raksha Mantri also called on Prime Minister Shri Narendra Modi later in the day."
    )
    first, second = events_of(text, published=DAY)
    assert people_of(second) == ["Narendra Modi", "Rajnath Singh"]


def test_a_date_in_a_relative_clause_does_not_date_the_sentences_event():
    text = (
        "Minister Sushma Swaraj met Foreign Minister Wang Yi in Beijing on Monday.\n"
        "Swaraj, who arrived in Beijing on Sunday, also held talks with Vice President Wang Qishan."
    )
    found = events_of(text, published=DAY)
    [talks] = [e for e in found if "Wang Qishan" in people_of(e)]
    assert talks.date.iso() == "2024-03-11"


def test_a_headline_naming_one_side_of_the_bodys_meetings_is_their_headline():
    text = (
        "Defence Minister Rajnath Singh holds bilateral meetings with his Uzbek counterpart\n\n"
        "Raksha Mantri Rajnath Singh held a bilateral meeting with Minister of Defence of Uzbekistan Lieutenant General Bakhodir Kurbanov on April 28, 2023."
    )
    [meeting] = events_of(text, published=datetime.date(2023, 4, 29))
    assert meeting.date.iso() == "2023-04-28"


def test_visiting_before_an_office_says_who_visits_not_where():
    [meeting] = events_of(
        "New Delhi: Defence Minister Rajnath Singh held a bilateral meeting with visiting US Secretary of Defence Lloyd Austin on Monday.",
        published=DAY,
    )
    assert meeting.venue.country == "IN"


def test_a_lone_surname_that_consults_or_hosts_is_a_person():
    [meeting] = events_of("Macron also consulted on Friday with his Ukrainian counterpart Volodymyr Zelensky.", published=DAY)
    assert people_of(meeting) == ["Macron", "Volodymyr Zelensky"]


def test_two_people_who_spoke_on_a_day_had_a_conversation():
    [call] = events_of("US President Joe Biden and Xi Jinping spoke on April 2 in a new bid to manage tensions.")
    assert call.kind == "meeting" and people_of(call) == ["Joe Biden", "Xi Jinping"]
    assert not call.date.known and call.date.month_day == (4, 2)


def test_a_visit_others_are_set_to_make_does_not_hide_the_call_before_it():
    text = "Biden, Xi speak in phone call as top US officials set to visit China\n\nPresident Joe Biden and President Xi Jinping agreed to talk."
    found = events_of(text, published=DAY)
    [call] = [e for e in found if e.kind == "meeting"]
    assert call.venue is None and call.remote


def test_leaders_who_witness_the_exchange_of_agreements_made_an_agreement():
    text = "Prime Minister Narendra Modi and Prime Minister Anthony Albanese witnessed the exchange of seven MoUs in New Delhi on Monday."
    [agreement] = events_of(text, published=DAY)
    assert agreement.kind == "agreement" and people_of(agreement) == ["Anthony Albanese", "Narendra Modi"]


def test_a_visit_written_as_a_possession_beside_a_summit_is_a_visit_too():
    text = "This comes a month after President Yoon Suk Yeol’s visit to Tokyo for a summit with Prime Minister Fumio Kishida."
    kinds = sorted(e.kind for e in events_of(text, published=DAY))
    assert kinds == ["summit", "visit"]


def test_a_headline_in_the_future_without_its_verb_is_a_coming_event():
    [visit] = events_of("Shuttle diplomacy to be resumed with Kenji Sato’s visit to Seoul\n\nPrime Minister Kenji Sato spoke.", published=DAY)
    assert not visit.date.known and "coming" in visit.date.evidence


def test_an_outlets_name_and_date_closing_a_caption_line_date_the_report():
    text = (
        "Leaders talk\nPresident Cyril Ramaphosa and President Vladimir Putin - Sputnik Africa, 1920, 15.07.2023\n"
        "President Vladimir Putin and President Cyril Ramaphosa held a telephone conversation on Saturday."
    )
    found = extract_document(text)
    assert found.published == datetime.date(2023, 7, 15)
    assert found.events[0].date.iso() == "2023-07-15"


def test_a_place_in_a_when_clause_is_not_the_events_venue():
    text = "It will be the first summit of President Joe Biden and Prime Minister Fumio Kishida since May, when they met in Hiroshima."
    [summit] = events_of(text, published=DAY)
    assert summit.venue is None


def test_a_leaders_native_city_is_a_venue_and_a_stated_venue_beats_the_scene():
    text = (
        "President Vladimir Putin on Thursday launched a summit with leaders from the continent.\n"
        "The two-day summit in Putin’s native St. Petersburg drew the leaders.\n"
        "Secretary of State Antony Blinken spoke during a visit to New Zealand."
    )
    summit = events_of(text, published=DAY)[0]
    assert summit.venue.name == "Saint Petersburg"


def test_a_place_in_parentheses_is_no_venue():
    [meeting] = events_of("President Vladimir Putin will meet President Recep Tayyip Erdogan at noon (2:00 p.m. in Lisbon) on Monday.", published=DAY)
    assert meeting.venue is None


def test_two_leaders_emerging_from_their_meeting_met():
    [meeting] = events_of("President Joe Biden and President Xi Jinping emerged Wednesday from their first face-to-face meeting in a year.")
    assert meeting.kind == "meeting" and meeting.date.weekday == 2


def test_initials_stand_for_the_person_the_report_names_in_full():
    text = "Crown Prince Mohammed bin Salman hosted President Joe Biden on Friday.\nBiden met MBS in Jeddah."
    second = events_of(text, published=DAY)[-1]
    assert people_of(second) == ["Joe Biden", "Mohammed bin Salman"]


def test_a_leaders_spouse_is_not_a_side_of_a_meeting():
    [meeting] = events_of("President Yoon Suk Yeol and his wife Kim Keon Hee met President Mohamed bin Zayed in Abu Dhabi on Sunday.", published=DAY)
    assert people_of(meeting) == ["Mohamed bin Zayed", "Yoon Suk Yeol"]


def test_a_fathers_name_after_bin_is_not_the_sons():
    assert not names_match("Salman", "Mohammed bin Salman")
    assert names_match("Mohammed bin Salman", "Mohammed bin Salman bin Abdulaziz")


def test_a_caption_naming_someone_with_an_office_lets_the_body_find_them_by_description():
    text = (
        "Talks\nSouth African President Cyril Ramaphosa and President Vladimir Putin - Agency, 15.07.2023\n"
        "On June 17, the South African president outlined a plan of 10 principles for peace."
    )
    [statement] = events_of(text)
    assert statement.kind == "statement" and people_of(statement) == ["Cyril Ramaphosa"]


def test_a_name_written_apart_or_together_is_one_person():
    assert names_match("Salman bin Abdul Aziz", "Salman bin Abdulaziz Al Saud")
    assert not names_match("Xi Jin", "Xi Jinping")


def test_an_undated_meeting_of_other_people_than_the_leads_is_not_given_the_leads_day():
    text = (
        "President Xi Jinping received President Lula da Silva in Beijing on Friday.\n"
        "Premier Li Qiang held talks with Foreign Minister Mauro Vieira."
    )
    lead, other = events_of(text, published=DAY)
    assert lead.date.iso() == "2024-03-08" and not other.date.known


def test_bilateral_meetings_on_the_sidelines_of_a_summit_are_the_meetings():
    text = (
        "On the eve of the G20 Summit, Prime Minister Narendra Modi held bilateral meetings with President Joe Biden "
        "and with Prime Minister Pravind Kumar Jugnauth in New Delhi on Friday."
    )
    found = events_of(text, published=DAY)
    assert sorted((e.kind, people_of(e)[0] if people_of(e)[0] != "Narendra Modi" else people_of(e)[1]) for e in found) == [
        ("meeting", "Joe Biden"),
        ("meeting", "Pravind Kumar Jugnauth"),
    ]


def test_a_paragraph_set_at_another_time_gives_its_meeting_that_time_not_the_leads_day_nor_the_reports():
    lead = "President Gabriel Boric hosted Prime Minister Anthony Albanese in Santiago on Monday.\n\n"
    flashback = (
        "Albanese had been received in August by the mayor of Valparaiso. "
        "Albanese met Foreign Minister Alberto van Klaveren in Valparaiso, where they discussed lithium.\n\n"
    )
    events = events_of(lead + flashback, published=DAY)
    [earlier] = [e for e in events if "Alberto van Klaveren" in people_of(e)]
    assert (earlier.date.iso(), earlier.date.precision) == ("2023-08", "month")  # the paragraph's month, no day
    assert "another time" in earlier.date.evidence
    [today] = [e for e in events if e.venue and e.venue.name == "Santiago"]
    assert today.date.iso() == "2024-03-11"


def test_a_paragraph_that_tells_the_lead_again_at_its_place_keeps_the_leads_day():
    text = (
        "SANTIAGO, Chile: President Gabriel Boric met the Australian prime minister on Monday. "
        "Anthony Albanese took office on May 23 after an election. "
        "He met Boric at the presidential palace in the city of Santiago, where they discussed lithium."
    )
    events = events_of(text, published=DAY)
    both = [e for e in events if people_of(e) == ["Anthony Albanese", "Gabriel Boric"]]
    assert both and all(e.date.iso() == "2024-03-11" for e in both)


def test_the_city_of_a_place_is_the_place():
    [meeting] = events_of("Chancellor Olaf Scholz met President Emmanuel Macron in the port city of Marseille on Monday.", published=DAY)
    assert meeting.venue.name == "Marseille"


def test_one_report_of_the_same_pair_in_towns_of_two_countries_is_two_meetings():
    text = (
        "President Lula met President Xi Jinping in Beijing on Friday. "
        "Lula and Xi also held talks at a summit in Johannesburg, where they discussed trade."
    )
    events = events_of(text, published=DAY)
    assert sorted(e.venue.name for e in events) == ["Beijing", "Johannesburg"]
    assert all(len(e.participants) == 2 for e in events)


def test_a_meeting_with_someone_described_but_not_named_is_dated_apart_from_the_named_one():
    text = "Wong, who is in India for a second day of talks, met India's top diplomat on Tuesday and with Defence Minister Rajnath Singh on Monday."
    events = events_of("Foreign Minister Penny Wong arrived in New Delhi on Monday.\n\n" + text, published=DAY)
    meetings = sorted((e.date.iso(), people_of(e)) for e in events if e.kind == "meeting")
    assert meetings == [("2024-03-11", ["Penny Wong", "Rajnath Singh"]), ("2024-03-12", ["Penny Wong"])]


def test_the_holder_named_after_an_office_written_in_full_is_a_person_and_the_office_is_not():
    [meeting] = events_of(
        "Foreign Minister Penny Wong met the Secretary of the Security Council of Chile Mario Marcel in Santiago on Monday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Mario Marcel", "Penny Wong"]
    [greeted] = [
        e for e in events_of(
            "Prime Minister Anthony Albanese arrived in Chile on Monday. He was met by the Governor of the Valparaiso Region "
            "Rodrigo Mundaca and the head of the Ministry of Foreign Affairs Alberto van Klaveren.",
            published=DAY,
        )
        if e.kind == "meeting"
    ]
    assert people_of(greeted) == ["Alberto van Klaveren", "Anthony Albanese", "Rodrigo Mundaca"]


def test_the_word_opening_an_institutions_name_is_not_a_person():
    [meeting] = events_of("Chancellor Olaf Scholz held talks with European Commission President Ursula von der Leyen on Monday.", published=DAY)
    assert people_of(meeting) == ["Olaf Scholz", "Ursula von der Leyen"]


def test_a_building_named_after_a_place_is_not_that_place():
    [meeting] = events_of(
        "NEW DELHI: Prime Minister Narendra Modi held talks with Chancellor Olaf Scholz at Hyderabad House on Monday.",
        published=DAY,
    )
    assert meeting.venue.name == "New Delhi"


def test_a_counterpart_known_by_country_is_the_one_person_of_that_country_the_report_names():
    text = (
        "Prime Minister Mark Carney and his Mexican counterpart will meet in Ottawa on Friday. "
        "Officials said the talks between Carney and Mexican President Claudia Sheinbaum would cover trade."
    )
    meetings = events_of(text, published=DAY)
    assert [people_of(e) for e in meetings] == [["Claudia Sheinbaum", "Mark Carney"]]
    assert meetings[0].date.iso() == "2024-03-15"


def test_the_head_of_state_named_beside_the_title_has_that_country():
    [meeting] = events_of("Chancellor Olaf Scholz met the Kenyan head of state, William Ruto, in Berlin on Monday.", published=DAY)
    [ruto] = [p for p in meeting.participants if p.name == "William Ruto"]
    assert ruto.country == "KE" and ruto.role == "Head of State"


def test_the_time_of_what_a_first_meeting_comes_after_does_not_date_it():
    text = (
        "Chancellor Olaf Scholz will meet President Emmanuel Macron in Paris. "
        "It will be the first meeting between Scholz and Macron after France left the pact, in January, over fishing."
    )
    assert all(e.date.precision != "month" for e in events_of(text, published=DAY))


def test_a_day_within_the_period_a_sentence_opens_with_dates_its_event():
    text = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday.\n\nThis year the two spoke by phone on February 2."
    dates = sorted(e.date.iso() for e in events_of(text, published=DAY))
    assert dates == ["2024-02-02", "2024-03-11"]


def test_a_press_conference_is_not_a_meeting():
    text = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday. Government spokesman Steffen Hebestreit spoke at his daily press conference."
    assert [people_of(e) for e in events_of(text, published=DAY)] == [["Emmanuel Macron", "Olaf Scholz"]]


def test_the_day_a_dateline_gives_is_when_the_report_was_filed_not_when_its_event_was():
    text = "Lima, March 12 (AGN) - President Dina Boluarte received Chilean President Gabriel Boric in Lima on Monday."
    [meeting] = events_of(text, published=DAY)
    assert meeting.date.iso() == "2024-03-11"


def test_a_host_who_receives_a_guest_on_a_state_visit_meets_the_guest():
    text = "President Dina Boluarte received her Chilean counterpart Gabriel Boric in Lima on Monday and welcomed him on his state visit to Peru."
    found = events_of(text, published=DAY)
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert people_of(meeting) == ["Dina Boluarte", "Gabriel Boric"] and meeting.date.iso() == "2024-03-11"
    [visit] = [e for e in found if e.kind == "visit"]
    assert visit.participants[0].name == "Gabriel Boric"  # the guest travels; the host takes part


def test_several_meetings_told_together_are_given_no_one_day():
    text = (
        "President Emmanuel Macron opened the summit in Paris on Monday.\n\n"
        "During their meetings or talks with Macron, Chancellor Olaf Scholz and Prime Minister Giorgia Meloni backed the plan."
    )
    found = [e for e in events_of(text, published=DAY) if "Olaf Scholz" in people_of(e) or "Giorgia Meloni" in people_of(e)]
    assert found and all(not e.date.known for e in found)
    assert all("several meetings" in e.date.evidence for e in found)


def test_bilateral_meetings_held_on_the_storys_day_keep_its_day():
    text = (
        "Defence Minister Rajnath Singh attended the SCO meeting in New Delhi on Monday.\n\n"
        "He held bilateral meetings with the Defence Minister of Belarus, Lt Gen Viktor Khrenin, and Defence Minister of Kazakhstan, Ruslan Zhaksylykov."
    )
    bilateral = [e for e in events_of(text, published=DAY) if len(e.participants) == 2]
    assert len(bilateral) == 2 and all(e.date.iso() == "2024-03-11" for e in bilateral)


def test_he_after_a_sentence_that_names_someone_as_an_owner_is_the_other_person():
    text = (
        "President Lula met President Xi Jinping in Beijing on Friday.\n\n"
        "Earlier it became known about Xi’s decision to send officials to meet Lula. "
        "He was met by Foreign Minister Wang Yi."
    )
    [greeted] = [e for e in events_of(text, published=DAY) if "Wang Yi" in people_of(e)]
    assert people_of(greeted) == ["Lula", "Wang Yi"]
    assert not greeted.date.known and "Earlier" in greeted.date.evidence  # the paragraph tells of before


def test_the_heads_of_two_delegations_at_talks_met_there():
    text = (
        "Foreign Minister Ana Celia met Minister Pedro Alvarez in Havana on Monday.\n\n"
        "Deputy Minister Carlos Fernandez led the Cuban delegation and Vice Minister Luis Moreno led the Mexican "
        "delegation during the talks in Havana from March 4 to 8, according to a joint statement."
    )
    [talks] = [e for e in events_of(text, published=DAY) if "Carlos Fernandez" in people_of(e)]
    assert talks.kind == "meeting" and people_of(talks) == ["Carlos Fernandez", "Luis Moreno"]
    assert talks.date.iso() == "2024-03-04" and talks.date.end == datetime.date(2024, 3, 8)


def test_what_a_report_tells_of_talks_over_several_days_is_dated_to_their_month_not_their_first_day():
    text = (
        "Deputy Minister Carlos Fernandez met Vice Minister Luis Moreno for talks in Havana from March 4 to 8.\n\n"
        "Fernandez and Moreno agreed to restore air links and reopen their consulates, the statement said."
    )
    [agreement] = [e for e in events_of(text, published=DAY) if e.kind == "agreement"]
    assert (agreement.date.iso(), agreement.date.precision) == ("2024-03", "month")
    assert "on a day it does not give" in agreement.date.evidence


def test_what_a_report_tells_of_talks_that_run_until_its_own_day_is_news_of_that_day():
    text = (
        "Deputy Minister Carlos Fernandez met Vice Minister Luis Moreno for talks in Havana from March 8 to 12.\n\n"
        "Fernandez and Moreno agreed to restore air links and reopen their consulates, the statement said."
    )
    [agreement] = [e for e in events_of(text, published=DAY) if e.kind == "agreement"]
    assert (agreement.date.iso(), agreement.date.precision) == ("2024-03-12", "day")
    assert agreement.date.evidence.startswith("the date of the report")


def test_two_peoples_meeting_named_by_their_possessive_is_a_meeting():
    text = (
        "President Gabriel Boric hosted President Lula in Santiago on Monday.\n\n"
        "The plan builds on the points agreed at Boric and Lula's meeting in Brasilia in January."
    )
    found = sorted((e.date.iso(), e.venue.country) for e in events_of(text, published=DAY) if e.kind == "meeting")
    assert found == [("2024-01", "BR"), ("2024-03-11", "CL")]


def test_a_phone_call_between_the_two_is_not_the_meeting_at_a_venue_the_report_tells_of():
    text = (
        "President Gabriel Boric hosted President Lula in Santiago on Monday.\n\n"
        "Officials said that the phone call between the two leaders, which lasted an hour, eased tensions."
    )
    meetings = [e for e in events_of(text, published=DAY) if e.kind == "meeting"]
    assert len(meetings) == 2
    [call] = [e for e in meetings if e.remote]
    assert call.venue is None


def test_a_working_lunch_with_unnamed_leaders_is_a_meeting():
    [lunch] = events_of(
        "On Friday, Chancellor Olaf Scholz is set to discuss trade during a working lunch with a group of African heads of state.",
        published=DAY,
    )
    assert lunch.kind == "meeting" and people_of(lunch) == ["Olaf Scholz"] and lunch.date.iso() == "2024-03-15"


def test_a_host_to_be_and_a_guest_received_by_officials_are_meetings_but_a_welcome_to_a_place_is_not():
    [hosting] = events_of("President Lula will host Chancellor Olaf Scholz in Brasilia on Friday.", published=DAY)
    assert hosting.kind == "meeting" and people_of(hosting) == ["Lula", "Olaf Scholz"]
    [received] = events_of("Chancellor Olaf Scholz was received on Monday by the governor of Sao Paulo.", published=DAY)
    assert received.kind == "meeting" and people_of(received) == ["Olaf Scholz"]
    assert events_of("Welcome to Brasilia, Chancellor Olaf Scholz and President Emmanuel Macron.", published=DAY) == []


def test_countries_that_sign_during_a_named_leaders_visit_are_an_agreement_of_them_and_that_leader():
    found = events_of(
        "Chile and Brazil on Monday signed a roadmap on lithium during President Lula's visit to Santiago.", published=DAY
    )
    [agreement] = [e for e in found if e.kind == "agreement"]
    assert agreement.countries == ["BR", "CL"]
    assert people_of(agreement) == ["Lula"] and agreement.date.iso() == "2024-03-11"
    [visit] = [e for e in found if e.kind == "visit"]  # the visit is an event too
    assert people_of(visit) == ["Lula"] and visit.venue.name == "Santiago"


def test_a_meeting_someone_proposes_between_countries_is_not_an_event():
    assert events_of("President Gustavo Petro proposed a meeting between Colombia, Brazil and Ecuador on the drought.", published=DAY) == []


def test_the_capital_named_after_the_word_capital_is_the_venue():
    [meeting] = events_of("Crown Prince Mohammed bin Salman hosted President Lula at a reception in the capital Riyadh on Monday.", published=DAY)
    assert meeting.venue.name == "Riyadh"
    [visit] = events_of("President Lula landed in the Saudi capital, Riyadh, on Monday.", published=DAY)
    assert visit.venue.name == "Riyadh"


def test_talks_someone_describes_happened_before_on_a_day_not_given():
    text = (
        "President Lula received Foreign Minister Mauro Vieira in Brasilia on Monday.\n\n"
        "Vieira described his talks with Secretary Marco Rubio as frank."
    )
    [talks] = [e for e in events_of(text, published=DAY) if "Marco Rubio" in people_of(e)]
    assert people_of(talks) == ["Marco Rubio", "Mauro Vieira"]
    assert not talks.date.known and "“described his talks”" in talks.date.evidence


def test_without_a_dateline_only_the_leads_people_are_set_where_the_lead_is():
    text = (
        "Australian Foreign Minister Penny Wong visited Wellington on Monday.\n\n"
        "South African President Cyril Ramaphosa and Brazilian President Lula held talks on trade."
    )
    [talks] = [e for e in events_of(text, published=DAY) if "Lula" in people_of(e)]
    assert talks.venue is None


def test_a_run_of_days_named_by_weekdays_dates_an_event_by_both():
    [summit] = events_of(
        "The summit in Santiago from Monday to Tuesday was attended by President Lula and President Gabriel Boric.", published=DAY
    )
    assert summit.date.iso() == "2024-03-11" and summit.date.end == datetime.date(2024, 3, 12)


def test_a_handshake_in_a_photographs_caption_is_a_meeting_of_a_day_it_does_not_give():
    text = (
        "Chile and Peru agree to reopen border crossings\n\n"
        "President Gabriel Boric, left, shakes hands with his Peruvian counterpart Dina Boluarte in Lima. (AP Photo)\n\n"
        "President Gabriel Boric and President Dina Boluarte agreed on Monday to reopen three border crossings."
    )
    [handshake] = [e for e in events_of(text, published=DAY) if e.kind == "meeting"]
    assert handshake.kind == "meeting" and people_of(handshake) == ["Dina Boluarte", "Gabriel Boric"]
    assert not handshake.date.known and "caption" in handshake.date.evidence


def test_a_run_of_days_written_with_both_months_dates_an_event_by_both():
    [visit] = events_of("From March 30 to April 2, President Lula will be in Chile on a state visit.", published=DAY)
    assert visit.date.iso() == "2024-03-30" and visit.date.end == datetime.date(2024, 4, 2)


def test_a_paragraph_about_an_earlier_meeting_is_not_joined_to_the_lead_and_sets_no_lead():
    text = (
        "Foreign Minister Mauro Vieira held a meeting with his US counterpart Marco Rubio in Washington.\n\n"
        "The last dialogue between Brazil and the US was held in Washington in April last year. "
        "Vieira and Defence Minister Jose Mucio were welcomed by Rubio and Secretary Pete Hegseth.\n\n"
        "Earlier in the day, Vieira met Trade Representative Jamieson Greer."
    )
    found = events_of(text, published=DAY)
    [lead] = [e for e in found if people_of(e) == ["Marco Rubio", "Mauro Vieira"]]
    assert lead.date.iso() == "2024-03-12"
    # The welcome is the dialogue of the sentence before, of people of those countries: one event.
    [dialogue] = [e for e in found if "Pete Hegseth" in people_of(e)]
    assert (dialogue.date.iso(), dialogue.date.precision) == ("2023-04", "month")
    assert dialogue.countries == ["BR", "US"]
    [greer] = [e for e in found if "Jamieson Greer" in people_of(e)]
    assert greer.date.iso() == "2024-03-12"  # a flashback a year back is no lead whose people alone keep the day


def test_the_town_named_after_the_country_of_a_visit_is_the_venue_and_a_recalled_meeting_is_past():
    text = (
        "On the second day of his visit to Italy, Defence Minister Richard Marles met industry leaders in Turin on Tuesday. "
        "He recalled his warm meeting with Italian Defence Minister Guido Crosetto."
    )
    found = events_of(text, published=DAY)
    [industry] = [e for e in found if people_of(e) == ["Richard Marles"]]
    assert industry.venue.name == "Turin"
    [recalled] = [e for e in found if "Guido Crosetto" in people_of(e)]
    assert not recalled.date.known


def test_two_days_joined_by_an_ampersand_are_a_run_of_days():
    [visit] = events_of("Secretary Pete Hegseth is visiting India on November 09 & 10, 2023.", published=DAY)
    assert visit.date.iso() == "2023-11-09" and visit.date.end == datetime.date(2023, 11, 10)


def test_a_luncheon_given_in_someones_honour_is_a_meeting_with_them():
    [lunch] = events_of(
        "On Monday, Vice President Geraldo Alckmin and Foreign Minister Mauro Vieira organised a luncheon at Itamaraty "
        "in honour of Prime Minister Mark Carney.",
        published=DAY,
    )
    assert lunch.kind == "meeting" and people_of(lunch) == ["Geraldo Alckmin", "Mark Carney", "Mauro Vieira"]
    assert lunch.date.iso() == "2024-03-11"


def test_a_day_outside_the_relative_clause_that_holds_the_event_does_not_date_it():
    text = "Chancellor Olaf Scholz, who is visiting Brazil at the invitation of President Lula, will join him for a banquet on Thursday."
    visits = [e for e in events_of(text, published=DAY) if e.kind == "visit"]
    assert visits and all(e.date.iso() != "2024-03-14" for e in visits)


def test_a_summit_dated_and_placed_before_anyone_is_named_dates_and_places_the_summit_they_attend():
    [summit] = events_of(
        "BERLIN, March 12 (Wire) - The Baltic-Nordic Summit will be held on March 14-15 in Tallinn.\n\n"
        "Chancellor Olaf Scholz and leaders from Estonia, Latvia and Lithuania are taking part in the summit.",
        published=DAY,
    )
    assert summit.kind == "summit" and people_of(summit) == ["Olaf Scholz"]
    assert (summit.date.iso(), summit.date.end) == ("2024-03-14", datetime.date(2024, 3, 15))
    assert summit.venue.name == "Tallinn"


def test_a_summit_of_long_ago_does_not_date_the_summit_of_the_report():
    [summit] = events_of(
        "The Baltic-Nordic Summit is the second of its kind after one held in 2019 in Riga.\n\n"
        "Chancellor Olaf Scholz is taking part in the summit.",
        published=DAY,
    )
    assert summit.date.iso() == "2024-03-12"
    assert summit.venue is None or summit.venue.name != "Riga"


def test_the_people_a_report_names_at_one_summit_over_its_days_are_one_summit():
    [summit] = events_of(
        "Chancellor Olaf Scholz gave a speech at the Baltic-Nordic Summit in Tallinn on Wednesday.\n\n"
        "The summit from Tuesday to Wednesday was attended by Latvian President Edgars Rinkevics and "
        "Lithuanian President Gitanas Nauseda.",
        published=datetime.date(2024, 3, 13),
    )
    assert people_of(summit) == ["Edgars Rinkevics", "Gitanas Nauseda", "Olaf Scholz"]
    assert (summit.date.iso(), summit.date.end) == ("2024-03-12", datetime.date(2024, 3, 13))


def test_two_bilateral_summits_of_different_pairs_on_one_day_stay_two():
    summits = events_of(
        "Chancellor Olaf Scholz and President Emmanuel Macron held a summit in Paris on Tuesday.\n\n"
        "Prime Minister Giorgia Meloni and Prime Minister Pedro Sanchez held a summit in Rome on Tuesday.",
        published=DAY,
    )
    assert sorted(people_of(s) for s in summits) == [["Emmanuel Macron", "Olaf Scholz"], ["Giorgia Meloni", "Pedro Sanchez"]]


def test_the_one_a_relative_clause_says_is_on_a_visit_is_the_traveller_and_met_the_subject():
    found = events_of(
        "Chancellor Olaf Scholz held talks with President Emmanuel Macron, who is on a state visit to Germany, "
        "in Berlin on Monday.",
        published=DAY,
    )
    [visit] = [e for e in found if e.kind == "visit"]
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert people_of(visit) == ["Emmanuel Macron"]
    assert people_of(meeting) == ["Emmanuel Macron", "Olaf Scholz"] and meeting.date.iso() == "2024-03-11"
    assert meeting.venue.name == "Berlin"


def test_met_earlier_with_no_other_time_is_earlier_the_same_day():
    found = events_of(
        "President Recep Tayyip Erdogan arrived in Athens on Tuesday for talks with Prime Minister Kyriakos Mitsotakis.\n\n"
        "Erdogan met earlier with President Katerina Sakellaropoulou at the Presidential Mansion.",
        published=DAY,
    )
    [meeting] = [e for e in found if e.kind == "meeting" and "Katerina Sakellaropoulou" in people_of(e)]
    assert meeting.date.iso() == "2024-03-12"


def test_met_earlier_this_year_is_another_time():
    [meeting] = events_of("President Recep Tayyip Erdogan met earlier this year with Prime Minister Kyriakos Mitsotakis.", published=DAY)
    assert meeting.date.iso() != "2024-03-12"


def test_a_visit_made_for_a_number_of_days_from_a_day_is_a_run_of_days():
    [visit] = events_of("Prime Minister Fumio Kishida will make a visit to Seoul for two days from Sunday.", published=DAY)
    assert visit.kind == "visit" and people_of(visit) == ["Fumio Kishida"] and visit.venue.name == "Seoul"
    assert (visit.date.iso(), visit.date.end) == ("2024-03-17", datetime.date(2024, 3, 18))
    [visit] = events_of("President Lula will pay a visit to Japan for three days starting May 20.", published=DAY)
    assert (visit.date.iso(), visit.date.end) == ("2024-05-20", datetime.date(2024, 5, 22))


def test_nobody_visits_their_own_country():
    found = events_of("Kim Jong Un thanked Russian President Vladimir Putin for the invitation to visit Russia.", published=DAY)
    assert all(not (e.kind == "visit" and "Vladimir Putin" in people_of(e)) for e in found)
    # the one invited is the traveller
    assert [people_of(e) for e in found if e.kind == "visit"] in ([], [["Kim Jong Un"]])


def test_the_one_thanked_for_an_invitation_is_the_host_and_the_one_invited_travels():
    [visit] = events_of("Prime Minister Narendra Modi thanked President Emmanuel Macron for the invitation to visit France.", published=DAY)
    assert people_of(visit) == ["Narendra Modi"] and visit.venue.name == "France"


def test_a_surname_alone_that_holds_a_meeting_is_a_person():
    [meeting] = events_of(
        "Albanese held a bilateral meeting with Indonesian President Joko Widodo on the margins of the summit in Jakarta.",
        published=DAY,
    )
    assert meeting.kind == "meeting" and people_of(meeting) == ["Albanese", "Joko Widodo"]


def test_the_people_of_a_country_named_with_an_honorific_are_nobody():
    [meeting] = events_of("Minister Penny Wong calls on Sri Lankan President Ranil Wickremesinghe in Colombo.", published=DAY)
    assert people_of(meeting) == ["Penny Wong", "Ranil Wickremesinghe"]


def test_reaching_a_named_place_is_a_visit():
    [visit] = events_of("Foreign Minister Penny Wong reached Cyprus on Monday.", published=DAY)
    assert visit.kind == "visit" and visit.venue.name == "Cyprus" and visit.date.iso() == "2024-03-11"


def test_news_in_the_present_tense_is_of_the_report_day_whatever_purpose_follows():
    [visit] = [e for e in events_of(
        "Prime Minister Anthony Albanese arrives in Tokyo on a two-day visit to Japan to attend the Quad leaders' summit.",
        published=DAY,
    ) if e.kind == "visit"]
    assert visit.date.iso() == "2024-03-12"


def test_a_meeting_that_came_some_days_after_another_dates_the_other_by_counting_back():
    found = events_of(
        "Foreign Minister Penny Wong and Deputy Secretary of State Kurt Campbell on Monday held talks in Canberra.\n\n"
        "The meeting comes six days after Wong held talks with Secretary of State Antony Blinken in Tokyo.\n\n"
        "The talks came nearly eight months after Wong held a meeting with Foreign Minister Wang Yi in Bali.",
        published=DAY,
    )
    by_other = {next(n for n in people_of(e) if n != "Penny Wong"): e.date for e in found if e.kind == "meeting"}
    assert by_other["Kurt Campbell"].iso() == "2024-03-11"
    assert by_other["Antony Blinken"].iso() == "2024-03-05"
    assert (by_other["Wang Yi"].iso(), by_other["Wang Yi"].precision) == ("2023-07", "month")


def test_a_title_written_twice_before_a_name_does_not_break_the_report():
    [visit] = events_of("Defence Secretary Defence Secretary Mark Esper is scheduled to visit India for the dialogue.", published=DAY)
    assert people_of(visit) == ["Mark Esper"]


def test_the_time_of_what_a_trip_that_happened_was_for_does_not_date_the_trip():
    [visit] = [e for e in events_of(
        "Deputy Secretary of State Kurt Campbell arrived in Canberra on a three-day visit primarily to finalise "
        "the groundwork for the ministerial dialogue later this month.",
        published=DAY,
    ) if e.kind == "visit"]
    assert visit.date.iso() == "2024-03-12"


def test_the_time_of_what_a_coming_trip_is_for_dates_the_trip():
    [visit] = [e for e in events_of(
        "Prime Minister Anthony Albanese will travel to Japan to attend the Quad summit on May 24.", published=DAY,
    ) if e.kind == "visit"]
    assert visit.date.iso() == "2024-05-24"


def test_talks_that_started_or_a_meeting_they_are_having_is_a_meeting():
    for sentence in (
        "Prime Minister Anthony Albanese and President Joko Widodo started their bilateral talks on Monday.",
        "Prime Minister Anthony Albanese and President Joko Widodo are having a one-on-one meeting on Monday.",
    ):
        [meeting] = events_of(sentence, published=DAY)
        assert meeting.kind == "meeting" and people_of(meeting) == ["Anthony Albanese", "Joko Widodo"]
        assert meeting.date.iso() == "2024-03-11"


def test_a_dateline_with_a_qualifier_after_the_city_places_the_report():
    [meeting] = events_of(
        "Washington DC: Prime Minister Anthony Albanese met President Joe Biden at the White House on Monday.", published=DAY
    )
    assert meeting.venue.name == "Washington"


def test_common_adjectives_of_countries_give_the_country():
    [meeting] = events_of(
        "Foreign Minister Penny Wong met Maldivian President Mohamed Muizzu and Nepali Prime Minister Pushpa Kamal Dahal "
        "in Male on Monday.",
        published=DAY,
    )
    assert {p.name: p.country for p in meeting.participants} == {
        "Penny Wong": None, "Mohamed Muizzu": "MV", "Pushpa Kamal Dahal": "NP"
    }


def test_a_dateline_on_a_line_of_its_own_places_the_report():
    [meeting] = events_of(
        "Marles meets Belarus Defence Minister\nQINGDAO, March 12:\n"
        "Defence Minister Richard Marles on Monday held talks with Belarusian counterpart Viktor Khrenin.",
        published=DAY,
    )
    assert meeting.venue.name == "Qingdao"


def test_flying_into_a_city_is_a_visit_to_it():
    [visit] = events_of("Secretary of Defence Lloyd Austin flew into New Delhi on Sunday from Singapore.", published=DAY)
    assert visit.kind == "visit" and visit.venue.name == "New Delhi" and visit.date.iso() == "2024-03-10"


def test_a_telephonic_conversation_is_a_call():
    [call] = events_of("President Joe Biden had a telephonic conversation with Prime Minister Anthony Albanese.", published=DAY)
    assert call.kind == "meeting" and call.remote and people_of(call) == ["Anthony Albanese", "Joe Biden"]


def test_the_name_of_a_body_or_an_accord_is_nobody():
    [call] = events_of(
        "President Vladimir Putin spoke to Prime Minister Anthony Albanese on Monday and wished him well for Lok Sabha polls.",
        published=DAY,
    )
    assert people_of(call) == ["Anthony Albanese", "Vladimir Putin"]


def test_a_meeting_on_the_sidelines_of_a_summit_named_with_its_abbreviation_is_a_meeting():
    [meeting] = events_of(
        "Prime Minister Anthony Albanese will meet President Joko Widodo on March 14 on the sidelines of the "
        "Association of Southeast Asian Nations (ASEAN) summit.",
        published=DAY,
    )
    assert meeting.kind == "meeting" and people_of(meeting) == ["Anthony Albanese", "Joko Widodo"]


def test_a_meeting_on_the_sidelines_of_the_summit_is_where_the_report_placed_the_summit():
    found = events_of(
        "Canberra: Prime Minister Anthony Albanese will attend the ASEAN summit in Jakarta today.\n\n"
        "On the sidelines of the summit, Albanese will hold a bilateral meeting with President Joko Widodo.",
        published=DAY,
    )
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert meeting.venue.name == "Jakarta"


def test_a_host_who_greets_a_guest_as_he_arrives_meets_him_on_his_visit():
    found = events_of(
        "Prime Minister Anthony Albanese greeted President Joko Widodo as he arrives at Parliament House in Canberra "
        "for talks with the Australian leader.",
        published=DAY,
    )
    [visit] = [e for e in found if e.kind == "visit"]
    [meeting] = [e for e in found if e.kind == "meeting"]
    assert visit.participants[0].name == "Joko Widodo"  # the guest travels
    assert people_of(meeting) == ["Anthony Albanese", "Joko Widodo"] and meeting.venue.name == "Canberra"


def test_talks_described_after_the_report_of_the_same_peoples_talks_are_those_talks():
    found = events_of(
        "Prime Minister Anthony Albanese and President Joko Widodo held talks in Canberra on Monday.\n\n"
        "Widodo praised the talks with Albanese and invited him for a return visit.",
        published=DAY,
    )
    meetings = [e for e in found if e.kind == "meeting"]
    assert len(meetings) == 1 and meetings[0].date.iso() == "2024-03-11"


def test_what_a_paragraph_says_came_after_a_meeting_does_not_date_the_meeting():
    found = events_of(
        "In early January, a newspaper wrote that ties between Indonesia and Australia are now close. "
        "Jakarta has refused to sign a defence pact, as expected after the meeting between "
        "President Joko Widodo and Prime Minister Anthony Albanese.",
        published=DAY,
    )
    assert all(not e.date.known for e in found if e.kind == "meeting")


def test_a_counterpart_known_by_a_two_word_country_is_the_one_person_of_it_the_report_names():
    found = events_of(
        "South African President Cyril Ramaphosa will attend the summit.\n\n"
        "Prime Minister Anthony Albanese and his South African counterpart held a telephone conversation on Monday.",
        published=DAY,
    )
    [call] = [e for e in found if e.kind == "meeting"]
    assert people_of(call) == ["Anthony Albanese", "Cyril Ramaphosa"]


def test_a_summit_dated_and_placed_after_a_leader_arrives_for_it_dates_and_places_the_leaders_summit():
    text = (
        "CANBERRA, March 12 (Wire) - Prime Minister Anthony Albanese has arrived in Jakarta for the ASEAN Summit.\n\n"
        "The ASEAN Summit will be held in Jakarta on March 14-15."
    )
    [summit] = [e for e in events_of(text, published=DAY) if e.kind == "summit"]
    assert (summit.date.iso(), summit.date.end) == ("2024-03-14", datetime.date(2024, 3, 15))
    assert summit.venue.name == "Jakarta"
    assert any(text[s.start : s.end].startswith("The ASEAN Summit will be held") for s in summit.spans)


def test_agreements_exchanged_during_a_leaders_visit_give_the_visit_too():
    found = events_of(
        "Australia and Argentina exchanged 10 agreements during the Argentine President Javier Milei’s "
        "three-day visit to Australia from March 10 to 12.",
        published=DAY,
    )
    [visit] = [e for e in found if e.kind == "visit"]
    assert people_of(visit) == ["Javier Milei"] and visit.venue.name == "Australia"
    assert (visit.date.iso(), visit.date.end) == ("2024-03-10", datetime.date(2024, 3, 12))


def test_an_agreement_of_two_countries_is_the_one_the_leaders_it_names_exchanged():
    found = events_of(
        "Australia and Indonesia on Tuesday signed seven agreements at a ceremony in Jakarta’s Merdeka Palace. "
        "Officials exchanged the agreements in the presence of Prime Minister Anthony Albanese and his Indonesia "
        "counterpart Joko Widodo.\n\n"
        "The signing was preceded by delegation-level talks led by Albanese and Widodo.",
        published=DAY,
    )
    [agreement] = [e for e in found if e.kind == "agreement"]
    assert people_of(agreement) == ["Anthony Albanese", "Joko Widodo"]
    assert agreement.date.iso() == "2024-03-12" and agreement.venue.name == "Jakarta"
    assert {p.name: p.country for p in agreement.participants}["Joko Widodo"] == "ID"
    [talks] = [e for e in found if e.kind == "meeting"]
    assert people_of(talks) == ["Anthony Albanese", "Joko Widodo"] and talks.date.iso() == "2024-03-12"


def test_a_visit_of_some_days_that_ends_or_begins_on_a_given_day_is_a_run_of_days():
    [visit] = events_of("Foreign Minister Penny Wong on Monday concluded her two-day visit to Indonesia.", published=DAY)
    assert (visit.date.iso(), visit.date.end) == ("2024-03-10", datetime.date(2024, 3, 11))
    [visit] = events_of("Foreign Minister Penny Wong arrived in Hanoi on Monday on a three-day visit to Vietnam.", published=DAY)
    assert (visit.date.iso(), visit.date.end) == ("2024-03-11", datetime.date(2024, 3, 13))


def test_calling_on_one_leader_and_holding_talks_with_another_are_two_meetings():
    found = events_of(
        "During the visit, Foreign Minister Penny Wong called on President Joko Widodo and held talks with "
        "Foreign Minister Retno Marsudi on Monday.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in found if e.kind == "meeting") == [
        ["Joko Widodo", "Penny Wong"], ["Penny Wong", "Retno Marsudi"]
    ]


def test_a_time_stamp_line_with_a_label_before_it_is_the_publication_date():
    text = (
        "Minister arrives in Dhaka for talks\n\nOther News Materials 9 February 2009 10:36 (UTC +04:00)\n\n"
        "Foreign Minister Penny Wong arrived in Dhaka Monday for talks."
    )
    assert extract_document(text).published == datetime.date(2009, 2, 9)


def test_meeting_face_to_face_is_no_purpose_that_hides_the_date():
    [meeting] = events_of(
        "President Joe Biden and President Xi Jinping last met face to face at a G20 meeting in Bali last November.",
        published=DAY,
    )
    assert (meeting.date.iso(), meeting.date.precision) == ("2023-11", "month")


def test_the_time_of_an_announcement_does_not_date_the_coming_event_it_announces():
    found = events_of(
        "Last month, the White House announced that President Joe Biden and President Xi Jinping would be "
        "meeting at the summit.",
        published=DAY,
    )
    assert found and all(e.date.iso() != "2024-02" for e in found)


def test_a_meeting_spoken_of_as_a_noun_is_not_a_meeting():
    assert events_of(
        "The White House acted fast to put focus on Biden meeting with President Xi Jinping instead.", published=DAY
    ) == []


def test_meetings_of_a_leader_with_the_leaders_just_named_are_one_meeting_with_each():
    found = events_of(
        "The summit on Tuesday was attended by Indonesian President Joko Widodo, Malaysian Prime Minister Anwar Ibrahim "
        "and Thai Prime Minister Srettha Thavisin.\n\n"
        "During their meetings or talks with Prime Minister Anthony Albanese, the leaders expressed support for the plan.",
        published=DAY,
    )
    meetings = sorted(people_of(e) for e in found if e.kind == "meeting")
    assert meetings == [
        ["Anthony Albanese", "Anwar Ibrahim"], ["Anthony Albanese", "Joko Widodo"], ["Anthony Albanese", "Srettha Thavisin"]
    ]


# Sentences of the kinds real reports are made of, the tricky ones included (titles written twice,
# places with apostrophes, possessives, honorifics, runs of days, relative clauses), and loose words.
SENTENCES = [
    "Defence Secretary Defence Secretary Mark Esper is scheduled to visit India.",
    "Jakarta has been chosen to host the first gathering of the leaders.",
    "The ASEAN Summit will be held on March 14-15 in Jakarta.",
    "Prime Minister Anthony Albanese has arrived in Jakarta for the ASEAN Summit.",
    "Albanese held talks with President Joko Widodo, who is on a state visit to Australia, on Monday.",
    "Foreign Minister Penny Wong on Monday concluded her two-day visit to Indonesia.",
    "Minister Penny Wong calls on Sri Lankan President Ranil Wickremesinghe in Colombo.",
    "Australia and Indonesia signed seven agreements in Jakarta’s Merdeka Palace.",
    "The meeting comes six days after Wong held talks with Antony Blinken in Tokyo.",
    "It was their first meeting in more than four years. Their last meeting was in late 2019.",
    "During their meetings or talks with Albanese, the leaders expressed support.",
    "Last month, the White House announced that the two leaders would be meeting at the summit.",
    "QINGDAO, March 12:\nDefence Minister Richard Marles held talks with his Belarusian counterpart.",
    "Washington DC: Albanese met President Joe Biden at the White House.",
    "Other News Materials 9 February 2009 10:36 (UTC +04:00)",
    "Albanese will make a visit to Seoul for two days from Sunday.",
    "The summit from Tuesday to Wednesday was attended by Joko Widodo and Anwar Ibrahim.",
    "Widodo praised the talks with Albanese and invited him for a return visit.",
    "The American president was received in July by the governor. Biden met Widodo in Jakarta.",
    "“We discussed everything,” Albanese said.",
]
PIECES = ["Defence", "Secretary", "President", "Sri", "Shri", "Xi’an", "summit", "on", "Monday", "’s", ",", ".", "\n\n", "(", "“"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(SENTENCES), st.sampled_from(PIECES)), min_size=1, max_size=12),
    st.sampled_from([None, DAY]),
)
def test_extraction_never_fails_on_any_mix_of_report_sentences(parts, published):
    """A document whose extraction raises is lost: no mix of what reports say may make it raise."""
    text = " ".join(parts)
    for event in extract_document(text, published=published, topics=TOPICS).events:
        assert all(0 <= s.start < s.end <= len(text) for s in event.spans)


def test_a_summit_no_sentence_places_is_where_the_report_says_a_town_hosts_it():
    found = events_of(
        "CANBERRA, March 12 (Wire) - It is no coincidence that Darwin has been chosen to host the first gathering of the leaders.\n\n"
        "The summit on Tuesday was attended by Indonesian President Joko Widodo and Prime Minister Anthony Albanese.",
        published=DAY,
    )
    [summit] = [e for e in found if e.kind == "summit"]
    assert summit.venue.name == "Darwin"


def test_the_envoy_of_a_country_is_the_one_office_holder_of_it_the_report_names():
    found = events_of(
        "US Secretary of State Antony Blinken met President Joko Widodo in Jakarta on Monday.\n\n"
        "The meeting came on the second day of the US envoy's trip to Indonesia.",
        published=DAY,
    )
    [visit] = [e for e in found if e.kind == "visit"]
    assert people_of(visit) == ["Antony Blinken"] and visit.venue.name == "Indonesia"


def test_the_nth_day_of_a_visit_on_a_given_day_dates_its_first_day():
    [visit] = [e for e in events_of(
        "On the third day of her visit to Vietnam on Tuesday, Foreign Minister Penny Wong toured Hanoi.", published=DAY
    ) if e.kind == "visit"]
    assert (visit.date.iso(), visit.date.end) == ("2024-03-10", datetime.date(2024, 3, 12))


def test_someone_in_a_country_for_the_second_day_of_meetings_is_visiting_it_since_the_day_before():
    found = events_of(
        "Blinken, who is in Indonesia for his second day of meetings, met Foreign Minister Retno Marsudi on Monday "
        "and with President Joko Widodo on Sunday. US Secretary of State Antony Blinken arrived on Sunday.",
        published=DAY,
    )
    [visit] = [e for e in found if e.kind == "visit" and e.venue and e.venue.name == "Indonesia"]
    assert (visit.date.iso(), visit.date.end) == ("2024-03-10", datetime.date(2024, 3, 11))


def test_the_dignitary_of_a_country_who_arrived_last_night_is_its_leaders_visit_of_the_day_before():
    found = events_of(
        "Indonesian President Joko Widodo met Prime Minister Anthony Albanese in Canberra on Tuesday.\n\n"
        "The Indonesian dignitary arrived in Canberra last night from Sydney.",
        published=DAY,
    )
    [visit] = [e for e in found if e.kind == "visit"]
    assert people_of(visit) == ["Joko Widodo"] and visit.date.iso() == "2024-03-11"


def test_a_meeting_told_in_a_when_clause_is_an_event_of_its_own_at_its_time_and_place():
    found = events_of(
        "It will be the first summit of the three leaders since May, when Albanese, Widodo and Anwar met in Bali "
        "on the sidelines of the G20 summit.\n\nPrime Minister Anthony Albanese, President Joko Widodo and "
        "Prime Minister Anwar Ibrahim will hold a summit in Darwin on Friday.",
        published=DAY,
    )
    [clause] = [e for e in found if e.venue and e.venue.name == "Bali"]
    assert (clause.date.iso(), clause.date.precision) == ("2023-05", "month")
    assert len(clause.participants) == 3
    assert all(e.date.iso() != "2023-05" for e in found if e is not clause)


def test_a_seat_of_government_is_in_its_city():
    [meeting] = events_of("Foreign Minister Penny Wong called on President Vladimir Putin at the Kremlin on Monday.", published=DAY)
    assert (meeting.venue.name, meeting.venue.country) == ("Moscow", "RU")


def test_dialling_someone_or_speaking_over_the_phone_is_a_call():
    [call] = events_of("Prime Minister Anthony Albanese on Monday dialled President Joko Widodo.", published=DAY)
    assert call.remote and people_of(call) == ["Anthony Albanese", "Joko Widodo"]
    [call] = events_of("Albanese spoke to Widodo over the phone on Monday.", published=DAY)
    assert call.remote and call.venue is None and people_of(call) == ["Albanese", "Widodo"]


def test_both_surnames_a_meeting_is_co_chaired_by_are_its_people():
    [dialogue] = events_of(
        "Australia and Japan held the second dialogue in Tokyo on Monday, co-chaired by Wong and Marles.", published=DAY
    )
    assert sorted(people_of(dialogue)) == ["Marles", "Wong"]


def test_two_surnames_alone_that_held_talks_are_the_meetings_people():
    [meeting] = events_of("Albanese and Widodo held talks at the Kremlin on Tuesday.", published=DAY)
    assert people_of(meeting) == ["Albanese", "Widodo"] and meeting.venue.name == "Moscow"


def test_a_city_whose_name_has_small_words_in_it_is_the_venue():
    [meeting] = events_of(
        "Foreign Minister Penny Wong held talks with Foreign Minister Mauro Vieira in Rio de Janeiro on Tuesday.",
        published=DAY,
    )
    assert meeting.venue.name == "Rio de Janeiro"


def test_a_surname_alone_before_a_relative_clause_that_then_arrives_is_the_traveller():
    [visit] = events_of("Wong, who is on a three-nation tour, reached Cyprus on Monday.", published=DAY)
    assert people_of(visit) == ["Wong"] and visit.venue.name == "Cyprus" and visit.date.iso() == "2024-03-11"


def test_the_two_leaders_of_a_sentence_naming_one_of_them_are_the_pair_that_person_was_last_in():
    [lead, other] = events_of(
        "Chancellor Olaf Scholz welcomed President Emmanuel Macron in Berlin for talks on Tuesday. "
        "Macron met earlier with President Frank-Walter Steinmeier at the Bellevue Palace. "
        "After talks with Scholz, the two leaders will make joint statements to the press.",
        published=DAY,
    )
    assert people_of(lead) == ["Emmanuel Macron", "Olaf Scholz"]
    assert people_of(other) == ["Emmanuel Macron", "Frank-Walter Steinmeier"]


def test_people_who_will_join_a_pairs_talks_are_that_meetings_people():
    [meeting] = events_of(
        "Prime Minister Mark Carney held talks with President Claudia Sheinbaum in Ottawa on Tuesday. "
        "In their talks, they were joined by Foreign Minister Anita Anand and Mexican counterpart Juan Velasco.",
        published=DAY,
    )
    assert people_of(meeting) == ["Anita Anand", "Claudia Sheinbaum", "Juan Velasco", "Mark Carney"]
    assert meeting.date.iso() == "2024-03-12"


def test_a_guest_received_somewhere_by_people_it_does_not_name_arrived_there():
    [visit] = events_of(
        "The Brazilian president was received in January by the governor of Bavaria and the ambassador in the city of Munich. "
        "President Luiz Inacio Lula da Silva later toured a factory.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.venue.name == "Munich"
    assert people_of(visit) == ["Luiz Inacio Lula da Silva"] and visit.date.iso() == "2024-01"


def test_the_following_day_is_the_day_after_the_one_the_paragraph_gave():
    events = events_of(
        "Foreign ministers of five Pacific nations visited Canberra on February 2 and held talks with officials. "
        "The following day, the delegation was received by Prime Minister Anthony Albanese in Sydney.",
        published=DAY,
    )
    [meeting] = [e for e in events if people_of(e) == ["Anthony Albanese"]]
    assert meeting.kind == "meeting" and meeting.date.iso() == "2024-02-03"
    assert meeting.venue.name == "Sydney"


def test_what_was_reached_at_a_meeting_is_no_arrival_but_reaching_a_place_is():
    events = events_of("Minister Penny Wong welcomed the understanding reached at a meeting in Hanoi on Monday.", published=DAY)
    assert [e.kind for e in events] != ["visit"]
    [visit] = events_of("External Affairs Minister S Jaishankar reached here on Monday for talks.", published=DAY)
    assert visit.kind == "visit" and people_of(visit) == ["S Jaishankar"]


def test_documents_signed_at_the_meeting_between_two_leaders_are_an_agreement_and_their_meeting():
    events = events_of(
        "Prime Minister Narendra Modi and President Vladimir Putin signed 28 documents on the sidelines of the meeting between Modi and Putin in Moscow on Monday.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert len(meeting.spans) == 1  # the talks alone, not the consultations the agreement sets up
    assert all(people_of(e) == ["Narendra Modi", "Vladimir Putin"] and e.date.iso() == "2024-03-11" for e in events)


def test_the_summit_two_leaders_go_on_to_after_their_meeting_is_an_event_of_its_own():
    events = events_of(
        "Prime Minister Narendra Modi met President Joe Biden in Hiroshima on Saturday before going to the G7 Summit.",
        published=DAY,
    )
    [met, later] = sorted(events, key=lambda e: e.date.known, reverse=True)
    assert met.date.iso() == "2024-03-09" and met.venue.name == "Hiroshima"
    assert later.kind == "summit" and not later.date.known and "G7 Summit" in later.title
    assert people_of(later) == people_of(met) == ["Joe Biden", "Narendra Modi"]


def test_each_of_two_travellers_arriving_for_a_summit_makes_a_trip_of_their_own():
    events = events_of(
        "Chinese Premier Li Qiang and Japanese Prime Minister Fumio Kishida arrived in Seoul on Sunday for a trilateral summit "
        "with South Korean President Yoon Suk Yeol.",
        published=DAY,
    )
    visits = sorted((people_of(e), e.venue.name, e.date.iso()) for e in events if e.kind == "visit")
    assert visits == [(["Fumio Kishida"], "Seoul", "2024-03-10"), (["Li Qiang"], "Seoul", "2024-03-10")]


def test_a_summit_known_by_its_name_whose_leaders_the_report_does_not_name_is_an_event_with_its_agreement():
    events = events_of(
        "ASTANA. Following the Central Asia – Japan Summit the Heads of State signed the Astana Declaration, the press service said.",
        published=DAY,
    )
    assert sorted((e.kind, e.participants == [], e.date.iso()) for e in events) == [
        ("agreement", True, "2024-03-12"), ("summit", True, "2024-03-12")
    ]
    summit = next(e for e in events if e.kind == "summit")
    assert "Central Asia – Japan Summit" in summit.title and "JP" in summit.countries
    assert next(e for e in events if e.kind == "agreement").title.startswith("Astana Declaration")


def test_a_summit_named_with_nobody_at_it_is_the_summit_the_report_names_leaders_at():
    [summit] = events_of(
        "President Joe Biden hosted Prime Minister Fumio Kishida and President Yoon Suk Yeol for a summit at Camp David on Friday. "
        "The White House released a list of principles to which they agreed at the Camp David Summit.",
        published=DAY,
    )
    assert summit.kind == "summit" and len(summit.participants) == 3 and len(summit.spans) == 2


def test_a_summit_the_report_calls_the_summit_is_no_name():
    assert events_of("Officials said the Summit was a success.", published=DAY) == []


def test_the_three_countries_of_an_agreement_are_the_three_its_sentence_lists():
    events = events_of(
        "President Joe Biden met Prime Minister Narendra Modi and Prime Minister Anthony Albanese in Sydney on Monday. "
        "After the meeting, the three countries released a joint statement that will guide cooperation among India, Australia and the United States.",
        published=DAY,
    )
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert agreement.countries == ["AU", "IN", "US"]
    assert agreement.date.iso() == "2024-03-11"



def test_a_guest_met_by_officials_with_no_day_of_their_own_was_met_the_day_the_report_says_they_arrived():
    events = events_of(
        "Earlier it became known that the president would send officials to meet Prime Minister Anthony Albanese. "
        "He was met by Governor Sam Mostyn and Minister Penny Wong.\n\n"
        "Albanese arrived in Jakarta on March 10 by plane.",
        published=DAY,
    )
    [met] = [e for e in events if e.kind == "meeting" and len(e.participants) == 3]
    assert people_of(met) == ["Anthony Albanese", "Penny Wong", "Sam Mostyn"]
    assert met.date.iso() == "2024-03-10" and "arrived" in met.date.evidence


# Found by reading India-related reports from the search tool's pages corpus


def test_talks_the_report_dates_in_a_later_sentence_are_one_event_on_that_day():
    [talks] = events_of(
        "New Delhi: Defence Minister Rajnath Singh has held talks with his Japanese counterpart Minoru Kihara to boost defence ties.\n\n"
        "During the delegation-level talks, held on Monday in Tokyo, the two leaders reviewed bilateral cooperation, a statement said.",
        published=DAY,
    )
    assert talks.date.iso() == "2024-03-11" and talks.venue.name == "Tokyo"
    assert len(talks.spans) == 2


def test_a_telephonic_conversation_and_an_interaction_are_calls():
    [call] = events_of(
        "In a telephonic conversation with U.S. Defence Secretary Lloyd Austin, Defence Minister Rajnath Singh on Monday discussed cooperation.",
        published=DAY,
    )
    assert call.kind == "meeting" and call.remote and people_of(call) == ["Lloyd Austin", "Rajnath Singh"]
    [virtual] = events_of(
        "New Delhi: Defence Minister Rajnath Singh interacted with his Malaysian counterpart Mohamed Khaled Nordin virtually on Monday.",
        published=DAY,
    )
    assert virtual.remote and virtual.venue is None and virtual.date.iso() == "2024-03-11"


def test_the_us_defence_secretary_is_not_the_defence_minister_named_last():
    [call] = events_of(
        "In a telephonic conversation with U.S. Defence Secretary Lloyd Austin, Defence Minister Rajnath Singh on Monday discussed cooperation. "
        "The call was held at the request of the US Defence Secretary.",
        published=DAY,
    )
    assert {p.name: p.country for p in call.participants}["Rajnath Singh"] != "US"


def test_relations_between_two_countries_that_one_minister_spoke_of_are_no_meeting_of_them():
    events = events_of(
        "Defence Minister Rajnath Singh met Malaysian Defence Minister Mohamed Khaled Nordin on Monday. "
        "On June 17, External Affairs Minister S Jaishankar had held talks with Malaysian Foreign Minister Mohamad Hasan. "
        "He reaffirmed the strong defence relations between India and Malaysia and discussed opportunities.",
        published=DAY,
    )
    assert all(len(e.participants) == 2 for e in events)


def test_the_country_of_two_offices_joined_by_and_is_both_offices():
    [meeting] = events_of(
        "Rajnath Singh held a bilateral meeting with Australia’s Deputy Prime Minister and Minister for Defence Richard Marles in Delhi on Monday.",
        published=DAY,
    )
    assert {p.name: p.country for p in meeting.participants}["Richard Marles"] == "AU"


def test_a_company_is_no_traveller_and_he_after_an_opening_phrase_is_the_subject():
    events = events_of(
        "German Defence Minister Boris Pistorius arrived in New Delhi on Monday for a four-day visit. "
        "In addition to the meeting with Mr. Singh, Mr. Pistorius is expected to meet start-ups. "
        "On Wednesday, he will travel to Mumbai, where he is likely to visit Mazagon Dock Shipbuilders Limited.",
        published=DAY,
    )
    # (the trip to Mumbai is part of the four-day visit to India)
    assert [people_of(e) for e in events if e.kind == "visit"] == [["Boris Pistorius"]]
    assert all("Mazagon Dock Shipbuilders" not in people_of(e) for e in events)


def test_the_external_affairs_minister_is_indias_and_a_dateline_without_a_space_sets_the_scene():
    [meeting] = events_of(
        "Washington:External Affairs Minister S Jaishankar held talks with US Secretary of State Antony Blinken here.",
        published=DAY,
    )
    assert {p.name: p.country for p in meeting.participants} == {"S Jaishankar": "IN", "Antony Blinken": "US"}
    assert meeting.venue.name == "Washington"


def test_the_speaker_closing_a_sentence_is_no_side_and_the_day_of_the_words_yields_to_the_events_own():
    events = events_of(
        "External Affairs Minister S Jaishankar and US Secretary of State Marco Rubio discussed bilateral ties in a meeting, "
        "ministry spokesman Randhir Jaiswal said on Thursday. The two leaders met at the State Department on Monday.",
        published=datetime.date(2025, 3, 14),
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Marco Rubio", "S Jaishankar"]
    assert meeting.date.iso() == "2025-03-10"


def test_the_meeting_took_place_in_a_city_places_the_meeting_just_told():
    [meeting] = events_of(
        "New Delhi, Feb 16 (PTI) External Affairs Minister S Jaishankar on Friday held talks with US Secretary of State Antony Blinken.\n\n"
        "The meeting took place in Munich on the sidelines of a security conference.",
        published=datetime.date(2024, 2, 16),
    )
    assert meeting.venue.name == "Munich" and meeting.venue_stated and len(meeting.spans) == 2


def test_an_office_run_ending_in_policy_is_no_part_of_the_name_and_a_clause_of_another_verb_ends_a_meetings_people():
    events = events_of(
        "Jaishankar also held separate meetings with the EU's High Representative for Foreign Affairs and Security Policy Kaja Kallas on Friday. "
        "He also met US Secretary of Defence Pete Hegseth, and attended an event honouring Mahatma Gandhi.",
        published=DAY,
    )
    names = {p.name for e in events for p in e.participants}
    assert "Mahatma Gandhi" not in names and not any(n.startswith("Policy") for n in names)


def test_he_after_a_sentence_whose_him_is_the_subject_so_far_is_still_that_subject():
    events = events_of(
        "Prime Minister Narendra Modi arrived in Tokyo on Tuesday for a state visit. "
        "Governor Yuriko Koike will join him at a reception on Wednesday. "
        "Afterwards, he will leave for Osaka where a meeting is scheduled with Prime Minister Shigeru Ishiba.",
        published=DAY,
    )
    travellers = {p.name for e in events if e.kind == "visit" for p in e.participants}
    assert travellers == {"Narendra Modi"}


def test_the_first_lady_with_an_honorific_accompanies_and_is_no_side():
    [meeting] = events_of(
        "PM Narendra Modi was warmly received by President Joe Biden and First Lady Dr. Jill Biden at the White House on Wednesday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Joe Biden", "Narendra Modi"]


def test_a_delegation_the_report_does_not_name_that_visited_and_held_talks_met_the_one_it_names():
    [meeting] = events_of(
        "A delegation of five Pacific countries visited Canberra on March 4 and held talks with Prime Minister Anthony Albanese.",
        published=DAY,
    )
    assert meeting.kind == "meeting" and people_of(meeting) == ["Anthony Albanese"]
    assert meeting.date.iso() == "2024-03-04"


def test_an_agreement_signed_earlier_in_the_day_is_not_the_one_the_report_leads_with():
    events = events_of(
        "Prime Minister Narendra Modi and President Vladimir Putin on Tuesday signed a joint statement on their partnership.\n\n"
        "Earlier in the day, India and Russia signed a number of documents on the sidelines of the meeting between Modi and Putin.",
        published=DAY,
    )
    agreements = [e for e in events if e.kind == "agreement"]
    assert len(agreements) == 2 and {e.date.iso() for e in agreements} == {"2024-03-12"}
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.date.iso() == "2024-03-12" and not meeting.date.evidence.startswith("earlier")


def test_a_speaker_recalling_in_quotes_what_they_and_another_reached_somewhere_tells_of_a_past_meeting_there():
    events = events_of(
        "President Vladimir Putin met Prime Minister Narendra Modi in Moscow on Monday. "
        '"We will follow through on the understandings President Xi and I reached in Kazan," said Modi, adding that ties were strong. '
        "President Xi Jinping was not present.",
        published=DAY,
    )
    [recalled] = [e for e in events if e.venue and e.venue.name == "Kazan"]
    assert people_of(recalled) == ["Narendra Modi", "Xi Jinping"]
    assert not recalled.date.known


def test_a_visit_that_continued_on_a_day_is_a_visit_and_the_meeting_that_day_its_own():
    events = events_of(
        "President Emmanuel Macron arrived in New Delhi on Sunday for a state visit. "
        "On Monday, Macron's visit continued and he met Prime Minister Narendra Modi.",
        published=DAY,
    )
    kinds = sorted((e.kind, tuple(people_of(e))) for e in events)
    assert ("meeting", ("Emmanuel Macron", "Narendra Modi")) in kinds
    [visit] = [e for e in events if e.kind == "visit"]
    assert len(visit.spans) == 2


def test_visits_of_one_traveller_days_apart_or_to_two_countries_stay_two():
    events = events_of(
        "President Emmanuel Macron arrived in New Delhi on March 1 for a state visit. "
        "On Monday, Macron's visit to Japan continued with talks in Tokyo.",
        published=DAY,
    )
    assert len([e for e in events if e.kind == "visit"]) == 2


def test_a_state_written_without_its_diacritics_is_a_place_not_a_person():
    [meeting] = events_of(
        "Prime Minister Narendra Modi last met President Xi Jinping in 2019 in Mahabalipuram, Tamil Nadu, months before the standoff.",
        published=DAY,
    )
    assert people_of(meeting) == ["Narendra Modi", "Xi Jinping"] and meeting.venue.country == "IN"


def test_a_summit_named_in_a_label_or_a_relative_clause_is_the_setting_of_the_talks():
    [talks] = events_of(
        "BRICS Summit live updates: Prime Minister Narendra Modi and President Xi Jinping are set to hold their first bilateral talks "
        "in five years on the sidelines of the BRICS summit today.",
        published=DAY,
    )
    assert talks.kind == "meeting"
    [meet] = events_of(
        "Prime Minister Narendra Modi, who is also attending the BRICS Summit, held a bilateral meet with President Vladimir Putin in Kazan on Tuesday.",
        published=DAY,
    )
    assert meet.kind == "meeting" and people_of(meet) == ["Narendra Modi", "Vladimir Putin"]
    assert meet.date.iso() == "2024-03-12"


def test_what_a_report_adds_without_a_date_to_a_meeting_earlier_in_the_day_is_that_meeting():
    events = events_of(
        "President Xi Jinping arrived in Kazan on Tuesday for the summit.\n\n"
        "Earlier in the day, Prime Minister Narendra Modi met with President Vladimir Putin for a bilateral meeting on Tuesday. "
        "Putin welcomed Modi with a warm hug.",
        published=DAY,
    )
    assert len([e for e in events if e.kind == "meeting"]) == 1


def test_the_defence_minister_is_the_one_of_that_office_not_the_counterpart_named_after():
    events = events_of(
        "Defence Minister Rajnath Singh arrived in Washington on Thursday at the invitation of US Secretary of Defence Lloyd Austin. "
        "During the visit, the Defence Minister will hold a bilateral meeting with his US counterpart Secretary Austin. "
        "He will also meet National Security Advisor Jake Sullivan, the ministry said in a press release on Wednesday.",
        published=datetime.date(2024, 8, 22),
    )
    [sullivan] = [e for e in events if "Jake Sullivan" in people_of(e)]
    assert people_of(sullivan) == ["Jake Sullivan", "Rajnath Singh"]
    assert not sullivan.date.known  # a coming meeting: the day of the press release does not date it


def test_the_day_a_statement_was_made_is_in_the_past_of_its_said():
    [visit] = events_of(
        "Prime Minister Narendra Modi will visit Japan, the foreign ministry said on Wednesday.", published=datetime.date(2024, 8, 22)
    )
    assert not visit.date.known or visit.date.iso() != "2024-08-28"


def test_a_guest_received_on_arrival_is_received_the_day_they_arrived_not_on_the_lead_day():
    events = events_of(
        "Defence Minister Rajnath Singh will hold a bilateral meeting with visiting US Secretary of Defence Lloyd Austin here on Monday. "
        "Austin flew into New Delhi on Sunday from Singapore. "
        "He was received by Minister of State for Defence Ajay Bhatt.",
        published=datetime.date(2023, 6, 5),
    )
    [received] = [e for e in events if "Ajay Bhatt" in people_of(e)]
    assert received.date.iso() == "2023-06-04"


def test_a_scraped_page_that_lost_the_space_after_a_full_stop_has_its_sentences_apart():
    events = events_of(
        "Prime Minister Narendra Modi and Maldives President Mohamed Muizzu held bilateral talks at Hyderabad House on Monday."
        "External Affairs Minister S Jaishankar and Defence Minister Rajnath Singh were among the delegates present.",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [["Mohamed Muizzu", "Narendra Modi"]]


def test_a_seat_of_government_written_in_lower_case_is_not_the_city_it_is_named_after():
    [event] = events_of("Prime Minister Narendra Modi held bilateral talks with President Mohamed Muizzu in Hyderabad house today.", published=DAY)
    assert (event.venue.name, event.venue.country) == ("New Delhi", "IN")


def test_the_tanzanian_president_is_the_one_of_tanzania_not_the_president_named_last():
    events = events_of(
        "President of Tanzania Samia Suluhu Hassan met Prime Minister Narendra Modi on Monday. "
        "She is in India at the invitation of President Droupadi Murmu. "
        "The Tanzanian President was received by Minister Annapurna Devi at the airport on Sunday.",
        published=DAY,
    )
    [received] = [e for e in events if "Annapurna Devi" in people_of(e)]
    assert people_of(received) == ["Annapurna Devi", "Samia Suluhu Hassan"]


def test_she_who_reached_a_place_is_the_sentences_subject_not_the_host_named_last():
    events = events_of(
        "Prime Minister Sheikh Hasina was today given a warm welcome by her Indian counterpart Narendra Modi "
        "at the Hyderabad House when she reached there for bilateral discussions.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Hasina"]


def test_a_headlines_capitalised_preposition_places_the_trip():
    events = events_of(
        "NSA Ajit Doval To Travel To Beijing This Week\n\n"
        "New Delhi: National Security Advisor Ajit Doval and Foreign Minister Wang Yi will hold talks on Wednesday.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.venue.name == "Beijing"


def test_the_place_of_a_past_trip_and_the_scene_are_no_venue_of_what_came_before():
    events = events_of(
        "New Delhi: During the meeting with Chinese Foreign Minister Wang Yi on Tuesday, National Security Advisor Ajit Doval "
        "noted an upward trend since his last visit to Beijing.\n\n"
        "Earlier, Prime Minister Narendra Modi and President Xi Jinping had decided during their meeting to revive the talks.",
        published=DAY,
    )
    venues = {tuple(people_of(e)): e.venue.name if e.venue else None for e in events}
    assert venues[("Ajit Doval", "Wang Yi")] != "Beijing"
    assert venues[("Narendra Modi", "Xi Jinping")] is None


def test_a_country_closing_the_line_before_is_no_adjective_of_an_office():
    found = extract_document(
        "Leaders speak\n\nThe next summit will be held in USA\n\nPrime Minister Narendra Modi had a telephone conversation today "
        "with President Donald Trump.",
        published=DAY,
    )
    [call] = [e for e in found.events if e.kind == "meeting"]
    assert {p.name: p.country for p in call.participants}["Narendra Modi"] != "US"


def test_whoever_confirmed_a_call_and_where_they_did_are_neither_side_nor_venue():
    [call] = events_of(
        "President Donald Trump spoke to Prime Minister Narendra Modi on Tuesday, press secretary Sean Spicer "
        "confirmed at the White House briefing.",
        published=DAY,
    )
    assert people_of(call) == ["Donald Trump", "Narendra Modi"] and call.venue is None


def test_the_day_the_source_spoke_dates_the_story_told_after_it():
    events = events_of(
        "Prime Minister Narendra Modi and President Vladimir Putin held talks in Moscow, the ministry said on Monday. "
        "The two leaders also signed an agreement on trade.",
        published=DAY,
    )
    assert {e.kind: e.date.iso() for e in events} == {"meeting": "2024-03-11", "agreement": "2024-03-11"}


def test_an_agreement_reached_somewhere_that_one_leader_announced_is_an_agreement_of_theirs():
    [agreement] = [
        e for e in events_of(
            "Prime Minister Narendra Modi also announced that the two navies would hold joint drills, "
            "part of an agreement reached during a good series of meetings in Colombo.",
            published=DAY,
        )
        if e.kind == "agreement"
    ]
    assert people_of(agreement) == ["Narendra Modi"] and agreement.venue.name == "Colombo"


def test_both_after_a_clause_are_the_last_pair_and_a_lead_placed_abroad_sets_the_scene_of_its_people():
    events = events_of(
        "Havana, March 12 (RHC) - President Xi Jinping received President Luiz Inacio Lula da Silva in Beijing on Tuesday. "
        "At the end of their talks, both will witness the signing of about twenty agreements.",
        published=DAY,
    )
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert people_of(agreement) == ["Luiz Inacio Lula da Silva", "Xi Jinping"]
    assert agreement.venue.name == "Beijing"


def test_a_dateline_with_its_country_in_brackets_dates_nothing_and_gives_no_traveller_that_country():
    events = events_of(
        "Qingdao [China], March 12 : Defence Minister Rajnath Singh held a meeting with his Russian counterpart Andrey Belousov "
        "on the sidelines of the SCO Defence Ministers' Meeting.\n\n"
        "During the meeting on Monday, the two leaders held discussions on several subjects.\n\n"
        "Rajnath Singh arrived in Qingdao on Monday to attend the meeting.",
        published=DAY,
    )
    meetings = [e for e in events if e.kind == "meeting" and "Andrey Belousov" in people_of(e)]
    assert [m.date.iso() for m in meetings] == ["2024-03-11"]
    assert {p.name: p.country for e in events for p in e.participants}["Rajnath Singh"] != "CN"


def test_an_agreement_the_report_dates_only_by_its_own_day_is_the_one_its_lead_signed_the_day_before():
    events = events_of(
        "King Salman and President Xi Jinping signed a comprehensive strategic partnership agreement.\n\n"
        "King Salman yesterday received President Xi Jinping in Riyadh. "
        "The meeting culminated with the signing of a Comprehensive Strategic Partnership Agreement between King Salman and President Xi.",
        published=DAY,
    )
    assert [e.date.iso() for e in events if e.kind == "agreement"] == ["2024-03-11"]


def test_a_trip_a_speaker_was_on_when_they_spoke_is_not_the_reports_scene():
    events = events_of(
        "President Vladimir Putin on Thursday met leaders from the continent at a summit.\n\n"
        "Secretary of State Antony Blinken urged African leaders to press Russia, he said Thursday during a visit to New Zealand.\n\n"
        "President Cyril Ramaphosa held talks with Prime Minister Abiy Ahmed on Friday.",
        published=DAY,
    )
    others = [e for e in events if "Antony Blinken" not in people_of(e)]  # (his own visit is there)
    assert others and all(e.venue is None or e.venue.country != "NZ" for e in others)


def test_a_visit_of_some_days_from_a_day_runs_from_that_day():
    [visit] = events_of("Prime Minister Narendra Modi will embark on a three-day visit to the United States from June 21.", published=DAY)
    assert visit.date.iso() == "2024-06-21" and visit.date.end == datetime.date(2024, 6, 23)
    [ties] = events_of("India and Russia extended their cooperation ties from 2021 to 2031, the ministers said.", published=DAY) or [None]
    assert ties is None or ties.date.iso() not in ("2021", "2031")


def test_a_first_visit_since_a_war_opening_the_sentence_does_not_keep_its_main_clause_from_its_day():
    [meeting] = events_of(
        "Marking his first visit to Russia since the onset of the war, External Affairs Minister S Jaishankar met his "
        "Russian counterpart Sergey Lavrov in Moscow on Monday.",
        published=DAY,
    )
    assert meeting.date.iso() == "2024-03-11"


def test_what_someone_had_done_earlier_in_the_day_is_of_the_reports_day():
    events = events_of(
        "Prime Minister Narendra Modi on Tuesday met Russian Foreign Minister Sergey Lavrov in New Delhi.\n\n"
        "Earlier in the day, Lavrov had met External Affairs Minister S Jaishankar.",
        published=DAY,
    )
    [earlier] = [e for e in events if "S Jaishankar" in people_of(e)]
    assert earlier.date.iso() == "2024-03-12"


def test_a_tally_of_meetings_written_in_words_is_no_meeting():
    assert events_of("Mr. Jaishankar and Mr. Lavrov have already met four times after the conflict began in February.", published=DAY) == []


def test_talks_with_the_counterparts_of_several_countries_the_report_never_names_are_a_meeting_each():
    events = events_of(
        "External Affairs Minister S Jaishankar held bilateral meetings with his counterparts from Argentina, Brazil and Mexico "
        "in New Delhi on Thursday.",
        published=DAY,
    )
    assert sorted(tuple(e.countries) for e in events) == [("AR", "IN"), ("BR", "IN"), ("IN", "MX")]
    assert all(people_of(e) == ["S Jaishankar"] and e.date.iso() == "2024-03-07" for e in events)
    # when the report names them, those are the meetings
    named = events_of(
        "External Affairs Minister S Jaishankar held bilateral meetings with his counterparts from Argentina and Brazil on Thursday. "
        "He met Argentine Foreign Minister Diana Mondino and Brazilian Foreign Minister Mauro Vieira.",
        published=DAY,
    )
    assert named and all(len(e.participants) >= 2 for e in named if e.kind == "meeting")


def test_the_meeting_a_sentence_reports_before_the_statement_it_led_to_is_an_event_too():
    events = events_of(
        "Prime Minister Narendra Modi and President Joe Biden on Friday held a bilateral meeting at the White House, "
        "following which the two leaders issued a joint statement.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert len(meeting.spans) == 1  # the talks alone, not the consultations the agreement sets up
    assert all(e.date.iso() == "2024-03-08" and people_of(e) == ["Joe Biden", "Narendra Modi"] for e in events)


def test_an_offices_word_and_a_nickname_in_quotes_are_no_people():
    [meeting] = events_of("Secretary Jonathan Reynolds met Commerce Minister Piyush Goyal in London on Monday.", published=DAY)
    assert people_of(meeting) == ["Jonathan Reynolds", "Piyush Goyal"]
    [talks] = events_of(
        "Nepal Prime Minister Pushpa Kamal Dahal 'Prachanda' held talks with Prime Minister Narendra Modi on Thursday.", published=DAY
    )
    assert people_of(talks) == ["Narendra Modi", "Pushpa Kamal Dahal"]


def test_a_past_trip_is_not_the_scene_of_a_report_without_a_dateline_but_a_first_visit_is():
    [meeting] = events_of(
        "During the meeting with Foreign Minister Wang Yi on Tuesday, National Security Advisor Ajit Doval "
        "noted an upward trend since his last visit to Beijing.",
        published=DAY,
    )
    assert meeting.venue is None
    [talks, *_] = events_of(
        "External Affairs Minister S Jaishankar held talks with Foreign Minister Sergey Lavrov on Monday "
        "during his first visit to Russia since the war.",
        published=DAY,
    )
    assert talks.venue is not None and talks.venue.country == "RU"


def test_a_trip_the_talks_are_set_against_is_neither_the_event_its_people_nor_its_place():
    [talks] = events_of(
        'On Monday, Marles held "candid" talks with his Indonesian counterpart Prabowo Subianto amid concern '
        "in Canberra following President Joko Widodo's visit to Beijing a month ago.",
        published=DAY,
    )
    assert talks.kind == "meeting" and people_of(talks) == ["Marles", "Prabowo Subianto"]
    assert talks.venue is None and talks.date.iso() == "2024-03-11"


def test_an_arrival_sets_the_scene_of_a_report_without_a_dateline():
    events = events_of(
        "Foreign Minister Penny Wong on Tuesday met her Indian counterpart S Jaishankar and discussed trade. "
        "Both the leaders are in Vientiane to attend a meeting of foreign ministers. "
        "Wong arrived in Laos on Monday for a three-day visit.",
        published=DAY,
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert meetings and all(people_of(e) == ["Penny Wong", "S Jaishankar"] for e in meetings)
    assert all(e.venue is not None and e.venue.name == "Vientiane" for e in meetings)


def test_the_day_a_meeting_happened_replaces_the_day_its_source_told_of_it_as_the_lead():
    events = events_of(
        "Foreign Minister Ana Ruiz and Foreign Minister Tomas Berg discussed trade in a meeting, Reuters reported on Thursday. "
        "The two ministers met in Madrid on Monday. "
        "Berg was on a three-day visit to Spain.",
        published=datetime.date(2024, 3, 14),
    )
    [visit] = [e for e in events if e.kind == "visit"]
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.date.iso() == "2024-03-11"
    assert visit.date.iso() == "2024-03-11"


def test_a_credit_closing_a_parenthesis_is_nobody_the_report_is_about():
    [meeting] = events_of(
        "NEWSWIRE - Daily Courier) Defence Minister Ana Ruiz held a bilateral meeting with Defence Minister Tomas Berg "
        "in Madrid on Monday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ana Ruiz", "Tomas Berg"]


def test_their_first_interaction_is_an_earlier_meeting_of_the_pair_at_its_own_time_and_place():
    events = events_of(
        "Defence Minister Ana Ruiz held a bilateral meeting with Defence Minister Tomas Berg in Madrid on Monday. "
        "Their first interaction took place on the sidelines of a defence forum in Singapore in June last year.",
        published=DAY,
    )
    assert [(e.date.iso(), e.venue.name, people_of(e)) for e in events] == [
        ("2024-03-11", "Madrid", ["Ana Ruiz", "Tomas Berg"]),
        ("2023-06", "Singapore", ["Ana Ruiz", "Tomas Berg"]),
    ]


def test_the_pm_is_the_prime_minister_the_report_names():
    events = events_of(
        "Prime Minister Keir Starmer held talks with President Emmanuel Macron in London on Monday. "
        "The PM next met his Irish counterpart Simon Harris.",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [["Emmanuel Macron", "Keir Starmer"], ["Keir Starmer", "Simon Harris"]]


def test_the_visiting_president_is_the_guest_not_the_host_the_sentence_names():
    events = events_of(
        "Prime Minister Narendra Modi and Portuguese President Marcelo Rebelo de Sousa held talks in New Delhi on Tuesday. "
        "President Ram Nath Kovind will meet the visiting president on Tuesday evening.",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [
        ["Marcelo Rebelo de Sousa", "Narendra Modi"],
        ["Marcelo Rebelo de Sousa", "Ram Nath Kovind"],
    ]
    assert events[1].date.iso() == "2024-03-12"


def test_a_short_labelled_line_closing_the_page_gives_the_publication_date():
    text = (
        "Prime Minister Keir Starmer held talks with President Emmanuel Macron on Friday.\n\n"
        "The two leaders discussed trade.\n\n"
        "First Published: March 8, 2024 14:55 IST\n"
    )
    doc = extract_document(text, topics=TOPICS)
    assert doc.published == datetime.date(2024, 3, 8)
    assert doc.events[0].date.iso() == "2024-03-08"
    # a sentence of the story that says when something was published is no page furniture
    story = "Prime Minister Keir Starmer held talks with President Emmanuel Macron on Friday.\n\n" + (
        "The ministry said the joint statement, published on March 1, 2024, set out their plans for the coming years together.\n"
    )
    assert extract_document(story, topics=TOPICS).published is None


def test_the_lead_is_talks_with_unnamed_leaders_and_what_a_guest_was_thanked_for_came_before():
    events = events_of(
        "Prime Minister Narendra Modi held bilateral talks on Friday, a day after taking office.\n\n"
        "Modi's first bilateral meeting, amongst the five scheduled for Friday, was with President Maithripala Sirisena. "
        "Modi thanked President Sirisena for his gesture of attending the ceremony.\n\n"
        "The ceremony on Thursday was attended by Sirisena and Prime Minister Pravind Jugnauth.\n\n"
        "The PM next met his Mauritian counterpart Pravind Jugnauth.",
        published=datetime.date(2024, 3, 8),
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert [(people_of(e), e.date.iso()) for e in meetings] == [
        (["Maithripala Sirisena", "Narendra Modi"], "2024-03-08"),
        (["Narendra Modi", "Pravind Jugnauth"], "2024-03-08"),
    ]
    assert all(e.date.iso() in (None, "2024-03-07") for e in events if e.kind != "meeting")


def test_talks_after_a_visit_opening_the_sentence_are_the_sentences_event():
    events = events_of(
        "Following President Ana Ruiz's visit to Spain, Prime Minister Tomas Berg engaged in bilateral talks in Madrid today.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ana Ruiz", "Tomas Berg"]
    assert meeting.date.iso() == "2024-03-12" and meeting.venue.name == "Madrid"


def test_whoever_a_photographs_credit_names_takes_no_part():
    [meeting] = events_of(
        "President Ana Ruiz welcomes Prime Minister Tomas Berg in Madrid ahead of their talks. "
        "(Source: ministry spokesperson Mark Stone/Twitter) The two leaders held talks in Madrid on Monday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ana Ruiz", "Tomas Berg"]


AUG_22 = datetime.date(2024, 8, 22)  # a Thursday


def test_what_a_meeting_came_ahead_of_neither_dates_nor_places_nor_joins_it():
    events = events_of(
        "Foreign Minister Ana Ruiz shakes hands with Tomas Berg during a meeting ahead of President Carla Vidal's "
        "visit to Lisbon in early October, in Madrid, Wednesday, Aug 21, 2024.",
        published=AUG_22,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ana Ruiz", "Tomas Berg"]
    assert meeting.date.iso() == "2024-08-21" and meeting.venue.name == "Madrid"
    # the month of what it came ahead of is the nearest such month, not last year's
    assert all(e.date.iso() == "2024-10" for e in events if e.kind == "visit")


def test_the_visit_a_sentence_opens_with_is_not_its_travellers():
    events = events_of(
        "Weeks before President Carla Vidal's visit to Spain, Foreign Minister Ana Ruiz visited Madrid on Wednesday "
        "and held talks with her counterpart Tomas Berg.",
        published=AUG_22,
    )
    visits = [e for e in events if e.kind == "visit" and e.date.iso() == "2024-08-21"]
    assert [people_of(e) for e in visits] == [["Ana Ruiz"]]
    assert all("Carla Vidal" not in people_of(e) for e in events if e.date.iso() == "2024-08-21")


def test_whom_the_two_discussed_is_no_side_and_the_time_of_what_they_discussed_is_not_theirs():
    events = events_of(
        "Foreign Minister Ana Ruiz held talks with Tomas Berg in Madrid on Wednesday. "
        "Both Ms. Ruiz and Mr. Berg discussed Mr. Carlos Vidal's visit to Lisbon in September.",
        published=AUG_22,
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert {tuple(people_of(e)) for e in meetings} == {("Ana Ruiz", "Tomas Berg")}
    assert all(e.date.iso() == "2024-08-21" for e in meetings)


def test_a_counterpart_before_a_comma_is_not_the_next_clauses_subject():
    events = events_of(
        "National Security Adviser Ana Ruiz held talks with her Russian counterpart Nikolai Volkov on Wednesday. "
        "Apart from her Russian counterpart, Ms. Ruiz also met with Dmitry Sokolov, Director of the space agency.",
        published=AUG_22,
    )
    ruiz = next(p for e in events for p in e.participants if p.name == "Ana Ruiz")
    assert ruiz.country is None
    assert [people_of(e) for e in events] == [["Ana Ruiz", "Nikolai Volkov"], ["Ana Ruiz", "Dmitry Sokolov"]]


def test_a_trip_called_off_is_no_event_and_what_its_traveller_was_to_do_is_not_theirs():
    events = events_of(
        "Foreign Minister Ana Ruiz's trip to Lisbon to attend a security meeting this week has been called off, "
        "officials said.\n\n"
        "She was scheduled to attend the forum of security ministers in Lisbon from March 13 to March 15.\n\n"
        "The forum, which Ruiz was to attend, will be opened by President Tomas Berg.",
        published=DAY,
    )
    assert all("Ana Ruiz" not in people_of(e) for e in events)
    assert all(e.kind != "visit" for e in events)


def test_a_name_after_an_office_of_a_country_written_with_the_and_two_words():
    [meeting] = [
        e for e in events_of(
            "Security Adviser Ana Ruiz met with her counterpart Secretary of the Security Council of the Russian Federation "
            "Nikolai Volkov on Monday.",
            published=DAY,
        )
        if e.kind == "meeting"
    ]
    assert people_of(meeting) == ["Ana Ruiz", "Nikolai Volkov"]


def test_a_day_without_a_year_takes_the_year_of_the_day_its_paragraph_gave():
    events = events_of(
        "On the second day of his visit to Spain, Defence Minister Tomas Berg met industry leaders in Madrid on "
        "October 10, 2023. During the meeting, he recalled the defence agreement concluded with Defence Minister "
        "Ana Ruiz on October 9."
    )
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert agreement.date.iso() == "2023-10-09"



def test_this_article_is_from_dates_the_page():
    doc = extract_document(
        "This Article is From Jul 15, 2023\n\nForeign Minister Ana Ruiz on Friday met top Spanish diplomat Tomas Berg.\n",
        topics=TOPICS,
    )
    assert doc.published == datetime.date(2023, 7, 15)
    [meeting] = doc.events
    assert meeting.date.iso() == "2023-07-14"
    assert {p.name: p.country for p in meeting.participants}["Tomas Berg"] == "ES"


def test_the_meeting_took_place_on_the_sidelines_of_a_forum_in_a_town_places_it():
    [meeting] = events_of(
        "Foreign Minister Ana Ruiz on Friday met Foreign Minister Tomas Berg. "
        "The meeting took place on the sidelines of the regional forum's ministerial meeting in Jakarta.",
        published=DAY,
    )
    assert meeting.venue.name == "Jakarta"


def test_an_offices_initials_between_it_and_the_name_and_a_spokesman_before_his_quote():
    [meeting] = events_of(
        "External Affairs Minister (EAM) S Jaishankar and Foreign Minister of China Wang Yi, on Friday, discussed "
        "border areas during a meeting in Johannesburg. Briefing reporters about the external affairs minister’s "
        "meeting with his Chinese counterpart, spokesperson Randhir Jaiswal said, “The two ministers reviewed "
        "developments since their last meeting.”",
        published=DAY,
    )
    assert people_of(meeting) == ["S Jaishankar", "Wang Yi"]
    assert {p.name: p.country for p in meeting.participants} == {"S Jaishankar": "IN", "Wang Yi": "CN"}


def test_a_dateline_after_a_syndicators_credit_and_no_scene_from_the_visit_before():
    events = events_of(
        "(WIRE- AGENCY) Lima, Oct 17 (AGENCY) President Ana Ruiz held talks with her Peruvian counterpart Tomas Berg.\n\n"
        "Ruiz was warmly received by Berg upon her arrival, after concluding her state visit to Chile.",
        published=datetime.date(2024, 10, 17),
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert meetings and all(e.venue is not None and e.venue.name == "Lima" for e in meetings)
    assert all(p.country != "CL" for e in events for p in e.participants)


def test_two_leaders_talking_over_phone_a_spokesman_told_reporters_is_their_call():
    [call] = events_of(
        "Prime Minister Ana Ruiz and President Tomas Berg were talking over phone on Monday, spokesperson Mark Stone told reporters.",
        published=DAY,
    )
    assert call.kind == "meeting" and call.remote and people_of(call) == ["Ana Ruiz", "Tomas Berg"]
    assert call.date.iso() == "2024-03-11"


def test_last_evening_is_the_day_before_the_report():
    [call] = events_of("Prime Minister Ana Ruiz and President Tomas Berg held a telephonic conversation last evening.", published=DAY)
    assert call.date.iso() == "2024-03-11"


def test_their_first_conversation_told_with_a_possessive_is_an_earlier_call():
    events = events_of(
        "President Tomas Berg spoke to Prime Minister Ana Ruiz by phone on Monday.\n\n"
        "Berg and Ruiz’s first conversation took place on November 9, when Ruiz congratulated him.",
        published=DAY,
    )
    assert sorted(e.date.iso() for e in events) == ["2023-11-09", "2024-03-11"]
    assert all(people_of(e) == ["Ana Ruiz", "Tomas Berg"] for e in events)


def test_a_summit_someone_is_invited_to_is_to_come():
    events = events_of(
        "Prime Minister Ana Ruiz had a telephonic conversation today with President Tomas Berg.\n\n"
        "The president invited Ruiz to the regional summit in Lima.",
        published=DAY,
    )
    [summit] = [e for e in events if e.kind == "summit"]
    assert not summit.date.known and "coming" in summit.date.evidence


def test_a_trip_that_follows_another_visit_on_a_day_is_not_dated_by_it():
    events = events_of(
        "Trade Minister Ana Ruiz's trip to Washington follows the visit of a US team of officials to Madrid on September 16.\n\n"
        "On September 16, a US delegation led by Assistant Trade Representative Tomas Berg met officials headed by "
        "Chief Negotiator Mark Stone in Madrid.",
        published=datetime.date(2025, 9, 22),
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.date.iso() != "2025-09-16"
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Mark Stone", "Tomas Berg"] and meeting.date.iso() == "2025-09-16"


def test_a_call_told_again_by_its_countries_takes_no_place_from_the_dateline():
    [call] = events_of(
        "Madrid: Defence Minister Ana Ruiz on Monday held telephonic conversation with Defence Secretary Tomas Berg of the United Kingdom.\n"
        "The ministry said that Spain and the UK discussed a range of defence issues.",
        published=DAY,
    )
    assert call.remote and call.venue is None


def test_diplomatic_honorifics_with_full_stops_and_an_office_after_the_name():
    [call_on] = events_of(
        "EAM Dr. S. Jaishankar called on H.E. Sheikh Mohamed bin Zayed Al Nahyan, President of the UAE, in Abu Dhabi on Tuesday.",
        published=DAY,
    )
    assert {p.name: p.country for p in call_on.participants} == {"S. Jaishankar": "IN", "Mohamed bin Zayed Al Nahyan": "AE"}
    [meeting] = events_of(
        "Smt. Droupadi Murmu, President of India, met Mr. Emmanuel Macron, President of the French Republic, "
        "in New Delhi on Friday.",
        published=DAY,
    )
    assert {p.name: (p.country, p.role) for p in meeting.participants} == {
        "Droupadi Murmu": ("IN", "President"),
        "Emmanuel Macron": ("FR", "President"),
    }
    [talks] = events_of("Raksha Mantri Sh. Rajnath Singh held talks with Defence Minister Mohamed Zaki of Egypt on Monday.", published=DAY)
    assert people_of(talks) == ["Mohamed Zaki", "Rajnath Singh"]


def test_a_day_earlier_is_the_day_before_the_storys_and_not_the_coming_meeting():
    events = events_of(
        "Prime Minister Narendra Modi arrived at the White House on Thursday to hold talks with President Joe Biden.\n\n"
        "Modi and Biden will have a one-on-one meeting in the Oval Office.\n\n"
        "President Biden and First Lady Jill Biden hosted Prime Minister Modi for a dinner at the White House a day "
        "earlier during which they discussed a range of issues.",
        published=datetime.date(2023, 6, 22),
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert sorted((e.date.iso() or "-") for e in meetings) == ["-", "2023-06-21"]
    assert all(people_of(e) == ["Joe Biden", "Narendra Modi"] for e in meetings)


def test_two_initials_open_a_first_name():
    [meeting] = events_of("Nepalese Prime Minister KP Sharma Oli received Prime Minister Narendra Modi in Janakpur on Friday.", published=DAY)
    assert {p.name: p.country for p in meeting.participants}["KP Sharma Oli"] == "NP"


def test_nobody_visits_a_place_in_their_own_country():
    events = events_of(
        "JANAKPUR: Prime Minister Narendra Modi arrived here today on a two-day state visit to Nepal.\n\n"
        "Nepalese Prime Minister KP Sharma Oli has reached Janaki temple to welcome his Indian counterpart.",
        published=DAY,
    )
    assert [people_of(e) for e in events if e.kind == "visit"] == [["Narendra Modi"]]


def test_a_dialogue_that_got_underway_and_a_past_one_known_by_its_countries():
    events = events_of(
        "Defence Minister Ana Ruiz and Foreign Minister Luis Vega along with Defence Secretary Tomas Berg and "
        "Foreign Secretary Mark Stone posed for the family photo as the 2+2 Ministerial Dialogue got underway here in Madrid.\n\n"
        "Notably, the 2+2 Ministerial Dialogue is a diplomatic summit held every year since 2018.\n\n"
        "Spain and the United Kingdom held a bilateral 2+2 inter-sessional meeting in September last year in London.\n\n"
        "Vega welcomed Foreign Secretary Mark Stone and said that the visit follows up on Prime Minister Carla Diaz's June visit.",
        published=DAY,
    )
    [dialogue] = [e for e in events if len(e.participants) == 4]
    assert dialogue.date.iso() == "2024-03-12" and dialogue.venue.name == "Madrid"
    assert not any(e.kind == "summit" for e in events)  # what is held every year is no event
    [past] = [e for e in events if e.date.iso() == "2023-09"]
    assert past.countries == ["ES", "GB"] and past.participants == []  # who held the offices then, the report does not say
    assert all("Carla Diaz" not in people_of(e) for e in events)


def test_the_named_meeting_a_trip_was_for_is_an_event_on_the_day_it_will_be_held():
    events = events_of(
        "Foreign Minister Ana Ruiz arrived in Riyadh early Sunday to attend the first Spain–Gulf Cooperation Council "
        "Foreign Ministers’ Meeting, which will be held on Monday.",
        published=datetime.date(2024, 9, 8),
    )
    assert sorted((e.kind, e.date.iso()) for e in events) == [("meeting", "2024-09-09"), ("visit", "2024-09-08")]
    assert all(people_of(e) == ["Ana Ruiz"] and e.venue.name == "Riyadh" for e in events)


def test_a_scare_quote_does_not_hide_the_meeting():
    [meeting] = events_of(
        'Foreign Minister Ana Ruiz held a "warm meeting" with her Omani counterpart Badr Albusaidi in Riyadh on Monday.',
        published=DAY,
    )
    assert people_of(meeting) == ["Ana Ruiz", "Badr Albusaidi"]


def test_a_visit_to_a_place_the_report_only_describes_is_not_where_the_report_is_set():
    events = events_of(
        "Madrid: Foreign Minister Ana Ruiz on Sunday met her Saudi counterpart Faisal bin Farhan.\n\n"
        "The two ministers reviewed the agreement signed during Prime Minister Carla Diaz's visit to the Gulf nation in October 2019.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.venue is None and visit.date.iso() == "2019-10"


def test_a_time_stamp_line_in_iso_form_dates_the_page():
    doc = extract_document(
        "Ruiz holds talks with Berg\n\n2024-10-07T18:30:00+05:30\n\nPrime Minister Ana Ruiz today held talks with President Tomas Berg.\n",
        topics=TOPICS,
    )
    assert doc.published == datetime.date(2024, 10, 7) and doc.events[0].date.iso() == "2024-10-07"


def test_whom_a_relative_clause_met_is_a_meeting_of_its_own_time_not_the_sentences():
    events = events_of(
        "Prime Minister Ana Ruiz, who met President Tomas Berg in June, held talks with Chancellor Olaf Scholz on Thursday.",
        published=datetime.date(2024, 9, 27),
    )
    assert sorted((e.date.iso(), tuple(people_of(e))) for e in events) == [
        ("2024-06", ("Ana Ruiz", "Tomas Berg")),
        ("2024-09-26", ("Ana Ruiz", "Olaf Scholz")),
    ]


def test_days_ago_count_back_from_the_report():
    [meeting] = events_of("Prime Minister Ana Ruiz met President Tomas Berg two days ago.", published=datetime.date(2024, 9, 27))
    assert meeting.date.iso() == "2024-09-25"


def test_a_part_and_with_nobody_named_is_no_meeting_of_its_own():
    [talks] = events_of(
        "President Tomas Berg will hold extensive talks with Prime Minister Ana Ruiz on Tuesday, both one-on-one and "
        "with delegations, a top official said on Monday.",
        published=DAY,
    )
    assert people_of(talks) == ["Ana Ruiz", "Tomas Berg"]


def test_an_office_written_short_alone_and_agreements_signed_before_the_two_ministers():
    events = events_of(
        "Raksha Mantri Shri Rajnath Singh held bilateral talks with Minister for Defence of Australia Mr Richard Marles "
        "in Canberra on October 10, 2024.\n\n"
        "RM arrived in Canberra on October 09, 2024 on a three-day visit.\n\n"
        "Earlier, Shri Rajnath Singh called on the Prime Minister of Australia Mr Anthony Albanese.\n\n"
        "Two agreements, on Joint Staff Talks and Air-to-Air Refuelling, were signed in the presence of the two Ministers.",
        published=datetime.date(2024, 10, 10),
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Rajnath Singh"] and visit.date.iso() == "2024-10-09"
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert people_of(agreement) == ["Rajnath Singh", "Richard Marles"] and agreement.date.iso() == "2024-10-10"


def test_a_later_trip_the_report_tells_of_is_not_the_scene_of_its_lead_and_former_is_a_title():
    events = events_of(
        "Tokyo: Prime Minister Ana Ruiz and her Japanese counterpart Kenji Sato faced the press on Friday after holding talks.\n\n"
        "The meeting formed the core of the annual summit, held during Ruiz's two-day official visit.\n\n"
        "Beyond the summit, Ruiz also met former Prime Minister Fumio Kishida.\n\n"
        "From Tokyo, Ruiz will travel to Tianjin in China on Sunday to attend the regional summit.",
        published=datetime.date(2025, 8, 29),
    )
    assert all(e.venue is None or e.venue.name == "Tokyo" for e in events if e.date.iso() == "2025-08-29")
    [kishida] = [e for e in events if "Fumio Kishida" in people_of(e)]
    assert kishida.date.iso() == "2025-08-29"


def test_visits_to_two_countries_the_report_names_are_two_visits_and_the_datelines_day_dates_neither():
    events = events_of(
        "Madrid, Sep 29 (AGENCY) President Ana Ruiz would visit Peru and Chile from October 3 to 6.\n\n"
        "Officials said that Ruiz would visit Chile from October 5 to 6.",
        published=datetime.date(2017, 9, 29),
    )
    visits = sorted((e.venue.name, e.date.iso()) for e in events if e.kind == "visit")
    assert visits == [("Chile", "2017-10-05"), ("Peru", "2017-10-03")]


def test_the_summit_a_leader_will_attend_where_he_will_reach():
    events = events_of(
        "Prime Minister Ana Ruiz on Monday left for Peru on the first leg of her tour.\n\n"
        "From Peru, the Prime Minister will reach Brazil on July 25 where she will attend this year's BRICS Summit.",
        published=datetime.date(2018, 7, 23),
    )
    assert ("visit", "Brazil", "2018-07-25") in [(e.kind, e.venue.name, e.date.iso()) for e in events]
    [summit] = [e for e in events if e.kind == "summit"]
    assert summit.venue.name == "Brazil" and people_of(summit) == ["Ana Ruiz"]


def test_whom_a_leader_met_before_the_sentences_meeting_takes_no_part_in_it():
    events = events_of(
        "Havana: President Xi Jinping received President Ana Ruiz in Beijing on Thursday.\n\n"
        "Before meeting Xi, Ruiz spoke with Premier Li Qiang and parliamentary leader Zhao Leji.",
        published=DAY,
    )
    [talks] = [e for e in events if "Li Qiang" in people_of(e)]
    assert people_of(talks) == ["Ana Ruiz", "Li Qiang", "Zhao Leji"]
    assert talks.venue is not None and talks.venue.name == "Beijing"


def test_where_a_statement_says_the_meeting_took_place_places_it():
    [meeting] = events_of(
        "New Delhi: Prime Minister Narendra Modi and his Australian counterpart Anthony Albanese held bilateral talks.\n\n"
        "In a statement, the Prime Minister’s Office said that the bilateral meeting took place at the Admiralty House in Sydney.",
        published=DAY,
    )
    assert meeting.venue.name == "Sydney"


def test_whom_a_leader_met_beyond_the_summit_is_a_meeting_not_the_summit():
    events = events_of(
        "Prime Minister Ana Ruiz and President Tomas Berg held the annual summit in Tokyo on Friday.\n\n"
        "Beyond the summit, Ruiz also met former Prime Minister Kenji Sato.",
        published=DAY,
    )
    [meeting] = [e for e in events if "Kenji Sato" in people_of(e)]
    assert meeting.kind == "meeting"


def test_meetings_with_unnamed_counterparts_date_the_lead_and_a_counterpart_from_a_country_is_its():
    events = events_of(
        "Foreign Minister Ana Ruiz held separate bilateral meetings with her counterparts from Mexico, "
        "Bosnia and Herzegovina, and Armenia on September 24.\n\n"
        "The Foreign Minister also met her counterpart from Bosnia and Herzegovina, Elmedin Konakovic and discussed trade.",
        published=datetime.date(2023, 9, 25),
    )
    [konakovic] = [e for e in events if "Elmedin Konakovic" in people_of(e)]
    assert konakovic.date.iso() == "2023-09-24"
    assert {p.name: p.country for p in konakovic.participants}["Elmedin Konakovic"] == "BA"
    assert all(len(p.name.split()) >= 2 for e in events for p in e.participants)


def test_a_countrys_counterpart_named_after_and_is_of_that_country():
    [meeting] = events_of(
        "Foreign Minister Ana Ruiz held a meeting with Brazilian Foreign Minister Mauro Vieira and South African counterpart "
        "Naledi Pandor on Friday.",
        published=DAY,
    )
    assert {p.name: p.country for p in meeting.participants}["Naledi Pandor"] == "ZA"


def test_a_banquet_hosted_in_a_guests_honour_and_the_coordinated_people_who_attended_one():
    [banquet] = events_of(
        "Bratislava, April 10 (AGENCY) President Ana Ruiz on Thursday attended a banquet hosted in her honour by "
        "Slovakia President Peter Pellegrini at the historic Bratislava Castle.",
        published=datetime.date(2025, 4, 10),
    )
    assert banquet.kind == "meeting" and people_of(banquet) == ["Ana Ruiz", "Peter Pellegrini"]
    assert banquet.date.iso() == "2025-04-10"
    events = events_of(
        "Vice President Jagdeep Dhankhar, Prime Minister Narendra Modi and others attended the banquet organised at the palace.",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [["Jagdeep Dhankhar", "Narendra Modi"]]


def test_a_joint_statements_two_offices_each_before_its_own_name_and_the_documents_the_leaders_welcomed():
    events = events_of(
        "1. At the invitation of the Prime Minister of India, H.E. Mr. Narendra Modi, the Prime Minister of Japan, "
        "H.E. Mr. Fumio Kishida paid an official visit to India on 19-20 March 2022.\n\n"
        "2. The Prime Ministers welcomed the exchange of six documents, including one on cybersecurity."
    )
    countries = {p.name: p.country for e in events for p in e.participants}
    assert countries == {"Narendra Modi": "IN", "Fumio Kishida": "JP"}
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert people_of(agreement) == ["Fumio Kishida", "Narendra Modi"]


def test_calls_received_from_a_list_of_leaders_are_a_call_with_each():
    events = events_of(
        "Prime Minister Shri Narendra Modi today received telephone calls from H.E. Mr. Moon Jae-in, President of the "
        "Republic of Korea; H.E. Mr. E.D. Mnangagwa, President of Zimbabwe; and H.E. Mr. Filipe Jacinto Nyusi, President "
        "of Mozambique, congratulating him.",
        published=DAY,
    )
    assert len(events) == 3 and all(e.remote and e.date.iso() == "2024-03-12" for e in events)
    assert [sorted(p.country or "" for p in e.participants) for e in events] == [["", "KR"], ["", "ZW"], ["", "MZ"]]


def test_a_headlines_capitalised_preposition_ends_a_name():
    [call] = events_of(
        "PM Modi Speaks With President Donald Trump Over Phone\n\nPrime Minister Narendra Modi on Monday spoke to "
        "US President Donald Trump over the phone.",
        published=DAY,
    )
    assert people_of(call) == ["Donald Trump", "Narendra Modi"]


def test_names_listed_each_with_its_office_after_it_take_their_own_countries():
    [meeting] = events_of(
        "Prime Minister Ana Costa held talks with Karma Dorji, Prime Minister of Bhutan, Mr. Ali Rasheed, President of "
        "the Maldives, and Ram Thapa, Prime Minister of Nepal, in Lisbon on Tuesday.",
        published=DAY,
    )
    assert {p.name: (p.country, p.role) for p in meeting.participants if p.name != "Ana Costa"} == {
        "Karma Dorji": ("BT", "Prime Minister"),
        "Ali Rasheed": ("MV", "President"),
        "Ram Thapa": ("NP", "Prime Minister"),
    }


def test_a_company_before_its_chief_is_not_a_person():
    [meeting] = events_of("Prime Minister Ana Costa met Vantor CEO Lena Brandt in Lisbon on Monday.", published=DAY)
    assert people_of(meeting) == ["Ana Costa", "Lena Brandt"]


def test_an_event_in_the_where_clause_of_what_the_sentences_event_came_after_takes_neither_its_day_nor_its_place():
    events = events_of(
        "Prime Minister Ana Costa arrived in Ottawa on Monday after concluding her two-day visit to Mexico, where she "
        "co-chaired the Energy Summit with President Luis Ortega.",
        published=DAY,
    )
    [summit] = [e for e in events if e.kind == "summit"]
    assert not summit.date.known and summit.venue.country == "MX"
    [visit] = [e for e in events if e.kind == "visit" and e.venue.country == "CA"]
    assert visit.date.iso() == "2024-03-11"


def test_a_numbered_round_of_talks_is_a_meeting():
    [meeting] = events_of(
        "Security Adviser Omar Haddad and Foreign Minister Lin Wei held the 12th round of Border Commission talks in "
        "Lisbon on Tuesday.",
        published=DAY,
    )
    assert meeting.kind == "meeting" and people_of(meeting) == ["Lin Wei", "Omar Haddad"]
    assert meeting.date.iso() == "2024-03-12"


def test_an_mou_on_a_subject_that_was_signed_before_the_ministers_is_their_agreement_and_an_office_of_a_republic_of_gives_its_country():
    events = events_of(
        "Defence Minister Ana Costa held a bilateral meeting with the Minister of National Defence of the Republic of "
        "Korea Mr Kim Dae-ho in Lisbon on Tuesday. Later, an MoU on defence industrial cooperation was signed in the "
        "presence of the two Ministers.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["meeting", "agreement"]
    assert all(people_of(e) == ["Ana Costa", "Kim Dae-ho"] for e in events)
    assert {p.name: p.country for p in events[0].participants}["Kim Dae-ho"] == "KR"


def test_earlier_in_a_relative_clause_does_not_set_the_sentence_before_the_report_and_being_in_a_place_on_a_visit_sets_the_scene():
    meeting, visit = events_of(
        "Foreign Minister Ana Costa on Tuesday met her Singaporean counterpart Tan Wei Ming.\n\n"
        "Costa is in Singapore on a two-day visit, the last leg of a tour that took her to Australia earlier.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.date.iso() == "2024-03-12" and visit.venue.name == "Singapore"
    assert meeting.venue.name == "Singapore"


def test_the_time_a_sentence_opens_with_dates_its_event_before_a_time_in_what_it_builds_on():
    [meeting] = events_of(
        "On Thursday, Prime Minister Ana Costa and Prime Minister Karma Dorji will hold talks on ways to drive cooperation and build on the meeting last "
        "month of the Ministerial Roundtable.",
        published=DAY,
    )
    assert meeting.date.iso() == "2024-03-14"


def test_embarking_on_a_state_visit_is_a_visit():
    [visit] = events_of("President Ana Costa embarked on a week-long tour of Suriname on Sunday.", published=DAY)
    assert visit.kind == "visit" and visit.venue.country == "SR" and visit.date.iso() == "2024-03-10"


def test_a_name_with_a_described_office_after_it_is_that_person_not_the_one_named_before():
    [visit] = events_of(
        "President Ana Costa will also pay a visit to Serbia on March 20 at the invitation of Milan Petrovic, the "
        "Serbian president.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.venue.country == "RS"
    assert {p.name: (p.country, p.role) for p in visit.participants} == {
        "Ana Costa": (None, "President"),
        "Milan Petrovic": ("RS", "President"),
    }


def test_a_guest_who_met_someone_after_arriving_met_them_the_day_the_report_says_they_arrived():
    events = events_of(
        "Prime Minister Ana Costa and Sri Lankan President Ravi Perera met in Lisbon on Tuesday.\n\n"
        "The Sri Lankan President is on a state visit to Portugal from March 10 to March 13.\n\n"
        "After arriving in Lisbon, President Perera also met Minister of State for Information and Broadcasting Rui Lopes.",
        published=DAY,
    )
    [meeting] = [e for e in events if "Rui Lopes" in people_of(e)]
    assert people_of(meeting) == ["Ravi Perera", "Rui Lopes"]
    assert meeting.date.iso() == "2024-03-10"


def test_engagements_with_someone_are_a_meeting():
    events = events_of(
        "Trade Minister Ana Costa on Tuesday concluded her visit to Brussels, after having \"intense but very "
        "productive\" engagements with Commissioner Lena Brandt on the trade agreement.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ana Costa", "Lena Brandt"] and meeting.date.iso() == "2024-03-12"


def test_the_meeting_a_visit_began_with_is_an_event_not_dated_by_the_lead():
    events = events_of(
        "Trade Minister Ana Costa on Tuesday concluded her visit to Brussels.\n\n"
        "Minister Costa began her visit to Brussels with a meeting with Foreign Minister Jan Weber of Germany.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ana Costa", "Jan Weber"] and not meeting.date.known


def test_a_summit_beginning_on_a_weekday_is_still_to_come_and_only_the_setting_of_the_meeting_told_again():
    events = events_of(
        "Finance Minister Ana Costa on Tuesday held a bilateral meeting with Treasury Secretary Lena Brandt.\n\n"
        "The bilateral meeting took place a day ahead of the Ocean Leadership Summit beginning on Wednesday here.",
        published=DAY,
    )
    assert [(e.kind, e.date.iso()) for e in events] == [("meeting", "2024-03-12")]
    [expr] = [e for e in dates.find_expressions("the summit beginning on Saturday") if e.kind == "weekday"]
    assert dates.resolve(expr, "the summit beginning on Saturday", dates.Anchor(DAY)).iso() == "2024-03-16"


def test_a_meeting_against_the_backdrop_of_a_summit_is_a_meeting_dated_by_the_lead_not_by_when_someone_spoke():
    events = events_of(
        "Finance Minister Ana Costa on Tuesday held a bilateral meeting with Treasury Secretary Lena Brandt.\n\n"
        "Brandt had said in a post on X on Sunday that ties were strong. Costa also held a meeting with Nigerian "
        "Minister of Budget and National Planning Musa Bello Danjuma, against the backdrop of the G20 Summit.",
        published=DAY,
    )
    [meeting] = [e for e in events if "Musa Bello Danjuma" in people_of(e)]
    assert meeting.kind == "meeting" and people_of(meeting) == ["Ana Costa", "Musa Bello Danjuma"]
    assert meeting.date.iso() == "2024-03-12"


def test_a_meeting_held_between_two_people_the_numbered_meeting_held_in_a_town_and_an_office_list_before_a_name():
    [meeting] = events_of(
        "Lisbon: The two countries reached six points of consensus in a meeting held between Security Adviser Omar "
        "Haddad and Foreign Minister Lin Wei. The 23rd meeting of the Special Representatives on the boundary question "
        "was held in Madrid after a gap of five years.\n\n"
        "Security Adviser Omar Haddad and Special Representative, Member of the Political Bureau and Director of the "
        "Foreign Affairs Office Lin Wei held substantive discussions.",
        published=DAY,
    )
    assert people_of(meeting) == ["Lin Wei", "Omar Haddad"]
    assert meeting.venue.name == "Madrid"


def test_a_time_in_the_main_clause_after_an_opening_meeting_phrase_and_a_visit_that_is_the_first_since_are_todays():
    events = events_of(
        "During a bilateral meeting between the two leaders at the palace, President Ravi Perera hailed Prime "
        "Minister Ana Costa for her help during the crisis two years ago.\n\n"
        "Costa said that President Perera's visit to Portugal is his first since the elections.",
        published=DAY,
    )
    assert [(e.kind, e.date.iso()) for e in events] == [("meeting", "2024-03-12"), ("visit", "2024-03-12")]


def test_a_headlines_capitalised_verb_ends_a_name_and_marking_a_first_visit_since_is_this_visit():
    events = events_of(
        "Sri Lankan President Perera Meets PM Costa, Commits to Stronger Ties\n\n"
        "His statement came after a meeting with Portuguese Prime Minister Ana Costa in Lisbon, marking President "
        "Ravi Perera’s first state visit since assuming office in September.\n\n"
        "The two parties inked agreements on capacity building.",
        published=DAY,
    )
    assert {tuple(people_of(e)) for e in events} == {("Ana Costa", "Ravi Perera")}
    assert {e.kind for e in events} == {"meeting", "agreement"}
    assert all(e.date.iso() == "2024-03-12" for e in events)


def test_a_building_of_a_place_places_the_meeting_and_later_in_the_day_is_the_storys_day():
    events = events_of(
        "Prime Minister Ana Costa met her Singapore counterpart, Tan Wei Ming, at the Parliament House of Singapore on "
        "Tuesday.\n\n"
        "The meeting between the two leaders comes days after Tan took over as premier.\n\n"
        "Later in the day, Prime Minister Costa will also call on President Lim Boon Keng.",
        published=DAY,
    )
    assert [(people_of(e), e.date.iso(), e.venue.name) for e in events] == [
        (["Ana Costa", "Tan Wei Ming"], "2024-03-12", "Singapore"),
        (["Ana Costa", "Lim Boon Keng"], "2024-03-12", "Singapore"),
    ]


def test_having_a_dinner_with_someone_is_meeting_them():
    [meeting] = events_of("On Monday, Prime Minister Ana Costa had a dinner with President Ravi Perera in Lisbon.", published=DAY)
    assert people_of(meeting) == ["Ana Costa", "Ravi Perera"] and meeting.date.iso() == "2024-03-11"


def test_a_report_without_a_date_takes_a_day_and_months_year_from_the_same_day_written_in_full():
    events = events_of(
        "Portuguese Prime Minister Costa and Sri Lankan President Perera in Lisbon, March 12, 2024.\n"
        "Portugal and Sri Lanka have agreed on four documents in the medical and cultural spheres.\n"
        "This was stated by President Ravi Perera at a joint press conference with Prime Minister Ana Costa on March 12.\n"
        "Costa made similar remarks the day before in Madrid at a meeting with Prime Minister Luis Ortega."
    )
    by_people = {tuple(people_of(e)): e for e in events if e.kind == "meeting"}
    assert by_people[("Ana Costa", "Ravi Perera")].date.iso() == "2024-03-12"
    assert by_people[("Ana Costa", "Luis Ortega")].date.iso() == "2024-03-11"
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert people_of(agreement) == ["Ana Costa", "Ravi Perera"]


def test_the_event_a_trip_comes_days_before_is_not_the_travellers_and_a_continent_is_no_name():
    events = events_of(
        "Foreign Minister Lin Wei was received at the airport by Omar Haddad, Joint Secretary of the East Asia "
        "division, on Tuesday.\n\n"
        "Lin's trip comes just days before Prime Minister Ana Costa is scheduled to travel to China for the Ocean summit.",
        published=DAY,
    )
    [summit] = [e for e in events if e.kind == "summit"]
    assert people_of(summit) == ["Ana Costa"]
    assert "Asia" not in {name for e in events for name in people_of(e)}


def test_an_image_credit_run_into_the_text_names_no_one():
    [meeting] = events_of(
        "Follow us on Image Source : X/MFAPORTUGAL Prime Minister Ana Costa held a bilateral meeting with Prime Minister "
        "Ravi Perera in Lisbon on Monday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ana Costa", "Ravi Perera"]


def test_talks_a_guest_is_scheduled_to_hold_are_not_the_reception_that_met_him_on_arrival():
    events = events_of(
        "Vice President Ravi Perera on Monday reached Gabon on a three-nation visit. He was received by Prime Minister "
        "Marie Ondo in the capital city Libreville.\n\n"
        "In Gabon, the Vice President is scheduled to hold delegation-level talks with Prime Minister Marie Ondo.",
        published=DAY,
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert [(people_of(e), e.date.iso()) for e in meetings] == [
        (["Marie Ondo", "Ravi Perera"], "2024-03-11"),
        (["Marie Ondo", "Ravi Perera"], None),
    ]


def test_a_spokesperson_speaking_in_a_readout_after_the_meeting_is_no_meeting_of_theirs():
    events = events_of(
        "Secretary of State Mark Hale held talks with Foreign Minister Ana Costa on Tuesday.\n\n"
        "Hale \"emphasised the desire to work with Portugal\", State Department spokesperson Tammy Reed said in a "
        "readout after the meeting.",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [["Ana Costa", "Mark Hale"]]


def test_an_agreement_two_countries_had_reached_before_is_no_event_of_the_reports_pair():
    events = events_of(
        "Defence Minister Ana Costa held talks with her Spanish counterpart Luis Ortega in Madrid on Tuesday.\n\n"
        "Portugal and Spain had reached an agreement in October on patrolling arrangements.",
        published=DAY,
    )
    assert [(e.kind, people_of(e)) for e in events] == [("meeting", ["Ana Costa", "Luis Ortega"])]


def test_a_meeting_during_a_visit_is_a_meeting_on_that_visit():
    events = events_of(
        "Defence Minister Ana Costa engaged in diplomatic discussions with her Chinese counterpart Admiral Li Wen "
        "during her official visit to the port city of Qingdao on Tuesday.",
        published=DAY,
    )
    assert sorted((e.kind, tuple(people_of(e)), e.venue.name, e.date.iso()) for e in events) == [
        ("meeting", ("Ana Costa", "Li Wen"), "Qingdao", "2024-03-12"),
        ("visit", ("Ana Costa",), "Qingdao", "2024-03-12"),
    ]


def test_the_network_a_post_is_on_is_no_initial():
    events = events_of(
        "Prime Minister Ana Costa met Prime Minister Ravi Perera in Lisbon on Tuesday.\n\n"
        "In a post on X Perera expressed that both leaders held a productive meeting.",
        published=DAY,
    )
    assert {name for e in events for name in people_of(e)} == {"Ana Costa", "Ravi Perera"}


def test_the_meeting_a_since_names_is_at_its_own_time_and_place():
    events = events_of(
        "Foreign Minister Lin Wei's visit comes ahead of the Ocean Summit in Tianjin and is the first trip by a "
        "Chinese minister to Portugal since the October 2023 meeting between Prime Minister Ana Costa and President "
        "Wang Tao on the sidelines of the BRICS Summit in Kazan, Russia.",
        published=DAY,
    )
    [meeting] = [e for e in events if people_of(e) == ["Ana Costa", "Wang Tao"]]
    assert meeting.venue.name == "Kazan" and meeting.date.iso() == "2023-10"


def test_a_past_trip_dated_only_by_its_month_is_not_the_scene_of_an_undated_report():
    events = events_of(
        "Lisbon, Aug 18: Foreign Minister Ana Costa met Chinese Foreign Minister Lin Wei in Lisbon on Monday.\n"
        "Costa said she would raise concerns she had flagged during her July 2025 visit to China.\n"
        "On Tuesday, Lin is scheduled to meet Security Adviser Rui Lopes."
    )
    [later] = [e for e in events if "Rui Lopes" in people_of(e)]
    assert later.venue.country == "PT"


def test_a_visit_to_a_list_of_countries_is_a_visit_to_each_at_its_own_time():
    events = events_of(
        "Vice President Ana Costa on Monday reached Gabon on the first leg of a three-nation visit. She will also "
        "visit Senegal and Qatar.\n\n"
        "President Ravi Perera would first visit Djibouti on March 20 and Ethiopia from March 21 to 23.",
        published=DAY,
    )
    visits = sorted((e.venue.name, people_of(e)[0], e.date.iso()) for e in events if e.kind == "visit")
    assert visits == [
        ("Djibouti", "Ravi Perera", "2024-03-20"),
        ("Ethiopia", "Ravi Perera", "2024-03-21"),
        ("Gabon", "Ana Costa", "2024-03-11"),
        ("Qatar", "Ana Costa", None),
        ("Senegal", "Ana Costa", None),
    ]


def test_went_to_a_capital_is_a_visit_and_two_capitals_that_signed_stand_for_the_pair():
    events = events_of(
        "Prime Minister Ana Costa went to Madrid on Monday at the invitation of her Spanish counterpart Luis Ortega.\n\n"
        "On the second day of the visit, Lisbon and Madrid signed 10 Memorandums of Understanding (MoUs).",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.venue.name == "Madrid" and visit.date.iso() == "2024-03-11"
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert people_of(agreement) == ["Ana Costa", "Luis Ortega"]


def test_the_meeting_an_opener_sets_the_sentence_by_is_not_its_event():
    events = events_of(
        "Later in the day, Prime Minister Ana Costa hosted President Ravi Perera at the palace for a high-level meeting.\n\n"
        "Ahead of his meeting with Prime Minister Costa, Foreign Minister Rui Lopes had a discussion with President "
        "Perera.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events) == [["Ana Costa", "Ravi Perera"], ["Ravi Perera", "Rui Lopes"]]


def test_a_welcome_marking_the_beginning_of_a_first_visit_since_is_of_the_reports_day():
    [meeting] = events_of(
        "Upon his arrival, President Ravi Perera was warmly welcomed by Prime Minister Ana Costa, marking the beginning "
        "of his first official bilateral visit to Portugal since taking office.",
        published=DAY,
    )
    assert meeting.date.iso() == "2024-03-12"


def test_what_happened_later_in_the_day_is_another_occasion_than_the_welcome():
    events = events_of(
        "President Ravi Perera was warmly welcomed by Prime Minister Ana Costa and President Rui Lopes at the palace.\n\n"
        "Later in the day, Prime Minister Costa hosted President Perera at the Belem Palace for a high-level meeting.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events) == [["Ana Costa", "Ravi Perera"], ["Ana Costa", "Ravi Perera", "Rui Lopes"]]
    assert all(e.date.iso() == "2024-03-12" for e in events)


def test_reaches_a_country_places_the_visit():
    [visit] = events_of("Prime Minister Ana Costa reaches Tajikistan on a three-day state visit.", published=DAY)
    assert visit.kind == "visit" and visit.venue.country == "TJ" and visit.date.iso() == "2024-03-12"


def test_it_was_the_first_meeting_since_is_this_meeting_and_being_somewhere_at_an_invitation_sets_the_scene():
    events = events_of(
        "Foreign Minister Ana Costa met Secretary of State Mark Hale on Tuesday.\n\n"
        "Costa was in Washington at the invitation of the US government.\n\n"
        "It was the first meeting between Costa and Hale since tensions arose in 2020.",
        published=DAY,
    )
    assert [(people_of(e), e.date.iso(), e.venue.name) for e in events if e.kind == "meeting"] == [
        (["Ana Costa", "Mark Hale"], "2024-03-12", "Washington")
    ]


def test_a_visit_to_attend_the_summit_the_paragraph_dated_takes_its_date():
    events = events_of(
        "Prime Minister Ana Costa arrived in Madrid on Monday on a two-day visit during which she will hold summit "
        "talks with Prime Minister Luis Ortega.\n\n"
        "The last summit was held on December 6, 2021, in Lisbon. Prime Minister Ortega had visited Portugal to "
        "attend the summit.",
        published=DAY,
    )
    by_kind = {(e.kind, e.venue.name): e.date for e in events}
    assert by_kind[("visit", "Madrid")].iso() == "2024-03-11"
    assert not by_kind[("summit", "Madrid")].known  # (Monday is the arrival's)
    assert by_kind[("visit", "Portugal")].iso() == "2021-12-06"


def test_a_meeting_during_a_summit_of_many_is_a_meeting_and_where_a_trip_went_places_its_meeting():
    events = events_of(
        "In June, Prime Minister Ana Costa met with President Luis Ortega in Italy during a G7 summit.\n\n"
        "Costa's visit to Spain comes just weeks after a trip to Moscow, where she held talks with President Ivan Petrov.",
        published=DAY,
    )
    kinds = {tuple(people_of(e)): (e.kind, e.venue.name) for e in events}
    assert kinds[("Ana Costa", "Luis Ortega")] == ("meeting", "Italy")
    assert kinds[("Ana Costa", "Ivan Petrov")] == ("meeting", "Moscow")


def test_talks_a_traveller_will_hold_where_they_arrived_are_a_coming_meeting_there_not_an_earlier_one_elsewhere():
    events = events_of(
        "Prime Minister Ana Costa arrived in Kyiv on Tuesday, where she will hold talks with President Ivan Bondar.\n\n"
        "In January, Costa met with Bondar in Italy during a G7 summit.",
        published=DAY,
    )
    meetings = sorted((e.venue.name, e.date.iso()) for e in events if e.kind == "meeting")
    assert meetings == [("Italy", "2024-01"), ("Kyiv", None)]


def test_the_first_call_since_they_met_is_the_call_and_the_meeting_counted_from_is_its_own_event():
    events = events_of(
        "Prime Minister Ana Costa and President Mark Hale held a telephonic conversation last evening.\n\n"
        "This is the first conversation between the two leaders since they met on the sidelines of the G20 summit in "
        "Argentina in November.",
        published=datetime.date(2019, 1, 9),
    )
    assert sorted((e.date.iso(), e.venue.name if e.venue else None) for e in events) == [
        ("2018-11", "Argentina"),
        ("2019-01-08", None),
    ]


def test_talks_scheduled_later_today_by_a_guest_on_a_visit_are_another_occasion_than_the_welcome_earlier_today():
    events = events_of(
        "Prime Minister Ana Costa welcomed President Ravi Perera at the palace earlier today.\n\n"
        "President Perera, who is on a five-day visit to Portugal, is scheduled to hold bilateral talks with Prime "
        "Minister Costa at the Belem Palace in Lisbon later today.",
        published=DAY,
    )
    meetings = [e for e in events if e.kind == "meeting"]
    assert len(meetings) == 2 and all(people_of(e) == ["Ana Costa", "Ravi Perera"] for e in meetings)
    assert all(e.date.iso() == "2024-03-12" for e in meetings)
    assert {e.date.evidence.split(":")[0] for e in meetings} == {
        "earlier the same day than the report's lead event",
        "later the same day than the report's lead event",
    }
    assert [e.venue.country for e in events if e.kind == "visit"] == ["PT"]


def test_the_meeting_where_a_traveller_is_leaving_for_is_there():
    events = events_of(
        "President Ana Costa on Sunday began her state visit to Suriname. President Costa is scheduled to interact "
        "with the diaspora in Suriname before leaving for Serbia, where she will meet President Milan Petrovic.",
        published=DAY,
    )
    [meeting] = [e for e in events if "Milan Petrovic" in people_of(e)]
    assert meeting.venue.country == "RS" and not meeting.date.known


def test_a_summit_someone_will_attend_is_the_one_summit_the_report_dates_and_places():
    [summit] = events_of(
        "The 24th meeting of the Ocean Council of Heads of State (Ocean Summit) will be held on Thursday in Astana.\n\n"
        "Foreign Minister Ana Costa will lead the Portuguese delegation to Astana for the summit.",
        published=DAY,
    )
    assert people_of(summit) == ["Ana Costa"] and summit.date.iso() == "2024-03-14" and summit.venue.name == "Astana"


def test_a_day_just_before_publication_told_as_to_come_is_that_day_not_next_years():
    [expr] = [e for e in dates.find_expressions("The summit will be held on March 10-11 in Astana.") if "10" in e.text]
    value = dates.resolve(expr, "The summit will be held on March 10-11 in Astana.", dates.Anchor(DAY))
    assert value.iso() == "2024-03-10"
    [expr] = [e for e in dates.find_expressions("The summit will be held on Thursday in Astana.") if e.kind == "weekday"]
    assert dates.resolve(expr, "The summit will be held on Thursday in Astana.", dates.Anchor(DAY)).iso() == "2024-03-14"


def test_a_time_stamped_date_line_is_the_articles_not_the_sites_day_above_it():
    [meeting] = events_of(
        "Sunday, March 17, 2024\nNews\n\nCosta and Perera discuss ties\n\n"
        "Lisbon | March 12, 2024 11:11:52 AM IST\n"
        "Prime Minister Ana Costa held a meeting with President Ravi Perera on Thursday."
    )
    assert meeting.date.iso() == "2024-03-07"  # (the Thursday before March 12, not before March 17)


def test_a_date_line_with_a_reading_time_is_the_articles_not_the_sites_day_above_it():
    [meeting] = events_of(
        "• 17 March, 2024\nForeign Affairs & National Security\nMENU\n\nCosta and Perera discuss ties\n\n"
        "Tue, 12 Mar 2024   |  Reading Time: < 1 minute\n\n"
        "Prime Minister Ana Costa held a meeting with President Ravi Perera on Thursday."
    )
    assert meeting.date.iso() == "2024-03-07"

def test_a_summit_discussed_invited_to_or_proposed_in_a_call_is_a_coming_summit_not_the_call():
    events = events_of(
        "Prime Minister Ana Costa and President Mark Hale on Tuesday held a telephonic conversation where the two "
        "leaders discussed the next Ocean Summit.\n\n"
        "He extended an invitation to Prime Minister Costa to attend the next Ocean Summit to be held in the USA, the "
        "office said.\n\n"
        "The Prime Minister said that Portugal would be happy to ensure the success of the proposed Summit.",
        published=DAY,
    )
    assert sorted((e.kind, e.date.iso()) for e in events) == [("meeting", "2024-03-12"), ("summit", None)]


def test_a_visit_someone_recalled_is_a_visit_at_its_own_time():
    events = events_of(
        "Prime Minister Ana Costa and President Mark Hale spoke over the phone on Tuesday.\n\n"
        "Hale also warmly recalled his visit to Portugal in February this year.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Mark Hale"] and visit.venue.country == "PT" and visit.date.iso() == "2024-02"


def test_the_pentagon_is_a_seat_in_its_town():
    [meeting] = events_of("Defence Minister Ana Costa met Secretary of Defense Mark Hale at the Pentagon on Tuesday.", published=DAY)
    assert (meeting.venue.name, meeting.venue.country) == ("Arlington", "US")


def test_the_place_of_a_who_clause_is_not_where_the_main_clauses_meeting_was():
    events = events_of(
        "Lisbon, March 12: General Rui Lopes, Chief of Army Staff, who is on a five-day visit to Portugal, paid a "
        "courtesy call on Prime Minister Ana Costa on Tuesday.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ana Costa", "Rui Lopes"] and meeting.venue.name == "Lisbon"


def test_an_event_dated_by_a_lead_told_earlier_today_says_so_once():
    events = events_of(
        "Prime Minister Ana Costa welcomed President Ravi Perera at the palace earlier today.\n\n"
        "Perera also met Foreign Minister Rui Lopes.",
        published=DAY,
    )
    [later] = [e for e in events if "Rui Lopes" in people_of(e)]
    assert later.date.iso() == "2024-03-12"
    assert later.date.evidence.startswith("as the report's lead event: “today”")


def test_reaching_a_country_and_signing_there_is_a_visit_and_an_agreement():
    events = events_of(
        "President Ana Costa reached Tajikistan and signed key MoUs with President Ravi Perera on Monday.", published=DAY
    )
    assert sorted((e.kind, tuple(people_of(e)), e.venue.country, e.date.iso()) for e in events) == [
        ("agreement", ("Ana Costa", "Ravi Perera"), "TJ", "2024-03-11"),
        ("visit", ("Ana Costa",), "TJ", "2024-03-11"),
    ]


def test_a_welcome_at_the_airport_is_part_of_the_visit_with_who_received_the_guest():
    events = events_of(
        "Defence Minister Ana Costa arrived in Canberra on Monday on a three-day visit. "
        "She was received at the airport by Assistant Minister for Defence Ravi Perera.\n\n"
        "Costa held talks with Defence Minister Rui Lopes on Tuesday.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Ana Costa", "Ravi Perera"]
    assert visit.date.iso() == "2024-03-11" and visit.venue.name == "Canberra"
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ana Costa", "Rui Lopes"]


def test_a_reception_with_no_arrival_in_sight_is_still_a_meeting():
    events = events_of(
        "President Ana Costa arrived in Canberra on Monday. She was received by Prime Minister Ravi Perera at Parliament House on Tuesday.",
        published=DAY,
    )
    assert sorted((e.kind, tuple(people_of(e))) for e in events) == [
        ("meeting", ("Ana Costa", "Ravi Perera")),
        ("visit", ("Ana Costa",)),
    ]


def test_a_meeting_that_someone_had_with_someone_is_a_meeting_where_and_when_it_says():
    [meeting] = events_of(
        "This was one of the outcomes of a two-hour meeting that Ana Costa had with Rui Lopes on the sidelines of a "
        "regional meeting in Moscow on Thursday.",
        published=DAY,
    )
    assert meeting.kind == "meeting" and people_of(meeting) == ["Ana Costa", "Rui Lopes"]
    assert meeting.venue.name == "Moscow" and meeting.date.iso() == "2024-03-07"


def test_the_town_of_an_embassy_is_not_where_the_talks_were():
    events = events_of(
        "Foreign Minister Ana Costa met Foreign Minister Rui Lopes in Moscow on Thursday.\n\n"
        "A joint statement put out by the Portuguese embassy in Beijing said the talks between Costa and Lopes were frank.",
        published=DAY,
    )
    assert [(e.kind, e.venue.name) for e in events] == [("meeting", "Moscow")]


def test_the_capital_of_a_country_named_by_its_adjective_is_that_countrys_capital():
    [meeting] = events_of("Foreign Minister Ana Costa and Foreign Minister Rui Lopes met in the Russian capital on Thursday.", published=DAY)
    assert (meeting.venue.name, meeting.venue.country) == ("Moscow", "RU")


def test_a_bare_earlier_in_a_report_of_the_days_talks_is_earlier_that_day():
    events = events_of(
        "Defence Minister Ana Costa held talks with Defence Minister Rui Lopes in Canberra today.\n\n"
        "Earlier, Costa called on Prime Minister Mia Berg.",
        published=DAY,
    )
    [call] = [e for e in events if "Mia Berg" in people_of(e)]
    assert call.date.iso() == "2024-03-12" and "earlier the same day" in call.date.evidence
    assert len(events) == 2  # (another occasion than the talks)


def test_an_earlier_with_a_past_perfect_stays_at_another_time():
    events = events_of(
        "Defence Minister Ana Costa held talks with Defence Minister Rui Lopes in Canberra today.\n\n"
        "Earlier, Costa had met Prime Minister Mia Berg in Tokyo.",
        published=DAY,
    )
    [other] = [e for e in events if "Mia Berg" in people_of(e)]
    assert not other.date.known


def test_calling_on_one_person_and_meeting_another_are_two_meetings():
    events = events_of(
        "Ms Costa, who is in India on a two-day visit, will call on Prime Minister Rui Lopes and meet "
        "National Security Adviser Mia Berg.",
        published=DAY,
    )
    meetings = sorted(people_of(e) for e in events if e.kind == "meeting")
    assert meetings == [["Costa", "Mia Berg"], ["Costa", "Rui Lopes"]]


def test_a_visit_someone_is_on_in_a_who_clause_is_under_way_on_the_reports_day():
    events = events_of(
        "Ms Costa, who is in India on a two-day visit, will call on Prime Minister Rui Lopes.", published=DAY
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.date.iso() == "2024-03-12"
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert not meeting.date.known  # (the call is still to come)


def test_two_countries_talks_are_of_the_office_both_sides_hold_not_of_everyone_named():
    events = events_of(
        "India and France today held wide-ranging talks on defence.\n\n"
        "Indian Defence Minister Ana Costa and French Defence Minister Rui Lopes discussed maritime cooperation. "
        "Lopes is expected to prepare French President Mia Berg's trip to India.",
        published=DAY,
    )
    [talks] = [e for e in events if e.kind == "meeting"]
    assert "Mia Berg" not in people_of(talks)


def test_someone_on_a_visit_who_called_on_one_person_and_met_another_had_two_meetings_on_it():
    events = events_of(
        "Defence Minister Ana Costa held talks with Defence Minister Rui Lopes on Friday.\n\n"
        "Lopes, on a two-day visit to Portugal, also called on Prime Minister Mia Berg and met Adviser Ravi Perera.",
        published=DAY,
    )
    meetings = sorted(people_of(e) for e in events if e.kind == "meeting")
    assert meetings == [["Ana Costa", "Rui Lopes"], ["Mia Berg", "Rui Lopes"], ["Ravi Perera", "Rui Lopes"]]


def test_what_someone_said_in_opening_remarks_at_talks_is_not_a_statement_of_its_own():
    events = events_of(
        "Foreign Minister Ana Costa met Foreign Minister Rui Lopes on Thursday.\n\n"
        "In his opening remarks, Costa said he and Lopes have been meeting regularly at multilateral events.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["meeting"]


def test_a_visit_that_another_follows_is_the_one_the_sentence_tells_of():
    events = events_of(
        "President Ana Costa received Prime Minister Ravi Perera, who is on a state visit to Egypt.\n\n"
        "The Indian prime minister’s visit to Egypt follows the state visit President Ana Costa made to New Delhi in January.",
        published=datetime.date(2023, 6, 25),
    )
    [earlier] = [e for e in events if e.kind == "visit" and e.date.iso() == "2023-01"]
    assert people_of(earlier) == ["Ana Costa"] and earlier.venue.name == "New Delhi"


def test_an_invitation_to_an_upcoming_summit_stays_to_come_whatever_else_the_report_says_of_it():
    events = events_of(
        "Prime Minister Ravi Perera held talks with President Ana Costa in Cairo.\n\n"
        "Perera invited President Ana Costa to participate in the upcoming Ocean Summit in New Delhi. "
        "Costa expressed confidence in India’s active presidency of the summit.",
        published=datetime.date(2023, 6, 25),
    )
    [summit] = [e for e in events if e.kind == "summit"]
    assert not summit.date.known and summit.venue.name == "New Delhi"
    [talks] = [e for e in events if e.kind == "meeting"]
    assert talks.date.iso() == "2023-06-25"


def test_opening_remarks_at_a_summit_are_a_statement_at_the_summit():
    events = events_of(
        "In his opening remarks at the Ocean Summit, Prime Minister Ana Costa said that the century has the potential to "
        "give a new direction to the world.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["statement"]


def test_the_place_of_a_phrase_opening_the_sentence_is_not_where_its_main_clause_met():
    [meeting] = events_of(
        "NEW DELHI: Stepping up its level of interaction with the government in Kabul since 2021, Foreign Secretary "
        "Ana Costa met acting Foreign Minister of Afghanistan Mawlawi Rui Lopes in Dubai on Wednesday.",
        published=DAY,
    )
    assert meeting.venue.name == "Dubai"
    assert people_of(meeting) == ["Ana Costa", "Rui Lopes"]  # ("Mawlawi", a title, is no part of the name)


def test_a_welcome_on_arrival_by_a_host_of_another_country_places_the_visit_and_the_meeting_there():
    events = events_of(
        "New Delhi: President Ana Costa on Monday held discussions as she met her counterpart Ravi Perera.\n\n"
        "President Costa, who arrived on her first state visit to the island nation from March 11-13, was warmly "
        "received by President Perera at the State House.\n\n"
        "She also visited the Ayurvedic Garden which was set up at the State House last year.\n\n"
        "Upon her arrival, President Costa was received by Mauritius Prime Minister Mia Berg at the airport.",
        published=datetime.date(2024, 3, 11),
    )
    assert sorted(e.kind for e in events) == ["meeting", "visit"]  # (a garden is a sight, not a trip)
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.venue.country == "MU" and people_of(visit)[0] == "Ana Costa" and "Mia Berg" in people_of(visit)
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.venue.country == "MU"


def test_leaving_for_one_country_after_a_visit_to_another_ends_that_visit():
    events = events_of(
        "Prime Minister Ana Costa today left for Malaysia on the second leg of her Asia tour after a three-day "
        "visit to Japan that saw the conclusion of negotiations.",
        published=DAY,
    )
    [japan] = [e for e in events if e.venue.country == "JP"]
    assert japan.kind == "visit" and people_of(japan) == ["Ana Costa"]
    assert japan.date.iso() == "2024-03-10" and japan.date.end == DAY
    [malaysia] = [e for e in events if e.venue.country == "MY"]
    assert malaysia.date.iso() == "2024-03-12"


def test_a_first_meeting_since_a_year_tells_that_the_pair_met_that_year():
    events = events_of(
        "President Ana Costa met Prime Minister Ravi Perera on Wednesday for their first meeting since 2017.", published=DAY
    )
    assert sorted((e.kind, e.date.iso(), tuple(people_of(e))) for e in events) == [
        ("meeting", "2017", ("Ana Costa", "Ravi Perera")),
        ("meeting", "2024-03-06", ("Ana Costa", "Ravi Perera")),
    ]


def test_what_was_witnessed_or_done_regularly_is_no_event():
    events = events_of(
        "Prime Minister Ana Costa met President Ravi Perera on Monday.\n\n"
        "Costa also talked about cooperation in health, which was witnessed during the pandemic. "
        "In his remarks, Costa said he and Perera have been meeting regularly at the summits of the group.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["meeting"]


def test_a_visit_by_someone_to_a_place_and_a_welcome_to_a_place_are_there():
    events = events_of(
        "President Ana Costa welcomed Prime Minister Ravi Perera to Cairo on 25 June.\n\n"
        "Perera’s visit to Egypt is his first since assuming office in 2014 and the first by any head of state since 1997. "
        "Perera’s visit comes in light of a recent visit by Costa to Portugal on 24 January.\n\n"
        "Costa is expected to return to Lisbon in September to join the Ocean Summit.",
        published=datetime.date(2023, 6, 26),
    )
    assert sorted((e.kind, e.date.iso(), e.venue.name, tuple(people_of(e))) for e in events) == [
        ("meeting", "2023-06-25", "Cairo", ("Ana Costa", "Ravi Perera")),
        ("summit", "2023-09", "Lisbon", ("Ana Costa",)),
        ("visit", "2023-01-24", "Portugal", ("Ana Costa",)),
        ("visit", "2023-06-25", "Egypt", ("Ravi Perera",)),
    ]


def test_the_visit_of_someone_to_a_place_is_their_visit_but_not_the_visit_of_a_team():
    events = events_of(
        "Trade ties grew after the visit of President Ana Costa to Portugal in March 2019.\n\n"
        "The visit of a team of officials to Lisbon followed in May.",
        published=datetime.date(2023, 6, 26),
    )
    assert [(e.kind, e.date.iso(), e.venue.name, people_of(e)) for e in events] == [("visit", "2019-03", "Portugal", ["Ana Costa"])]


def test_the_two_defence_ministers_are_the_two_of_that_office_not_the_last_pair():
    events = events_of(
        "Lisbon: Foreign Minister Ana Costa on Saturday held talks with her Spanish counterpart Tomas Berg.\n\n"
        "Berg and Spanish Defence Minister Mark Stone arrived here on Friday on a three-day visit.\n\n"
        "The Portuguese delegation will be led by Defence Minister Ravi Perera and Costa.\n\n"
        "The two defence ministers on Friday discussed maritime security.",
        published=datetime.date(2024, 3, 9),
    )
    talks = [e for e in events if e.kind == "meeting" and e.date.iso() == "2024-03-08"]
    assert [people_of(e) for e in talks] == [["Mark Stone", "Ravi Perera"]]


def test_a_summit_held_online_and_a_deal_signed_at_it_are_held_nowhere():
    events = events_of(
        "Lisbon: In June last year, Portugal and Spain signed a landmark deal during an online summit between "
        "Prime Minister Ana Costa and her Spanish counterpart Tomas Berg.",
        published=datetime.date(2024, 3, 9),
    )
    assert sorted((e.kind, e.date.iso(), e.venue) for e in events) == [("agreement", "2023-06", None), ("summit", "2023-06", None)]


def test_a_meeting_after_which_something_else_happened_elsewhere_is_undated_but_the_same_one_is_the_leads():
    events = events_of(
        "Prime Minister Ravi Perera held talks with President Ana Costa in Lisbon.\n\n"
        "Perera said relations have improved following his meeting with President Costa in Madrid.",
        published=DAY,
    )
    assert sorted((e.venue.name, e.date.iso()) for e in events) == [("Lisbon", "2024-03-12"), ("Madrid", None)]
    [talks] = events_of(
        "Foreign Minister Ravi Perera held talks with his Spanish counterpart Tomas Berg in Lisbon.\n\n"
        "“Agreed to work closely on trade,” Perera said after his meeting with Berg.",
        published=DAY,
    )
    assert talks.date.iso() == "2024-03-12"


def test_the_two_special_representatives_had_a_long_video_call_on_a_day_and_the_border_is_no_venue():
    [call] = events_of(
        "LISBON: National Security Adviser Ravi Perera and Spanish Foreign Minister Tomas Berg held talks over the "
        "border stand-off and agreed to disengage along the Line of Actual Control (LAC) in Galicia.\n\n"
        "Sources said that the two special representatives had an almost two-hour-long video call on Sunday.",
        published=DAY,
    )
    assert people_of(call) == ["Ravi Perera", "Tomas Berg"] and call.date.iso() == "2024-03-10"
    assert call.remote and call.venue is None


def test_a_meeting_just_upon_arrival_is_on_the_day_of_the_arrival():
    events = events_of(
        "Trade Minister Ravi Perera, who is on a visit to Spain from March 10 to 13, arrived in Madrid Sunday morning.\n\n"
        "Just shortly upon arrival, Perera met with Spain's Tomas Berg, Minister for Trade.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.date.iso() == "2024-03-10" and "arrived" in meeting.date.evidence


def test_a_dateline_alone_on_its_line_dates_the_report_a_day_before_its_publication():
    events = events_of(
        "Lisbon, March 11\n"
        "The Navy Chiefs of Portugal and Spain — both partners in NATO with the US and France — today discussed training.\n"
        "Vice Admiral Tomas Berg, Chief of Royal Spanish Navy, is on an official visit to Portugal from March 10 to March 14. "
        "He met Navy Chief Admiral Ravi Perera today.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.date.iso() == "2024-03-11" and "dateline" in meeting.date.evidence
    assert meeting.venue.name == "Lisbon" and sorted(meeting.countries) == ["ES", "PT"]
    assert {p.name: p.country for p in meeting.participants}["Tomas Berg"] == "ES"


def test_what_a_guest_did_after_the_day_a_relative_clause_says_they_arrived_is_of_that_month():
    events = events_of(
        "Defence Secretary Tomas Berg, who landed in Lisbon on Friday, called on Prime Minister Ravi Perera.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert (meeting.date.iso(), meeting.date.precision) == ("2024-03", "month") and "arrival" in meeting.date.evidence


def test_a_guest_received_at_an_air_base_by_their_own_envoy_is_on_a_visit_with_no_host():
    events = events_of(
        "Defence Minister Ravi Perera of Portugal arrived in Spain on Monday.\n\n"
        "He was received at Torrejon Airbase by Portugal's Ambassador to Spain, Tomas Berg.",
        published=DAY,
    )
    assert [(e.kind, people_of(e), e.venue.country) for e in events] == [("visit", ["Ravi Perera"], "ES")]


def test_a_meeting_begun_in_the_port_city_of_a_town():
    [meeting] = events_of(
        "Spanish President Tomas Berg and Portuguese Prime Minister Ravi Perera have begun a bilateral meeting "
        "in the northern Spanish port city of Vigo, state media said on Sunday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ravi Perera", "Tomas Berg"] and meeting.venue.name == "Vigo"


def test_interacting_with_two_officials_including_a_and_b_is_a_meeting_with_each():
    events = events_of(
        "Trade Minister Ravi Perera arrived in Madrid on Monday.\n\n"
        "The Portuguese minister will also interact with two top Spanish officials, including Economy Minister "
        "Tomas Berg and Foreign Minister Ana Costa.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events if e.kind == "meeting") == [["Ana Costa", "Ravi Perera"], ["Ravi Perera", "Tomas Berg"]]


def test_two_guests_accorded_the_guard_of_honour_on_arrival_each_visit():
    events = events_of(
        "Lisbon: Earlier in the day, Spanish Defence Minister Tomas Berg and Spanish Minister of Foreign Affairs Ana Costa "
        "were accorded the Guard of Honour at the ministry upon their arrival in the country.",
        published=DAY,
    )
    assert sorted((e.kind, tuple(people_of(e))) for e in events) == [("visit", ("Ana Costa",)), ("visit", ("Tomas Berg",))]


def test_the_visiting_leader_is_the_guest_and_the_welcome_is_part_of_the_visit():
    events = events_of(
        "Lisbon: Spanish President Tomas Berg began a four-day visit to Portugal on Sunday.\n\n"
        "Earlier in the day, the visiting leader was accorded a ceremonial welcome at the palace. "
        "Foreign Minister Ravi Perera called on the visiting leader and discussed trade.",
        published=DAY,
    )
    assert sorted((e.kind, tuple(people_of(e))) for e in events) == [("meeting", ("Ravi Perera", "Tomas Berg")), ("visit", ("Tomas Berg",))]


def test_a_possessive_arrival_on_a_day_is_a_visit_and_a_welcome_ahead_of_talks_is_the_guest_s_alone():
    [visit] = events_of("Prime Minister Ravi Perera’s arrival in Madrid on Saturday evening has drawn attention.", published=DAY)
    assert (visit.kind, people_of(visit), visit.venue.name, visit.date.iso()) == ("visit", ["Ravi Perera"], "Madrid", "2024-03-09")
    events = events_of(
        "Prime Minister Ravi Perera arrived in Madrid on Monday. Ahead of the talks with Berg, Perera received a ceremonial "
        "welcome at the Parliament House.\n\nHe held talks with Spanish Prime Minister Tomas Berg.",
        published=DAY,
    )
    assert [people_of(e) for e in events if e.kind == "visit"] == [["Ravi Perera"]]


def test_talks_with_presidents_the_report_does_not_name_are_undated_beside_another_lead():
    events = events_of(
        "Prime Minister Ravi Perera on Tuesday held talks with Spanish President Tomas Berg in Madrid.\n\n"
        "The Portuguese prime minister also held bilateral talks with the presidents of Bolivia, Uruguay and Cuba.",
        published=DAY,
    )
    assert sorted((e.title, e.date.iso() or "") for e in events) == [
        ("Ravi Perera meets Tomas Berg in Madrid", "2024-03-12"),
        ("Ravi Perera meets the president of Bolivia", ""),
        ("Ravi Perera meets the president of Cuba", ""),
        ("Ravi Perera meets the president of Uruguay", ""),
    ]


def test_a_name_a_cut_document_ends_on_is_nobody_and_not_the_first_meeting_is_no_event():
    events = events_of(
        "Foreign Minister Ana Costa held talks with Spanish Foreign Minister Tomas Berg in Lisbon on Tuesday.\n\n"
        "She noted that it was not the first such meeting between the two ministers.\n\n"
        "Prime Minister Ravi Perera also met Spanish Prime Minister Mar",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [["Ana Costa", "Tomas Berg"]]


def test_visits_to_two_towns_with_their_own_times_and_meetings_in_two_years():
    events = events_of(
        "Prime Minister Perera visited Madrid (July 2015 and June 2016) and Barcelona (September 2022).\n\n"
        "Foreign Minister Ana Costa and Foreign Minister Tomas Berg have also met in 2023 and 2021, an official said.",
        published=DAY,
    )
    assert sorted((e.kind, e.venue.name if e.venue else None, e.date.iso()) for e in events if e.kind == "visit") == [
        ("visit", "Barcelona", "2022-09"), ("visit", "Madrid", "2015-07"), ("visit", "Madrid", "2016-06"),
    ]
    assert sorted(e.date.iso() for e in events if e.kind == "meeting") == ["2021", "2023"]


def test_a_call_followed_by_a_conversation_with_another_is_two_calls():
    events = events_of(
        "Prime Minister Ravi Perera on Tuesday spoke to Spanish President Tomas Berg, followed by a telephonic "
        "conversation with French President Ana Costa.",
        published=DAY,
    )
    assert sorted((people_of(e), e.date.iso()) for e in events) == [
        (["Ana Costa", "Ravi Perera"], "2024-03-12"), (["Ravi Perera", "Tomas Berg"], "2024-03-12"),
    ]


def test_a_page_on_one_line_a_caption_credit_handles_and_time_words_are_not_the_story():
    events = events_of(
        "In May last year, Prime Minister Ravi Perera met the President of Spain. (Archive photo) Lisbon: Prime Minister "
        "Ravi Perera spoke to Spanish President Tomas Berg hours after holding talks with French President Ana Costa. "
        "Sources said Berg and Costa had invited Prime Minister Perera to visit their countries. Phone call with Costa "
        "Earlier today, Prime Minister Ravi Perera called French President Ana Costa to congratulate her.",
        published=DAY,
    )
    assert [e.date.iso() for e in events if e.kind == "visit"] == [None]  # (an invitation to visit: still to come)
    assert {p.name for e in events for p in e.participants} == {"Ravi Perera", "Tomas Berg", "Ana Costa"}
    assert sorted(e.date.iso() for e in events if "Tomas Berg" in people_of(e)) == ["2023-05", "2024-03-12"]


def test_a_statement_s_day_and_what_an_event_followed_are_not_its_time():
    events = events_of(
        "A White House statement issued on Tuesday on President Tomas Berg’s visit to Portugal for the Ocean Summit from "
        "September 7-10 pointed out the risks.",
        published=datetime.date(2023, 8, 23),
    )
    assert {e.date.iso() for e in events} == {"2023-09-07"}
    events = events_of(
        "Defence Minister Ravi Perera first met Spanish Defence Minister Tomas Berg, describing their conversation as enriching in a post on social "
        "media platform X. The meeting comes as Spain moves closer to membership following the signing of its Memorandum "
        "of Obligation in 2023.",
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert not meeting.date.known


def test_a_meeting_shortly_after_the_guest_arrived_is_the_meeting_there_and_the_guest_s_visit():
    events = events_of(
        "Prime Minister Ravi Perera held a meeting with Tomas Berg shortly after the Spanish President arrived in Lisbon "
        "on the morning of Tuesday.",
        published=DAY,
    )
    assert sorted((e.kind, tuple(people_of(e)), e.venue.name) for e in events) == [
        ("meeting", ("Ravi Perera", "Tomas Berg"), "Lisbon"), ("visit", ("Tomas Berg",), "Lisbon"),
    ]


def test_a_talk_followed_by_a_telephonic_conversation_was_on_the_telephone_too():
    events = events_of(
        "Lisbon: Prime Minister Ravi Perera on Tuesday spoke to Spanish President Tomas Berg, followed by a telephonic "
        "conversation with French President Ana Costa.",
        published=DAY,
    )
    assert [(e.remote, e.venue) for e in events] == [(True, None), (True, None)]


def test_ties_elevated_as_a_leader_paid_a_visit_are_an_agreement_and_the_visit_and_a_recalled_conversation_is_past():
    events = events_of(
        "Lisbon: Portugal and Spain on Tuesday elevated their ties to a Strategic Partnership as Prime Minister Tomas Berg "
        "paid his first ever visit to the country.\n\n"
        "President Ana Costa recalled her recent conversation with Prime Minister Ravi Perera.",
        published=DAY,
    )
    found = sorted((e.kind, e.date.iso(), tuple(people_of(e))) for e in events)
    assert ("agreement", "2024-03-12") in [k[:2] for k in found] and ("visit", "2024-03-12", ("Tomas Berg",)) in found
    assert ("meeting", None, ("Ana Costa", "Ravi Perera")) in found


def test_a_country_a_description_gave_a_traveller_yields_to_their_trip_there():
    events = events_of(
        "Army Chief General Ravi Perera arrived in Madrid on Wednesday afternoon.\n\n"
        "In the evening, he will join a dinner to be hosted by the Spanish Army chief.\n\n"
        "Perera held bilateral talks with his Spanish counterpart General Tomas Berg on Thursday.",
        published=DAY,
    )
    countries = {p.name: p.country for e in events for p in e.participants}
    assert countries["Ravi Perera"] is None and countries["Tomas Berg"] == "ES"


def test_a_leader_with_their_own_country_s_envoy_abroad_is_no_meeting():
    events = events_of(
        "Portuguese President Ravi Perera held talks with Chilean President Tomas Berg in Santiago on Monday.\n\n"
        "On the same evening, President Perera addressed a reception hosted by Ana Costa, Ambassador of Portugal to Chile.",
        published=DAY,
    )
    assert [people_of(e) for e in events if e.kind == "meeting"] == [["Ravi Perera", "Tomas Berg"]]


def test_he_after_an_opener_listing_others_is_the_subject_and_they_meet_nobody_among_themselves():
    events = events_of(
        "LISBON: Defence Minister Ravi Perera on Sunday held a series of bilateral meetings with his counterparts from the US "
        "and Japan. Apart from his bilateral meetings with US Secretary of Defence Tom Hale and Japanese Defence Minister "
        "Taro Kono, he also met Deputy Prime Minister of Spain General Tomas Berg.",
        published=DAY,
    )
    pairs = [people_of(e) for e in events if len(e.participants) == 2]
    assert pairs == [["Ravi Perera", "Tomas Berg"]]


def test_meeting_several_delegates_including_a_b_and_c_on_a_visit_is_a_meeting_with_each():
    events = events_of(
        "Foreign Minister Ravi Perera, who is currently on a visit to the US, met several delegates and diplomats on the "
        "sidelines of UNGA, including Spanish Foreign Minister Tomas Berg, French Foreign Minister Ana Costa and "
        "German Foreign Minister Mark Stone.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events if e.kind == "meeting") == [
        ["Ana Costa", "Ravi Perera"], ["Mark Stone", "Ravi Perera"], ["Ravi Perera", "Tomas Berg"],
    ]


def test_the_us_secretary_of_state_holds_the_foreign_ministers_office_at_a_meeting_of_countries():
    events = events_of(
        "The top diplomats of Japan, the United States and India met in New Delhi on Friday.\n\n"
        "Japanese Foreign Minister Mia Berg, Indian External Affairs Minister Ana Costa and US Secretary of State "
        "Ravi Perera lead their countries' delegations. Indian Defence Minister Rui Lopes and Japanese Defence "
        "Minister Tom Ito stayed at home.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ana Costa", "Mia Berg", "Ravi Perera"]


def test_has_spoken_to_is_a_call_and_the_sentence_saying_when_it_took_place_dates_it():
    [call] = events_of(
        "Foreign Minister Ana Costa has spoken to US Secretary of State Ravi Perera, covering a range of issues.\n\n"
        "The telephonic conversation took place on Monday night, Costa said.",
        published=DAY,
    )
    assert call.kind == "meeting" and call.remote and call.venue is None  # ("to US Secretary": no place)
    assert call.date.iso() == "2024-03-11"
    assert len(call.spans) == 2


def test_a_chief_guest_at_celebrations_takes_part_in_them_on_their_day():
    [other] = events_of("President Ana Costa was the Chief Guest at the National Day celebrations in Port Louis on Tuesday.", published=DAY)
    assert other.kind == "other" and people_of(other) == ["Ana Costa"]
    assert other.date.iso() == "2024-03-12" and other.venue.name == "Port Louis"


def test_the_day_of_a_during_which_clause_does_not_date_the_arrival_before_it():
    [visit] = events_of(
        "President Ana Costa arrived in Port Louis earlier in the day on a three-day state visit during which she would "
        "be the chief guest at the country's National Day celebrations on Wednesday.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.date.iso() == "2024-03-12"


def test_a_last_paragraph_credited_to_a_wire_agency_is_a_sentence_not_a_headline():
    events = events_of(
        "Defence Minister Ana Costa met National Security Adviser Ravi Perera on Friday.\n\n"
        "Earlier in the day, she met Defence Minister Rui Lopes.\n\n"
        "She also met Prime Minister Mia Berg and discussed global challenges. (ANI)",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events) == [["Ana Costa", "Mia Berg"], ["Ana Costa", "Ravi Perera"], ["Ana Costa", "Rui Lopes"]]


def test_a_meeting_before_the_named_meeting_is_another_occasion_and_a_wire_byline_gives_the_place():
    events = events_of(
        "Costa chairs joint commission meet\n\nPress Trust of India Kathmandu\n\n"
        "The Joint Commission Meeting was co-chaired by Foreign Minister Ana Costa and her Nepalese counterpart Ravi Perera today.\n\n"
        "Before the Joint Commission Meeting, Costa had a separate meeting with Perera.",
        published=DAY,
    )
    assert [(e.kind, e.venue.name, e.date.iso()) for e in events] == [("meeting", "Kathmandu", "2024-03-12")] * 2


def test_a_headline_with_someone_in_a_country_for_talks_is_their_visit():
    events = events_of(
        "Portuguese PM Costa in India for talks with PM Perera\n\n"
        "Portuguese Prime Minister Ana Costa met Indian Prime Minister Ravi Perera at Hyderabad House in New Delhi on Monday.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Ana Costa"] and visit.venue.country == "IN"


def test_an_adverb_opening_a_sentence_and_a_keynote_speaker_are_nobody():
    events = events_of(
        "Prime Minister Ana Costa is the Chief Guest & Keynote Speaker at the Ocean Dialogue.\n\n"
        "Finance Minister Ana Costa met Chancellor Mia Berg in London on Wednesday. "
        "Additionally, Costa held discussions with Jonathan Reynolds, the Secretary of State for Business and Trade.",
        published=DAY,
    )
    names = {name for e in events for name in people_of(e)}
    assert "Additionally" not in names and "Keynote Speaker" not in names
    assert ["Ana Costa", "Jonathan Reynolds"] in [people_of(e) for e in events]


def test_the_following_year_is_the_year_after_the_last_one_the_report_gave():
    events = events_of(
        "In 2014, during a summit meeting between Prime Minister Ana Costa and Prime Minister Ravi Perera, the two agreed "
        "to upgrade the relationship.\n\n"
        "The following year, during another summit the two leaders agreed to transform the partnership.",
        published=DAY,
    )
    assert sorted(e.date.iso() for e in events if e.kind == "summit") == ["2014", "2015"]


def test_a_countrys_town_his_next_meeting_and_a_trip_told_in_the_past_perfect():
    events = events_of(
        "Prime Minister Ana Costa held talks with Prime Minister Mia Berg on the sidelines of the Ocean Summit in "
        "Japan’s Hiroshima on Saturday.\n\n"
        "Costa thanked Berg for planting a sapling that had been gifted by him during their visit to Delhi’s Buddha "
        "Jayanti Park on March 20.\n\n"
        "In his next meeting with South Korea’s President Ravi Perera, Costa discussed trade.",
        published=datetime.date(2023, 5, 20),
    )
    [berg] = [e for e in events if "Mia Berg" in people_of(e) and e.kind == "meeting"]
    assert berg.venue.name == "Hiroshima"
    [perera] = [e for e in events if "Ravi Perera" in people_of(e)]
    assert perera.date.iso() == "2023-05-20"  # (the meeting after, not one to come)


def test_a_meeting_during_a_delegations_visit_to_a_town_to_attend_a_summit_is_a_meeting_there():
    events = events_of(
        "New Delhi, October 10: Lok Sabha Speaker Ana Costa met President of Inter-Parliamentary Union (IPU), Ravi "
        "Perera during the visit of the Indian Parliamentary Delegation (IPD) to Rome to attend the P20 Summit.",
    )
    [meeting] = events
    assert meeting.kind == "meeting" and meeting.venue.name == "Rome"


def test_meeting_one_leader_on_one_day_and_calling_upon_another_on_the_next_are_two_meetings():
    events = events_of(
        "President Ana Costa arrived in New Delhi on Sunday.\n\n"
        "She met Prime Minister Ravi Perera on Monday and called upon President Mia Berg on Tuesday.",
        published=datetime.date(2024, 3, 13),
    )
    meetings = sorted((people_of(e), e.date.iso()) for e in events if e.kind == "meeting")
    assert meetings == [(["Ana Costa", "Mia Berg"], "2024-03-12"), (["Ana Costa", "Ravi Perera"], "2024-03-11")]


def test_a_meeting_on_the_sidelines_of_the_summit_the_report_places_is_where_the_summit_is():
    events = events_of(
        "Speaker Ana Costa on Friday met Senate President Ravi Perera on the sidelines of the G20 Parliamentary "
        "Speakers' Summit (P20) here.\n\n"
        "Costa is leading a delegation to the G20 Parliamentary Speakers' Summit being organised in Rome from October 7 to 8.",
        published=datetime.date(2021, 10, 8),
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.venue.name == "Rome"


def test_a_town_after_a_lowercase_direction_is_that_town():
    [meeting] = events_of(
        "Finance Minister Ana Costa met Chancellor Ravi Perera at the London Stock Exchange Group in central London on Wednesday.",
        published=DAY,
    )
    assert meeting.venue.name == "London"


def test_a_ceremonial_welcome_in_a_paragraph_opened_by_earlier_is_the_visit_earlier_that_day():
    events = events_of(
        "Prime Minister Ana Costa on Thursday met Italian Prime Minister Mia Berg at Hyderabad House in Delhi.\n\n"
        "Earlier, Berg paid her respects at Rajghat on Thursday morning. She was received by Costa in a ceremonial "
        "welcome at the forecourt of Rashtrapati Bhavan.",
        published=datetime.date(2023, 3, 2),
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Ana Costa", "Mia Berg"] and visit.date.iso() == "2023-03-02"


def test_leaders_of_several_countries_met_on_the_sidelines_of_a_summit_are_a_meeting_each_not_the_summit():
    events = events_of(
        "Prime Minister Ana Costa met Japanese Prime Minister Mia Berg, South Korean President Ravi Perera, and "
        "Vietnamese Prime Minister Rui Lopes in Hiroshima, Japan, on Saturday, on the sidelines of G-7 Summit.\n\n"
        "Costa is in Hiroshima on an invitation by Berg to attend the G-7 Summit on March 9-10.",
        published=DAY,
    )
    meetings = sorted(people_of(e) for e in events if e.kind == "meeting")
    assert meetings == [["Ana Costa", "Mia Berg"], ["Ana Costa", "Ravi Perera"], ["Ana Costa", "Rui Lopes"]]
    [summit] = [e for e in events if e.kind == "summit"]
    assert summit.date.end is not None


def test_a_summit_a_trip_was_for_is_the_setting_of_the_meeting_on_it_and_no_scene_of_the_report():
    events = events_of(
        "Prime Minister Ana Costa on Wednesday spoke with Italian Prime Minister Mia Berg.\n\n"
        "Costa last met Berg in June during his visit to Canada for the 51st G7 Summit in Kananaskis.",
        published=datetime.date(2025, 9, 10),
    )
    [call] = [e for e in events if e.date.iso() == "2025-09-10"]
    assert call.venue is None  # (the report is not set in Canada)
    [june] = [e for e in events if e.kind == "meeting" and e.date.iso() == "2025-06"]
    assert people_of(june) == ["Ana Costa", "Mia Berg"] and june.venue.country == "CA"


def test_the_time_of_a_first_since_clause_is_not_the_visits():
    events = events_of(
        "Foreign Minister Ana Costa met President Ravi Perera on Saturday.\n\n"
        "Costa is currently on a three-day official visit to the Maldives, marking the first high-level visit from "
        "Portugal since the president, Perera, took office last year.",
        published=datetime.date(2024, 8, 10),
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert visit.date.iso() == "2024-08-10"


def test_people_honoured_or_spoken_for_are_not_sides_of_the_meeting():
    events = events_of(
        "Foreign Minister Ana Costa on Tuesday called on President Ravi Perera and conveyed the greetings of "
        "President Mia Berg and Prime Minister Rui Lopes to President Perera.\n\n"
        "Ahead of his talks with Perera, Costa also paid tributes to Mahatma Gandhi at his statue in the capital.",
        published=DAY,
    )
    assert {name for e in events for name in people_of(e)} == {"Ana Costa", "Ravi Perera"}


# Found by reading a fifth set of India-related reports (offices with several portfolios, companies,
# descriptions that name a country after the office, calls and consultations, agreements signed after talks)


def test_an_office_of_several_portfolios_is_one_title_before_the_name():
    [meeting] = events_of(
        "Union Minister for Railways, Information & Broadcasting, and Electronics & IT, Ravi Perera, met Russian "
        "Deputy Prime Minister Ivan Petrov on Thursday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ivan Petrov", "Ravi Perera"]


def test_a_company_named_without_its_suffix_is_nobody():
    events = events_of(
        "Minister Ravi Perera inaugurated a cargo terminal at the Tata Kumar India Limited plant on Tuesday.\n\n"
        "The newly inaugurated Ganga Setu Cargo Terminal will serve the plant. The rest was funded by Tata Kumar.",
        published=DAY,
    )
    names = {name for e in events for name in people_of(e)}
    assert "Tata Kumar" not in names and not any("Ganga" in name for name in names)
    assert names == {"Ravi Perera"}


def test_the_adviser_of_a_country_named_after_the_office_is_a_person():
    [call] = events_of(
        "Foreign Secretary Ravi Perera met the Foreign Affairs Adviser of Bangladesh Md Karim Hossain on Tuesday.",
        published=DAY,
    )
    assert people_of(call) == ["Md Karim Hossain", "Ravi Perera"]


def test_an_office_described_twice_is_whom_the_report_is_about():
    events = events_of(
        "Indian Foreign Secretary Ravi Perera and Bangladesh Foreign Secretary Karim Uddin held consultations today in Dhaka. "
        "Perera arrived on Monday. Perera will also see the press. The talks were useful, according to Uddin.\n\n"
        "Following the meeting, the foreign secretary met Adviser Salma Haque.",
        published=DAY,
    )
    [call] = [e for e in events if "Salma Haque" in people_of(e)]
    assert people_of(call) == ["Ravi Perera", "Salma Haque"]


def test_the_head_of_a_body_is_nobody_and_the_office_of_a_country_is_its_holder():
    events = events_of(
        "Chinese President Li Wei received Brazilian President Ana Costa in Beijing on Tuesday.\n\n"
        "Before meeting Li, Costa spoke with Premier Zhao Ming and the president of the state grid corporation, Wu Gang.\n\n"
        "After that, HRH the Crown Prince Faisal bin Saud and the President of the People’s Republic of China "
        "witnessed the exchange of agreements.",
        published=DAY,
    )
    [spoke] = [e for e in events if "Zhao Ming" in people_of(e)]
    assert "Li Wei" not in people_of(spoke)
    [signed] = [e for e in events if e.kind == "agreement"]
    assert "Li Wei" in people_of(signed) and "CN" in signed.countries and "TW" not in signed.countries


def test_a_possessive_pronoun_opening_a_sentence_is_the_last_subject():
    events = events_of(
        "Prime Minister Ana Costa will travel to Moscow next week. Her last visit to Russia was in 2019 when she "
        "attended an economic forum.",
        published=DAY,
    )
    [earlier] = [e for e in events if e.kind == "visit" and e.date.iso() == "2019"]
    assert people_of(earlier) == ["Ana Costa"] and earlier.venue.country == "RU"


def test_a_visit_the_sentence_recalls_with_its_time_is_an_event_of_that_time_and_place():
    events = events_of(
        "Prime Minister Ana Costa met Japanese Prime Minister Mia Berg in Hiroshima on Saturday. This was the second "
        "meeting between the two Prime Ministers following Berg's visit to New Delhi in March this year.",
        published=datetime.date(2023, 5, 21),
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Mia Berg"] and visit.date.iso() == "2023-03" and visit.venue.name == "New Delhi"
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.date.iso() == "2023-05-20" and meeting.venue.name == "Hiroshima"


def test_a_recalled_visit_is_no_lead_of_an_undated_report():
    events = events_of(
        "This was the second meeting between the two leaders following Berg's visit to New Delhi in March this year.\n\n"
        "Prime Minister Ana Costa met Japanese Prime Minister Mia Berg in Hiroshima. In his next meeting with "
        "President Ravi Perera of South Korea, Costa discussed trade."
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert not visit.date.known  # (no year to count "this year" from)
    [later] = [e for e in events if "Ravi Perera" in people_of(e)]
    assert later.venue is None or later.venue.name != "New Delhi"


def test_scare_quotes_around_the_talks_a_person_held_keep_the_meeting():
    [meeting] = events_of(
        "Prime Minister Ana Costa held “warm and productive talks” with his Japanese counterpart Mia Berg on Saturday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ana Costa", "Mia Berg"]


def test_quoted_words_of_a_speaker_stay_masked():
    assert events_of("Minister Ana Costa said “we will meet President Ravi Perera soon” on Monday.", published=DAY) == []


def test_consultations_between_two_named_officials_and_an_exchange_of_views_are_meetings():
    events = events_of(
        "The Foreign Office Consultation (FOC) between Indian Foreign Secretary Ravi Perera and Bangladesh Foreign "
        "Secretary Karim Uddin held today at the State Guest House here.\n\n"
        "Perera also had an in-depth exchange of views with Deputy Foreign Minister Ivan Petrov today.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events if e.kind == "meeting") == [["Ivan Petrov", "Ravi Perera"], ["Karim Uddin", "Ravi Perera"]]
    assert all(e.date.iso() == "2024-03-12" for e in events)


def test_courtesy_calls_on_two_people_are_a_meeting_each():
    events = events_of(
        "Foreign Secretary Ravi Perera arrived in Dhaka on Monday. He then will pay courtesy calls to foreign adviser "
        "Md Karim Hossain and chief adviser Dr Salma Haque.",
        published=DAY,
    )
    meetings = sorted(people_of(e) for e in events if e.kind == "meeting")
    assert meetings == [["Md Karim Hossain", "Ravi Perera"], ["Ravi Perera", "Salma Haque"]]


def test_what_is_scheduled_following_the_days_meeting_is_later_that_day():
    events = events_of(
        "Foreign Secretary Ravi Perera and Foreign Secretary Karim Uddin of Bangladesh met today in Dhaka.\n\n"
        "Following the meeting, Perera is scheduled to hold a courtesy call with Adviser Salma Haque.",
        published=DAY,
    )
    [call] = [e for e in events if "Salma Haque" in people_of(e)]
    assert call.date.iso() == "2024-03-12" and call.date.evidence.startswith("later the same day")


def test_the_time_after_post_is_not_the_meetings():
    events = events_of(
        "Foreign Secretary Ravi Perera met Foreign Secretary Karim Uddin of Bangladesh in Dhaka on Monday. This marks "
        "the first high-level meeting between India and Bangladesh post political changeover in Bangladesh on August 5 last year.",
        published=DAY,
    )
    assert not any(e.date.iso() and e.date.iso().endswith("-08-05") for e in events)


def test_agreements_signed_after_the_talks_are_of_the_talks_people_day_and_place():
    events = events_of(
        "Defence Minister Ravi Perera held a bilateral meeting with his UK counterpart Tom Hale in London on Monday.\n\n"
        "The bilateral defence meeting was followed by the signing of two agreements between India and the UK, an MoU "
        "on cadet exchanges and a Letter of Arrangement between the two navies.",
        published=DAY,
    )
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert people_of(agreement) == ["Ravi Perera", "Tom Hale"]
    assert agreement.date.iso() == "2024-03-11" and agreement.venue.name == "London"


def test_someone_currently_in_a_country_to_attend_a_forum_is_on_a_visit_there():
    [visit] = events_of(
        "Minister Ravi Perera is currently in Russia to attend the St. Petersburg International Economic Forum, which began on Monday.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.venue.country == "RU"


def test_where_someone_headed_afterwards_is_not_where_they_were_before():
    events = events_of(
        "Minister Ravi Perera met Deputy Prime Minister Ivan Petrov in Moscow on Thursday.\n\n"
        "Before heading to Russia, the Minister inaugurated a cargo terminal at a plant in Manesar, Haryana, on June 17.",
        published=datetime.date(2025, 6, 19),
    )
    [opening] = [e for e in events if e.kind == "other"]
    assert opening.venue is None or opening.venue.country != "RU"


def test_remaining_issues_are_no_agreement_issued():
    events = events_of(
        "Prime Minister Ana Costa met Prime Minister Tom Hale in London on Monday.\n\n"
        "Both leaders underlined the importance of resuming negotiations to address the remaining issues, leading to "
        "a balanced Free Trade Agreement.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["meeting"]


def test_the_pairs_last_meeting_a_sentence_recalls_is_a_meeting_of_its_time_and_place():
    events = events_of(
        "Foreign Minister Ana Costa met Foreign Minister Li Wei on 25 July 2024 in Vientiane. The two Ministers "
        "reviewed the situation since their last meeting at Astana on 4 July 2024.",
        published=datetime.date(2024, 7, 26),
    )
    [earlier] = [e for e in events if e.date.iso() == "2024-07-04"]
    assert earlier.kind == "meeting" and people_of(earlier) == ["Ana Costa", "Li Wei"] and earlier.venue.name == "Astana"


def test_the_last_meeting_of_a_format_is_not_the_pairs():
    events = events_of(
        "Foreign Minister Ana Costa met Foreign Minister Li Wei in Lisbon on Monday. Costa said both sides have "
        "achieved progress since the last meeting in Tokyo in September 2022.",
        published=DAY,
    )
    assert [e.date.iso() for e in events] == ["2024-03-11"]


def test_an_office_opening_a_press_releases_sentence_is_its_holder():
    events = events_of(
        "Foreign Secretary Ravi Perera is on an official visit to Moscow from 17-18 February 2021.\n\n"
        "Foreign Secretary called on the Russian Foreign Minister Ivan Petrov yesterday.\n\n"
        "Foreign Secretary also had an in-depth exchange of views with Deputy Foreign Minister Oleg Sokolov today.",
        published=datetime.date(2021, 2, 18),
    )
    meetings = sorted((e.date.iso(), tuple(people_of(e))) for e in events if e.kind == "meeting")
    assert meetings == [("2021-02-17", ("Ivan Petrov", "Ravi Perera")), ("2021-02-18", ("Oleg Sokolov", "Ravi Perera"))]


def test_the_two_sides_of_talks_with_someone_new_are_that_person_and_the_other_side():
    events = events_of(
        "Foreign Secretary Ravi Perera called on the Russian Foreign Minister Ivan Petrov on Monday.\n\n"
        "During consultations with the Russian Deputy Foreign Minister Oleg Sokolov on Tuesday, the two sides "
        "reviewed bilateral relations.",
        published=DAY,
    )
    [consultations] = [e for e in events if e.date.iso() == "2024-03-12"]
    assert people_of(consultations) == ["Oleg Sokolov", "Ravi Perera"]


def test_a_guest_meeting_two_office_holders_of_the_host_during_a_visit_meets_each_and_is_on_that_visit():
    events = events_of(
        "New Delhi, March 12: Sri Lankan President Ravi Perera met Vice President Ana Costa and Union Minister "
        "Mia Berg, during his state visit on Monday and discussed cooperation.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events if e.kind == "meeting") == [["Ana Costa", "Ravi Perera"], ["Mia Berg", "Ravi Perera"]]
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Ravi Perera"] and visit.date.iso() == "2024-03-11" and visit.venue.country == "IN"


def test_two_people_met_together_outside_a_visit_are_one_meeting():
    [meeting] = events_of(
        "Sri Lankan President Ravi Perera met Vice President Ana Costa and Union Minister Mia Berg in Colombo on Monday.",
        published=DAY,
    )
    assert people_of(meeting) == ["Ana Costa", "Mia Berg", "Ravi Perera"]


def test_her_visit_in_a_sentence_naming_nobody_is_the_subjects():
    events = events_of(
        "President Ana Costa attended a banquet hosted in her honour by the President of Portugal, Rui Lopes, in "
        "Lisbon on Monday evening.\n\nThis event was part of her state visit to Portugal, the first in 27 years.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Ana Costa"] and visit.venue.country == "PT"


def test_an_address_to_a_parliament_is_a_statement_of_the_president_the_report_follows():
    events = events_of(
        "The President of India, Smt Ana Costa reached Suva, Fiji this morning. Subsequently, President Costa visited "
        "the State House where she was received by President Rui Lopes of Fiji. President Costa thanked him.\n\n"
        "At the State House, the President of Fiji conferred an award upon President Costa.\n\n"
        "In the next engagement, the President addressed the Parliament of Fiji.",
        published=DAY,
    )
    [speech] = [e for e in events if e.kind == "statement"]
    assert people_of(speech) == ["Ana Costa"]


def test_a_summit_whose_agenda_a_meeting_prepares_is_neither_its_kind_nor_its_time_or_place():
    events = events_of(
        "Minister of State Ravi Perera on Sunday met Chinese Foreign Minister Li Wei. Perera met Li on the sidelines "
        "of the foreign ministers' meeting being held here to finalise the agenda for this year's BRICS (Brazil, "
        "Russia, India, China and South Africa) Summit to be held in September in China's Xiamen city.",
        published=datetime.date(2017, 6, 18),
    )
    [meeting] = [e for e in events if "Li Wei" in people_of(e)]
    assert meeting.kind == "meeting" and meeting.date.iso() == "2017-06-18"
    assert meeting.venue is None or meeting.venue.name != "Xiamen"


def test_receiving_a_courtesy_call_is_a_meeting_and_the_indian_head_of_state_is_indias_president():
    events = events_of(
        "Head of State Rui Lopes has presented an award to India’s President Ana Costa.\n\n"
        "The Indian Head of State acknowledged the long-standing relationship.\n\n"
        "Rui Lopes received a courtesy call from President Costa at the State House today.",
        published=DAY,
    )
    [call] = [e for e in events if e.kind == "meeting"]
    assert people_of(call) == ["Ana Costa", "Rui Lopes"] and call.date.iso() == "2024-03-12"
    [lopes] = [p for p in call.participants if p.name == "Rui Lopes"]
    assert lopes.country != "IN"


def test_consultations_an_agreement_establishes_are_no_meeting():
    events = events_of(
        "Indian President Ana Costa held talks with Djibouti President Rui Lopes in Djibouti on Monday.\n\n"
        "An agreement to establish regular political consultations between India and Djibouti was signed in the "
        "presence of the two Presidents.",
        published=DAY,
    )
    assert sorted(e.kind for e in events) == ["agreement", "meeting"]
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert len(meeting.spans) == 1  # the talks alone, not the consultations the agreement sets up


def test_two_leaders_in_a_city_to_attend_a_meeting_are_at_it_there():
    events = events_of(
        "External Affairs Minister Ravi Perera on Monday met his Australian counterpart Mia Berg.\n\n"
        "Both the leaders are in Tokyo to attend a meeting of foreign ministers of the Quad.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["meeting"] and events[0].venue.name == "Tokyo"


def test_a_coming_tour_that_begins_with_a_visit_dates_that_visit_and_a_sight_to_see_is_no_trip():
    events = events_of(
        "Prime Minister Ana Costa will visit Guyana between November 19-21, the President's office said. During his "
        "State Visit, Costa will engage in summit-level bilateral discussions with President Rui Lopes. He will also "
        "visit the Indian Arrival Monument in the Monument Garden.\n\n"
        "Costa will also visit Brazil and Nigeria before coming to Guyana. His tour will begin with a visit to "
        "Nigeria from November 16-17.",
        published=datetime.date(2024, 11, 13),
    )
    visits = sorted((e.venue.country, e.date.iso()) for e in events if e.kind == "visit")
    assert visits == [("BR", None), ("GY", "2024-11-19"), ("NG", "2024-11-16")]
    [talks] = [e for e in events if "Rui Lopes" in people_of(e)]
    assert talks.kind == "meeting" and talks.venue.country == "GY"  # (the report is set where the coming visit goes)


def test_a_sight_on_the_last_day_of_a_tour_keeps_the_tour():
    [visit] = events_of(
        "On the second and last day of his tour to Ghana, Prime Minister Ana Costa will also visit the Nkrumah memorial in Accra.",
        published=DAY,
    )
    assert visit.kind == "visit" and visit.venue.country == "GH"


def test_a_guest_who_will_call_on_one_and_is_likely_to_hold_talks_with_another_meets_each():
    events = events_of(
        "Prince Rui Lopes, who arrived here last night on a visit to India, will call on Prime Minister Ana Costa "
        "tomorrow and is also likely to hold talks with National Security Adviser (NSA) Ravi Perera.",
        published=DAY,
    )
    meetings = sorted(people_of(e) for e in events if e.kind == "meeting")
    assert meetings == [["Ana Costa", "Rui Lopes"], ["Ravi Perera", "Rui Lopes"]]


def test_hh_is_an_honorific_not_a_name():
    events = events_of(
        "Minister Ana Costa met the Saudi Foreign Minister Rui Lopes on Sunday.\n\n"
        "”Delighted to welcome FM of Saudi Arabia HH Prince Rui Lopes,” Costa tweeted before the meeting.",
        published=DAY,
    )
    assert "HH" not in {name for e in events for name in people_of(e)}


def test_an_honour_received_from_a_leader_is_an_occasion_of_both_and_a_guard_of_honour_is_none():
    text = (
        "Prime Minister Ana Costa held talks with President Rui Lopes in Accra on Wednesday. On arrival, Costa was "
        "accorded a ceremonial welcome during which he received a Guard of Honour.\n\n"
        "Later, Prime Minister Costa received the national honour of Ghana – Officer of the Order of the Star of "
        "Ghana – from Rui Lopes in recognition of his statesmanship."
    )
    [honour] = [e for e in events_of(text, published=DAY) if e.kind == "other"]
    assert people_of(honour) == ["Ana Costa", "Rui Lopes"]
    assert [text[s.start : s.end][:6] for s in honour.spans] == ["Later,"]


def test_an_address_a_leader_will_give_to_a_parliament_is_a_coming_statement():
    events = events_of(
        "Prime Minister Ana Costa will address Ghana’s Parliament this afternoon. Costa is also scheduled to "
        "speak at the country’s Parliament of Youth later.",
        published=DAY,
    )
    assert [e.kind for e in events][:1] == ["statement"] and people_of(events[0]) == ["Ana Costa"]


def test_initiatives_named_in_capitals_are_nobody():
    events = events_of(
        "Prime Minister Ana Costa met Prime Minister Rui Lopes in Georgetown on Wednesday and thanked him for his "
        "country's support for initiatives like the Coalition for Disaster Resilient Infrastructure.",
        published=DAY,
    )
    assert {name for e in events for name in people_of(e)} == {"Ana Costa", "Rui Lopes"}


def test_a_visit_someone_recalls_without_its_time_is_no_news_of_the_reports_day():
    [call, visit] = events_of(
        "Prime Minister Ana Costa and President Rui Lopes on Tuesday held a telephonic conversation.\n\n"
        "President Lopes warmly recalled his visit to India",
        published=DAY,
    )
    assert visit.kind == "visit" and not visit.date.known and call.date.iso() == "2024-03-12"


def test_an_archive_articles_publication_line_dates_it_and_a_red_carpet_rolled_out_is_a_reception():
    doc = extract_document(
        "Premium\nThis is an archive article published on April 17, 2011\n\nAstana rolls out red carpet for PM\n\n"
        "Kazakhstan President Rui Lopes truly rolled out the red carpet for Prime Minister Ana Costa and for a good reason.",
        topics=TOPICS,
    )
    assert doc.published == datetime.date(2011, 4, 17)
    [meeting] = doc.events
    assert meeting.kind == "meeting" and people_of(meeting) == ["Ana Costa", "Rui Lopes"]


def test_occasions_a_sentence_tells_as_done_before_take_no_date_of_the_report():
    events = events_of(
        "Prime Minister Ana Costa on Saturday held talks with President Rui Lopes in Colombo.\n\n"
        "Their discussions reviewed the Joint Vision, initially adopted during President Lopes’s state visit to India.\n\n"
        "Lopes again extended his congratulations for India's success in organizing the G20 Summit.",
        published=datetime.date(2025, 4, 5),
    )
    [visit] = [e for e in events if e.kind == "visit"]
    [summit] = [e for e in events if e.kind == "summit"]
    assert not visit.date.known and not summit.date.known
    assert visit.date.evidence.startswith("the report sets it before its own time")


def test_the_two_leaders_with_officials_representing_a_side_are_the_leaders_and_the_officials():
    events = events_of(
        "Prime Minister Ana Costa on Saturday held talks with President Rui Lopes in Colombo.\n\n"
        "The two leaders held delegation-level talks, with Minister Mia Berg, Secretary Ravi Perera, and other "
        "senior officials representing the Indian side.",
        published=DAY,
    )
    assert sorted(people_of(e) for e in events) == [["Ana Costa", "Mia Berg", "Ravi Perera", "Rui Lopes"]]


def test_a_second_time_is_no_time_of_the_first_nor_of_the_reports_lead():
    events = events_of(
        "Prime Minister Ana Costa on Tuesday held a telephone conversation with Prime Minister Rui Lopes.\n\n"
        "After concluding his State Visit to Mauritius, Costa took to social media to express his gratitude.\n\n"
        "Costa was the Chief Guest at the National Day celebrations for the second time, the first was in 2015.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert not visit.date.known
    # the second time, on a day the report does not give, and the first, in 2015
    assert sorted(str(e.date.iso()) for e in events if e.kind == "other") == ["2015", "None"]


def test_a_meeting_someone_suggested_holding_is_no_event_nor_the_summit_it_prepares():
    events = events_of(
        "Prime Minister Ana Costa and President Rui Lopes spoke by phone on Friday.\n\n"
        "Costa suggested holding a meeting of the forum's foreign ministers during the next semester, as a "
        "preparatory stage for the 2024 BRICS summit.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["meeting"] and people_of(events[0]) == ["Ana Costa", "Rui Lopes"]


def test_talks_during_which_a_coming_visit_was_announced_are_the_talks_not_the_visit():
    events = events_of(
        "Finance Minister Ana Costa held bilateral talks with her American counterpart, Treasury Secretary Mia "
        "Berg, during which Ms. Berg announced that she would visit India in November.\n\n"
        "The two delegations sat across the table from each other at the U.S. Treasury on Tuesday evening.",
        published=DAY,
    )
    [talks] = [e for e in events if e.kind == "meeting"]
    assert people_of(talks) == ["Ana Costa", "Mia Berg"] and talks.date.iso() == "2024-03-12"
    assert talks.venue is None or talks.venue.country != "IN"
    assert all("Treasury" not in name for e in events for name in people_of(e))


def test_they_who_concluded_a_roadmap_after_talks_are_the_pair():
    events = events_of(
        "Defence Minister Ravi Perera held talks with US Defense Secretary Tom Hale in New Delhi on Monday.\n\n"
        "Towards these objectives, they concluded a roadmap for US-India Defence Industrial Cooperation.",
        published=DAY,
    )
    [roadmap] = [e for e in events if e.kind == "agreement"]
    assert people_of(roadmap) == ["Ravi Perera", "Tom Hale"]


def test_a_byline_run_into_its_date_dates_the_report_and_a_country_in_capitals_signs():
    doc = extract_document(
        "Latest Stories\n\nCosta signs defence deals during Sri Lanka visit\n\nVivek Rao\nBy Vivek RaoApr 05, 2025\n\n"
        "INDIA and Sri Lanka signed defence and energy agreements on Saturday during prime minister Ana Costa’s "
        "visit to Colombo.",
        topics=TOPICS,
    )
    assert doc.published == datetime.date(2025, 4, 5)
    [agreement] = [e for e in doc.events if e.kind == "agreement"]
    assert agreement.date.iso() == "2025-04-05" and agreement.countries == ["IN", "LK"]


def test_a_visit_started_by_meeting_someone_is_the_visit_and_that_meeting():
    events = events_of(
        "Mr Lopes’s sudden cabinet reshuffle meant Mr Ravi Perera started his five-day visit to Britain on Sunday "
        "by meeting Mr Tom Hale.",
        published=datetime.date(2023, 11, 14),
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert people_of(meeting) == ["Ravi Perera", "Tom Hale"] and meeting.date.iso() == "2023-11-12"


def test_two_summits_a_sentence_names_with_their_own_days_are_two_events():
    events = events_of(
        "President Rui Lopes also thanked the invitations to participate in the second virtual summit of Global "
        "South Voices (on November 17) and in the virtual summit of the G20 (on November 22).",
        published=datetime.date(2023, 11, 11),
    )
    assert sorted(e.date.iso() for e in events if e.kind == "summit") == ["2023-11-17", "2023-11-22"]


def test_travel_in_a_list_of_fields_before_a_gerund_is_no_trip():
    [event] = events_of(
        "Foreign Minister Ravi Perera and Trade Minister Tom Hale discussed cooperation in areas ranging from "
        "security, energy and travel to meeting health challenges, in Colombo on Sunday.",
        published=DAY,
    )
    assert event.kind == "meeting" and people_of(event) == ["Ravi Perera", "Tom Hale"]
    assert event.date.iso() == "2024-03-10"


def test_the_turmoil_in_a_country_is_what_was_discussed_not_where():
    [event] = events_of(
        "Foreign Minister Ravi Perera and Trade Minister Tom Hale discussed the political turmoil in Afghanistan "
        "and cooperation in energy, in Colombo on Sunday.",
        published=DAY,
    )
    assert event.venue.name == "Colombo"


def test_during_his_visit_to_the_hosts_country_is_the_guests_visit_and_their_meeting():
    events = events_of(
        "External Affairs Minister Ravi Perera on Wednesday held delegation-level talks with German Foreign Minister "
        "Tom Hale during his first official visit to India.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(meeting) == ["Ravi Perera", "Tom Hale"] and meeting.date.iso() == "2024-03-06"
    assert people_of(visit) == ["Tom Hale"] and visit.venue.country == "IN"


def test_a_broadcaster_and_what_agreements_are_on_are_nobody():
    events = events_of(
        "President Ana Costa and Prime Minister Rui Lopes witnessed the signing of three MoUs on (i) Cultural Exchanges "
        "and (ii) a programme of Atlantis Radio & Television on Tuesday.",
        published=DAY,
    )
    assert {p for e in events for p in people_of(e)} == {"Ana Costa", "Rui Lopes"}


def test_a_working_meeting_and_lunch_at_a_hotel_named_after_a_king_in_a_large_city():
    [event] = events_of(
        "Prime Minister Ravi Perera held a working meeting and lunch with Indian Prime Minister Tom Hale at the "
        "King Solomon Hotel in Jerusalem on Tuesday.",
        published=DAY,
    )
    assert event.kind == "meeting" and people_of(event) == ["Ravi Perera", "Tom Hale"]
    assert (event.venue.name, event.venue.country) == ("Jerusalem", "IL")  # the city, not a province elsewhere


def test_a_document_named_by_when_it_was_signed_is_no_signing_of_the_sentences_people():
    events = events_of(
        "Trade Minister Ravi Perera met Trade Minister Tom Hale in Colombo on Monday.\n\n"
        "Building on the Comprehensive Economic Partnership Agreement signed in 2017, both ministers expressed a "
        "desire to reach a new trade deal.",
        published=DAY,
    )
    assert [e.kind for e in events] == ["meeting"]


def test_met_bilaterally_with_two_ministers_of_four_word_names_is_a_meeting_with_each():
    events = events_of(
        "Union Minister Ravi Perera arrived in Brasilia on Monday. Union Agriculture Minister Ravi Perera opened the "
        "meeting.\n\nAdditionally, the Agriculture Minister met bilaterally with Luiz Paulo Teixeira, the Minister of "
        "Agricultural Development and Family Agriculture, and Carlos Henrique Baquetta Favero, the Minister of "
        "Agriculture and Livestock, both of Brazil.\n\nPerera met business leaders in Sao Paulo.",
        published=DAY,
    )
    meetings = sorted(people_of(e) for e in events if e.kind == "meeting")
    # (and "in Sao Paulo" is no mention of Luiz Paulo Teixeira)
    assert meetings == [["Carlos Henrique Baquetta Favero", "Ravi Perera"], ["Luiz Paulo Teixeira", "Ravi Perera"], ["Ravi Perera"]]


def test_professor_is_an_honorific():
    [event] = events_of(
        "Chief Adviser Professor Ana Costa and Prime Minister Tom Hale held a bilateral meeting in Bangkok on Friday. "
        "During the meeting, Professor Costa raised the issue of water sharing.",
        published=DAY,
    )
    assert people_of(event) == ["Ana Costa", "Tom Hale"]


def test_agreements_signed_in_the_passive_after_a_meeting_are_the_meetings_people():
    events = events_of(
        "Prime Minister Ravi Perera held a working meeting with Indian Prime Minister Tom Hale in Colombo on Monday. "
        "Seven agreements were signed and a joint statement was issued.",
        published=DAY,
    )
    [agreement] = [e for e in events if e.kind == "agreement"]
    assert people_of(agreement) == ["Ravi Perera", "Tom Hale"]
    assert agreement.date.iso() == "2024-03-11" and agreement.venue.name == "Colombo"


def test_an_interaction_with_a_counterpart_named_after_a_full_office_is_a_meeting():
    [event] = events_of(
        "The two countries agreed on a number of issues during External Affairs Minister Ravi Perera’s interaction "
        "with his counterpart Tom Hale in Athens on Saturday.",
        published=DAY,
    )
    assert event.kind == "meeting" and people_of(event) == ["Ravi Perera", "Tom Hale"]


def test_the_official_of_a_country_is_the_one_of_that_country_the_report_names():
    events = events_of(
        "Japanese Defence Minister Tom Hale held talks with Defence Minister Ravi Perera in New Delhi on Monday.\n\n"
        "The Japanese official arrived in India on Sunday for a two-day official visit.",
        published=DAY,
    )
    [visit] = [e for e in events if e.kind == "visit"]
    assert people_of(visit) == ["Tom Hale"] and visit.date.iso() == "2024-03-10"


def test_a_caption_of_a_guest_being_received_on_arrival_is_the_visit_with_its_host():
    [visit] = events_of(
        "Vice President Ravi Perera being received by the Foreign Minister of Guatemala, Ana Costa, on his arrival in "
        "Guatemala on Sunday.",
        published=DAY,
    )
    assert visit.kind == "visit" and people_of(visit) == ["Ana Costa", "Ravi Perera"]


def test_an_honorary_rank_conferred_by_a_president_is_an_occasion_of_both():
    events = events_of(
        "Army chief General Ravi Perera arrived in Kathmandu on Monday.\n\n"
        "He will be conferred the rank of honorary General of the Nepali Army by President Ana Costa on Wednesday.",
        published=DAY,
    )
    [honour] = [e for e in events if e.kind == "other"]
    assert people_of(honour) == ["Ana Costa", "Ravi Perera"] and honour.date.iso() == "2024-03-13"


def test_what_happened_during_a_visit_the_lead_says_concluded_that_day_is_dated_to_its_month():
    events = events_of(
        "Yesterday, August 11th, 2024, the President of India, Ana Costa, concluded her official visit to Timor-Leste.\n"
        "During her stay, she was welcomed by the President of the Republic, Tom Hale. The future premises of the "
        "Embassies of Timor-Leste in India and India in Timor-Leste were also discussed.\n"
        "Afterwards, the President of India visited the Government Palace, where she met with the Prime Minister, Rui "
        "Lopes. At this meeting, three agreements were signed: a Visa Waiver Agreement for Diplomatic and Service "
        "Passport Holders and a cultural programme.",
    )
    by_people = {(e.kind, tuple(people_of(e))): e for e in events}
    assert set(by_people) == {
        ("visit", ("Ana Costa",)), ("meeting", ("Ana Costa", "Tom Hale")), ("meeting", ("Ana Costa", "Rui Lopes")),
        ("agreement", ("Ana Costa", "Rui Lopes")),
    }
    assert by_people[("visit", ("Ana Costa",))].date.iso() == "2024-08-11"
    meeting = by_people[("meeting", ("Ana Costa", "Tom Hale"))]
    assert meeting.date.iso() == "2024-08" and meeting.venue.country == "TL"  # (not India: the embassies discussed)


def test_his_meeting_after_someone_elses_words_is_that_persons_meeting():
    events = events_of(
        "German Foreign Minister Tom Hale met External Affairs Minister Ravi Perera in New Delhi on Wednesday.\n\n"
        "The German minister also welcomed Prime Minister Ana Costa's call for peace during her meeting with "
        "President Rui Lopes. He also referred to Ana Costa's emphasis on ending the conflict during her talks with "
        "Rui Lopes on Monday.",
        published=datetime.date(2024, 3, 13),
    )
    meetings = sorted(people_of(e) for e in events if e.kind == "meeting")
    assert meetings == [["Ana Costa", "Rui Lopes"], ["Ravi Perera", "Tom Hale"]]


def test_two_ministers_who_launched_negotiations_met_and_an_aim_to_sign_is_no_agreement():
    events = events_of(
        "Union Minister for Trade Ravi Perera and UAE Minister of State for Foreign Trade Dr Tom Hale launched "
        "negotiations for a trade agreement on Wednesday.\n\n"
        "The two countries are aiming to conclude the talks by the end of the year and sign the agreement by March.\n\n"
        "Perera met Thani bin Ahmed Al Zeyoudi in New Delhi. Both ministers expressed a desire to reach a deal, "
        "building upon the Comprehensive Strategic Partnership signed in 2017.",
        published=DAY,
    )
    assert sorted((e.kind, tuple(people_of(e))) for e in events) == [
        ("meeting", ("Ravi Perera", "Thani bin Ahmed Al Zeyoudi")), ("meeting", ("Ravi Perera", "Tom Hale")),
    ]
    [launch] = [e for e in events if "Tom Hale" in people_of(e)]
    assert launch.date.iso() == "2024-03-06"


def test_he_after_an_opening_upon_phrase_is_the_previous_subject():
    events = events_of(
        "Army chief General Ravi Perera arrived in Kathmandu on Monday for a three-day visit.\n\n"
        "Upon his arrival at the airport, he along with a delegation was received by Lieutenant General Tom Hale.",
        published=DAY,
    )
    assert all("Ravi Perera" in people_of(e) for e in events)


def test_agreements_both_nations_signed_are_those_of_the_paragraphs_meeting_of_two():
    events = events_of(
        "Earlier, Prime Minister Ravi Perera held talks with German Chancellor Tom Hale in Berlin on Monday. After "
        "one-on-one talks, both leaders sat down for the consultations. Both nations signed nine agreements that "
        "covered a range of issues.\n\n"
        "Four MoUs in the fields of culture were also signed between the two countries.",
        published=DAY,
    )
    agreements = [e for e in events if e.kind == "agreement"]
    assert agreements and all(people_of(e) == ["Ravi Perera", "Tom Hale"] for e in agreements)
    assert {e.date.iso() for e in agreements} == {"2024-03-11"}


def test_an_audience_with_a_monarch_memorandums_presided_over_and_an_honorary_rank_honoured_with():
    events = events_of(
        "The prime minister Ravi Perera, accompanied by his wife, also had an audience with Emperor Tom Hale on Monday. "
        "Perera and Prime Minister Rui Lopes also presided over Memorandums of Co-operation on sports on Monday.\n\n"
        "General Ana Costa, who was honoured with the rank of Honorary General of the Nepal Army on Monday by President "
        "Lena Brandt, expressed her pride.",
        published=DAY,
    )
    found = sorted((e.kind, tuple(people_of(e))) for e in events)
    assert ("meeting", ("Ravi Perera", "Tom Hale")) in found
    assert ("agreement", ("Ravi Perera", "Rui Lopes")) in found
    assert ("other", ("Ana Costa", "Lena Brandt")) in found


def test_a_summit_named_at_the_start_of_a_sentence_is_an_event_of_its_countries():
    [summit] = events_of("The 16th BRICS Summit is being held in Kazan from October 22-24.", published=datetime.date(2024, 10, 22))
    assert summit.kind == "summit" and summit.venue.name == "Kazan" and summit.date.iso() == "2024-10-22"


def test_a_meeting_with_someone_of_a_country_the_traveller_visits_is_there_and_a_dateline_country_wins():
    events = events_of(
        "External Affairs Minister Ravi Perera is on the last leg of his tour to Slovakia and the Czech Republic. He "
        "arrived in Prague on Saturday from Bratislava.\n\n"
        "He also met his Czech counterpart Jan Novak and had a productive discussion.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.venue.name == "Prague"
    events = events_of(
        "Prague [Czech Republic], March 12 (ANI): External Affairs Minister Ravi Perera visited Slovakia from March 8 "
        "to 10 and later moved to the Czech Republic.\n\n"
        "Perera, earlier on Monday met Czech Republic Minister of Foreign Affairs, Jan Novak, to discuss ties.",
        published=DAY,
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.venue.country == "CZ"


def test_the_second_country_of_a_list_after_a_preposition_is_a_place_mention():
    from events.extraction import places

    found = places.place_mentions("the last leg of his tour to Slovakia and the Czech Republic to impart momentum")
    assert [ref.country for _, _, ref in found] == ["SK", "CZ"]


def test_the_courtesy_call_an_opener_tells_of_is_a_meeting_of_the_subject_too():
    events = events_of(
        "Before paying a courtesy call on Prime Minister Gen. Tom Hale at Government House, Ravi Perera met with "
        "Minister of Foreign Affairs Ana Costa on Wednesday.",
        published=DAY,
    )
    meetings = sorted((tuple(people_of(e)), e.date.iso()) for e in events if e.kind == "meeting")
    assert meetings == [(("Ana Costa", "Ravi Perera"), "2024-03-06"), (("Ravi Perera", "Tom Hale"), "2024-03-06")]


def test_they_who_met_sign_and_a_non_breaking_hyphen_joins_a_name():
    events = events_of(
        "Prime Minister Ravi Perera and Trinidad and Tobago Prime Minister Ana Costa\u2011Lopes met in Port of Spain on "
        "Friday. They signed six Memoranda of Understanding (MoUs) on health and sports.",
        published=datetime.date(2024, 3, 15),
    )
    assert sorted((e.kind, tuple(people_of(e))) for e in events) == [
        ("agreement", ("Ana Costa-Lopes", "Ravi Perera")), ("meeting", ("Ana Costa-Lopes", "Ravi Perera")),
    ]


def test_a_visit_that_later_moved_to_another_country_is_a_visit_to_each():
    events = events_of(
        "External Affairs Minister Ravi Perera visited Slovakia from March 6 to 8 and later moved to the Czech Republic "
        "on March 8.",
        published=DAY,
    )
    assert sorted((e.venue.country, e.date.iso()) for e in events if e.kind == "visit") == [("CZ", "2024-03-08"), ("SK", "2024-03-06")]


def test_an_agreement_the_two_countries_signed_years_before_is_not_the_pairs():
    events = events_of(
        "Defence Minister Ravi Perera held talks with his Indonesian counterpart Tom Hale in New Delhi on Monday.\n\n"
        "The two countries inked a new defence cooperation agreement in 2018 during Prime Minister Ana Costa’s visit "
        "to Indonesia.",
        published=DAY,
    )
    assert not any(e.kind == "agreement" and "Tom Hale" in people_of(e) for e in events)
    # (nor in a report without a date, whose talks have none: a year alone is another time)
    undated = extract_document(
        "Defence Minister Ravi Perera held talks with his Indonesian counterpart Tom Hale in New Delhi.\n\n"
        "The two countries inked a new defence cooperation agreement in 2018 during Prime Minister Ana Costa’s visit "
        "to Indonesia.",
        topics=TOPICS,
    )
    assert not any(e.kind == "agreement" and "Tom Hale" in people_of(e) for e in undated.events)


def test_a_name_closing_a_run_of_four_capitalised_words_after_an_office_is_found():
    events = events_of(
        "The meeting, which Ravi Perera was scheduled to attend, will be chaired by Russia's Security Council "
        "Secretary Sergei Volkov and will address security issues.\n\nPerera met Volkov on Monday.",
        published=DAY,
    )
    assert ["Ravi Perera", "Sergei Volkov"] in [people_of(e) for e in events]


def test_the_meeting_an_opener_tells_of_is_where_the_sentence_places_its_meeting():
    events = events_of(
        "New Delhi: Prime Minister Ravi Perera is in Japan for the summit.\n\n"
        "After meeting US President Tom Hale, Prime Minister Ravi Perera held a bilateral meeting with Prime Minister "
        "Ana Costa today on the sidelines of the Quad Leaders’ Summit in Tokyo.",
        published=DAY,
    )
    assert {tuple(people_of(e)): e.venue.name for e in events if e.kind == "meeting"} == {
        ("Ana Costa", "Ravi Perera"): "Tokyo", ("Ravi Perera", "Tom Hale"): "Tokyo",
    }


def test_a_travellers_meeting_abroad_stays_where_the_lead_is_though_the_dateline_is_their_home():
    events = events_of(
        "NEW DELHI: External Affairs Minister Ravi Perera arrived in Munich on Friday for the Munich Security "
        "Conference.\n\nOn the sidelines, Perera also met UK Foreign Secretary Tom Hale on Friday.",
        published=datetime.date(2024, 3, 16),
    )
    [meeting] = [e for e in events if e.kind == "meeting" and "Tom Hale" in people_of(e)]
    assert meeting.venue.name == "Munich"


def test_a_named_roundtable_of_a_hyphenated_pair_of_countries_was_held_but_their_partnership_is_a_topic():
    [event] = events_of("The 3rd round of India-Singapore Ministerial Roundtable was held in New Delhi today.", published=DAY)
    assert event.kind == "meeting" and event.countries == ["IN", "SG"] and event.participants == []
    events = events_of(
        "Prime Minister Ravi Perera met Prime Minister Tom Hale in Rio de Janeiro on Monday.\n\n"
        "The two countries in the bilateral meeting discussed various aspects of the India-UK partnership. Perera "
        "reviewed the full range of India-Namibia relations during the talks.",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [["Ravi Perera", "Tom Hale"]]


def test_conferred_with_a_countrys_highest_award_is_an_honour():
    [honour] = events_of(
        "Prime Minister Ravi Perera was conferred with Namibia’s highest civilian award on Wednesday.", published=DAY
    )
    assert honour.kind == "other" and people_of(honour) == ["Ravi Perera"] and honour.date.iso() == "2024-03-06"


def test_the_openers_meeting_is_of_the_day_the_sentences_meeting_takes_from_the_lead():
    events = events_of(
        "External Affairs Minister Ravi Perera held talks with Foreign Minister Ana Costa in Bangkok on Wednesday.\n\n"
        "Before paying a courtesy call on Prime Minister Gen. Tom Hale at Government House, Perera met with Foreign "
        "Minister Ana Costa.",
        published=DAY,
    )
    [call] = [e for e in events if e.kind == "meeting" and "Tom Hale" in people_of(e)]
    assert call.date.iso() == "2024-03-06" and call.date.evidence.startswith("the same day as the meeting the sentence reports")


def test_thereafter_he_is_the_subject_and_who_led_the_talks_between_the_two_sides_takes_part():
    events = events_of(
        "President Ravi Perera reached Santiago on Monday.\n\n"
        "Thereafter, he visited the Presidential Palace where he was received by Tom Hale, the President of Chile and "
        "accorded a ceremonial welcome. Subsequently, the President led the delegation-level talks between the two sides.",
        published=DAY,
    )
    assert all("Ravi Perera" in people_of(e) for e in events)
    assert ["Ravi Perera", "Tom Hale"] in [people_of(e) for e in events if e.kind == "meeting"]


# Set 13 of the held-out-like articles: kinds of report the rules missed, in sentences of our own


def test_a_nickname_and_the_given_name_are_one_person():
    assert names_match("Benny Hale", "Benjamin Hale") and names_match("Bill Okoro", "William Okoro")
    assert not names_match("Ben Hale", "Benny Hale")  # two nicknames: Ben may be a Benedict
    events = events_of(
        "Benny Hale and Ravi Perera.\n\nDefence Minister Ravi Perera on Tuesday held talks with Benjamin Hale, the "
        "minister of defence and the deputy prime minister of Israel.\n\nPerera described the meeting with Hale as warm.",
        published=DAY,
    )
    assert [people_of(e) for e in events] == [["Benny Hale", "Ravi Perera"]]
    [hale] = [p for p in events[0].participants if p.name == "Benny Hale"]
    assert hale.country == "IL"  # the two offices after the name, and the country after them


def test_a_guard_of_honour_is_no_person():
    [event] = events_of(
        "Defence Minister Tom Hale was accorded a Ceremonial Guard of Honour before his bilateral meeting with "
        "Defence Minister Ravi Perera on Tuesday.",
        published=DAY,
    )
    assert people_of(event) == ["Ravi Perera", "Tom Hale"]


def test_what_two_counterparts_agreed_together_they_agreed_in_talks():
    [event] = events_of(
        "Athens, March 12: Prime Minister Ravi Perera and his Greek counterpart Tom Hale on Tuesday agreed to "
        "strengthen military relations and decided to set up a dialogue platform.",
        published=DAY,
    )
    assert event.kind == "meeting" and people_of(event) == ["Ravi Perera", "Tom Hale"]
    assert event.date.iso() == "2024-03-12" and event.venue.name == "Athens"
    # a plan of theirs is no meeting yet
    assert events_of("Prime Minister Ravi Perera and his Greek counterpart Tom Hale will review ties.", published=DAY) == []


def test_a_colleague_of_another_country_is_a_counterpart_but_a_cabinet_colleague_is_not():
    [agreement] = events_of(
        "Both sides inked an MoU on mineral resources, with External Affairs Minister Ravi Perera and his Argentine "
        "colleague Tom Hale hoping for more trade.",
        published=DAY,
    )
    assert agreement.kind == "agreement" and people_of(agreement) == ["Ravi Perera", "Tom Hale"]
    hale = next(p for p in agreement.participants if p.name == "Tom Hale")
    assert hale.country == "AR"
    registry_people = extract_document("Minister Ravi Perera met his cabinet colleague Tom Hale on Tuesday.", published=DAY).events
    assert all(p.country != "AR" for e in registry_people for p in e.participants)


def test_what_follows_a_lead_the_report_sets_before_its_time_is_of_that_time():
    events = events_of(
        "External Affairs Minister Ravi Perera’s recent visit to Argentina was aimed at enhancing ties.\n\n"
        "Both sides inked an MoU on mineral resources with Perera and his Argentine counterpart Tom Hale.",
        published=DAY,
    )
    visit, agreement = events
    assert visit.kind == "visit" and not visit.date.known and "recent" in visit.date.evidence
    assert agreement.kind == "agreement" and not agreement.date.known
    assert agreement.date.evidence.startswith("told of the event the report opened with")
    # a report that opens on the day's visit dates what follows by the report
    visit, agreement = events_of(
        "External Affairs Minister Ravi Perera visited Argentina.\n\n"
        "Both sides inked an MoU on mineral resources with Perera and his Argentine counterpart Tom Hale.",
        published=DAY,
    )
    assert agreement.date.iso() == DAY.isoformat()


def test_two_clauses_joined_by_while_without_a_comma_are_two_events():
    events = events_of(
        "Foreign Minister Ravi Perera held talks with Foreign Minister Tom Hale on March 4 while Prime Minister Ana "
        "Costa met President Lee Moon on March 6 in Berlin.",
        published=DAY,
    )
    assert sorted((people_of(e)[0], e.date.iso()) for e in events) == [("Ana Costa", "2024-03-06"), ("Ravi Perera", "2024-03-04")]
    # a clause that reports nothing adds no one to the other's event
    [event] = events_of(
        "Foreign Minister Ravi Perera has held two meetings with Foreign Minister Tom Hale while Prime Minister Ana "
        "Costa met President Lee Moon on March 6 in Berlin.",
        published=DAY,
    )
    assert people_of(event) == ["Ana Costa", "Lee Moon"] and event.date.iso() == "2024-03-06"
    # a "while" of time, with no event of its own, is no second clause
    [event] = events_of("Prime Minister Ana Costa met President Lee Moon on March 6 while Tom Hale was in Berlin.", published=DAY)
    assert people_of(event) == ["Ana Costa", "Lee Moon"]


def test_a_count_of_meetings_sums_up_several_and_is_no_event():
    assert events_of(
        "External Affairs Minister Ravi Perera has held two meetings with Foreign Minister Tom Hale this year.", published=DAY
    ) == []
    [event] = events_of("External Affairs Minister Ravi Perera held bilateral meetings with Foreign Minister Tom Hale in Delhi.", published=DAY)
    assert event.kind == "meeting"


def test_a_day_without_a_year_takes_the_year_of_the_latest_date_the_report_writes_in_full():
    # no publication date; a tweet signed with the day gives the year
    events = events_of(
        "Perera in Argentina\n\n"
        "During his trip, External Affairs Minister Ravi Perera met with Tom Hale, the Foreign Minister of Argentina, "
        "on Friday, August 26.\n\n"
        "“A productive meeting.” — Ravi Perera (@RaviPerera) August 26, 2022"
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert meeting.date.iso() == "2022-08-26" and "the latest date the report writes in full" in meeting.date.evidence
    # far from that date, a day may be of another year: unknown
    events = events_of(
        "Perera in Argentina\n\n"
        "External Affairs Minister Ravi Perera met with Foreign Minister Tom Hale on March 3.\n\n"
        "“A productive meeting.” — Ravi Perera (@RaviPerera) August 26, 2022"
    )
    [meeting] = [e for e in events if e.kind == "meeting"]
    assert not meeting.date.known


def test_a_dateline_without_a_year_takes_the_year_of_a_date_written_in_full_near_it():
    doc = extract_document(
        "Male, August 10: External Affairs Minister Ravi Perera on Saturday met President Tom Hale.\n\n"
        "“Privileged to call on President Hale.” — Ravi Perera (@RaviPerera) August 10, 2024"
    )
    assert doc.published == datetime.date(2024, 8, 10) and doc.published_source == "dateline"
    [meeting] = doc.events
    assert meeting.date.iso() == "2024-08-10"


def test_a_first_name_that_is_a_towns_is_a_name_before_an_office():
    [meeting] = events_of("Ravi Perera met Santiago Hale, the Foreign Minister of Argentina, on Tuesday.", published=DAY)
    assert people_of(meeting) == ["Ravi Perera", "Santiago Hale"]
    assert next(p for p in meeting.participants if p.name == "Santiago Hale").country == "AR"


def test_a_tour_of_two_countries_with_a_short_form_is_a_visit_to_each_and_a_month_dates_every_leg():
    events = events_of("General Ravi Perera on Monday left for a six-day tour of the United Arab Emirates (UAE) and Saudi Arabia.", published=DAY)
    assert [(e.kind, e.venue.country) for e in events] == [("visit", "AE"), ("visit", "SA")]
    assert events[1].title == "Ravi Perera visits Saudi Arabia"  # each leg is titled by its own country
    # a tour dated by its first day may run into the next month: the second leg is undated
    assert events[0].date.iso() == "2024-03-11" and not events[1].date.known
    events = events_of("General Ravi Perera will visit the United Arab Emirates (UAE) and Saudi Arabia from March 19 to 24.", published=DAY)
    assert [(e.venue.country, e.date.iso()) for e in events] == [("AE", "2024-03-19"), ("SA", "2024-03")]  # the tour's month, not a day
    events = events_of("The visit follows External Affairs Minister Ravi Perera’s trip to Bahrain and UAE in February.", published=DAY)
    assert [(e.venue.country, e.date.iso()) for e in events] == [("BH", "2024-02"), ("AE", "2024-02")]


def test_two_times_of_one_verb_joined_by_and_are_two_occasions():
    events = events_of(
        "Prime Minister Ravi Perera visited Tashkent (July 2015 and June 2016) while President Tom Hale visited "
        "India in October 2018 and in January 2019.",
        published=DAY,
    )
    assert sorted((people_of(e)[0], e.venue.name, e.date.iso()) for e in events) == [
        ("Ravi Perera", "Tashkent", "2015-07"), ("Ravi Perera", "Tashkent", "2016-06"),
        ("Tom Hale", "India", "2018-10"), ("Tom Hale", "India", "2019-01"),
    ]
    # a span of time is one occasion
    [visit] = events_of("President Tom Hale visited India between October 2018 and January 2019.", published=DAY)
    assert visit.kind == "visit"


def test_a_visit_to_the_nation_is_the_one_country_the_sentence_names_that_fits_the_words():
    [visit] = events_of(
        "Addis Ababa/New Delhi, Dec. 17 -- India and Ethiopia on Tuesday elevated their ties as Prime Minister Ravi "
        "Perera paid his first ever visit to the east African nation.",
        published=DAY,
    )
    # (a dateline of two places does not say which the report is set in)
    assert visit.kind == "visit" and visit.venue.name == "Ethiopia" and visit.date.iso() == "2024-03-12"
    # where the report is set, when it is in that country
    [visit] = events_of(
        "ABU DHABI, Jan. 15 (Yonhap) -- President Tom Hale pledged Saturday to build ties between South Korea and the "
        "United Arab Emirates as he began a state visit to the Middle Eastern country.",
        published=DAY,
    )
    assert visit.venue.name == "Abu Dhabi"
    # words that name no region fit no country in particular
    [visit] = events_of(
        "New Delhi: India and Fiji on Tuesday elevated their ties as Prime Minister Ravi Perera paid his first ever "
        "visit to the island nation.",
        published=DAY,
    )
    assert visit.venue is None


def test_an_airports_name_is_not_a_town_of_another_country_the_sentence_places_it_in():
    [visit] = events_of(
        "On arrival, Prime Minister Ravi Perera was received at Bole International Airport by Prime Minister Tom Hale, "
        "who drove him to the Science Museum in Addis Ababa.",
        published=DAY,
    )
    assert visit.venue.country == "ET"
    [visit] = events_of("On arrival, Prime Minister Ravi Perera was received at San Francisco International Airport by Governor Tom Hale.", published=DAY)
    assert visit.venue.name == "San Francisco"


def test_a_grand_welcome_ceremony_received_from_a_host_is_the_guests_visit_with_the_host():
    [visit] = events_of(
        "Prime Minister Ravi Perera on Tuesday (Mar 12) received a grand welcome ceremony by President Tom Hale at the "
        "Alvorada Palace in Brasília.",
        published=DAY,
    )
    assert visit.kind == "visit" and people_of(visit) == ["Ravi Perera", "Tom Hale"]
    assert visit.venue.name == "Brasília" and visit.date.iso() == "2024-03-12"  # a town written with its accent
