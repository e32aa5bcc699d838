"""Places from the gazetteer libraries: countries, demonyms, capitals, cities."""

from events.extraction import places


def test_demonyms_name_their_country():
    d = places.demonyms()
    assert (d["Russian"], d["Indian"], d["Uzbek"], d["Kyrgyz"], d["Chinese"], d["American"]) == ("RU", "IN", "UZ", "KG", "CN", "US")


def test_country_names_and_short_forms():
    names = places.country_names()
    assert (names["Russia"], names["India"], names["Kyrgyzstan"], names["US"]) == ("RU", "IN", "KG", "US")


def test_cities_are_the_most_populous_of_their_name():
    assert places.lookup_place("Moscow").country == "RU"
    assert places.lookup_place("New Delhi").country == "IN"


def test_a_place_after_in_or_a_travel_verb_is_a_place_mention():
    found = [(prep, ref.name) for _, prep, ref in places.place_mentions("He left for Russia and will be in Moscow on Friday.")]
    assert ("for", "Russia") in found and ("in", "Moscow") in found


def test_a_possessive_or_a_country_after_at_is_not_a_location():
    assert places.place_mentions("cocking a snipe at the US’ threatened sanctions") == []


def test_the_national_capital_is_the_capital_of_the_scene():
    assert places.mentions_national_capital("met him in the national capital on Friday")
    assert places.capital_place("IN").name == "New Delhi"


def test_a_description_of_a_country_fits_its_world_region():
    from events.extraction import places

    assert places.fits_description("ET", "the east African nation") is True
    assert places.fits_description("IN", "the east African nation") is False
    assert places.fits_description("AE", "the Middle Eastern country") is True
    assert places.fits_description("FJ", "the island nation") is None  # no region to check
