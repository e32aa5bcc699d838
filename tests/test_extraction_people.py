"""People: names with titles and roles, their countries, and the other ways a report names them."""

import pytest

from events.extraction import people
from events.extraction import text as textmod
from events.extraction.names import name_keys, names_match


def named(sentence):
    return [(name, country, role) for _, _, name, country, role in people.named_mentions(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Defence Minister Rajnath Singh met reporters.", ("Rajnath Singh", None, "Defence Minister")),
        ("Prime Minister Narendra Modi spoke.", ("Narendra Modi", None, "Prime Minister")),
        ("He met Russian President Vladimir Putin on Monday.", ("Vladimir Putin", "RU", "President")),
        ("SCO Secretary General Zhang Ming also met him.", ("Zhang Ming", None, "Secretary-General")),
        (
            "He met Minister of Defence of Uzbekistan Lieutenant General Bakhodir Kurbanov today.",
            ("Bakhodir Kurbanov", "UZ", "Defence Minister"),
        ),
        ("the Defence Minister of Belarus, Lt Gen Victor Khrenin; and", ("Victor Khrenin", "BY", "Defence Minister")),
        ("External Affairs Minister S Jaishankar’s trip to Russia", ("S Jaishankar", "IN", "External Affairs Minister")),  # an office only India has
        ("the visit of Russia’s Deputy Prime Minister Denis Manturov for talks", ("Denis Manturov", "RU", "Deputy Prime Minister")),
        # a "Union" minister is of India's federal government, unless the text says whose
        ("Union Minister for Defence, Rajnath Singh. (File Photo: PIB)", ("Rajnath Singh", "IN", "Defence Minister")),
        ("Myanmar's Union Minister for Foreign Affairs Than Swe arrived", ("Than Swe", "MM", "Foreign Affairs Minister")),
        ("talks with visiting Australia’s Deputy PM Richard Marles", ("Richard Marles", "AU", "Deputy Prime Minister")),
        ("Lok Sabha Speaker Om Birla on Friday met the President of the Senate", ("Om Birla", "IN", "Lok Sabha Speaker")),
        # two initials with their stops; an envoy "to" a country is of the country before the office
        ("President E.D. Mnangagwa met him.", ("E.D. Mnangagwa", None, "President")),
        ("He was received by India's High Commissioner to Malaysia, B.N. Reddy.", ("B.N. Reddy", "IN", "High Commissioner")),
        ("He met Spain's Ambassador to Portugal Tomas Berg.", ("Tomas Berg", "ES", "Ambassador")),
        ("Vice Admiral Tomas Berg, Chief of Royal Spanish Navy, is on a visit.", ("Tomas Berg", "ES", "Navy Chief")),
        # a handle or an office in the country's own language before the name is no part of it
        ("PM Ravi Perera receives German Chancellor @Bundeskanzler Olaf Scholz today.", ("Olaf Scholz", "DE", "Chancellor")),
        # an office before a comma and another office is not the name's; a Bhutanese honorific is none
        ("with the Foreign Minister Dasho Dr. Tandi Dorji.", ("Tandi Dorji", None, "Foreign Minister")),
    ],
)
def test_names_come_with_their_titles_roles_and_countries(sentence, expected):
    assert expected in named(sentence)


def test_a_counterpart_takes_the_demonym_and_the_others_role():
    text = "Defence Minister Rajnath Singh and his Russian counterpart General Sergei K Shoigu held talks."
    registry = people.build_registry(text, textmod.sentences(text))
    singh, shoigu = registry.people
    assert (shoigu.name, shoigu.country, shoigu.role) == ("Sergei K Shoigu", "RU", "Defence Minister")
    assert singh.country is None  # nothing in this sentence says where Singh is from
    people.infer_home_countries(registry, "IN")
    assert singh.country == "IN"


def test_a_home_country_is_not_given_to_someone_whose_counterpart_is_from_it():
    text = "Defence Minister Rajnath Singh and his Russian counterpart Sergei Shoigu held talks."
    registry = people.build_registry(text, textmod.sentences(text))
    people.infer_home_countries(registry, "RU")
    assert registry.people[0].country is None


def test_initials_and_lowercase_words_end_no_name():
    assert named("Minister of Defence of Kyrgyzstan, Lt Gen Bekbolotov B. Asankalievich.")[0][0] == "Bekbolotov B. Asankalievich"
    assert named("defence minister Rajnath Singh on Friday met")[0][0] == "Rajnath Singh"


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sergei Shoigu", "Sergey Shoigu"),
        ("Sergei K Shoigu", "Sergei Shoigu"),
        ("Victor Khrenin", "Viktor Khrenin"),
        ("S Jaishankar", "Subrahmanyam Jaishankar"),
        ("Shoigu", "Sergei K Shoigu"),
        ("Bekbolotov B Asankalievich", "Bekbolotov B. Asankalievich"),
        ("E.D. Mnangagwa", "Emmerson Mnangagwa"),  # (a middle name the other form leaves out)
        ("K.P. Sharma Oli", "Khadga Prasad Sharma Oli"),
        ("Mdoi", "Narendra Modi"),  # (two letters typed the other way round)
    ],
)
def test_spellings_and_forms_of_one_name_match(a, b):
    assert names_match(a, b) and names_match(b, a)


@pytest.mark.parametrize(
    "a, b", [("Rajnath Singh", "Manmohan Singh"), ("S Jaishankar", "Vijay Jaishankar"), ("Putin", "Modi"), ("E.D. Mnangagwa", "Daniel Mnangagwa")]
)
def test_different_people_do_not_match(a, b):
    assert not names_match(a, b)


def test_spelling_variants_share_their_index_keys():
    assert name_keys("Sergey Shoigu") == name_keys("Sergei K. Shoigu") == name_keys("Sergei Shoigu")


def mentions_in(text):
    sents = textmod.sentences(text)
    registry = people.build_registry(text, sents)
    out, subject, recent = [], None, []
    for s in sents:
        found = people.sentence_mentions(text, s, registry, subject, s.text, recent)
        out.append([(text[m.start : m.end], m.person.name, m.how) for m in found])
        if found:
            subject = found[0].person
        recent += [m.person for m in found]
    return out


def test_short_forms_titles_descriptions_and_pronouns_resolve_to_the_person():
    text = (
        "Defence Minister Rajnath Singh and his Russian counterpart General Sergei Shoigu met. "
        "Gen Shoigu spoke first. The Russian Defence Minister said more. "
        "Rajnath listened. He then left."
    )
    found = mentions_in(text)
    assert ("Shoigu", "Sergei Shoigu", "named") in found[1]
    assert ("The Russian Defence Minister", "Sergei Shoigu", "descriptor") in found[2]
    assert ("Rajnath", "Rajnath Singh", "partial") in found[3]
    assert ("He", "Rajnath Singh", "pronoun") in found[4]


def test_a_description_may_refer_forward_to_a_name():
    text = (
        "During the meeting on Monday, the Indian defence minister spoke. "
        "Defence minister Rajnath Singh and his Russian counterpart Sergey Shoigu signed pacts."
    )
    registry = people.build_registry(text, textmod.sentences(text))
    people.infer_home_countries(registry, "IN")
    found = mentions_in(text)
    assert ("the Indian defence minister", "Rajnath Singh", "descriptor") in found[0]


def test_a_list_of_countries_of_unnamed_ministers():
    role, codes = people.group_countries("He held talks with the Defence Ministers of Uzbekistan, Belarus and Kazakhstan on Friday.")
    assert role == "Defence Minister" and codes == ["UZ", "BY", "KZ"]


def test_the_two_countries_of_a_pair_of_ministers():
    role, codes = people.group_pair("India and Russia on Monday extended ties during the meeting between the defence ministers of the two countries.")
    assert (role, codes) == ("Defence Minister", ["IN", "RU"])


def test_full_names_without_titles_are_people():
    found = [name for _, _, name, _, _ in people.named_mentions("Rajnath Singh and S Jaishankar met Sergei Shoigu in New Delhi.")]
    assert found == ["Rajnath Singh", "S Jaishankar", "Sergei Shoigu"]


@pytest.mark.parametrize(
    "sentence",
    [
        "troops along the Line of Actual Control in the east",
        "He attended the Victory Day Parade in Moscow.",
        "They met in New Delhi and Abu Dhabi.",
        "The Shanghai Cooperation Organisation met.",
        "Russian President arrived in South China Sea waters.",
    ],
)
def test_capitalised_phrases_that_are_not_people(sentence):
    assert people.named_mentions(sentence) == []


def test_a_month_abbreviation_is_part_of_a_name_unless_a_day_follows():
    assert named("his Chinese counterpart Admiral Dong Jun on Thursday")[0][0] == "Dong Jun"
    assert named("Defence Minister Rajnath Singh Jun 27 met") == [("Rajnath Singh", None, "Defence Minister")]


@pytest.mark.parametrize("sentence", ["Modi and Kishida discussed the Free Trade Agreement.", "They reviewed the Strategic Partnership Framework."])
def test_names_of_agreements_and_programmes_are_not_people(sentence):
    assert [n for _, _, n, _, _ in people.named_mentions(sentence)] == []


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("Singh also called on President Abdel Fattah el-Sisi.", "Abdel Fattah el-Sisi"),
        ("He met Crown Prince Mohammed bin Salman in Riyadh.", "Mohammed bin Salman"),
        ("Commission President Ursula von der Leyen spoke.", "Ursula von der Leyen"),
    ],
)
def test_lower_case_particles_inside_a_name(sentence, name):
    assert name in [n for _, _, n, _, _ in people.named_mentions(sentence)]


def test_a_dash_right_after_a_name_ends_it():
    found = named("The leaders, Australian Prime Minister Anthony Albanese and Indian Prime Minister Narendra Modi— had attended the summit.")
    assert ("Narendra Modi", "IN", "Prime Minister") in found


def test_what_a_document_is_about_is_no_person():
    found = named("The two Ministers also signed a Memorandum of Understanding on Mutual Logistics Support.")
    assert not any(name == "Mutual Logistics Support" for name, _, _ in found)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Sitharaman met US Treasury Secretary Janet Yellen in Washington.", ("Janet Yellen", "US", "Treasury Secretary")),
        ("Misri called on Chinese Vice Foreign Minister Sun Weidong in Beijing.", ("Sun Weidong", "CN", "Vice Foreign Minister")),
    ],
)
def test_secretaries_of_a_portfolio_and_vice_ministers_are_offices_with_their_country(sentence, expected):
    assert expected in named(sentence)


def test_a_gathering_called_meetings_is_no_person():
    assert not any(name == "Spring Meetings" for name, _, _ in named("They met on the sidelines of the IMF-World Bank Spring Meetings."))


@pytest.mark.parametrize(
    "text",
    [
        "Earlier in the day, Prime Minister Ravi Perera laid a wreath at Raj Ghat in New Delhi.",
        "He was received at Subang Airbase by Spain's High Commissioner to Portugal, Tomas Berg.",
        "Senior Officials of both sides met on 13th January 2020.",
    ],
)
def test_places_offices_and_particles_are_nobody(text):
    registry = people.build_registry(text, textmod.sentences(text))
    found = {p.name for p in registry.people} | {name for sentence in mentions_in(text) for _, name, _ in sentence}
    assert found <= {"Ravi Perera", "Tomas Berg"}


def test_an_office_closing_an_opening_participle_phrase_is_not_the_next_name_s():
    text = (
        "Foreign Minister Ravi Perera met US Secretary of State Tomas Berg.\n\n"
        "Sharing details of his talks with the Spanish Foreign Minister, Berg posted on X."
    )
    registry = people.build_registry(text, textmod.sentences(text))
    assert sorted((p.name, p.country) for p in registry.people) == [("Ravi Perera", None), ("Tomas Berg", "US")]


def test_a_particle_alone_is_nobody():
    text = (
        "Governor Khalid Al Faisal greeted Tomas Berg.\n\n"
        "Later in the evening, Foreign Minister Ravi Perera and Tomas Berg held talks at the Al Salam Palace in Jeddah."
    )
    assert [name for _, name, _ in mentions_in(text)[1]] == ["Ravi Perera", "Tomas Berg"]


def test_an_office_before_a_comma_and_another_office_is_not_the_name_s():
    assert named("His Majesty meets President, PM Ravi Perera in Lisbon") == [("Ravi Perera", None, "Prime Minister")]
