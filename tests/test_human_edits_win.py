"""Human edits win: whatever an editor changed in admin stays through later ingests and
re-extractions, field by field; new reports still add their passages; a deleted event stays deleted.

Each test runs twice (the `reader` fixture): with a stub reading, checking ingest's contract alone,
and with the real extractor, which must also find the meeting in these small texts.
"""

import datetime
import pytest
from django.urls import reverse

from events import ingest
from events.models import Country, Event, Place, Topic
from tests.conftest import MEETING, event_form_data

FRIDAY = datetime.date(2023, 4, 28)
SECOND_REPORT = "Indian Defence Minister Rajnath Singh met Russian Defence Minister Sergei Shoigu in New Delhi on Friday to discuss defence cooperation."
MOSCOW_REPORT = "Indian Defence Minister Rajnath Singh met Russian Defence Minister Sergei Shoigu in Moscow on Friday to discuss defence cooperation."
WIDER_REPORT = "Rajnath Singh and S Jaishankar met Sergei Shoigu in New Delhi on Friday to discuss trade."

@pytest.fixture
def meeting(reader):
    """The event ingest made of MEETING, and its document."""
    result = ingest.ingest_text(MEETING, "meeting.txt", published=FRIDAY)
    assert len(result.created) == 1, "extraction found no meeting in MEETING"
    return result.created[0], result.document


def edit(client, event, **changes):
    response = client.post(reverse("admin:events_event_change", args=[event.pk]), event_form_data(event, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    return event


def events_of(document):
    return Event.objects.filter(sources__document=document).distinct()


def place(name, code):
    Country.objects.get_or_create(code=code, defaults={"name": code})
    return Place.objects.get_or_create(name=name, country_id=code)[0]


def assert_still_one_event(event, document):
    """Re-reading the document found the edited event again: its passage backs it, no copy appeared."""
    assert list(events_of(document)) == [event]
    assert Event.objects.count() == 1


def test_an_edited_title_survives_reextraction(editor_client, meeting):
    event, document = meeting
    edit(editor_client, event, title="Singh and Shoigu review defence ties")
    ingest.reextract(document)
    event.refresh_from_db()
    assert event.title == "Singh and Shoigu review defence ties"
    assert_still_one_event(event, document)


def test_an_edited_kind_survives_reextraction(editor_client, meeting):
    event, document = meeting
    edit(editor_client, event, kind="visit")
    ingest.reextract(document)
    event.refresh_from_db()
    assert event.kind == "visit"
    assert_still_one_event(event, document)


def test_an_edited_date_survives_reextraction(editor_client, meeting):
    event, document = meeting
    edit(editor_client, event, date="2023-04-27")
    ingest.reextract(document)
    event.refresh_from_db()
    assert (event.date, event.date_precision) == (datetime.date(2023, 4, 27), "day")
    assert_still_one_event(event, document)


def test_an_edited_date_precision_survives_reextraction(editor_client, meeting):
    event, document = meeting
    edit(editor_client, event, date="2023-04-01", date_precision="month")
    ingest.reextract(document)
    event.refresh_from_db()
    assert (event.date_label, event.date_precision) == ("Apr 2023", "month")
    assert_still_one_event(event, document)


def test_an_edited_date_survives_a_new_publication_date(editor_client, meeting):
    """The publication date moving re-resolves "on Friday" for other events, not for this one."""
    event, document = meeting
    edit(editor_client, event, date="2023-04-27")
    document.published, document.published_source = datetime.date(2023, 5, 5), "editor"
    document.save()
    ingest.reextract(document)
    event.refresh_from_db()
    assert event.date == datetime.date(2023, 4, 27)


def test_an_edited_venue_survives_reextraction(editor_client, meeting):
    event, document = meeting
    moscow = place("Moscow", "RU")
    edit(editor_client, event, venue=moscow.pk)
    ingest.reextract(document)
    event.refresh_from_db()
    assert event.venue == moscow
    assert_still_one_event(event, document)


def test_a_venue_an_editor_cleared_stays_empty_when_a_new_report_names_one(editor_client, meeting):
    event, _ = meeting
    edit(editor_client, event, venue="")
    ingest.ingest_text(SECOND_REPORT, "second.txt", published=FRIDAY)
    event.refresh_from_db()
    assert event.venue is None
    assert event.sources.count() == 2


def test_edited_participants_survive_reextraction(editor_client, meeting):
    event, document = meeting
    singh = event.participants.get(name__contains="Singh")
    edit(editor_client, event, participants=[singh.pk])
    ingest.reextract(document)
    event.refresh_from_db()
    assert list(event.participants.all()) == [singh]
    assert_still_one_event(event, document)


def test_a_person_an_editor_removed_is_not_added_back_by_a_new_report(editor_client, reader):
    event = ingest.ingest_text(WIDER_REPORT, "wider.txt", published=FRIDAY).created[0]
    kept = [p.pk for p in event.participants.exclude(name="S Jaishankar")]
    assert len(kept) == 2
    edit(editor_client, event, participants=kept)
    # A report naming the same three people joins the event (it shares two of them)...
    ingest.ingest_text("Rajnath Singh and S Jaishankar met Sergei Shoigu in New Delhi on Friday.", "third.txt", published=FRIDAY)
    event.refresh_from_db()
    assert event.sources.count() == 2
    # ...but the person the editor removed stays removed.
    assert sorted(p.pk for p in event.participants.all()) == sorted(kept)


def test_edited_topics_survive_reextraction_and_new_reports(editor_client, meeting):
    event, document = meeting
    climate = Topic.objects.get(slug="climate")
    edit(editor_client, event, topics=[climate.pk])
    ingest.reextract(document)
    ingest.ingest_text(SECOND_REPORT, "second.txt", published=FRIDAY)
    event.refresh_from_db()
    assert list(event.topics.all()) == [climate]
    assert event.sources.count() == 2


def test_edited_countries_survive_reextraction(editor_client, meeting):
    event, document = meeting
    india = Country.objects.get(code="IN")
    edit(editor_client, event, countries=[india.pk])
    ingest.reextract(document)
    event.refresh_from_db()
    assert list(event.countries.all()) == [india]
    assert_still_one_event(event, document)


def test_a_review_an_editor_cleared_is_not_raised_again(editor_client, meeting):
    event, _ = meeting
    moscow = ingest.ingest_text(MOSCOW_REPORT, "moscow.txt", published=FRIDAY)
    event.refresh_from_db()
    assert event.needs_review, "reports naming New Delhi and Moscow should flag the event"
    edit(editor_client, event, needs_review=False, reviewed=True)
    ingest.reextract(moscow.document)
    event.refresh_from_db()
    assert (event.needs_review, event.reviewed) == (False, True)
    assert event.sources.count() == 2


def test_new_reports_still_add_sources_to_an_edited_event(editor_client, meeting):
    event, _ = meeting
    edit(editor_client, event, title="Singh–Shoigu talks")
    second = ingest.ingest_text(SECOND_REPORT, "second.txt", published=FRIDAY)
    event.refresh_from_db()
    assert second.joined == [event]
    assert event.title == "Singh–Shoigu talks"
    assert {s.document_id for s in event.sources.all()} == {event.sources.first().document_id, second.document.pk}


def test_a_deleted_event_does_not_come_back_on_reextraction(editor_client, meeting):
    event, document = meeting
    response = editor_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    assert response.status_code == 302
    ingest.reextract(document)
    assert not Event.objects.exists()


def test_a_deleted_event_does_not_come_back_on_reingest(editor_client, meeting):
    event, _ = meeting
    editor_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    again = ingest.ingest_text(MEETING, "meeting-again.txt", published=FRIDAY)
    assert again.duplicate
    assert not Event.objects.exists()


def test_an_event_deleted_after_its_kind_was_edited_does_not_come_back(editor_client, meeting):
    event, document = meeting
    edit(editor_client, event, kind="visit")
    editor_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    ingest.reextract(document)
    assert not Event.objects.exists()


def test_a_deleted_event_of_several_reports_comes_back_from_none_of_them(editor_client, meeting):
    event, document = meeting
    wider = ingest.ingest_text(WIDER_REPORT, "wider.txt", published=FRIDAY)
    assert wider.joined == [event], "the wider report should join the meeting"
    changelist = reverse("admin:events_event_changelist")
    editor_client.post(changelist, {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"})
    ingest.reextract(document)
    ingest.reextract(wider.document)
    assert not Event.objects.exists()
