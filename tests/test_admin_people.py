"""People, places and topics in admin: merging people keeps their names as aliases that later
ingests resolve; aliases and topic keywords are edited one per line."""

from django.contrib.admin.models import LogEntry
from django.urls import reverse

from events.extraction.types import PersonRef
from events.ingest import event_signature, resolve_person
from events.models import Person, Place, Suppression, Topic

CHANGELIST = reverse("admin:events_person_changelist")


def merge(client, survivor, *others):
    return client.post(
        CHANGELIST,
        {"action": "merge_selected", "_selected_action": [survivor.pk, *(o.pk for o in others)], "survivor": survivor.pk},
    )


def test_merge_asks_which_person_to_keep_first(editor_client, make_event):
    make_event(people=(("Sergei Shoigu", "RU"), ("S. K. Shoygu", "RU")))
    response = editor_client.post(
        CHANGELIST, {"action": "merge_selected", "_selected_action": list(Person.objects.values_list("pk", flat=True))}
    )
    assert response.status_code == 200
    assert 'name="survivor"' in response.content.decode()
    assert Person.objects.count() == 2


def test_merging_people_repoints_their_events_and_keeps_their_names_as_aliases(editor_client, make_event):
    first = make_event(title="First", people=(("Sergei Shoigu", "RU"),))
    second = make_event(title="Second", people=(("Shoigu Sergei Kuzhugetovich", "RU"), ("Rajnath Singh", "IN")))
    survivor = Person.objects.get(name="Sergei Shoigu")
    other = Person.objects.get(name="Shoigu Sergei Kuzhugetovich")
    Person.objects.filter(pk=other.pk).update(aliases=["Shoygu"])
    assert merge(editor_client, survivor, other).status_code == 302
    survivor.refresh_from_db()
    assert not Person.objects.filter(pk=other.pk).exists()
    assert survivor.aliases == ["Shoigu Sergei Kuzhugetovich", "Shoygu"]
    assert list(first.participants.all()) == [survivor]
    assert {p.name for p in second.participants.all()} == {"Sergei Shoigu", "Rajnath Singh"}


def test_a_merged_name_resolves_to_the_person_kept_on_later_ingests(editor_client, make_event):
    make_event(people=(("Narendra Modi", "IN"), ("NaMo", "IN")))
    survivor = Person.objects.get(name="Narendra Modi")
    merge(editor_client, survivor, Person.objects.get(name="NaMo"))
    assert resolve_person(PersonRef("NaMo", "IN")) == survivor
    assert Person.objects.count() == 1


def test_merging_people_is_in_the_history_of_the_person_and_of_their_events(editor_client, make_event):
    event = make_event(people=(("Narendra Modi", "IN"), ("NaMo", "IN")))
    survivor, other = Person.objects.get(name="Narendra Modi"), Person.objects.get(name="NaMo")
    merge(editor_client, survivor, other)
    assert "Merged #%d “NaMo”" % other.pk in LogEntry.objects.get(content_type__model="person", object_id=str(survivor.pk), action_flag=2).get_change_message()
    assert LogEntry.objects.filter(content_type__model="person", object_id=str(other.pk), action_flag=3).exists()
    assert "NaMo merged into Narendra Modi" in LogEntry.objects.get(content_type__model="event", object_id=str(event.pk)).get_change_message()


def test_suppressions_naming_a_merged_person_name_the_person_kept(editor_client, make_event):
    event = make_event(people=(("Narendra Modi", "IN"), ("NaMo", "IN"), ("Vladimir Putin", "RU")))
    survivor, other, putin = (Person.objects.get(name=n) for n in ["Narendra Modi", "NaMo", "Vladimir Putin"])
    source = event.sources.get()
    Suppression.objects.create(
        document=source.document, start=source.start, end=source.end, signature=event_signature("meeting", [other, putin])
    )
    merge(editor_client, survivor, other)
    assert Suppression.objects.get().signature == event_signature("meeting", [survivor, putin])


def test_aliases_are_edited_one_per_line(editor_client, make_event):
    make_event(people=(("Sergei Shoigu", "RU"),))
    person = Person.objects.get()
    url = reverse("admin:events_person_change", args=[person.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"name": person.name, "country": "RU", "role": "", "aliases": "Sergey Shoygu\n\n S. Shoigu \n"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.aliases == ["Sergey Shoygu", "S. Shoigu"]


def test_topic_keywords_are_edited_one_per_line_and_new_topics_added(editor_client):
    topic = Topic.objects.get(slug="trade")
    url = reverse("admin:events_topic_change", args=[topic.pk])
    assert "trade\ninvestment" in editor_client.get(url).content.decode()
    editor_client.post(url, {"name": topic.name, "slug": topic.slug, "keywords": "trade\nrupee-rouble"})
    topic.refresh_from_db()
    assert topic.keywords == ["trade", "rupee-rouble"]
    editor_client.post(reverse("admin:events_topic_add"), {"name": "Space", "slug": "space", "keywords": "ISRO\nRoscosmos"})
    assert Topic.objects.get(slug="space").keywords == ["ISRO", "Roscosmos"]


def test_places_are_editable(editor_client, make_event):
    make_event(venue=("Dehli", "IN"))
    place = Place.objects.get()
    response = editor_client.post(reverse("admin:events_place_change", args=[place.pk]), {"name": "New Delhi", "country": "IN"})
    assert response.status_code == 302
    place.refresh_from_db()
    assert place.name == "New Delhi"
