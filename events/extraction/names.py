"""When two written names are the same person: spelling variants (Sergei/Sergey, Victor/Viktor),
English nicknames (Benny/Benjamin), initials (S Jaishankar), middle initials (Sergei K Shoigu) and bare
surnames."""

import functools
import re
import unicodedata

from nicknames import NickNamer

HONORIFICS = {
    "mr", "mrs", "ms", "dr", "shri", "smt", "sri", "sir", "dame", "prof", "hon", "lord", "lady", "sheikh",
}


def fold(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


@functools.lru_cache(maxsize=65536)
def phonetic(token):
    """One spelling for common transliteration variants of a name token."""
    t = fold(token)
    t = re.sub(r"[^a-z]", "", t)
    t = t.replace("ph", "f").replace("ck", "k").replace("c", "k").replace("w", "v").replace("y", "i")
    t = re.sub(r"(ii|ie|ei)$", "i", t)
    t = re.sub(r"(.)\1+", r"\1", t)
    return t


@functools.lru_cache(maxsize=65536)
def name_parts(name):
    """(full tokens, initials) of a name, honorifics dropped, each in its phonetic spelling; tuples,
    cached: the same names are compared again and again."""
    full, initials = [], []
    for raw in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?", name):
        word = raw.rstrip(".")
        if fold(word) in HONORIFICS:
            continue
        if len(word) == 1 or (raw.endswith(".") and len(word) <= 2) or (word.isupper() and len(word) <= 2):
            initials.append(fold(word)[0])
        else:
            # the Arabic article, however written: "El-Sisi" and "Al-Sisi" are one word, "Sisi"
            full.append(phonetic(re.sub(r"(?i)^(?:al|el|ad|ed|ar|as|at|az)[-’'](?=[^\W\d_]{2})", "", word)))
    return tuple(full), tuple(initials)


def _lineage(name):
    """The phonetic words of a name that come after "bin", "ibn" or "bint": a father's name, not the
    person's ("Salman" in "Mohammed bin Salman")."""
    words = re.findall(r"[^\W\d_]+", name)
    return {phonetic(w) for prev, w in zip(words, words[1:]) if fold(prev) in ("bin", "ibn", "bint", "ben")}


def names_match(a, b):
    """Whether two written names can be the same person.

    The fuller name must contain every full word of the shorter one, and each initial of either must
    stand for a word of the other: "S Jaishankar" is "Subrahmanyam Jaishankar", "Rajnath Singh" is not
    "Manmohan Singh".
    """
    shorter, longer = (a, b) if len(name_parts(a)[0]) <= len(name_parts(b)[0]) else (b, a)
    if name_parts(shorter)[0] and set(name_parts(shorter)[0]) <= _lineage(longer):
        return False  # "King Salman" is not "Mohammed bin Salman", his son
    return (
        _parts_match(name_parts(a), name_parts(b))
        or _parts_match(_syllables(a), _syllables(b), loose=True)
        or _written_together(name_parts(shorter)[0], name_parts(longer)[0])
    )


def _written_together(short, long):
    """"Salman bin Abdul Aziz" and "Salman bin Abdulaziz Al Saud": the shorter name's words, run
    together, begin the longer one's and end where one of its words ends."""
    if len(short) < 2:
        return False
    joined, ends, at = "".join(long), set(), 0
    for word in long:
        at += len(word)
        ends.add(at)
    run = "".join(short)
    return joined.startswith(run) and len(run) in ends and short != long[: len(short)]


def _parts_match(a, b, loose=False):
    (fa, ia), (fb, ib) = a, b
    if not fa or not fb:
        return False
    small, large = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    if loose and len(small) >= 3:
        # Three words or more, all but one the same: the other may be romanised another way
        # ("Yoon Suk Yeol", "Yoon Seok-yeol").
        unmatched = [t for t in small if not any(same_word(t, u) for u in large)]
        if len(unmatched) == 1 and any(_skeleton(unmatched[0]) == _skeleton(u) for u in large if u[0] == unmatched[0][0]):
            return True
    if not all(any(same_word(t, u) for u in large) for t in small):
        return False
    leftover_a = [t for t in fb if not any(same_word(t, u) for u in fa)]
    leftover_b = [t for t in fa if not any(same_word(t, u) for u in fb)]
    return _initials_fit(ia, leftover_a) and _initials_fit(ib, leftover_b)


@functools.lru_cache(maxsize=65536)
def _syllables(name):
    """name_parts with hyphenated words taken apart: "Suk-yeol" is "Suk Yeol"."""
    return name_parts(re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", name))


def _skeleton(word):
    return re.sub(r"[aeiou]", "", word[1:])


@functools.cache
def _nickname_pairs():
    """Given names and their English nicknames ("Benjamin" and "Benny"), as pairs of phonetic words;
    a name and its own nickname only, not two nicknames of one name ("Ben" may be a Benedict too)."""
    pairs = set()
    for name, nicks in NickNamer().nickname_lookup.items():
        for nick in nicks:
            a, b = phonetic(name), phonetic(nick)
            if min(len(a), len(b)) >= 3 and a != b:
                pairs.add(frozenset((a, b)))
    return frozenset(pairs)


@functools.lru_cache(maxsize=65536)
def same_word(a, b):
    """Two spellings of one word of a name: the same, a name and its nickname, or a letter apart in a
    long word that begins alike (a typo: "Ramaphsa" for "Ramaphosa")."""
    if a == b or frozenset((a, b)) in _nickname_pairs():
        return True
    if len(a) == len(b) >= 4 and a[0] == b[0] and _swapped(a, b):
        return True  # two letters typed the other way round: "Mdoi" for "Modi"
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    # A vowel written another way ("Jaishanker", "Jaishankar") or one letter more, less or other.
    return _skeleton(a) == _skeleton(b) or (abs(len(a) - len(b)) <= 1 and _one_edit(a, b))


def _swapped(a, b):
    """Whether b is a with two neighbouring letters exchanged."""
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _one_edit(a, b):
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]


def _initials_fit(initials, words):
    # An initial with no word left to stand for (a middle initial) is no contradiction; nor are
    # initials that open with the first word left and take in every word left, with a middle name
    # the other form leaves out ("E.D. Mnangagwa" is "Emmerson Mnangagwa").
    firsts = [w[0] for w in words]
    if not (initials and firsts):
        return True
    return all(i in firsts for i in initials) or (
        initials[0] == firsts[0] and len(firsts) < len(initials) and all(f in initials for f in firsts)
    )


def name_keys(name):
    """The phonetic spellings of a name's full words: what a person is looked up by."""
    return set(name_parts(name)[0])


def surname(name):
    full, _ = name_parts(name)
    return full[-1] if full else ""
