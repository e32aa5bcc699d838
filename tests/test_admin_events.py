"""The event admin: list, filters, search, autocomplete, passages, edits recorded, history, and the
mark reviewed / merge / split / delete actions."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from events.ingest import event_signature
from events.models import Document, Event, Person, Source, Suppression, Topic
from tests.conftest import event_form_data

CHANGELIST = reverse("admin:events_event_changelist")


def change_url(event):
    return reverse("admin:events_event_change", args=[event.pk])


def listed(client, **params):
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return {e.title for e in response.context["cl"].result_list}


def post_edit(client, event, **changes):
    response = client.post(change_url(event), event_form_data(event, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    return event


def add_source(event, text):
    document = Document.objects.create(text=text, filename=f"extra{Document.objects.count()}.txt")
    return Source.objects.create(event=event, document=document, start=0, end=len(text))


def test_the_list_shows_date_at_its_precision_people_venue_and_source_count(editor_client, make_event):
    event = make_event(
        title="Singh meets Shoigu", date=datetime.date(2023, 4, 1), precision="month",
        people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")), venue=("New Delhi", "IN"),
    )
    add_source(event, "Another report of the talks.")
    make_event(title="Undated talks", precision="unknown")
    response = editor_client.get(CHANGELIST)
    page = response.content.decode()
    assert "Apr 2023" in page and "Date unknown" in page
    assert "Rajnath Singh, Sergei Shoigu" in page
    assert "New Delhi" in page
    row = next(e for e in response.context["cl"].result_list if e.pk == event.pk)
    assert row.source_count == 2
    assert '<td class="field-source_count">2</td>' in page


def test_the_list_takes_a_fixed_number_of_queries(editor_client, make_event, django_assert_max_num_queries):
    for n in range(30):
        make_event(title=f"Meeting {n}", people=((f"Person {n}", "IN"), ("Sergei Shoigu", "RU")), venue=("Moscow", "RU"))
    with django_assert_max_num_queries(15):
        editor_client.get(CHANGELIST)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"kind__exact": "visit"}, {"Visit"}),
        ({"countries__code__exact": "RU"}, {"Visit"}),
        ({"date_precision__exact": "year"}, {"Year only"}),
        ({"needs_review__exact": "1"}, {"Flagged"}),
        ({"reviewed__exact": "1"}, {"Checked"}),
    ],
)
def test_each_filter_keeps_only_matching_events(editor_client, make_event, params, expected):
    make_event(title="Visit", kind="visit", countries=("RU",))
    make_event(title="Year only", precision="year")
    Event.objects.filter(pk=make_event(title="Flagged").pk).update(needs_review=True)
    Event.objects.filter(pk=make_event(title="Checked").pk).update(reviewed=True)
    assert listed(editor_client, **params) == expected


def test_search_finds_titles_people_and_aliases(editor_client, make_event):
    make_event(title="Talks in Delhi", people=(("Sergei Shoigu", "RU"),))
    make_event(title="Other talks", people=(("Rajnath Singh", "IN"),))
    Person.objects.filter(name="Rajnath Singh").update(aliases=["Raksha Mantri"])
    assert listed(editor_client, q="Delhi") == {"Talks in Delhi"}
    assert listed(editor_client, q="Shoigu") == {"Talks in Delhi"}
    assert listed(editor_client, q="Raksha Mantri") == {"Other talks"}


def test_search_finds_words_of_a_passage_but_not_of_the_rest_of_its_document(editor_client, make_event):
    text = "Header about oil prices. Singh and Shoigu discussed the S-400 deliveries. Footer."
    passage = "Singh and Shoigu discussed the S-400 deliveries."
    event = make_event(title="Talks", text=text)
    Source.objects.filter(event=event).update(start=text.index(passage), end=text.index(passage) + len(passage))
    make_event(title="Unrelated")
    assert listed(editor_client, q="s-400 deliveries") == {"Talks"}
    assert listed(editor_client, q="oil prices") == set()


@pytest.mark.parametrize("field_name, term, expected", [("participants", "Shoi", "Sergei Shoigu"), ("venue", "Delhi", "New Delhi, IN"), ("topics", "Mariti", "Maritime security")])
def test_people_places_and_topics_autocomplete(editor_client, make_event, field_name, term, expected):
    make_event(people=(("Sergei Shoigu", "RU"),), venue=("New Delhi", "IN"))
    response = editor_client.get(
        reverse("admin:autocomplete"), {"app_label": "events", "model_name": "event", "field_name": field_name, "term": term}
    )
    assert response.status_code == 200
    assert expected in [r["text"] for r in response.json()["results"]]


def test_the_change_page_shows_each_passage_highlighted_in_its_context_escaped(editor_client, make_event):
    text = "Before <b>bold</b> context. Singh met Shoigu in Delhi. After & more."
    event = make_event(title="Singh met Shoigu in Delhi.", text=text)
    page = editor_client.get(change_url(event)).content.decode()
    assert "Before &lt;b&gt;bold&lt;/b&gt; context. <mark>Singh met Shoigu in Delhi.</mark> After &amp; more." in page
    assert "<b>bold</b>" not in page


def test_passages_are_read_only(editor_client, make_event):
    event = make_event()
    source = event.sources.get()
    post_edit(editor_client, event, sources="", passages="tampered")
    source.refresh_from_db()
    assert (source.event_id, source.start, source.end) == (event.pk, source.start, source.end)
    assert "passages" not in editor_client.get(change_url(event)).context["adminform"].form.fields


@pytest.mark.parametrize(
    "changes, recorded",
    [
        ({"title": "New title"}, ["title"]),
        ({"kind": "visit"}, ["kind"]),
        ({"date": "2023-04-27"}, ["date"]),
        ({"date_precision": "year"}, ["date"]),
        ({"needs_review": "on", "review_reason": "Check the date"}, ["needs_review"]),
        ({"reviewed": "on"}, ["needs_review"]),
        ({"title": "A meets B"}, []),
    ],
)
def test_each_field_an_editor_changes_is_recorded_as_edited(editor_client, make_event, changes, recorded):
    event = post_edit(editor_client, make_event(), **changes)
    assert event.edited_fields == recorded


def test_venue_participants_topics_and_countries_an_editor_changes_are_recorded(editor_client, make_event):
    event = make_event(people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")))
    other = make_event(title="Other", venue=("Moscow", "RU"), countries=("RU",))
    post_edit(
        editor_client, event,
        venue=other.venue_id,
        participants=[Person.objects.get(name="Rajnath Singh").pk],
        topics=[Topic.objects.get(slug="trade").pk],
        countries=["RU"],
    )
    assert event.edited_fields == ["countries", "participants", "topics", "venue"]


def test_saving_unchanged_related_fields_records_nothing(editor_client, make_event):
    event = make_event(people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")))
    assert post_edit(editor_client, event).edited_fields == []


def test_the_history_names_who_changed_what_including_people_and_topics(editor_client, editor, make_event):
    event = make_event(people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")))
    post_edit(
        editor_client, event,
        title="Edited title",
        participants=[Person.objects.get(name="Rajnath Singh").pk],
        topics=[Topic.objects.get(slug="trade").pk],
    )
    entry = LogEntry.objects.get(object_id=str(event.pk))
    assert entry.user == editor
    message = entry.get_change_message()
    assert "Title" in message
    assert "Participants (removed Sergei Shoigu)" in message
    assert "Topics (added Trade and investment)" in message
    history = editor_client.get(reverse("admin:events_event_history", args=[event.pk])).content.decode()
    assert "editor" in history and "Participants (removed Sergei Shoigu)" in history


def test_a_date_without_a_precision_to_match_is_a_form_error_not_a_crash(editor_client, make_event):
    event = make_event()
    response = editor_client.post(change_url(event), event_form_data(event, date=""))
    assert response.status_code == 200
    assert "Give a date" in response.content.decode()
    response = editor_client.post(change_url(event), event_form_data(event, date_precision="unknown"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.date, event.date_precision) == (None, "unknown")


def test_mark_reviewed_clears_the_flag_for_good_and_is_logged(editor_client, make_event):
    event = make_event()
    Event.objects.filter(pk=event.pk).update(needs_review=True, review_reason="Venue disputed")
    editor_client.post(CHANGELIST, {"action": "mark_reviewed", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert (event.reviewed, event.needs_review, event.edited_fields) == (True, False, ["needs_review"])
    assert LogEntry.objects.get(object_id=str(event.pk)).get_change_message() == "Marked reviewed."


def test_merge_asks_which_event_to_keep_first(editor_client, make_event):
    a, b = make_event(title="First report"), make_event(title="Second report")
    response = editor_client.post(CHANGELIST, {"action": "merge_selected", "_selected_action": [a.pk, b.pk]})
    assert response.status_code == 200
    assert 'name="survivor"' in response.content.decode()
    assert Event.objects.count() == 2


def test_merge_unites_sources_people_topics_and_countries_in_the_chosen_event(editor_client, make_event):
    a = make_event(title="Kept", people=(("Rajnath Singh", "IN"),), countries=("IN",))
    b = make_event(title="Merged away", people=(("Sergei Shoigu", "RU"),), countries=("RU",), venue=("Moscow", "RU"))
    b.topics.add(Topic.objects.get(slug="trade"))
    sources = {s.pk for s in Source.objects.all()}
    response = editor_client.post(
        CHANGELIST, {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "survivor": a.pk}
    )
    assert response.status_code == 302
    assert list(Event.objects.all()) == [a]
    a.refresh_from_db()
    assert {s.pk for s in a.sources.all()} == sources
    assert {p.name for p in a.participants.all()} == {"Rajnath Singh", "Sergei Shoigu"}
    assert {c.code for c in a.countries.all()} == {"IN", "RU"}
    assert [t.slug for t in a.topics.all()] == ["trade"]
    assert a.venue.name == "Moscow"
    assert {"sources", "participants", "topics", "countries", "venue"} <= set(a.edited_fields)
    assert "Merged #%d “Merged away”" % b.pk in LogEntry.objects.get(object_id=str(a.pk)).get_change_message()


def test_merging_one_event_does_nothing(editor_client, make_event):
    a = make_event()
    editor_client.post(CHANGELIST, {"action": "merge_selected", "_selected_action": [a.pk], "survivor": a.pk})
    assert Event.objects.count() == 1
    assert Event.objects.get().edited_fields == []


def test_split_moves_one_source_to_a_new_event_after_confirmation(editor_client, make_event):
    event = make_event(title="Two occasions", people=(("Rajnath Singh", "IN"),))
    source = add_source(event, "A later report of another meeting.")
    Source.objects.filter(pk=source.pk).update(claimed_date=datetime.date(2023, 6, 1), claimed_precision="day")
    url = reverse("admin:events_event_split", args=[event.pk, source.pk])
    assert "A later report" in editor_client.get(url).content.decode()
    assert Event.objects.count() == 1
    response = editor_client.post(url)
    new = Event.objects.exclude(pk=event.pk).get()
    assert response.url == change_url(new)
    assert list(new.sources.all()) == [source]
    assert new.date == datetime.date(2023, 6, 1)
    assert [p.name for p in new.participants.all()] == ["Rajnath Singh"]
    assert event.sources.count() == 1
    event.refresh_from_db()
    assert "sources" in event.edited_fields and "sources" in new.edited_fields


def test_the_only_source_of_an_event_cannot_be_split_off(editor_client, make_event):
    event = make_event()
    editor_client.post(reverse("admin:events_event_split", args=[event.pk, event.sources.get().pk]))
    assert Event.objects.count() == 1


def test_deleting_an_event_suppresses_each_of_its_passages(editor_client, make_event):
    event = make_event(people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")))
    add_source(event, "Another report.")
    spans = {(s.document_id, s.start, s.end) for s in event.sources.all()}
    signature = event_signature("meeting", event.participants.all())
    editor_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    assert not Event.objects.exists()
    assert {(s.document_id, s.start, s.end, s.signature) for s in Suppression.objects.all()} == {
        (*span, signature) for span in spans
    }
