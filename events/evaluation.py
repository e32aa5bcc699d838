"""Scoring exported events against a gold answer key, and the diagnosis `manage.py evaluate` prints.

Pure functions over plain data, no database: the events are the dicts of
`serializers.event_to_dict` (what `export_events --format json` prints), the answer key is a gold file
in the format of `../shared/gold/README.md`. The figures are those of `../shared/tools/score.py`, with
the same meaning to the last rule, so the two always agree on one export; `score` also keeps what a
developer needs to see why a figure is what it is (which event each gold mention went to, each date
verdict, where the reports of one real event ended up, which events joined different dates).
"""

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

# Words that say what someone is, not who: titles, offices, honorifics and the little words between
# them ("Minister of Defence", "Raksha Mantri", "his").
TITLES = frozenset({
    "gen", "general", "lt", "lieutenant", "col", "colonel", "mr", "mrs", "ms", "dr", "shri", "smt", "army",
    "adm", "admiral", "minister", "defence", "defense", "foreign", "president", "prime", "premier",
    "chancellor", "secretary", "king", "queen", "crown", "prince", "princess", "sheikh", "emir", "the", "his",
    "her", "of", "and", "raksha", "mantri", "pm",
})
# Name particles: "bin", "al", "van"… are in some spellings of a name and not in others.
PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "del", "la", "le", "abu"})
# Patronymics ("Nizamovich", "Asankalievich", "ogly"), which many reports leave out.
PATRONYMIC_RE = re.compile(r"(?:ovich|evich|ovna|evna|ogly|oglu|uly|kyzy)$")

# Figures `check` can guard. For these two, fewer is better, so a threshold is the most allowed;
# for every figure in MINIMA a threshold is the least allowed. The other figures (date_unknown, and
# the counts pred_events and gold_mentions) say nothing good or bad on their own and cannot be guarded.
MAXIMA = ("date_wrong", "overmerged_events")
MINIMA = (
    "mention_recall", "date_right", "date_right_derivable", "participant_p", "participant_r",
    "venue_country", "venue_city", "merge_rate", "span_precision", "event_precision",
)

# How well a predicted date agrees with the gold, for choosing among candidate events.
DATE_AGREEMENT = {"right": 2, "coarse": 1, "unknown": 1, "wrong": 0}


# --- rules for names, spans, dates and places -------------------------------------------------------

@lru_cache(maxsize=4096)  # scoring compares the same few hundred names millions of times
def name_tokens(name):
    """The words of a name that say who it is, each in one spelling.

    Accents are dropped and case folded; words of one letter (initials), titles, particles and
    patronymics are left out; transliteration variants are made one: doubled letters single, a final
    "ey"/"ei"/"iy"/"yi" becomes "e", "ck" and "c" become "k", "v" becomes "w" (Sergei = Sergey,
    Viktor = Victor, Zelensky = Zelenskyy)."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    out = set()
    for word in re.findall(r"[a-z]+", plain):
        if len(word) < 2 or word in TITLES or word in PARTICLES or PATRONYMIC_RE.search(word):
            continue
        word = re.sub(r"(.)\1+", r"\1", word)
        word = re.sub(r"(ey|ei|iy|yi)$", "e", word).replace("ck", "k").replace("v", "w").replace("c", "k")
        out.add(word)
    return frozenset(out)


def same_person(a, b):
    """Two names are one person when the name words (`name_tokens`) of one are all in the other:
    'Sergei K Shoigu' = 'Shoigu' = 'Sergey Shoigu', 'Kurbanov Bakhodir Nizamovich' = 'Bakhodir
    Kurbanov', but 'Wang Yi' != 'Wang Wentao'. A surname alone matches anyone of that surname, and a
    name made only of titles matches nobody."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def is_person(gold_person, name):
    """A predicted name is a gold participant when it is the same person as their canonical name or
    any form the article uses for them."""
    return any(same_person(form, name) for form in [gold_person["name"], *gold_person.get("aliases_in_text", [])])


def named_participants(mention):
    """The gold participants the article names: a gold file may list someone it only implies, with
    an empty `aliases_in_text`; a participant without that list counts as named."""
    return [p for p in mention["participants"] if p.get("aliases_in_text", [p["name"]])]


def overlaps(a, b):
    """Two [start, end) spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def date_verdict(predicted, gold, gold_end=None):
    """How a predicted date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY` or None) fares against the gold date.

    "unknown": no predicted date. "right": a day within a multi-day event (from `gold` to
    `gold_end`), or a date as precise as the gold or more that lies within it ("2023-04-28" for gold
    "2023-04"). "coarse": less precise than the gold but containing it ("2023" for "2023-04-28").
    "wrong": anything else; a month or year is never inside a range, only its days are."""
    if not predicted:
        return "unknown"
    predicted = str(predicted)[:10]
    if gold_end and len(predicted) == 10 and gold <= predicted <= gold_end:
        return "right"
    if predicted.startswith(gold):
        return "right"
    if gold.startswith(predicted):
        return "coarse"
    return "wrong"


def same_city(predicted_place, gold_city):
    """A venue's name is the gold city when the two are equal in letters alone, New Delhi being Delhi."""
    def letters(s):
        return re.sub(r"[^a-z]", "", (s or "").lower().replace("new delhi", "delhi"))
    return letters(predicted_place) == letters(gold_city)


def base_name(document):
    """Sources are matched to gold articles by the file's base name."""
    return str(document).rsplit("/", 1)[-1]


# --- the result ---------------------------------------------------------------------------------------

@dataclass
class Mention:
    """One gold event in one article, and what the export made of it."""
    file: str
    gold: dict
    event_id: object = None  # the predicted event it matched, or None when missed
    verdict: str = None  # date_verdict of that event's date, when matched
    near_misses: list = field(default_factory=list)  # ids of events on its evidence that name none of its people

    @property
    def found(self):
        return self.event_id is not None


@dataclass
class Cluster:
    """A real event reported by several articles: per article, the predicted events its mentions
    matched (an empty set when none was found)."""
    slug: str
    articles: dict

    @property
    def counted(self):
        """merge_rate counts a cluster only when every article's report of it was found."""
        return all(self.articles.values())

    @property
    def joined(self):
        return self.counted and bool(set.intersection(*self.articles.values()))


@dataclass
class Evaluation:
    figures: dict  # the figures of score.py, in its order
    mentions: list  # a Mention per gold mention, in the gold file's order
    clusters: list  # a Cluster per real event reported by two or more articles
    overmerged: dict  # predicted event id -> sorted (cluster, gold date) pairs it joined, across dates
    events: dict  # predicted event id -> the exported event
    unmatched_events: list  # ids of predicted events that match no gold mention


# --- scoring ------------------------------------------------------------------------------------------

def score(gold, export):
    """Scores exported events (a list, or `{"events": [...]}`) against a gold answer key.

    Matching: an event is a candidate for a gold mention when one of its sources in the mention's
    article overlaps the mention's evidence and it names one of the mention's named participants (or
    the mention names nobody). Candidates rank by (participants matched minus names that are none of
    the cluster's people, same kind, date agreement), then by the number of overlapping source and
    evidence spans, then fewer participants; the first in the export's order wins a tie. Among the
    candidates with the best first key, the one most other articles of the same cluster have as a
    candidate is the match (one sentence can back several events: the one the other reports point to
    is this mention's).

    Figures: mention_recall = found / mentions; date_right = right dates / mentions;
    date_right_derivable = right dates of mentions whose date the text allows / such mentions;
    date_wrong and date_unknown per found mention; participants by named gold participant (recall)
    and by predicted name (precision, a name counting wrong only when it is nobody of the cluster);
    venue_country and venue_city per found mention with a gold venue country; merge_rate = clusters
    of several articles whose matched events share one / such clusters with every article's mention
    found; overmerged_events = events matched by mentions of different gold dates; span_precision =
    sources in gold articles that overlap some gold evidence of their article / such sources;
    event_precision = events matched by some mention / all events. Ratios are rounded to 3 places,
    None when there is nothing to divide by.
    """
    events = export["events"] if isinstance(export, dict) else export
    mentions = [Mention(article["file"], g) for article in gold["articles"] for g in article["events"]]
    evidence_in = defaultdict(list)  # article -> all gold evidence spans
    cluster_people = defaultdict(list)  # cluster -> everyone its reports name
    for m in mentions:
        evidence_in[m.file] += m.gold["evidence"]
        cluster_people[m.gold["cluster"]] += m.gold["participants"]

    def judge(m, event):
        """(rank, overlapping spans, is a candidate, -number of participants) of an event for a mention."""
        g = m.gold
        sources = [s for s in event.get("sources", []) if base_name(s.get("document")) == m.file]
        spans = sum(overlaps((s["start"], s["end"]), e) for s in sources for e in g["evidence"])
        names = [p.get("name", "") for p in event.get("participants", [])]
        named = named_participants(g)
        hits = sum(any(is_person(person, n) for n in names) for person in named)
        strangers = sum(not any(is_person(person, n) for person in cluster_people[g["cluster"]]) for n in names)
        agreement = DATE_AGREEMENT[date_verdict(event.get("date"), g["date"], g.get("date_end"))]
        rank = (hits - strangers, event.get("kind") == g.get("kind"), agreement)
        return rank, spans, spans > 0 and (hits > 0 or not named), -len(names)

    ranked = []  # per mention: [(rank, event)] of its candidates, best first
    for m in mentions:
        judged = [(judge(m, event), event) for event in events]
        for verdict, event in judged:
            if verdict[1] and not verdict[2]:
                m.near_misses.append(event["id"])
        candidates = [(j, event) for j, event in judged if j[2]]
        candidates.sort(key=lambda c: (c[0][0], c[0][1], c[0][3]), reverse=True)
        ranked.append([(j[0], event) for j, event in candidates])

    candidate_of = defaultdict(lambda: defaultdict(set))  # cluster -> event id -> articles with it as candidate
    for m, candidates in zip(mentions, ranked):
        for _, event in candidates:
            candidate_of[m.gold["cluster"]][event["id"]].add(m.file)

    count = defaultdict(int)
    part_tp = part_fp = part_fn = 0
    dates_of = defaultdict(set)  # event id -> (cluster, gold date) of the mentions it matched
    for m, candidates in zip(mentions, ranked):
        g = m.gold
        count["derivable"] += g["date_derivable"]
        if not candidates:
            continue
        best_rank = candidates[0][0]
        ties = [event for rank, event in candidates if rank == best_rank]
        best = max(ties, key=lambda event: len(candidate_of[g["cluster"]][event["id"]] - {m.file}))
        m.event_id = best["id"]
        m.verdict = date_verdict(best.get("date"), g["date"], g.get("date_end"))
        count["found"] += 1
        count[m.verdict] += 1
        count["derivable_right"] += bool(g["date_derivable"]) and m.verdict == "right"
        dates_of[best["id"]].add((g["cluster"], g["date"]))

        names = [p.get("name", "") for p in best.get("participants", [])]
        named = named_participants(g)
        tp = sum(any(is_person(person, n) for n in names) for person in named)
        part_tp += tp
        part_fn += len(named) - tp
        part_fp += sum(not any(is_person(person, n) for person in cluster_people[g["cluster"]]) for n in names)

        venue, gold_venue = best.get("venue") or {}, g.get("venue") or {}
        if gold_venue.get("country"):
            count["venue_gold"] += 1
            count["venue_country"] += (venue.get("country") or "").upper() == gold_venue["country"]
            count["venue_city"] += bool(gold_venue.get("city")) and same_city(venue.get("name"), gold_venue["city"])

    clusters = cluster_results(mentions)
    overmerged = {
        event_id: sorted(pairs) for event_id, pairs in dates_of.items() if len({d for _, d in pairs}) > 1
    }
    for event in events:
        for s in event.get("sources", []):
            article = base_name(s.get("document"))
            if article in evidence_in:
                count["spans"] += 1
                count["spans_on_gold"] += any(overlaps((s["start"], s["end"]), e) for e in evidence_in[article])
    matched = {m.event_id for m in mentions if m.found}

    def ratio(a, b):
        return round(a / b, 3) if b else None

    figures = {
        "mention_recall": ratio(count["found"], len(mentions)),
        "date_right": ratio(count["right"], len(mentions)),
        "date_right_derivable": ratio(count["derivable_right"], count["derivable"]),
        "date_wrong": ratio(count["wrong"], count["found"]),
        "date_unknown": ratio(count["unknown"], count["found"]),
        "participant_p": ratio(part_tp, part_tp + part_fp),
        "participant_r": ratio(part_tp, part_tp + part_fn),
        "venue_country": ratio(count["venue_country"], count["venue_gold"]),
        "venue_city": ratio(count["venue_city"], count["venue_gold"]),
        "merge_rate": ratio(sum(c.joined for c in clusters), sum(c.counted for c in clusters)),
        "overmerged_events": len(overmerged),
        "span_precision": ratio(count["spans_on_gold"], count["spans"]),
        "event_precision": ratio(len(matched), len(events)),
        "pred_events": len(events),
        "gold_mentions": len(mentions),
    }
    return Evaluation(
        figures=figures,
        mentions=mentions,
        clusters=clusters,
        overmerged=overmerged,
        events={event["id"]: event for event in events},
        unmatched_events=[event["id"] for event in events if event["id"] not in matched],
    )


def cluster_results(mentions):
    """A Cluster for each real event that two or more articles report, in the gold file's order."""
    per_cluster = {}
    for m in mentions:
        articles = per_cluster.setdefault(m.gold["cluster"], {})
        articles.setdefault(m.file, set())
        if m.found:
            articles[m.file].add(m.event_id)
    return [Cluster(slug, articles) for slug, articles in per_cluster.items() if len(articles) > 1]


# --- thresholds ---------------------------------------------------------------------------------------

def check(figures, thresholds):
    """What falls short of the thresholds, one message per figure (an empty list when all hold).

    A threshold of a figure in MAXIMA is the most allowed, of one in MINIMA the least; a figure with
    no value (None: nothing to divide by) fails its threshold. Keys starting with "_" are comments.
    A threshold on any other figure is an error (ValueError), not something silently ignored."""
    failures = []
    for name, limit in guarded(thresholds).items():
        if name not in MAXIMA and name not in MINIMA:
            raise ValueError(f"{name}: not a figure that can be guarded (guarded: {', '.join(MINIMA + MAXIMA)})")
        value = figures.get(name)
        if value is None:
            failures.append(f"{name}: no value, threshold {limit}")
        elif name in MAXIMA and value > limit:
            failures.append(f"{name}: {value} is above the maximum {limit}")
        elif name in MINIMA and value < limit:
            failures.append(f"{name}: {value} is below the minimum {limit}")
    return failures


# --- the diagnosis ------------------------------------------------------------------------------------

def guarded(thresholds):
    """The thresholds without the comments (keys starting with "_")."""
    return {name: limit for name, limit in thresholds.items() if not name.startswith("_")}


def figure_lines(figures):
    """One line per figure, as score.py prints them."""
    return [f"{name:24} {value}" for name, value in figures.items()]


def cut(text, limit=200):
    """A passage on one line, cut to about `limit` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def diagnosis(result, texts, date_evidence):
    """The lines of a diagnosis a developer can act on, in sections with headings and counts.

    `texts` maps an article's file name to its text (to show gold evidence), `date_evidence` a
    predicted event's id to how its date was derived (the Event's `date_evidence`)."""
    out = []
    events = result.events

    def section(title, items):
        out.extend(["", f"== {title}"])
        if not items:
            out.append("   none")

    def gold_line(m):
        g = m.gold
        people = ", ".join(p["name"] for p in g["participants"]) or "(no one named)"
        return f"{m.file}  {g['kind']} {date_of(g)}  {people}  [{g['cluster']}]"

    def event_line(event_id):
        e = events[event_id]
        return f"#{event_id} {e.get('kind')} {e.get('date') or 'undated'} \"{cut(e.get('title'), 80)}\""

    def evidence_text(m):
        text = texts.get(m.file)
        if text is None:
            return "(text not found)"
        return cut(" ".join(text[start:end] for start, end in m.gold["evidence"][:1]))

    missed = [m for m in result.mentions if not m.found]
    section(f"Missed gold mentions: {len(missed)} of {len(result.mentions)}", missed)
    for m in missed:
        out.append(f" - {gold_line(m)}")
        more = len(m.gold["evidence"]) - 1
        out.append(f"     evidence: {evidence_text(m)}" + (f" (+{more} more)" if more > 0 else ""))
        if m.near_misses:
            out.append("     on this evidence but naming none of its people: "
                       + "; ".join(f"{event_line(i)} with {people_of(events[i])}" for i in m.near_misses[:3]))

    wrong = [m for m in result.mentions if m.verdict == "wrong"]
    section(f"Wrong dates: {len(wrong)} of {sum(m.found for m in result.mentions)} found", wrong)
    for m in wrong:
        out.append(f" - {m.file}  gold {date_of(m.gold)}, predicted {events[m.event_id].get('date')}  {event_line(m.event_id)}")
        out.append(f"     date evidence: {cut(date_evidence.get(m.event_id)) or '(none recorded)'}")

    vague = [m for m in result.mentions if m.gold["date_derivable"] and m.verdict in ("coarse", "unknown")]
    section(f"Coarse or unknown dates where the text gives the date: {len(vague)}", vague)
    for m in vague:
        out.append(f" - {m.file}  gold {date_of(m.gold)} ({m.gold.get('date_basis', 'basis not given')}), "
                   f"predicted {events[m.event_id].get('date') or 'unknown'}  #{m.event_id}"
                   f"  date evidence: {cut(date_evidence.get(m.event_id), 120) or '(none)'}")

    def venue_of(event):
        venue = event.get("venue") or {}
        return f"{venue.get('name')} ({venue.get('country')})" if venue.get("country") else "none"

    misplaced = [
        m for m in result.mentions if m.found and (m.gold.get("venue") or {}).get("country")
        and ((events[m.event_id].get("venue") or {}).get("country") or "").upper() != m.gold["venue"]["country"]
    ]
    section(f"Wrong or missing venue countries: {len(misplaced)} of {sum(m.found and bool((m.gold.get('venue') or {}).get('country')) for m in result.mentions)} found with a gold venue", misplaced)
    for m in misplaced:
        gold_venue = m.gold["venue"]
        out.append(f" - {m.file}  gold {gold_venue.get('city') or '-'} ({gold_venue['country']}), "
                   f"predicted {venue_of(events[m.event_id])}  {event_line(m.event_id)}")

    apart = [c for c in result.clusters if not c.joined]
    counted = sum(c.counted for c in result.clusters)
    incomplete = sum(not c.counted for c in apart)
    section(f"Reports of one event not joined: {sum(c.counted for c in apart)} of the {counted} merge_rate counts"
            + (f", and {incomplete} it does not count (a report missed)" if incomplete else ""), apart)
    for c in apart:
        out.append(f" - {c.slug}" + ("" if c.counted else "  (not counted: a report was missed)"))
        for article, ids in c.articles.items():
            went = "; ".join(event_line(i) for i in sorted(ids)) or "missed"
            out.append(f"     {article}: {went}")

    section(f"Over-merged events (reports of different dates joined): {len(result.overmerged)}", result.overmerged)
    for event_id, pairs in result.overmerged.items():
        out.append(f" - {event_line(event_id)}")
        out.extend(f"     {cluster} on {date}" for cluster, date in pairs)

    unmatched = sorted((files_of(events[i]), i) for i in result.unmatched_events)
    section(f"Predicted events that match no gold mention: {len(unmatched)} of {len(events)}", unmatched)
    for files, event_id in unmatched:
        out.append(f" - {', '.join(files)}  {event_line(event_id)} with {people_of(events[event_id])}")
    return out


def date_of(gold_mention):
    return gold_mention["date"] + (f"..{gold_mention['date_end']}" if gold_mention.get("date_end") else "")


def files_of(event):
    return sorted({base_name(s.get("document")) for s in event.get("sources", [])})


def people_of(event):
    return ", ".join(p.get("name", "") for p in event.get("participants", [])) or "no one"
