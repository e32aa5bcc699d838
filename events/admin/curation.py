"""What editors do to events and people beyond editing a field: merge, split, delete for good.

Each is one transaction and leaves `edited_fields` saying what now belongs to the editor, so a later
ingest or re-extraction adds sources but does not undo the editor's work (see events/ingest.py).
"""

from django.db import transaction

from .. import ingest
from ..extraction.names import names_match
from ..extraction.text import parse_header, sentences
from ..ingest import event_signature, refresh_date, retitle, topic_table
from ..models import Document, Event, KeptApart, Source, Suppression

# Which passages back which event is the editor's once they merged or split: "sources" in
# edited_fields also keeps re-extraction from deleting the event (it deletes only unedited ones).
SOURCES = "sources"
UNITED = ["participants", "topics", "countries"]


def related_ids(event, fields=UNITED):
    return {name: set(getattr(event, name).values_list("pk", flat=True)) for name in fields}


@transaction.atomic
def merge_events(survivor, others, by=None):
    """Move every source, participant, topic and country of `others` to `survivor`; delete `others`.
    `by`: the editor merging, recorded as having set what the merge changed."""
    before = related_ids(survivor)
    spans = set(survivor.sources.values_list("document_id", "start", "end"))
    for other in others:
        for source in other.sources.all():
            if (source.document_id, source.start, source.end) in spans:
                source.delete()
            else:
                spans.add((source.document_id, source.start, source.end))
                source.event = survivor
                source.save(update_fields=["event"])
        for name in UNITED:
            getattr(survivor, name).add(*getattr(other, name).all())
        # Its reports too: deleting an event deletes its reports, and they are what ingest clusters.
        other.reports.update(event=survivor)
        if survivor.venue_id is None and other.venue_id is not None:
            survivor.venue_id = other.venue_id
            survivor.mark_edited(["venue"], by)
        other.delete()
    after = related_ids(survivor)
    survivor.mark_edited([SOURCES, *(name for name in UNITED if before[name] != after[name])], by)
    survivor.save()
    return survivor


@transaction.atomic
def split_source(source, by=None):
    """Give one passage an event of its own, a copy of the event it leaves, dated by what the passage
    itself says where it says something. The two are kept apart: not listed as likely duplicates."""
    original = source.event
    if original.sources.count() < 2:
        raise ValueError("An event's only source cannot be split off; edit or delete the event instead.")
    claim_known = source.claimed_precision != Event.Precision.UNKNOWN
    event = Event(
        title=original.title,
        kind=original.kind,
        date=source.claimed_date if claim_known else original.date,
        date_precision=source.claimed_precision if claim_known else original.date_precision,
        date_evidence="Split off by an editor from event %d." % original.pk,
        venue=original.venue,
        needs_review=original.needs_review,
        review_reason=original.review_reason,
        reviewed=original.reviewed,
        edited_fields=original.edited_fields,
        edits=original.edits,
    )
    event.mark_edited([SOURCES], by)
    event.save()
    for name in UNITED:
        getattr(event, name).set(getattr(original, name).all())
    # The report the passage comes from goes with it, and the report's other passages too.
    report = next(
        (r for r in original.reports.filter(document_id=source.document_id) if [source.start, source.end] in r.spans), None
    )
    if report is None:
        source.event = event
        source.save(update_fields=["event"])
    else:
        report.event = event
        report.save(update_fields=["event"])
        for start, end in report.spans:
            original.sources.filter(document_id=source.document_id, start=start, end=end).update(event=event)
    original.mark_edited([SOURCES], by)
    original.save(update_fields=["edited_fields", "edits"])
    refresh_date(original)
    KeptApart.record(original, event, by)
    return event


def document_sentences(document):
    """The sentences of a document's text, as the extraction splits it: (start, end, text) each. An
    editor picks an event's passages among them, so theirs are cut as the extraction's are."""
    return [(s.start, s.end, s.text) for s in sentences(document.text, parse_header(document.text)[2])]


@transaction.atomic
def add_passages(event, document, spans, by=None):
    """Make these (start, end) spans of the document passages of the event, each checked against the
    document's text (Source.clean, and the database's constraints); the ones it has are left as they
    are. Returns the new sources."""
    have = set(event.sources.filter(document=document).values_list("start", "end"))
    added = []
    for start, end in sorted(set(spans) - have):
        source = Source(event=event, document=document, start=start, end=end)
        source.full_clean()
        source.save()
        added.append(source)
    if added:
        event.mark_edited([SOURCES], by)
        event.save(update_fields=["edited_fields", "edits"])
    return added


@transaction.atomic
def delete_events(events):
    """Delete events so that no later ingest or re-extraction of their documents brings them back."""
    for event in events:
        for source in event.sources.select_related("document"):
            for signature in signatures(event, source):
                Suppression.objects.get_or_create(
                    document=source.document, start=source.start, end=source.end, signature=signature
                )
        event.delete()


def signatures(event, source):
    """The signatures ingest would give this passage's event: the event's own kind and people, and
    the extractor's reading of the passage (its kind and people may differ from the event's when the
    event joined several reports, or an editor changed them)."""
    people = list(event.participants.all())
    found = {event_signature(event.kind, people)}
    document = source.document
    published = document.published if document.published_source != Document.DateSource.UNKNOWN else None
    for reading in ingest.extract_document(document.text, published=published, topics=topic_table()).events:
        if reading.spans and reading.spans[0].start == source.start:
            matched = [match_person(ref, people) for ref in reading.participants]
            if all(matched):
                found.add(event_signature(reading.kind, matched))
    return sorted(found)


def match_person(ref, people):
    return next((p for p in people if any(names_match(ref.name, n) for n in [p.name, *p.aliases])), None)


@transaction.atomic
def merge_people(survivor, others):
    """One person for several records: events re-pointed, the others' names kept as the survivor's
    aliases (so later ingests resolve them to the survivor), then the others deleted."""
    events = []
    for other in others:
        for event in other.events.all():
            event.participants.remove(other)
            event.participants.add(survivor)
            events.append(event)
        for report in other.reports.all():
            report.participants.remove(other)
            report.participants.add(survivor)
        survivor.add_aliases([other.name, *other.aliases])
        survivor.country_id = survivor.country_id or other.country_id
        survivor.role = survivor.role or other.role
        repoint_suppressions(other.pk, survivor.pk)
        other.delete()
    survivor.save()
    # The others' names are the survivor's aliases now: titles no editor wrote name it as it is named.
    retitle(survivor.events.all())
    return events


def repoint_suppressions(old_pk, new_pk):
    # Signatures name people by id; after a merge, ingest resolves the old name to the survivor.
    for suppression in Suppression.objects.filter(signature__regex=rf"[:,]{old_pk}(,|$)"):
        kind, _, ids = suppression.signature.partition(":")
        pks = sorted({new_pk if int(pk) == old_pk else int(pk) for pk in ids.split(",")})
        suppression.signature = f"{kind}:" + ",".join(map(str, pks))
        if Suppression.objects.filter(
            document=suppression.document_id, start=suppression.start, end=suppression.end, signature=suppression.signature
        ).exists():
            suppression.delete()
        else:
            suppression.save(update_fields=["signature"])
