"""Provenance follows edits: what an editor set shows as set by an editor (who, when) with what
extraction found kept underneath; titles no editor wrote follow people's current names; editors get
an "Edit" link on public pages that no cache hands to anyone else; an event added by hand is given
its passages sentence by sentence; likely duplicates are listed with a one-click merge."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from events import duplicates, ingest, timeline_index
from events.admin.curation import split_source
from events.models import Document, Event, KeptApart, Person, Place, Source
from events.provenance import EDITOR_DATE_EVIDENCE
from tests import conftest
from tests.conftest import MEETING, event_form_data, stub_extract

FRIDAY = datetime.date(2023, 4, 28)
STUB_EVIDENCE = "Friday, counted back from publication"
DUPLICATES = reverse("admin:events_event_duplicates")
EVENTS = reverse("admin:events_event_changelist")
PEOPLE = reverse("admin:events_person_changelist")


@pytest.fixture
def stub(monkeypatch, db):
    """Ingest reads with tests.conftest.stub_extract: one meeting per text, dated the Friday."""
    monkeypatch.setattr(ingest, "extract_document", stub_extract)


@pytest.fixture
def meeting(stub):
    result = ingest.ingest_text(MEETING, "meeting.txt", published=FRIDAY)
    return result.created[0]


def edit(client, event, **changes):
    response = client.post(reverse("admin:events_event_change", args=[event.pk]), event_form_data(event, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    return event


def page(client, obj):
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return response, response.content.decode()


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


# 1. What an editor set shows as set by an editor; what extraction found stays underneath.


def test_an_unedited_date_says_how_extraction_found_it(client, meeting):
    _, html = page(client, meeting)
    assert f"How the date was found: {STUB_EVIDENCE}" in html
    assert "set by an editor" not in html


def test_a_date_an_editor_set_shows_who_set_it_and_when_with_the_extractions_date_underneath(editor_client, client, meeting):
    before = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    edit(editor_client, meeting, date="2023-04-01", date_precision="month")
    by, at = meeting.edit_of("date")
    assert by == "editor" and before <= at <= datetime.datetime.now(datetime.UTC)
    _, html = page(client, meeting)
    text = text_of(html)
    assert "How the date was found" not in text
    assert f"Date: set by an editor (editor, {at:%-d %b %Y, %H:%M})." in text
    assert f"Found by extraction: 28 Apr 2023 ({STUB_EVIDENCE})" in text
    assert "Apr 2023" in text_of(html.split("Set by editors")[0])  # the date shown is the editor's


def test_an_editors_date_takes_no_evidence_it_was_not_given(editor_client, meeting):
    edit(editor_client, meeting, date="2023-04-27")
    assert meeting.date_evidence == EDITOR_DATE_EVIDENCE  # what exports and the API say of it now


def test_the_evidence_an_editor_gives_for_a_date_is_shown(editor_client, client, meeting):
    edit(editor_client, meeting, date="2023-04-27", date_evidence="The ministry's <b>press release</b> of 27 April.")
    _, html = page(client, meeting)
    assert "The ministry&#x27;s &lt;b&gt;press release&lt;/b&gt; of 27 April." in html


def test_the_extractions_reading_survives_a_reextraction_of_an_edited_event(editor_client, client, meeting):
    edit(editor_client, meeting, date="2023-04-27")
    ingest.reextract(meeting.sources.get().document)
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2023, 4, 27)
    assert f"Found by extraction: 28 Apr 2023 ({STUB_EVIDENCE})" in text_of(page(client, meeting)[1])


def test_kind_venue_and_participants_an_editor_set_show_what_extraction_found(editor_client, client, meeting):
    moscow = Place.objects.get_or_create(name="Moscow", country_id="RU")[0]
    singh = Person.objects.get(name="Rajnath Singh")
    edit(editor_client, meeting, kind="visit", venue=moscow.pk, participants=[singh.pk])
    text = text_of(page(client, meeting)[1])
    assert "Kind: set by an editor (editor," in text and "Found by extraction: Meeting" in text
    assert "Venue: set by an editor (editor," in text and "Found by extraction: New Delhi, India" in text
    assert "Participants: set by an editor (editor," in text
    assert "Found by extraction: Rajnath Singh, Sergei Shoigu" in text


def test_the_admin_form_shows_who_changed_what_and_what_extraction_found(editor_client, meeting):
    edit(editor_client, meeting, kind="visit")
    html = editor_client.get(reverse("admin:events_event_change", args=[meeting.pk])).content.decode()
    assert "<strong>Kind</strong>: editor, " in html
    assert "found by extraction: Meeting" in html


def test_an_event_added_by_hand_is_all_the_editors(editor_client, client, stub):
    response = editor_client.post(reverse("admin:events_event_add"), {
        "title": "Singh and Shoigu speak by phone", "kind": "meeting", "date": "2023-05-02", "date_precision": "day",
        "date_evidence": "", "review_reason": "",
    })
    assert response.status_code == 302
    event = Event.objects.get()
    assert {"title", "kind", "date"} <= set(event.edited_fields)
    text = text_of(page(client, event)[1])
    assert "Title: set by an editor (editor," in text and "Date: set by an editor (editor," in text
    assert "Found by extraction" not in text  # no report backs it


def test_marking_reviewed_and_merging_record_the_editor(editor_client, make_event):
    a, b = make_event(title="A"), make_event(title="B")
    editor_client.post(EVENTS, {"action": "mark_reviewed", "_selected_action": [a.pk]})
    editor_client.post(EVENTS, {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "survivor": a.pk})
    a.refresh_from_db()
    assert a.edit_of("needs_review")[0] == "editor" and a.edit_of("sources")[0] == "editor"


# 2. Titles no editor wrote follow people's current names.


@pytest.fixture
def biden_meets_xi(make_event):
    event = make_event(title="Joseph R. Biden Jr meets Xi Jinping", people=(("Joseph R. Biden Jr", "US"), ("Xi Jinping", "CN")))
    make_event(title="Joe Biden visits Hanoi", kind="visit", people=(("Joe Biden", "US"),))
    return event


def merge_people(client, survivor, other):
    response = client.post(PEOPLE, {"action": "merge_selected", "_selected_action": [survivor.pk, other.pk], "survivor": survivor.pk})
    assert response.status_code == 302


def test_after_merging_people_generated_titles_use_the_name_kept(editor_client, biden_meets_xi):
    merge_people(editor_client, Person.objects.get(name="Joe Biden"), Person.objects.get(name="Joseph R. Biden Jr"))
    biden_meets_xi.refresh_from_db()
    assert biden_meets_xi.title == "Joe Biden meets Xi Jinping"


def test_after_a_merge_search_by_the_name_kept_finds_the_event(editor_client, client, biden_meets_xi):
    assert biden_meets_xi not in Event.objects.containing("Joe Biden")
    merge_people(editor_client, Person.objects.get(name="Joe Biden"), Person.objects.get(name="Joseph R. Biden Jr"))
    assert biden_meets_xi in Event.objects.containing("Joe Biden")
    # The timeline's own search, through the timeline index.
    response = client.get(reverse("events:timeline"), {"q": "Joe Biden meets"})
    assert "Joe Biden meets Xi Jinping" in response.content.decode()
    assert response.context["count"] == 1


def test_a_title_an_editor_wrote_stays_as_written_after_a_merge(editor_client, biden_meets_xi):
    edit(editor_client, biden_meets_xi, title="Joseph R. Biden Jr and Xi Jinping at Filoli")
    merge_people(editor_client, Person.objects.get(name="Joe Biden"), Person.objects.get(name="Joseph R. Biden Jr"))
    biden_meets_xi.refresh_from_db()
    assert biden_meets_xi.title == "Joseph R. Biden Jr and Xi Jinping at Filoli"


def test_renaming_a_person_renames_generated_titles_and_keeps_the_old_name_as_an_alias(editor_client, client, biden_meets_xi):
    person = Person.objects.get(name="Joseph R. Biden Jr")
    response = editor_client.post(reverse("admin:events_person_change", args=[person.pk]),
                                  {"name": "Joseph Biden", "country": "US", "role": "", "aliases": ""})
    assert response.status_code == 302
    person.refresh_from_db()
    biden_meets_xi.refresh_from_db()
    assert person.aliases == ["Joseph R. Biden Jr"]
    assert biden_meets_xi.title == "Joseph Biden meets Xi Jinping"
    assert client.get(reverse("events:timeline"), {"q": "Joseph Biden meets"}).context["count"] == 1


def test_an_editor_written_title_stays_after_a_rename(editor_client, biden_meets_xi):
    edit(editor_client, biden_meets_xi, title="Biden and Xi talk")
    person = Person.objects.get(name="Joseph R. Biden Jr")
    editor_client.post(reverse("admin:events_person_change", args=[person.pk]),
                       {"name": "Joseph Biden", "country": "US", "role": "", "aliases": ""})
    biden_meets_xi.refresh_from_db()
    assert biden_meets_xi.title == "Biden and Xi talk"


def test_later_ingests_keep_titles_in_the_merged_name(editor_client, monkeypatch, stub):
    monkeypatch.setattr(conftest, "STUB_PEOPLE", [("Joseph R. Biden Jr", "US", "President"), ("Xi Jinping", "CN", "President")])
    text = "President Joseph R. Biden Jr met President Xi Jinping on Friday."
    event = ingest.ingest_text(text, "summit.txt", published=FRIDAY).created[0]
    assert event.title == "Joseph R. Biden Jr meets Xi Jinping"
    joe = Person.objects.create(name="Joe Biden", country_id="US")
    merge_people(editor_client, joe, Person.objects.get(name="Joseph R. Biden Jr"))
    ingest.reextract(event.sources.get().document)
    assert Event.objects.get().title == "Joe Biden meets Xi Jinping"


# 3. An "Edit" link for editors, never served from a cache to anyone else.


@pytest.fixture
def pages(make_event):
    event = make_event(people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")))
    return {
        "event": (event, reverse("admin:events_event_change", args=[event.pk])),
        "person": (event.participants.first(), reverse("admin:events_person_change", args=[event.participants.first().pk])),
        "document": (event.sources.get().document, reverse("admin:events_document_change", args=[event.sources.get().document_id])),
    }


@pytest.mark.parametrize("what", ["event", "person", "document"])
def test_an_editor_sees_an_edit_link_to_the_right_admin_page(editor_client, pages, what):
    obj, admin_url = pages[what]
    response, html = page(editor_client, obj)
    assert f'<a href="{admin_url}">Edit this {what}</a>' in html
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("what", ["event", "person", "document"])
def test_anyone_else_sees_no_edit_link_and_the_page_varies_on_the_cookie(client, pages, what):
    response, html = page(client, pages[what][0])
    assert "Edit this" not in html
    assert "Cookie" in response["Vary"]
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("who", ["view only staff", "not staff", "inactive editor"])
def test_no_edit_link_without_the_right_to_change(client, pages, who):
    user = User.objects.create_user("someone", is_staff=who != "not staff", is_active=who != "inactive editor")
    actions = ["view"] if who == "view only staff" else ["view", "change"]
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="events", codename__regex=rf"^({'|'.join(actions)})_"))
    client.force_login(user)
    for obj, _ in pages.values():
        assert "Edit this" not in page(client, obj)[1]


def test_a_cache_in_front_never_gives_an_editors_page_to_anyone_else(settings, client, editor, pages):
    """With Django's whole-site cache on, the editor asks first, then an anonymous visitor."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "provenance"}}
    settings.MIDDLEWARE = ["django.middleware.cache.UpdateCacheMiddleware", *settings.MIDDLEWARE,
                           "django.middleware.cache.FetchFromCacheMiddleware"]
    url = pages["event"][0].get_absolute_url()
    client.force_login(editor)
    assert "Edit this event" in client.get(url).content.decode()
    client.logout()
    assert "Edit this event" not in client.get(url).content.decode()
    client.force_login(editor)
    assert "Edit this event" in client.get(url).content.decode()


# 4. Passages for an event added by hand, sentence by sentence.

ARTICLE = " date 2023-05-02 INDIA\n\nSingh speaks to Shoigu\n\nDefence Minister Rajnath Singh spoke to Sergei Shoigu by phone on Tuesday. They discussed the S-400 deliveries. Lt Gen. Rao took notes.\n"


@pytest.fixture
def hand_made(db):
    event = Event.objects.create(title="Singh and Shoigu speak by phone", kind="meeting", edited_fields=["title"])
    document = Document.objects.create(text=ARTICLE, filename="phone.txt", title="Singh speaks to Shoigu", outlet="The <i>Daily</i>")
    return event, document


def passages_url(event, **params):
    url = reverse("admin:events_event_passages", args=[event.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def span(text, sentence):
    start = text.index(sentence)
    return f"{start}-{start + len(sentence)}"


def test_the_event_form_links_to_choosing_passages(editor_client, hand_made):
    event, _ = hand_made
    html = editor_client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert f'href="{passages_url(event)}"' in html


def test_the_add_form_says_passages_come_after_saving(editor_client, db):
    html = editor_client.get(reverse("admin:events_event_add")).content.decode()
    assert "Save the event, then choose its passages in a document." in html


def test_an_editor_finds_the_document_by_its_title_or_outlet(editor_client, hand_made):
    event, document = hand_made
    Document.objects.create(text="Another text.", filename="other.txt", title="Something else")
    html = editor_client.get(passages_url(event, q="speaks")).content.decode()
    assert f'href="?document={document.pk}"' in html and "Something else" not in html
    assert "Something else" in editor_client.get(passages_url(event)).content.decode()  # the latest, unfiltered


def test_the_documents_sentences_are_listed_as_checkboxes_cut_as_the_extraction_cuts_them(editor_client, hand_made):
    event, document = hand_made
    html = editor_client.get(passages_url(event, document=document.pk)).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="sentences" value="(\d+)-(\d+)"', html)
    spans = [document.text[int(a):int(b)] for a, b in boxes]
    assert spans == ["Singh speaks to Shoigu", "Defence Minister Rajnath Singh spoke to Sergei Shoigu by phone on Tuesday.",
                     "They discussed the S-400 deliveries.", "Lt Gen. Rao took notes."]
    assert '<form method="post">' in html


def test_ticked_sentences_become_the_events_passages(editor_client, hand_made):
    event, document = hand_made
    chosen = ["Defence Minister Rajnath Singh spoke to Sergei Shoigu by phone on Tuesday.", "They discussed the S-400 deliveries."]
    response = editor_client.post(passages_url(event), {"document": document.pk, "sentences": [span(ARTICLE, s) for s in chosen]})
    assert response.status_code == 302
    assert [s.text for s in event.sources.order_by("start")] == chosen
    event.refresh_from_db()
    assert "sources" in event.edited_fields and event.edit_of("sources")[0] == "editor"
    assert "Added passages of" in LogEntry.objects.get(object_id=str(event.pk)).get_change_message()
    # The event page now shows them.
    assert "They discussed the S-400 deliveries." in editor_client.get(event.get_absolute_url()).content.decode()


def test_a_span_that_is_not_a_sentence_of_the_document_is_refused(editor_client, hand_made):
    event, document = hand_made
    response = editor_client.post(passages_url(event), {"document": document.pk, "sentences": ["0-5"]})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Source.objects.exists()


def test_choosing_no_sentence_says_so(editor_client, hand_made):
    event, document = hand_made
    response = editor_client.post(passages_url(event), {"document": document.pk})
    assert "Choose at least one sentence." in response.content.decode()


def test_a_sentence_already_a_passage_is_shown_as_such_and_not_added_twice(editor_client, hand_made):
    event, document = hand_made
    sentence = "They discussed the S-400 deliveries."
    editor_client.post(passages_url(event), {"document": document.pk, "sentences": [span(ARTICLE, sentence)]})
    html = editor_client.get(passages_url(event, document=document.pk)).content.decode()
    assert f'value="{span(ARTICLE, sentence)}"' not in html and "Already a passage:" in html
    assert f'href="?document={document.pk}"' in editor_client.get(passages_url(event)).content.decode()


def test_source_offsets_are_checked_against_the_text(hand_made):
    from django.core.exceptions import ValidationError

    event, document = hand_made
    for start, end in [(0, len(ARTICLE) + 1), (len(ARTICLE) - 1, len(ARTICLE)), (5, 3)]:
        with pytest.raises(ValidationError):
            Source(event=event, document=document, start=start, end=end).full_clean()
    Source(event=event, document=document, start=24, end=46).full_clean()


def test_passages_an_editor_chose_survive_a_reextraction(editor_client, hand_made):
    event, document = hand_made
    sentence = "They discussed the S-400 deliveries."
    editor_client.post(passages_url(event), {"document": document.pk, "sentences": [span(ARTICLE, sentence)]})
    ingest.reextract(document)
    assert [s.text for s in Event.objects.get(pk=event.pk).sources.all()] == [sentence]


def test_only_those_who_may_change_the_event_choose_its_passages(client, hand_made):
    event, document = hand_made
    user = User.objects.create_user("viewer", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_event"))
    client.force_login(user)
    assert client.get(passages_url(event, document=document.pk)).status_code == 403
    assert client.post(passages_url(event), {"document": document.pk, "sentences": ["24-46"]}).status_code == 403


def test_the_passages_page_shows_document_text_as_text(editor_client, db):
    event = Event.objects.create(title="<script>t</script>", kind="meeting")
    document = Document.objects.create(text="Leaders met <img src=x onerror=alert(1)>. Then they left.", filename="x.txt")
    html = editor_client.get(passages_url(event, document=document.pk)).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>t</script>" not in html


# 5. Likely duplicates, merged in one click.


def two_of_a_kind(make_event, **second):
    people = (("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU"))
    a = make_event(title="Singh meets Shoigu", people=people)
    b = make_event(**{"title": "Rajnath Singh holds talks with Sergei Shoigu", "people": people, **second})
    return a, b


def listed(client):
    response = client.get(DUPLICATES)
    assert response.status_code == 200
    return [(a.pk, b.pk) for a, b in response.context["pairs"]]


def test_events_of_the_same_people_on_the_same_day_are_listed(editor_client, make_event):
    a, b = two_of_a_kind(make_event)
    assert listed(editor_client) == [(a.pk, b.pk)]


@pytest.mark.parametrize("second", [
    {"date": datetime.date(2023, 4, 27)},  # another day
    {"people": (("Rajnath Singh", "IN"), ("S Jaishankar", "IN"))},  # other people
    {"kind": "visit"},  # a visit is not the meeting held during it
    {"precision": "unknown"},  # same people alone is never enough
])
def test_events_that_clustering_would_keep_apart_are_not_listed(editor_client, make_event, second):
    two_of_a_kind(make_event, **second)
    assert listed(editor_client) == []


def test_a_month_overlapping_a_day_is_listed(editor_client, make_event):
    a, b = two_of_a_kind(make_event, date=datetime.date(2023, 4, 1), precision="month")
    assert listed(editor_client) == [(a.pk, b.pk)]


def test_one_click_merges_a_pair_with_the_merge_actions_code(editor_client, make_event):
    a, b = two_of_a_kind(make_event)
    response = editor_client.get(DUPLICATES)
    assert f'name="survivor" value="{b.pk}"' in response.content.decode()
    response = editor_client.post(DUPLICATES, {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "survivor": b.pk})
    assert response.status_code == 302 and response.url == DUPLICATES
    assert list(Event.objects.all()) == [b]
    assert b.sources.count() == 2
    assert "sources" in Event.objects.get().edited_fields
    assert "Merged #%d" % a.pk in LogEntry.objects.filter(object_id=str(b.pk)).first().get_change_message()
    assert listed(editor_client) == []


def test_a_pair_kept_apart_is_no_longer_listed(editor_client, make_event):
    a, b = two_of_a_kind(make_event)
    editor_client.post(DUPLICATES, {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "keep_apart": "1"})
    assert Event.objects.count() == 2
    assert KeptApart.objects.get().by.username == "editor"
    assert listed(editor_client) == []


def test_an_event_split_off_is_not_a_duplicate_of_the_one_it_left(editor_client, make_event):
    a = make_event(title="Singh meets Shoigu", people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")))
    document = Document.objects.create(text="Another report of the talks.", filename="more.txt")
    source = Source.objects.create(event=a, document=document, start=0, end=8)
    split_source(source)
    assert Event.objects.count() == 2
    assert listed(editor_client) == []


def test_those_who_may_not_merge_see_the_list_without_buttons_and_cannot_post(client, make_event):
    a, b = two_of_a_kind(make_event)
    user = User.objects.create_user("viewer", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename="view_event"))
    client.force_login(user)
    assert listed(client) == [(a.pk, b.pk)]
    assert 'name="survivor"' not in client.get(DUPLICATES).content.decode()
    response = client.post(DUPLICATES, {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "survivor": a.pk})
    assert response.status_code == 403
    assert Event.objects.count() == 2


def test_the_event_list_links_to_likely_duplicates(editor_client, db):
    assert f'href="{DUPLICATES}"' in editor_client.get(EVENTS).content.decode()


def test_the_list_reads_a_fixed_number_of_queries(editor_client, make_event, django_assert_max_num_queries):
    for n in range(20):
        people = ((f"Person {n}", "IN"), ("Sergei Shoigu", "RU"))
        make_event(title=f"Talks {n}", people=people, date=datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
        make_event(title=f"More talks {n}", people=people, date=datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
    assert len(listed(editor_client)) == 20
    with django_assert_max_num_queries(20):
        editor_client.get(DUPLICATES)


def test_candidates_are_pairs_of_the_same_people_whose_periods_overlap():
    def facts(date, end, people, precision="day", countries=()):
        return timeline_index.Facts(0, "meeting", False, date, end, precision, None, countries, people)

    day = datetime.date(2023, 4, 28)
    found = duplicates.candidates({
        1: facts(day, day, (1, 2)),
        2: facts(day, day, (2, 1)),  # the same people in another order
        3: facts(day.replace(day=1), day.replace(day=30), (1, 2), "month"),
        4: facts(day + datetime.timedelta(days=1), day + datetime.timedelta(days=1), (1, 2)),  # the next day
        5: facts(day, day, (1, 2, 3)),  # other people
        6: facts(None, None, (1, 2), "unknown"),
        7: facts(day, day, (), countries=("IN", "RU")),
        8: facts(day, day, (), countries=("RU", "IN")),
    })
    assert found == [(1, 2), (1, 3), (2, 3), (3, 4), (7, 8)]


def test_the_duplicates_page_shows_titles_as_text(editor_client, make_event):
    two_of_a_kind(make_event, title="<script>alert(1)</script>")
    html = editor_client.get(DUPLICATES).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
