"""People in a document: names with their titles and roles ("Defence Minister Rajnath Singh", "his
Russian counterpart General Sergei K Shoigu", "Minister of Defence of Uzbekistan Lieutenant General
Bakhodir Kurbanov"), their countries, and the shorter ways the text refers to them again ("Shoigu",
"Gen Shoigu", "the Russian Defence Minister", "he")."""

import re

# `regex` for its Unicode classes (names begin with any capital: Çavuşoğlu, Érdi, Ødegaard) and
# look-behinds of several lengths; `re` elsewhere, which is faster.
import regex
from dataclasses import dataclass, field

from . import places
from .names import fold, names_match, name_parts
from .types import PersonRef

PORTFOLIO = (
    r"(?:national\s+)?defen[cs]e|foreign(?:\s+affairs|\s+trade)?|external\s+affairs|home(?:\s+affairs)?|interior|finance|trade|commerce"
    r"|energy|oil|petroleum|natural\s+gas|economy|economic\s+affairs|industry|agriculture|health|education|transport"
    r"|culture|information(?:\s+(?:&|and)\s+broadcasting|\s+technology)?|electronics(?:\s+(?:&|and)\s+(?-i:IT)|\s+(?:&|and)\s+information\s+technology)?|justice|law|labou?r|science|technology|tourism|environment|railways|civil\s+aviation"
    r"|shipping|power|steel|mines|coal|communications|telecom|security|emergency\s+situations|broadcasting|budget|(?:national\s+)?planning"
)
ROLE = (
    rf"(?:(?:union|federal|deputy|first\s+deputy|junior|vice)\s+)?(?:minister\s+(?:of|for)\s+(?:state\s+for\s+)?(?:the\s+)?(?:{PORTFOLIO})(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?:{PORTFOLIO}))*"
    rf"|(?:(?:{PORTFOLIO})\s+)minister|(?:deputy\s+)?prime\s+minister|chief\s+minister|minister)"
    r"|(?:vice[\s-])?president|premier|chancellor|king|queen|emperor|empress|emir|crown\s+prince|sultan|(?:supreme\s+)?leader|chairman"
    r"|head\s+of\s+(?:state|government)|governor|state\s+councill?or|(?:deputy\s+)?foreign\s+minister|envoy|special\s+(?:envoy|representative)"
    r"|secretary[\s-]general|secretary\s+of\s+(?:state|defen[cs]e|the\s+\w+|\w+)|(?:defen[cs]e|foreign|home|treasury|trade|commerce|energy)\s+secretary"
    r"|national\s+security\s+advis[eo]r|ambassador|(?:high\s+|(?:EU\s+|European\s+)?trade\s+|european\s+)?commissioner|foreign\s+secretary|(?:top\s+|senior\s+|chief\s+)?diplomat"
    r"|(?:(?:assistant|deputy)\s+)?(?:US\s+|U\.S\.\s+)?trade\s+representative|chief\s+negotiator"
    r"|chief\s+of\s+(?:the\s+)?(?:army|naval|air|defen[cs]e)\s+staff|(?:army|navy|air\s+force)\s+chief"
    r"|(?:lok\s+sabha\s+|rajya\s+sabha\s+|house\s+|parliament(?:ary)?\s+|national\s+assembly\s+|deputy\s+)?speaker"
)
RANK = (
    r"(?:lieutenant|lt\.?|lt-|major|maj\.?|brigadier|brig\.?|colonel|col\.?)?\s*(?:general|gen\.?)(?:\s+of\s+the\s+army)?"
    r"|(?:vice\s+|rear\s+)?admiral|adm\.?|air\s+chief\s+marshal|air\s+marshal|field\s+marshal|marshal"
    r"|colonel|col\.?|captain|capt\.?|commodore"
)
# Honorifics in English and in the languages Asian and Arab outlets write them in.
HONORIFIC = (
    r"first\s+lady|mr\.?|mrs\.?|ms\.?|dr\.?|professor|prof\.|shri|sh\.|smt\.?|sri|shrimati|kumari|thiru|sheikh|shaikh|prince|princess|hrh|hh"
    r"|his\s+(?:royal\s+)?(?:highness|excellency|majesty)|her\s+(?:royal\s+)?(?:highness|excellency|majesty)|h\.\s?e\.?"
    r"|(?-i:HE|Er\.|Eng\.)|mawlawi|maulvi|maulana|mawlana|tan\s+sri|puan\s+sri|datuk\s+seri|dato['’]?\s+seri|datuk|dato['’]?|datin|tun|tuan|haji|hajjah|syed|sayyid|begum|janab"
    r"|dasho|lyonpo|lyonchhen"  # Bhutanese ("Dasho Dr. Tandi Dorji")
)

# Offices written short, in capitals only ("PM Modi", "EAM Jaishankar"), and in Hindi ("Raksha Mantri").
SHORT_ROLES = {
    "Deputy PM": "Deputy Prime Minister", "PM": "Prime Minister", "EAM": "External Affairs Minister", "NSA": "National Security Advisor",
    "CDS": "Chief of Defence Staff", "FM": "Foreign Minister", "RM": "Defence Minister",
}
HINDI_ROLES = {
    "raksha mantri": "Defence Minister", "videsh mantri": "External Affairs Minister", "pradhan mantri": "Prime Minister",
    "grih mantri": "Home Minister", "vitt mantri": "Finance Minister",
}
HINDI_ROLE = "|".join(k.replace(" ", r"\s+") for k in HINDI_ROLES)
ROLE_RE = re.compile(rf"(?<![\w-])(?:(?i:{ROLE})|{'|'.join(k.replace(' ', r'\s+') for k in SHORT_ROLES)}|(?i:{HINDI_ROLE}))(?![\w-])")
RANK_RE = re.compile(rf"\s*,?\s*(?i:(?:{RANK}))(?![\w-])")
HONORIFIC_RE = re.compile(rf"\s*(?i:(?:{HONORIFIC}))(?![\w-])")
COUNTERPART_RE = regex.compile(
    r"\b(?|(?:his|her|their|its)\s+(?:([A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)\s+)?"
    # "with Brazilian Foreign Minister Mauro Vieira and South African counterpart Naledi Pandor"
    r"|(?<=\b(?:and|with|met|meets)\s)((?-i:[A-Z])[\w.]+(?:\s+[A-Z][\w.]+)?)\s+(?=counterpart\b)"
    r"|(?<=\bmeet\s|meets\s|\bmet\s|with\s)())(?:counterparts?|colleague)\b"
)
TOKEN_RE = regex.compile(r"\s*((?:\p{Lu}\.){2,3}(?=\s)|\p{Lu}[\w'’-]*\.?|\p{Lu}\.?)(?=[\s,;:)(’'”\"—–]|$|\.)")  # (a dash ends a name: "Narendra Modi— had")
HANDLE_RE = re.compile(r"\s*@\w+")  # a social media handle: "@Bundeskanzler"
# Lower-case parts inside a name: "Abdel Fattah el-Sisi", "Mohammed bin Salman", "Ursula von der Leyen".
PARTICLE_RE = re.compile(
    r"\s*((?:al|el|ad|as|at|an)-[A-Z][\w'’-]*|(?:bin|bint|ibn|de|da|di|van|von|der|del|la|le)(?=\s+(?:der\s+)?[A-Z]))"
    r"(?=[\s,;:)(’'”\"]|$|\.)"
)
# A leading "He", also after an opener of time or place ("On Wednesday, he will travel to Mumbai").
PRONOUN_RE = re.compile(
    r"^\s*(?:(?:However|Meanwhile|Later|Earlier|Then|Also|Afterwards|Thereafter|Subsequently|Next|Finally|Besides|Additionally),\s+(He|She|he|she)\b"
    r"|(?:On|Upon|In|At|After|Before|Later|Earlier|During|Following|Last|This|Today|Yesterday|Tomorrow|Ahead|Prior|While|Soon|Shortly)\b[^,.;]{0,40},\s+(he|she)\b"
    # ("Apart from his bilateral meetings with A, B and C, he also had …": a list before "he")
    r"|(?:Apart\s+from|Aside\s+from|Besides|In\s+addition\s+to)\b[^.;]{0,300}?,\s+(he|she)\b"
    r"|(He|She|His|Her)\b)"
)
GROUP_PAIR_RE = re.compile(
    rf"\b(?:the|The)\s+((?i:{ROLE}))s?\s+(?:of|from)\s+(?:the\s+)?(?:two|both)\s+(?:countries|nations|sides)\b"
)
GROUP_LIST_RE = re.compile(rf"\b(?:the|The)\s+((?i:{ROLE}))s\s+(?:of|from)\s+((?:[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:,\s*|\s+and\s+)?){{2,}})")
COUNTERPARTS_FROM_RE = re.compile(r"\b(?:his|her|their)\s+counterparts\s+(?:from|of)\s+((?:(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:,\s*|,?\s+and\s+)?){2,})")
GROUP_MEMBERS_RE = re.compile(rf"\b(?:the|The)\s+((?i:{ROLE}))s\s+of\s+(?:all\s+)?(?:\w+\s+)?(?:[A-Z]{{2,}}|member)\b")
TITLE_RE = re.compile(rf"(?<![\w-])(?i:{RANK}|{HONORIFIC})(?![\w-])")
# "the Russian Defence Minister", "the South Korean president" (a demonym of two words only when one
# is not enough: the lazy second word).
DESCRIPTOR_RE = re.compile(
    rf"\b(?:the|The)\s+(?P<visiting>visiting\s+)?(?:([A-Z][a-z]+(?:\s+[A-Z][a-z]+)??|US|U\.S\.|UK)\s+)?"
    rf"((?i:{ROLE})|(?i:{HINDI_ROLE})|{'|'.join(SHORT_ROLES)}|dignitary|envoy|official)(?![\w-])"
)

NOT_NAME = {
    "the", "his", "her", "their", "its", "and", "of", "in", "on", "at", "for", "with", "from", "to", "by", "a",
    "over", "after", "amid", "during", "via", "ahead", "about", "against", "into", "under",
    "an", "this", "that", "these", "those", "he", "she", "they", "it", "we", "i", "mr", "mrs", "ms", "dr",
    "minister", "ministers", "president", "prime", "defence", "defense", "foreign", "secretary", "general",
    "deputy", "union", "chief", "army", "navy", "ministry", "government", "state", "affairs", "external",
    "home", "national", "security", "adviser", "advisor", "assistant", "counterpart", "also", "however", "meanwhile", "on", "said", "read",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "earlier", "later", "today", "yesterday", "tomorrow", "tonight",  # ("Phone call with Putin Earlier today, …")
    # offices in the languages of the countries that hold them, written before a name
    "bundeskanzler", "bundeskanzlerin", "kanzler", "bundespräsident", "presidente", "président", "ministro", "ministre",
    "señor", "senor", "señora", "monsieur", "madame", "herr", "frau",
    "lt", "gen", "lieutenant", "col", "colonel", "admiral", "adm", "west", "east", "professor", "prof",
    "pti", "ani", "ians", "afp", "reuters", "updated", "by", "prince", "princess", "king", "queen", "emir", "sheikh",
    "crown", "royal", "emperor", "empress", "highness", "excellency", "majesty", "sultan", "chairman", "governor", "leader", "premier",
    "chancellor", "vice", "councilor", "councillor", "envoy", "hrh", "shri", "smt", "sri", "datuk", "dato", "tun",
    "mantri", "raksha", "videsh", "rashtrapati", "ji", "speaker", "speakers", "keynote", "sabha", "lok", "rajya", "vidhan", "guest",
    # the verbs of headlines, written in capitals: "Sri Lankan President Dissanayake Meets PM Modi"
    "meets", "holds", "visits", "calls", "speaks", "signs", "arrives", "hosts", "receives", "says", "discusses",
    "welcomes", "commits", "urges", "seeks", "inks", "agrees", "agree", "vows", "hails", "reviews", "pitches",
    "attends", "addresses", "inaugurates", "launches", "unveils", "congratulates", "thanks", "greets", "lauds",
    "praises", "invites", "condoles", "stresses", "highlights", "reiterates", "assures", "offers", "extends", "joins",
    "chairs", "witnesses", "presents", "confers", "honours", "honors", "receives", "leaves", "departs", "returns",
}
# Words that end a name in a building's ("Rashtrapati Bhavan", "Hyderabad House"): never part of a person's.
BUILDING_WORDS = {"bhavan", "bhawan", "sadan", "niwas", "house", "palace", "hall", "tower", "centre", "center", "building", "residence"}
# Words that close the name of a place named after someone: "the King David Hotel", "the Indira Gandhi Airport".
PLACE_NOUNS = BUILDING_WORDS | {
    "hotel", "airport", "stadium", "museum", "memorial", "hospital", "university", "college", "school", "marg", "road",
    "street", "avenue", "square", "park", "bridge", "station", "complex", "auditorium", "temple", "mosque", "church",
}
# Words for numbers open noun phrases ("Seventeen African leaders"), never names.
NUMBER_WORDS = set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty hundred thousand dozens""".split()
)
# Month abbreviations are also names ("Dong Jun"): a date only when a day follows.
MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def is_date_word(word, following):
    return fold(word) in MONTH_ABBREVIATIONS and re.match(r"\.?\s*\d", following) is not None


# Words that make a capitalised phrase an organisation, a place or an occasion rather than a person.
NOT_PERSON_WORDS = {
    "organisation", "organization", "commission", "cooperation", "council", "ministry", "parade", "day", "sea", "policy", "meetings",
    "project", "projects", "scheme", "schemes", "round", "roundtable", "table", "sector", "sectors",
    "ocean", "control", "act", "limited", "private", "group", "party", "army", "force", "forces", "union",
    "treaty", "security", "affairs", "bank", "fund", "university", "institute", "agency", "office", "committee",
    "summit", "forum", "dialogue", "initiative", "programme", "program", "corridor", "region", "province",
    "state", "states", "republic", "kingdom", "federation", "talks", "meeting", "conference", "war", "crisis",
    "conflict", "road", "street", "house", "palace", "hall", "center", "centre", "airport", "station", "square",
    "times", "post", "news", "press", "express", "tribune", "herald", "hindu", "court", "parliament", "assembly",
    "congress", "senate", "airlines", "company", "corporation", "group", "line", "navy", "air",
    "strait", "island", "islands", "gulf", "bay", "river", "mountains", "valley", "east", "west", "north",
    "south", "central", "pacific", "atlantic", "asia", "europe", "africa", "america", "world", "global",
    "international", "national", "federal", "royal", "foundation", "association", "alliance", "coalition",
    "festival", "games", "olympics", "cup", "award", "prize", "anniversary", "victory", "independence",
    "infrastructure", "resilience", "resilient", "solar", "energy", "network", "platform", "mission",
    "minister", "ministers", "president", "secretary", "general", "chief", "defence", "defense", "foreign",
    "member", "members", "director", "head", "chair", "chairperson", "representative", "spokesperson", "spokesman",
    "trade", "free", "strategic", "economic", "digital", "new", "old", "great", "prime",
    "joint", "special", "operation", "mission", "exercise", "dialogue", "framework", "partnership", "plan",
    # Buildings, roads and towns named after people: "Sushma Swaraj Bhavan", "Rajiv Gandhi Marg".
    "bhavan", "bhawan", "sadan", "niwas", "kendra", "marg", "nagar", "mahal", "mandapam", "auditorium", "lady",
    "stadium", "memorial", "museum", "library", "complex", "tower", "towers", "building", "gardens", "park",
    "avenue", "boulevard", "bridge", "port", "harbour", "harbor", "hospital", "school", "college", "academy",
    "cosmodrome", "base", "estate", "resort", "hotel", "residence", "compound", "camp", "fort", "mount", "lake",
    "cape", "castle", "cathedral", "mosque", "temple", "church", "university", "summit", "retreat",
    # Broadcasters and what agreements are on: "Timor-Leste Radio & Television", "Cultural Exchanges".
    "radio", "television", "tv", "broadcasting", "broadcaster", "channel", "media", "exchanges", "exchange", "cultural",
    # Portfolios an office is named by: "the Minister of Agricultural Development and Family Agriculture"
    "agriculture", "agricultural", "livestock", "fisheries", "welfare", "tourism", "railways", "petroleum", "commerce", "gas",
    "holders", "passport", "passports", "visa",  # ("a Visa Waiver Agreement for Diplomatic and Service Passport Holders")
    "guard", "ceremonial", "honour", "honor",  # ("accorded a Ceremonial Guard of Honour")
    "ghat", "airbase", "airfield", "aerodrome",  # ("laid a wreath at Raj Ghat", "was received at Subang Airbase")
    "commissioner", "commissioners", "senior", "officials",  # ("India's High Commissioner", "Senior Officials of both sides met")
}
# Words that open sentences and headlines in capitals but never start a name.
SENTENCE_WORDS = set(
    """why how when what where who which after before as while since with without under amid despite
    during following meanwhile however earlier later today yesterday tomorrow here there this that these
    those our their his her its my your we they it if although though because once both all some many
    most several other another each every no not only also even just still yet so thus then now in on at
    for from to by of into over about against between among through across behind beyond near top
    inside outside can could will would should may might must shall did does do is are was were has have
    had be been being let see read watch why's besides furthermore moreover separately subsequently
    likewise similarly additionally notably importantly interestingly incidentally""".split()
)
# Endings of abstract nouns and adjectives that names almost never have: "Free Trade Agreement".
NOT_NAME_SUFFIX_RE = re.compile(r"(?:tion|sion|ment|ship|ity|ism|ical|ology|ative|ness)$")
WORD = r"\p{Lu}\p{Ll}+(?:-\p{L}\p{Ll}+)?"
# "S Jaishankar", "Lloyd J Austin", "Antony Blinken", "Yoon Suk Yeol", "Carlos Henrique Baquetta Favero",
# "Qais Bin Mohammed Al Yousef" (a particle and the word after it count as one)
BARE_NAME_RE = regex.compile(
    rf"(?<![\w’'-])(?:(?:\p{{Lu}}\.){{2,3}}\s*{WORD}(?:\s+{WORD})?|\p{{Lu}}\.?\s+{WORD}(?:\s+{WORD})?|{WORD}\s+\p{{Lu}}\.?\s+{WORD}|{WORD}(?:\s+(?:(?i:bin|bint|ibn|al|el)\s+)?{WORD}){{1,3}})(?![\w-])"
)


# Single words of titles that can stand before a name without making it a role ROLE_RE knows.
TITLE_WORDS = {
    "secretary", "minister", "president", "premier", "chancellor", "governor", "chairman", "envoy", "ambassador",
    "senator", "general", "admiral", "king", "queen", "prince", "princess", "sheikh", "emir", "sultan", "mr", "mrs",
    "ms", "dr", "shri", "smt", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "director",
    "commissioner", "mayor", "speaker", "deputy", "vice", "foreign", "defence", "defense", "representative",
    "trade", "finance", "commerce", "interior", "home", "energy", "national", "security", "state",
}


def bare_names(text, start, end):
    """Full names written without any title: 'Rajnath Singh and S Jaishankar met Sergei Shoigu'.
    Two to four capitalised words (an initial may lead), none of them a place, a month, a title
    or a word of an organisation's name, and not inside a longer proper noun ('the', 'of' before).
    A capitalised word that cannot start a name ("Secretary Marco Rubio") is passed over."""
    out = []
    for m in BARE_NAME_RE.finditer(text, start, end):
        found = _bare_name(text, start, m)
        at, current = m.start(), m
        while found is None and fold(text[at : current.end()].split()[0]) in TITLE_WORDS and " " in text[at : end].strip():
            # Try again after the title words: "Secretary Marco Rubio", "Trade Representative Jamieson Greer".
            at = at + text[at:].index(" ") + 1
            current = BARE_NAME_RE.match(text, at, end)
            if current is None:
                break
            found = _bare_name(text, start, current)
        if found is None and len(m.group().split()) == 4:
            # A run of four that is no name may end in one: "Security Council Secretary Sergei Shoigu"
            # (read as three words, then what follows)
            words = list(re.finditer(r"\S+", m.group()))
            three = BARE_NAME_RE.fullmatch(text, m.start(), m.start() + words[2].end())
            found = _bare_name(text, start, three) if three else None
            rest = BARE_NAME_RE.match(text, m.start() + words[3].start(), end) if found is None else None
            found = found or (_bare_name(text, start, rest) if rest else None)
        if found:
            out.append(found)
    return out


# "the Governor of the Primorsky Territory Oleg Kozhemyako", "the head of the Ministry of Foreign
# Affairs Alberto van Klaveren": an office named in full, then the holder's name.
NAME_PARTICLES = r"(?:van|von|der|den|de|da|di|du|del|la|le|bin|bint|ibn|al|el)"
PARTICLE_WORDS = set(NAME_PARTICLES[3:-1].split("|"))  # words that join a name's parts and are no name alone
OFFICE_RUN_RE = regex.compile(rf"{WORD}(?:[ ]+(?:(?:of|for)[ ]+)?(?:the[ ]+)?(?:{NAME_PARTICLES}[ ]+)*{WORD})+(?![\w-])")
OFFICE_WORDS = {
    "territory", "region", "province", "state", "republic", "ministry", "department", "committee", "council",
    "commission", "office", "agency", "service", "bureau", "authority", "staff", "forces", "army", "navy",
    "guard", "party", "bank", "resources", "affairs", "security", "development", "defence", "defense", "assembly",
    "parliament", "senate", "court", "government", "administration", "directorate", "corporation", "company",
    "policy", "member", "members", "director", "adviser", "advisor",
}
# Words of regions and alliances that open proper nouns ("European Commission", "Gulf states").
REGION_WORDS = {
    "european", "african", "asian", "arab", "latin", "nordic", "baltic", "gulf", "pacific", "atlantic", "caribbean",
    "eurasian", "western", "eastern", "northern", "southern", "central", "international", "united", "national",
    "asia", "europe", "africa", "america", "americas", "oceania", "eurasia", "division",
}


def names_after_offices(text, start, end):
    """The name that closes a run of capitalised words naming an office: the words after its last
    office, title or place word, when there are two to four of them and they could be a name."""
    out = []
    for m in OFFICE_RUN_RE.finditer(text, start, end):
        words = list(regex.finditer(rf"{WORD}|\b(?:of|for|the|{NAME_PARTICLES[3:-1]})\b", m.group()))
        offices = [n for n, w in enumerate(words) if fold(w.group()) in OFFICE_WORDS]
        if not offices:
            continue  # "President Joe Biden": a title alone is the titles' rule
        # After the last office word, an "of" and a place may close the office: "Council of Chile".
        cut = offices[-1]
        while cut + 2 < len(words) and words[cut + 1].group() in ("of", "for"):
            # "Council of Chile", "Council of the Russian Federation"
            skip = cut + 2 + (words[cut + 2].group() == "the")
            place = next((n for n in (3, 2, 1) if skip + n <= len(words) and places.lookup_place(" ".join(w.group() for w in words[skip : skip + n]))), 0)
            if not place:
                break
            cut = skip + place - 1
        rest = words[cut + 1 :]
        if not 2 <= len(rest) <= 4 or not rest[0].group()[0].isupper() or any(w.group() in ("of", "for", "the") for w in rest):
            continue
        first = rest[0]
        name = m.group()[first.start() :]
        capitalised = [w.group() for w in rest if w.group()[0].isupper()]
        if len(capitalised) < 2 or places.lookup_place(name) or any(
            fold(w) in NOT_NAME | NOT_PERSON_WORDS | REGION_WORDS | OFFICE_WORDS | TITLE_WORDS
            or w in places.demonyms() or places.is_major_place(w) or NOT_NAME_SUFFIX_RE.search(w)
            for w in capitalised
        ):
            continue
        out.append((m.start() + first.start(), m.end(), name, None, ""))
    return out


def _bare_name(text, start, m):
    words = re.findall(r"[^\W\d_]+", m.group())
    if any(fold(w) in NOT_NAME | NOT_PERSON_WORDS | REGION_WORDS or NOT_NAME_SUFFIX_RE.search(w) or THING_AFTER_RE.fullmatch(f" {w}") for w in words):
        return None  # (also "Ganga Setu Cargo Terminal": the name of a thing)
    if fold(words[0]) in SENTENCE_WORDS or fold(words[0]) in NUMBER_WORDS:
        return None  # "Why Putin's visit matters", "After Modi…": a capitalised opener, not a first name
    # (a first name that is also a town's, before an office that describes the name: "Santiago
    # Cafiero, the Foreign Minister of Argentina")
    described = len(words) >= 2 and not places.is_major_place(words[-1]) and APPOSITIVE_OFFICE_RE.match(text, m.end())
    if any(w in places.demonyms() or places.is_major_place(w) for w in words if len(w) > 1) and not described:
        return None
    if places.lookup_place(m.group()):
        return None
    before = text[max(start, m.start() - 8) : m.start()]
    if re.search(r"\b(?:the|of|The)\s+$|\d(?:st|nd|rd|th)?\s+$", before):
        return None  # inside a longer proper noun: "the Great Hall", "21st Century Maritime Silk Road"
    if re.search(r"\b(?:bin|bint|ibn)\s+$", before) or (words[0] in ("Al", "El") and re.search(r"\b[A-Z][\w’'-]*\s+$", text[max(start, m.start() - 30) : m.start()])):
        return None  # the rest of a longer name: "Mohammed bin Salman bin Abdulaziz Al Saud"
    if TITLED_AFTER_RE.search(text, max(start, m.start() - 40), m.start()):
        return None  # what a document or body is about: "a Memorandum of Understanding on Mutual Logistics Support"
    if THING_AFTER_RE.match(text, m.end()):
        return None  # "Lok Sabha polls", "Camp David Accords": the name of a body or a thing
    if text[max(start, m.start() - 2) : m.start() + 2] in ("U.S.", "U.K.", "U.N.", "E.U."):
        return None  # "the U.S. Treasury": the rest of an abbreviation, not an initial ("E.D. Mnangagwa" is one)
    if text.startswith(")", m.end()):
        return None  # "MENAFN - Live Mint)", "(PTI Photo/Jane Doe)": a credit, not someone the report is about
    if words[0] == "X" and re.search(r"\b(?:on|via)\s+$", before):
        return None  # "In a post on X Starmer expressed …": the network, then a surname
    return m.start(), m.end(), m.group(), None, ""


# Nouns after which "on …" or "for …" names what a document, a gathering or a body is about.
TITLED_AFTER_RE = re.compile(
    r"\b(?:understanding|agreement|memorandum|statement|declaration|pact|treaty|protocol|mou|cooperation|partnership"
    r"|conference|dialogue|summit|forum|commission|committee|council|ministry|department|institute|centre|center)s?\s+(?:on|for)\s+"
    r"(?:\((?:[ivx]+|[a-z]|\d+)\)\s+)?$",  # ("three MoUs on (i) Cultural Exchanges")
    re.I,
)
# Nouns that make the capitalised words before them the name of an institution, a gathering or a
# document rather than a person.
THING_AFTER_RE = re.compile(
    r"['’]?\s+(?:polls?|elections?|session|summit|forum|declaration|accords?|agreement|initiative|corridor|project"
    r"|doctrine|format|process|dialogue|conference|convention|treaty|protocol|framework|mechanism|consensus"
    # a company's ("Mazagon Dock Shipbuilders Limited", "Maruti Suzuki India Limited"), "China's Belt
    # and Road Initiative", a works ("Gati Shakti Cargo Terminal")
    r"|(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?:limited|ltd|inc|corp|corporation|company|industries|holdings|plc)|and\s+road"
    r"|terminal|plant|factory|refinery|facility|shipyard)\b",
    re.I,
)


@dataclass
class Mention:
    """One place a sentence refers to a person."""

    start: int  # offsets in the document
    end: int
    person: PersonRef
    how: str  # named, partial, descriptor, pronoun, group


@dataclass
class Registry:
    """The people one document names, each once, with every form the text uses."""

    people: list = field(default_factory=list)
    counterparts: list = field(default_factory=list)  # (person, counterpart) pairs
    inferred: set = field(default_factory=set)  # ids of people whose country is the document's home, inferred
    text: str = ""  # the document's
    _protagonist: PersonRef | None = None

    def add(self, name, country=None, role=""):
        for person in self.people:
            if names_match(name, person.name) and (not country or not person.country or country == person.country):
                person.forms.add(name)
                if len(name_parts(name)[0]) > len(name_parts(person.name)[0]) or (
                    name_parts(name)[0] == name_parts(person.name)[0] and len(name) < len(person.name)
                ):
                    # The fullest form, without initials when there is a choice; of two spellings
                    # ("Cyril Ramaphosa", then the slip "Cyril Ramaphsa"), the first.
                    person.name = name
                person.country = person.country or country
                if not person.role or (person.role == "Minister" and role.endswith(" Minister") and role != "Prime Minister" and role != "counterpart"):
                    person.role = role  # ("Union Minister X", then "Union Agriculture Minister X": the office in full)
                return person
        person = PersonRef(name=name, country=country, role=role, forms={name})
        self.people.append(person)
        return person

    def find(self, name, country=None):
        """The person already registered under this name (any of its forms), or None."""
        for person in self.people:
            if names_match(name, person.name) and (not country or not person.country or country == person.country):
                return person
        return None

    def by_words(self, words):
        """The one person whose name contains these words (a surname, a first name), or None."""
        found = [p for p in self.people if any(_contains(form, words) for form in p.forms)]
        if len(found) > 1:
            # "Kishida" of Prime Minister Fumio Kishida and of Yuko Kishida: the one with an office.
            found = [p for p in found if p.role and p.role != SPOUSE] or found
        return found[0] if len(found) == 1 else None

    def by_description(self, role, country, recent=(), visiting=False):
        """The person 'the Russian Defence Minister' or 'the Indian minister' refers to: the one who
        fits, preferring whoever the text mentioned last."""
        family = role_family(role)
        # "the US envoy", "the Chinese diplomat": any office holder of that country
        generic = role.lower() in ("envoy", "diplomat", "official", "dignitary")
        # ("the Indian Head of State" is India's President)
        head = family == "head of state"
        # ("the visiting leader": the guest, a head of state or government)
        leader = family == "leader" and visiting
        fits = [
            p for p in self.people
            if p.role and (
                family in ("minister", role_family(p.role)) or (generic and country and p.country == country)
                or (head and role_family(p.role) in ("president", "king", "queen", "emperor", "empress", "emir", "sultan"))
                or (leader and role_family(p.role) in HEADS)
            )
        ]
        if head and country:
            # (the one of that country: "the Indian Head of State" is Murmu, not Fiji's Head of State)
            fits = [p for p in fits if p.country == country] or fits
        # "the US Defence Secretary" is the Defence Secretary, not the Defence Minister the text named since
        same = [p for p in fits if fold(normalise_role(p.role)) == fold(normalise_role(role))]
        fits = same or fits
        recent_fits = [p for p in reversed(recent) if any(p is f for f in fits) and (not country or p.country in (None, country))]
        protagonist = self.protagonist(self.text) if self.text else None
        if not country and len({p.country for p in recent_fits}) >= 2 and any(p is protagonist for p in recent_fits):
            # "the foreign secretary", when the report has named India's and Bangladesh's: whom it
            # is about, not whichever it named last
            recent_fits = [protagonist]
        # (one of that country before one of no known country: "the Tanzanian President" is Hassan, of
        # Tanzania, not the President named last whose country the text does not say)
        recent_fits = [p for p in recent_fits if p.country == country] or recent_fits
        if recent_fits:
            person = recent_fits[0]
            if person.country is None and country:
                # (a country read from a description is inferred: a trip there says otherwise,
                # "the Nepali Army chief" of a report of the Indian Army chief's visit to Nepal)
                person.country = country
                self.inferred.add(id(person))
            return person
        if family == "minister":
            fits = [p for p in fits if "minister" in p.role.lower() or p.role == ""]
        if country:
            exact = [p for p in fits if p.country == country]
            if len(exact) == 1:
                return exact[0]
            if exact:
                return None
            open_ = [p for p in fits if p.country is None]
            if len(open_) == 1:
                open_[0].country = country
                self.inferred.add(id(open_[0]))
                return open_[0]
            return None
        return fits[0] if len(fits) == 1 else None

    def by_initials(self, letters):
        """The one person whose name's words begin with these letters ("MBS": Mohammed bin Salman), or None."""
        found = [p for p in self.people if "".join(w[0] for w in p.name.split()).upper() == letters]
        return found[0] if len(found) == 1 else None

    def holders(self, role, countries):
        """The people with an office of these countries: of the role's kind, or any head of state or
        government for "leaders"."""
        family = role_family(role)
        leaders = family in ("leader", "leaders", "")
        return [
            p for p in self.people
            if p.country in countries and p.role
            and (role_family(p.role) == family or (leaders and role_family(p.role) in HEADS))
        ]

    def protagonist(self, text):
        """Who the report is about: the person whose surname it repeats most (counted once per
        document: the text does not change)."""
        if self._protagonist is None:
            def weight(person):
                last = person.name.split()[-1]
                return len(re.findall(rf"\b{re.escape(last)}\b", text))

            self._protagonist = max(self.people, key=weight, default=None)
        return self._protagonist


def _contains(form, words):
    full, _ = name_parts(form)
    return all(w in full for w in words)


HEADS = {"head of state", "head of government", "president", "prime minister", "premier", "chancellor", "king", "queen", "emperor", "empress", "emir", "sultan", "leader", "supreme leader", "crown prince", "chairman"}


def _hindi(role):
    """The key of a title in Hindi ("Raksha   Mantri" → "raksha mantri"), or None."""
    key = re.sub(r"\s+", " ", role.lower().strip())
    return key if key in HINDI_ROLES else None


def english_role(role):
    """The office a short or Hindi title stands for ("RM", "Raksha Mantri" → "Defence Minister"), or None."""
    role = re.sub(r"\s+", " ", role.strip())
    return SHORT_ROLES.get(role) or HINDI_ROLES.get(_hindi(role))


# Offices only one country has: India's foreign minister is its "External Affairs Minister".
NATIONAL_OFFICES = {"external affairs minister": "IN"}


def office_country(role):
    """The country of an office only one country has: a title in Hindi ("Raksha Mantri"), a "Union"
    minister, or "External Affairs Minister" ("EAM", "Minister of External Affairs"): India's (a
    demonym or country the text gives comes first: "Myanmar's Union Minister")."""
    if _hindi(role) or role == "RM":  # ("RM": Raksha Mantri, written short)
        return "IN"
    if re.search(r"(?i:lok|rajya)\s+(?i:sabha)", role):
        return "IN"  # "Lok Sabha Speaker": India's parliament
    if re.match(r"(?i:union)\s+(?:[\w-]+\s+){0,3}?(?i:minister)\b", role):
        return "IN"  # "Union Defence Minister", "Union Minister for External Affairs": India's federal government
    return NATIONAL_OFFICES.get(normalise_role(role).lower())


def role_family(role):
    role = role or ""
    r = fold(english_role(role) or role)
    if r == "secretary of state":
        return "foreign"  # the US foreign minister
    for family in ("prime minister", "secretary-general", "secretary general", "president", "ambassador", "chief"):
        if family in r:
            return family.replace(" general", "-general")
    m = re.search(PORTFOLIO, r)
    if m:
        word = re.sub(r"\s+", " ", m.group())
        return {"defense": "defence", "external affairs": "foreign", "foreign affairs": "foreign"}.get(word, word)
    return "minister" if "minister" in r else r


def normalise_role(role):
    """'Minister of Defence', 'defence minister', 'Union Minister for Defence', 'Raksha Mantri', 'RM'
    → 'Defence Minister'."""
    r = re.sub(r"\s+", " ", role.strip())
    if english := english_role(r):
        return english
    m = re.match(rf"(?i:(?:union|federal)\s+)?(?i:minister)\s+(?:of|for)\s+(?:the\s+)?((?i:{PORTFOLIO}))$", r)
    if m:
        r = f"{m[1]} Minister"
    r = re.sub(r"(?i)^(?:union|federal)\s+", "", r)
    r = re.sub(r"(?i)\bdefense\b", "Defence", r)
    small = {"of", "for", "the", "and"}
    words = [w if w.isupper() else w.lower() if n and w.lower() in small else w.capitalize() for n, w in enumerate(r.split())]
    return " ".join(words).replace("Secretary General", "Secretary-General")


def take_name(text, pos, end=None):
    """The capitalised name starting at `pos` (after a title) and ending by `end`, as (start, end,
    name), or None."""
    end = len(text) if end is None else end
    tokens = []
    # a handle before the name ("German Chancellor @Bundeskanzler Olaf Scholz") is no part of it
    i = handle.end() if (handle := HANDLE_RE.match(text, pos, end)) else pos
    while len(tokens) < 5:
        m = TOKEN_RE.match(text, i, end)
        if not m:
            particle = PARTICLE_RE.match(text, i, end) if tokens else None
            if not particle:
                break
            tokens.append((particle.start(1), particle.end(1), particle[1]))
            i = particle.end()
            continue
        word = m[1]
        if text[m.start(1) - 1 : m.start(1)] == "@":
            break  # (a handle after a name)
        if regex.fullmatch(r"(?:\p{Lu}\.){2,3}", word):
            # "B.N. Reddy", "K.P. Sharma Oli": a first name's initials, with their stops
            tokens.append((m.start(1), m.end(1), word))
            i = m.end()
            continue
        bare = re.sub(r"(?:['’]s)?\.?$", "", word)
        possessive = bool(re.search(r"['’]s$", word))
        if tokens and fold(bare) in PLACE_NOUNS and bare[0].isupper():
            return None  # "at the King David Hotel": a place named after someone
        # (a month is a first name after an office: "Foreign Minister January Makamba")
        month_name = not tokens and bare in MONTH_NAMES and re.match(r"\s+[A-Z][a-z]+\b(?!\s*\d)", text[m.end() : m.end() + 40])
        if not month_name and (not bare or fold(bare) in NOT_NAME | BUILDING_WORDS | OFFICE_WORDS | REGION_WORDS or bare in places.country_names() or bare in places.demonyms()):
            break
        if is_date_word(bare, text[m.end(1) : m.end(1) + 5]):
            break
        initials = (
            not tokens and len(bare) == 2 and not places.lookup_place(bare)
            and re.match(r"\s+[A-Z][a-z]", text[m.end(1) : m.end(1) + 3]) is not None
        )  # "KP Sharma Oli", "MK Stalin": a first name's initials
        if len(bare) > 1 and bare.isupper() and not initials:
            break  # an acronym: SCO, NATO
        tokens.append((m.start(1), m.start(1) + len(bare) + (1 if len(bare) == 1 and word.endswith(".") else 0), bare))
        i = m.end()
        if possessive:
            break
    if tokens and not text[tokens[-1][1] :].strip() and "\n" in text[: tokens[0][0]]:
        # a word a document of several lines ends on, with no stop after it, may be cut short: "… also
        # met Israeli Prime Minister Naft" (a line of its own, a title, is whole)
        tokens.pop()
    while tokens and (len(tokens[-1][2]) == 1 or tokens[-1][2][0].islower() and "-" not in tokens[-1][2]):
        tokens.pop()  # an initial or a particle cannot end a name
    if not any(len(t[2]) > 1 for t in tokens):
        return None
    following = re.match(r"\s+([A-Z][\w-]*)", text[tokens[-1][1] : tokens[-1][1] + 40]) if len(tokens) == 1 else None
    if following and (following[1] in places.demonyms() or following[1] in places.country_names() or fold(following[1]) in REGION_WORDS):
        return None  # "Acting President, Pan African Parliament": one word before a people's name is an organisation's
    start, end = tokens[0][0], tokens[-1][1]
    return start, end, text[start:end]


def _country_before(text, start):
    """A demonym or "<Country>'s" right before a role: 'Russian President', 'Russia's Deputy PM'."""
    # Only the words right before the role matter; looking further back would be quadratic.
    # (on the role's own line: a country closing the line before is no adjective of it)
    m = re.search(r"(?:([A-Z][\w.]+)[ \t]+)?([A-Z][\w.]+)(?:['’]s)?[ \t]+(?:[A-Z]{2,}[ \t]+)?$", text[max(0, start - 60) : start])
    if not m:
        return None
    for word in ([f"{m[1]} {m[2]}"] if m[1] else []) + [m[2]]:  # "South Korean", then "Russian"
        code = places.demonyms().get(word) or places.country_names().get(word)
        if code:
            return code
    return None


OF_COUNTRY_RE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+(?:of\s+)?[A-Z][\w-]+){0,3})")
SEPARATOR_RE = re.compile(r"[\s,]*(?:\([A-Z]{2,6}\)[\s,]*)?")  # (also an office's initials: "External Affairs Minister (EAM) S Jaishankar")


def _leading_country(phrase):
    """The country the longest run of a phrase's first words names ("Bosnia and Herzegovina, Elmedin"),
    as (code, length of those words joined by single spaces), else (None, 0)."""
    words = phrase.split()
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        code = places.country_names().get(head)
        if code:
            return code, len(head)
    return None, 0


def _country_after(text, end):
    m = OF_COUNTRY_RE.match(text, end)
    if not m:
        return None, end
    code, length = _leading_country(m[1])
    return (code, m.start(1) + length) if code else (None, end)


def _skip_titles(text, pos):
    for regex in (RANK_RE, HONORIFIC_RE, HONORIFIC_RE):  # (two honorifics: "H.E. Mr. Narendra Modi")
        m = regex.match(text, pos)
        if m:
            pos = m.end()
    return pos


QUOTED_RE = re.compile(r"“[^”\n]*”|‘[^’\n]*’|\"[^\"\n]*\"")


SPOUSE = "Spouse"
SPOUSE_RE = re.compile(r"\b(?:wife|husband|spouse|[Ff]irst\s+[Ll]ady|[Ff]irst\s+[Gg]entleman)\s*,?\s*(?:(?:Dr|Mrs|Ms|Mr)\.?\s+)?$")


def adjective_country(words):
    """The country of a word before an office: a demonym ("Bangladeshi"), or the country's own name
    used as one ("his Bangladesh counterpart"); None for anything else."""
    if not words:
        return None
    code = places.demonyms().get(words)
    if code is None and _a_country(words):
        code = places.find_countries(words)[0][2]
    return code


def _a_country(words):
    """Whether these words are wholly a country's name or its people's."""
    return any(a == 0 and b == len(words) for a, b, _ in places.find_countries(words) + places.find_demonyms(words))


# An opening phrase of a sentence up to an office ending it: "Before initiating the talks with the
# Mongolian Defence minister", "Sharing details of his talks with the Indian Defence Minister".
OPENER_OFFICE_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:Before|After|Following|During|Ahead\s+of|Prior\s+to|Besides|Apart\s+from|On|In|At|[A-Z][a-z]+ing)\b[^,;.]*$"
)


ENVOY_TO_RE = re.compile(r"\s+to\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
ENVOY_RE = re.compile(r"ambassador|commissioner|envoy", re.I)


def is_envoy(role):
    """Whether an office is a diplomat's posted abroad: an ambassador, a high commissioner, an envoy."""
    return bool(ENVOY_RE.search(role or ""))


def named_mentions(text, start=0, end=None):
    """(start, end, name, country, role) of each person named with a title in text[start:end]."""
    end = len(text) if end is None else end
    out = []
    previous = None
    for m in ROLE_RE.finditer(text, start, end):
        role = m.group()
        country = _country_before(text, m.start())
        if country is None and previous is not None and re.fullmatch(r"\s+and\s+", text[previous.end() : m.start()]):
            # "Australia’s Deputy Prime Minister and Minister for Defence Richard Marles": both offices' country
            country = _country_before(text, previous.start())
        previous = m
        after, pos = _country_after(text, m.end())
        posted = ENVOY_TO_RE.match(text, pos) if is_envoy(role) else None
        if posted and (length := _leading_country(posted[1])[1]):
            pos = posted.start(1) + length  # "India's High Commissioner to Malaysia, B.N. Reddy": India's envoy, posted there
        country = country or after or office_country(role)
        separator = SEPARATOR_RE.match(text, pos)
        if "," in separator.group() and (ROLE_RE.match(text, separator.end()) or re.match(rf"(?:{'|'.join(SHORT_ROLES)})\b", text[separator.end() :])):
            continue  # "meets President, PM Modi": another office before the name, the name's own
        pos = separator.end()
        pos = _skip_titles(text, pos)
        found = take_name(text, pos, end)
        if found and "," in text[m.end() : found[0]] and OPENER_OFFICE_RE.search(text, start, m.start()) and re.match(r"\s+(?:also\s+)?[a-z]+ed\b", text[found[1] :]):
            # "Before initiating the talks with the Mongolian Defence minister, Rajnath Singh inspected …":
            # the office ends an opening phrase; the name after its comma is the sentence's subject
            out.append((found[0], found[1], found[2], None, ""))
        elif found and _listed_with_offices(text, m.start(), found[1]):
            # "Tshering Tobgay, Prime Minister of Bhutan, Mr. Mohamed Muizzu, President of the
            # Maldives": the office is the name's before it; this name has its own after it.
            out.append((found[0], found[1], found[2], None, ""))
        elif found:
            out.append((found[0], found[1], found[2], country, normalise_role(role)))
    for m in COUNTERPART_RE.finditer(text, start, end):
        country = adjective_country(m[1])
        if m[1] and not country and not re.match(r"(?:his|her|their|its)\s", m.group()):
            continue  # (a capitalised word before "counterpart" that is no country's)
        if m.group().endswith("colleague") and not country:
            continue  # "his Argentine colleague Santiago Cafiero" is a counterpart; "his cabinet colleague" is not
        pos = m.end()
        origin = COUNTERPART_FROM_RE.match(text, pos) if not country and not m.group().endswith("s") else None
        if origin:
            # "his counterpart from Bosnia and Herzegovina, Elmedin Konakovic"
            code, length = _leading_country(origin[1])
            if code:
                country, pos = code, origin.start(1) + length
        pos = SEPARATOR_RE.match(text, pos).end()
        comma = "," in text[m.end() : pos]
        office = ROLE_RE.match(text, pos)  # "her American counterpart, Treasury Secretary Janet Yellen"
        if office and re.match(r"\s+[A-Z]", text[office.end() :]):
            pos = office.end()
        pos = _skip_titles(text, pos)
        found = take_name(text, pos, end)
        if found and comma and re.match(r"\s+(?!(?:and|or|of|who|whom|on|in|at|for|from|to|with)\b)[a-z]+", text[found[1] :]):
            continue  # "Apart from his Russian counterpart, Mr. Doval also met …": the next clause's subject
        if found and not any(o[0] == found[0] and o[1] == found[1] for o in out):
            out.append((found[0], found[1], found[2], country, "counterpart"))
    for m in TITLE_RE.finditer(text, start, end):
        found = take_name(text, _skip_titles(text, m.end()), end)  # (after another title: "HE Er. Saad Al-Kaabi")
        if found and _a_country(text[m.start() : found[1]]):
            continue  # "Sri Lankan", "Sri Lanka": not the honorific "Sri"
        if found and not any(o[0] <= found[0] < o[1] for o in out):
            out.append((found[0], found[1], found[2], None, ""))
    for m in APPOSITIVE_DESCRIPTOR_RE.finditer(text, start, end):
        # "at the invitation of Aleksandar Vucic, the Serbian president": a name the office after it describes
        country = adjective_country(m[2])
        found = take_name(text, m.start(1), end) if country else None
        if found and found[1] == m.end(1) and len(found[2].split()) >= 2 and not any(o[0] < found[1] and found[0] < o[1] for o in out):
            out.append((found[0], found[1], found[2], country, normalise_role(m[3])))
    quoted = [(m.start(), m.end()) for m in QUOTED_RE.finditer(text, start, end)]
    for found in bare_names(text, start, end) + names_after_offices(text, start, end):
        if any(a <= found[0] < b for a, b in quoted):
            continue  # a name without a title inside quotation marks is a title: “Athens Declaration on Friendly Relations”
        if HONORIFIC_RE.fullmatch(text, found[1] - len(found[2].split()[-1]), found[1] + 1):
            continue  # a run of titles: "H.E. Er. Saad Al-Kaabi" has no person "E. Er"
        if not any(o[0] < found[1] and found[0] < o[1] for o in out):
            out.append(found)
    out = [_with_appositive_office(text, *found) for found in out]
    # "his wife Kim Keon Hee", "First Lady Jill Biden": a leader's spouse, who accompanies rather than meets.
    return sorted(
        (s, e, name, country, SPOUSE if SPOUSE_RE.search(text[max(start, s - 25) : s]) else role)
        for s, e, name, country, role in out
    )


# "Sheikh Mohamed bin Zayed Al Nahyan, President of the UAE,": the office and country after the name.
# ("Benjamin Gantz, the minister of defence and the deputy prime minister of Israel": two offices)
APPOSITIVE_OFFICE_RE = re.compile(
    rf",\s+(?:the\s+)?((?i:{ROLE}))(?:\s+(?:of\s+)?(?i:[a-z]+))?(?:\s+and\s+(?:the\s+)?(?i:{ROLE}))?\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){{0,4}})"
)


SERVICE_CHIEF_RE = re.compile(r",\s+(?:the\s+)?(Chief|Commander|Head)\s+of\s+(?:the\s+)?(?:Royal\s+)?([A-Z]\w+)\s+(Navy|Army|Air\s+Force)\b")


# "Aleksandar Vucic, the Serbian president": a full name, and the office and country after it.
APPOSITIVE_DESCRIPTOR_RE = re.compile(
    rf"(?<![\w-])((?:[A-Z][\w'’-]+\s+){{1,3}}[A-Z][\w'’-]+),\s+the\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+((?i:{ROLE}))(?![\w-])"
)
NEXT_NAME_RE = re.compile(rf",?\s*(?:(?i:{HONORIFIC})\s*)*[A-Z][\w'’-]+\s+[A-Z]")


def _listed_with_offices(text, office_start, name_end):
    """Whether an office before a name is the previous name's, in a list of names each followed by
    its office: the office follows a comma, and the name after it has an office of its own."""
    return bool(re.search(r",\s+(?:the\s+)?$", text[max(0, office_start - 8) : office_start])) and bool(
        APPOSITIVE_OFFICE_RE.match(text, name_end)
    )


def _with_appositive_office(text, s, e, name, country, role):
    m = APPOSITIVE_OFFICE_RE.match(text, e)
    if not (country or m) and (chief := SERVICE_CHIEF_RE.match(text, e)) and (code := adjective_country(chief[2])):
        # "Vice Admiral Mark Hammond, Chief of Royal Australian Navy,": the service's country
        return s, e, name, code, role or f"{chief[3].title()} Chief"
    if country or not m:
        return s, e, name, country, role
    if NEXT_NAME_RE.match(text, m.end()):
        following = take_name(text, _skip_titles(text, SEPARATOR_RE.match(text, m.end()).end()))
        if not (following and _listed_with_offices(text, m.start(1), following[1])):
            # (", the Prime Minister of Japan, H.E. Mr. Fumio Kishida": the office of the name after it)
            return s, e, name, country, role
    code, _ = _leading_country(m[2])
    if code is None:
        return s, e, name, country, role
    return s, e, name, code, role or normalise_role(m[1])


def build_registry(text, sentences):
    """Everyone the document names with a title, merged across forms, with countries and roles. A
    headline or caption adds only people it names with an office ("South African President Cyril
    Ramaphosa"): its capitalised words are no evidence of a name."""
    registry = Registry(text=text)
    for s in sentences:
        previous = None
        for start, end, name, country, role in named_mentions(text, s.start, s.end):
            if s.is_headline and (not role or role in ("counterpart", SPOUSE) or "diplomat" in role.lower()):
                continue  # ("… Top Chinese Diplomat Discuss Peace": a description, no office, before capitalised words)
            if role == "counterpart":
                person = registry.add(name, country, previous.role if previous else "")
                if previous and previous is not person:
                    registry.counterparts.append((previous, person))
            else:
                person = registry.add(name, country, role)
            previous = person
    # "funded by Maruti Suzuki", where the report elsewhere writes "the Maruti Suzuki India Limited
    # plant": a company, named without its suffix, is nobody.
    registry.people = [
        p for p in registry.people
        if p.role or p.country or not any(THING_AFTER_RE.match(text, m.end()) for form in p.forms for m in re.finditer(re.escape(form), text))
    ]
    for subject, other in registry.counterparts:
        if not subject.role and other.role and other.role != "counterpart":
            subject.role = other.role
        if not other.role or other.role == "counterpart":
            other.role = subject.role
    return registry


def infer_home_countries(registry, home):
    """A person whose counterpart is foreign and who has no country of their own is from the
    document's home country (its dateline's, or the country a foreign visitor came to)."""
    if not home:
        return
    for subject, other in registry.counterparts:
        for person, partner in ((subject, other), (other, subject)):
            if person.country is None and partner.country and partner.country != home:
                person.country = home
                registry.inferred.add(id(person))


VERB_OF_MEETING = r"(?:met|meets|meet|held|holds|hold|spoke|speaks|speak|signed|signs|sign|discussed|discuss|agreed|agree|talked|to\s+meet|meeting|arrived|arrive|visited|visit)"
LONE_BEFORE_RE = re.compile(
    r"(?:\b(?:met|meets|meet|meeting|talks|call|spoke|speaks|conversation)\s+(?:with|to)|\b(?:met|meets|hosted|hosts|received|receives|welcomed|welcomes|dialled|dialed|telephoned|phoned)"
    r"|\b(?:co-?chaired|chaired|led|hosted|attended)\s+by(?:\s+\w+\s+and)?|\bbetween)\s+$"
)
LONE_AFTER_RE = regex.compile(rf"\s+(?:also\s+|later\s+|then\s+|on\s+\w+\s+)?(?:met|meets|hosted|hosts|received|receives|consulted|conferred|dialled|dialed|spoke\s+(?:by|on|over|with|to)"
    r"|(?:held|holds|had|has)\s+(?:an?\s+)?(?:[\w\x22“”‘’-]+\s+){0,2}?(?:talks|meetings?|discussions|summit|call|conversation)"
    r"|call(?:ed|s)?\s+(?:on|upon)|(?:arrived|arrives|landed|lands|reached|reaches)\s+(?:in\s+)?\p{Lu})\b"
    rf"|\s+and\s+\p{{Lu}}[\w’'-]+(?:\s+\p{{Lu}}[\w’'-]+)?\s+{VERB_OF_MEETING}\b|,\s+\p{{Lu}}[\w’'-]+\s+{VERB_OF_MEETING}\b"
    # "Jaishankar, who is on a three-nation tour, reached Cyprus"
    rf"|,\s+who\s+[^,;]{{3,80}},\s+(?:also\s+)?(?:{VERB_OF_MEETING}|reached|landed|called\s+on)\b")
ORGANISATION_HEAD_RE = re.compile(r"\s+(?:CEOs?|CFO|COO|MD|(?i:chief|chairman|chairperson|chairwoman|founder|co-founder|boss|head|managing\s+director)s?)\b")
LONE_SECOND_RE = re.compile(r"\band\s+$")
LONE_SECOND_AFTER_RE = re.compile(rf"\s+(?:also\s+)?{VERB_OF_MEETING}\b")


def lone_surname(masked, start, end):
    """A single capitalised word that the sentence makes one side of a meeting: "met with Putin",
    "Putin met…", "Erdogan and Putin discussed…", and that is no place, title or common word."""
    word = masked[start:end]
    if len(word) < 3 or word.isupper() or fold(word) in NOT_PERSON_WORDS or fold(word) in SENTENCE_WORDS:
        return False
    if fold(word).endswith("ly") and not masked[:start].strip() and masked[end : end + 1] == ",":
        return False  # "Additionally, Sitharaman held discussions": an adverb opening the sentence
    if word in places.country_names() or word in places.demonyms() or places.lookup_place(word):
        return False
    previous = re.search(r"([A-Z][\w'’-]+)\s+$", masked[:start])
    if previous and places.lookup_place(f"{previous[1]} {word}"):
        return False  # "Saudi Arabia"
    before, after = masked[max(0, start - 30) : start], masked[end : end + 60]
    if ORGANISATION_HEAD_RE.match(after):
        return False  # "met Tesla CEO Elon Musk": the company of the person named after it
    return bool(
        LONE_BEFORE_RE.search(before)
        or LONE_AFTER_RE.match(after)
        or (LONE_SECOND_RE.search(before) and LONE_SECOND_AFTER_RE.match(after))
    )


COUNTERPART_FROM_RE = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?((?:[A-Z][\w-]*)(?:\s+(?:[A-Z][\w-]*|and)){0,4})")
# An office written short, alone (no name after it): "RM arrived in Canberra on October 9".
BARE_SHORT_ROLE_RE = re.compile(r"(?<![\w-])(?<!Deputy\s)(?:RM|EAM|NSA|CDS|PM)(?![\w-])(?!\s+(?:(?:Shri|Dr|Mr|Mrs|Ms|Smt)\.?\s+)?[A-Z][a-z])")
# An office opening a sentence, without a name, before its verb: "Foreign Secretary also had …".
BARE_OFFICE_SUBJECT_RE = re.compile(rf"\s*((?i:{ROLE}))(?=\s+(?:also\s+|then\s+|later\s+|further\s+)?(?:[a-z]+(?:ed|s)|had|met|held|made|paid|led|took|gave|spoke|went|left|flew)\b)")
# "her state visit to Portugal"
POSSESSIVE_TRIP_RE = re.compile(r"\b(his|her)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour)\s+to\b")
# A photograph's or a post's credit in parentheses.
CREDIT_RE = re.compile(
    r"\((?:Source|Photo|Image|Picture|Pic|Credit|Courtesy|File|Representational)\b[^()]*\)"
    # "Follow us on Image Source : X/MEAINDIA Prime Minister …": a credit line run into the text
    r"|\b(?:Image|Photo|Picture)\s+(?:Source|Credit)\s*:\s*\S+", re.I
)


def _in_a_place_name(text, start, end):
    """Whether the word at text[start:end] is part of a place's name of two words with the one
    before or after it."""
    before = re.search(r"([A-Z][\w’'-]*)\s+$", text[max(0, start - 30) : start])
    after = re.match(r"\s+([A-Z][\w’'-]*)", text[end : end + 30])
    word = text[start:end]
    return bool(
        (before and places.lookup_place(f"{before[1]} {word}")) or (after and places.lookup_place(f"{word} {after[1]}"))
    )


def sentence_mentions(text, sentence, registry, previous_subject, masked, recent=(), known_only=False):
    """Every reference to a person in one sentence, in order: names, surnames, descriptions, a
    leading 'He'. `masked` is the sentence with quotations blanked out; `recent` the people the
    text mentioned before, oldest first. With `known_only` (a headline, whose every word is
    capitalised), only people the body names count."""
    out = []
    base = sentence.start
    # "(Source: MEA spokesperson Raveesh Kumar/Twitter)": who took the picture or posted it
    credits = [m.span() for m in CREDIT_RE.finditer(masked)]
    taken = list(credits)
    for start, end, name, country, role in named_mentions(masked, 0, len(masked)):
        if known_only:
            person = registry.find(name, country)
            if person is None:
                continue
        else:
            person = registry.add(name, country, role if role != "counterpart" else "")
        out.append(Mention(base + start, base + end, person, "named"))
    out = [m for m in out if not any(a <= m.start - base < b for a, b in credits)]
    taken += [(m.start - base, m.end - base) for m in out]
    for m in re.finditer(r"(?<![\w-])[A-Z][a-z][\w'’-]*", masked):
        if any(a <= m.start() < b for a, b in taken):
            continue
        word = re.sub(r"['’]s$", "", m.group())
        if fold(word) in NOT_NAME | REGION_WORDS | OFFICE_WORDS | PARTICLE_WORDS or is_date_word(word, masked[m.end() :]):
            continue  # (also a particle: "the Al Salam Palace" is not Khalid Al Faisal)
        if re.fullmatch(PORTFOLIO, word, re.I) or re.search(r"['‘]$", masked[: m.start()]):
            continue  # "met Commerce Minister Piyush Goyal": an office's word; "Dahal 'Prachanda'": a nickname
        if _in_a_place_name(masked, m.start(), m.start() + len(word)):
            continue  # "in Sao Paulo": not Luiz Paulo Teixeira
        full, _ = name_parts(word)
        person = registry.by_words(full) if full else None
        if person is None and not known_only and lone_surname(masked, m.start(), m.start() + len(word)):
            person = registry.add(word)
        if person:
            out.append(Mention(base + m.start(), base + m.start() + len(word), person, "partial"))
            taken.append((m.start(), m.end()))
    for m in re.finditer(r"(?<![\w-])[A-Z]{3,5}(?![\w-])", masked):
        # "Biden met MBS in Jeddah": the initials of a person the report names in full.
        if any(a <= m.start() < b for a, b in taken):
            continue
        person = registry.by_initials(m.group())
        if person:
            out.append(Mention(base + m.start(), base + m.end(), person, "partial"))
            taken.append((m.start(), m.end()))
    for m in DESCRIPTOR_RE.finditer(masked):
        if any(a <= m.start() < b for a, b in taken):
            continue
        nxt = masked[m.end() :]
        of_country, after = None, nxt
        if of := re.match(r"\s+of\s+((?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3})", nxt):
            code, length = _leading_country(of[1])
            if code and not re.match(r"\s*,?\s*(?:(?:Mr|Mrs|Ms|Dr|H\.?E\.?)\.?\s+)?(?-i:[A-Z])", nxt[of.start(1) + length :]):
                # "the President of India visited …": India's, whom the report names
                of_country, after = code, nxt[of.start(1) + length :]
        if not of_country and re.match(r"\s*(?:of\s+[A-Z]|,?\s*(?:Lt|Gen|General|Lieutenant|Mr|Dr)\b|\s+[A-Z][a-z]+\s+[A-Z])", nxt):
            continue  # a title with a name after it, handled above
        if re.match(r"s\b", nxt):
            continue  # a plural: a group, handled by the caller
        if re.match(r"\s+of\s+(?!(?:the|a|an)\s+[A-Z])(?:(?:the|a|an)\s+)?[a-z]", nxt):
            continue  # "the president of the state electricity corporation": the head of a body, nobody the report names
        if (of_country or re.match(r"\s*(?:[,.;)]|$)", after)) and any(re.fullmatch(r",\s*", masked[x.end - base : m.start()]) for x in out):
            continue  # "Aleksandar Vucic, the Serbian president": the name before it, not another
        adjective, role = m[2], SHORT_ROLES.get(m[3], m[3])
        country = adjective_country(adjective) or of_country
        if role == "official" and not country:
            continue  # "the official" may be anyone; "The Japanese official" is the one of Japan the report names
        if of := re.match(r"\s+of\s+the\s+([A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,4})", nxt):
            # "the President of the People’s Republic of China" (but "the Prime Minister of the Russian
            # Federation Mikhail Mishustin" is a title with a name after it)
            code, length = _leading_country(of[1])
            if code and re.match(r"\s+[A-Z]", of[1][length:]):
                continue
            country = country or code
        if adjective and not country:
            if not ROLE_RE.fullmatch(f"{adjective} {role}"):
                continue
            role = f"{adjective} {role}"  # "the Defence Minister": an office of two words, not a country's minister
        here = {id(x.person) for x in out if x.start - base < m.start()}
        # "Kovind will meet the visiting president": a guest, not whoever the sentence names before
        candidates = [p for p in recent if id(p) not in here] if m["visiting"] else recent
        person = registry.by_description(role, country or office_country(role), candidates, visiting=bool(m["visiting"]))
        if person and not (m["visiting"] and id(person) in here):
            out.append(Mention(base + m.start(), base + m.end(), person, "descriptor"))
    bare = BARE_OFFICE_SUBJECT_RE.match(masked)
    if bare and not any(a <= bare.start(1) < b for a, b in taken) and not any(x.start - base < bare.end() for x in out):
        # "Foreign Secretary also had an in-depth exchange of views with …": a press release's subject,
        # the holder of that office the report named
        role = normalise_role(bare[1])
        person = registry.by_description(role, office_country(role), recent)
        if person:
            out.append(Mention(base + bare.start(1), base + bare.end(1), person, "descriptor"))
    for m in BARE_SHORT_ROLE_RE.finditer(masked):
        # "RM arrived in Canberra": an office written short, standing for whoever the report names in it
        if any(a <= m.start() < b for a, b in taken) or any(x.start - base <= m.start() < x.end - base for x in out):
            continue
        role = SHORT_ROLES[m.group()]
        person = registry.by_description(role, office_country(m.group()) or office_country(role), recent)
        if person:
            out.append(Mention(base + m.start(), base + m.end(), person, "descriptor"))
    for m in COUNTERPART_RE.finditer(masked):
        # "Putin and his Turkish counterpart will meet": the one person of that country the report
        # names anywhere (a name right after it is the counterpart's rule, above).
        country = adjective_country(m[1])
        if not country or any(a <= m.start() < b for a, b in taken) or any(x.start - base >= m.start() and x.start - base <= m.end() + 3 for x in out):
            continue
        ofit = [p for p in registry.people if p.country == country and p.role]
        if len(ofit) == 1:
            out.append(Mention(base + m.start(), base + m.end(), ofit[0], "descriptor"))
    pronoun = PRONOUN_RE.match(masked)
    if pronoun and previous_subject is not None:
        group = next(n for n in (1, 2, 3, 4) if pronoun.group(n))
        out.append(Mention(base + pronoun.start(group), base + pronoun.end(group), previous_subject, "pronoun"))
    elif not out and previous_subject is not None and (trip := POSSESSIVE_TRIP_RE.search(masked)):
        # "This event was part of her state visit to Portugal", naming nobody: the subject's trip
        out.append(Mention(base + trip.start(1), base + trip.end(1), previous_subject, "pronoun"))
    out.sort(key=lambda x: x.start)
    return out


def group_countries(masked):
    """The countries a plural role names: 'the Defence Ministers of Uzbekistan, Belarus and Kazakhstan',
    'his counterparts from Argentina, Brazil and Mexico' (a role of "counterpart")."""
    m = GROUP_LIST_RE.search(masked)
    if m:
        return normalise_role(m[1]), [code for _, _, code in places.find_countries(m[2])]
    m = COUNTERPARTS_FROM_RE.search(masked)
    if m:
        codes = [code for _, _, code in places.find_countries(m[1])]
        return ("counterpart", codes) if len(codes) >= 2 else (None, [])
    return None, []


def group_pair(masked):
    """'India and Russia ... the defence ministers of the two countries': the role and the two
    countries the sentence coordinates before it."""
    m = GROUP_PAIR_RE.search(masked)
    if not m:
        return None, []
    found = places.find_countries(masked[: m.start()])
    pairs = [
        (a[2], b[2])
        for a, b in zip(found, found[1:])
        if re.fullmatch(r"\s+and\s+", masked[a[1] : b[0]]) and a[2] != b[2]
    ]
    return normalise_role(m[1]), list(pairs[-1]) if pairs else []


def group_members(masked):
    m = GROUP_MEMBERS_RE.search(masked)
    return normalise_role(m[1]) if m else None
