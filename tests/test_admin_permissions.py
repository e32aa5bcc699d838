"""Who may do what: editors change events, people, places, topics and documents but not users or
groups; other staff get nothing from the events admin; anonymous visitors only read public pages."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from events.models import Document, Event, Person

CURATED_MODELS = ["event", "person", "place", "topic", "document"]


@pytest.fixture
def event(make_event):
    return make_event(people=(("Rajnath Singh", "IN"), ("Sergei Shoigu", "RU")), venue=("New Delhi", "IN"))


def admin_urls(event):
    """Every events admin page that shows or changes something, including the custom ones."""
    source = event.sources.get()
    return [
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_event_history", args=[event.pk]),
        reverse("admin:events_event_split", args=[event.pk, source.pk]),
        reverse("admin:events_person_changelist"),
        reverse("admin:events_document_change", args=[source.document_id]),
        reverse("admin:events_document_upload"),
    ]


def test_the_editors_group_holds_only_events_app_permissions(db):
    editors = Group.objects.get(name="editors")
    assert {p.content_type.app_label for p in editors.permissions.all()} == {"events"}


@pytest.mark.parametrize("model", CURATED_MODELS)
def test_editors_can_add_change_and_delete_what_they_curate(editor, model):
    assert all(editor.has_perm(f"events.{action}_{model}") for action in ["add", "change", "delete", "view"])


@pytest.mark.parametrize("model", CURATED_MODELS)
def test_editors_can_open_each_curated_list(editor_client, event, model):
    assert editor_client.get(reverse(f"admin:events_{model}_changelist")).status_code == 200


def test_editors_can_open_every_events_admin_page(editor_client, event):
    for url in admin_urls(event):
        assert editor_client.get(url).status_code == 200, url


@pytest.mark.parametrize("name", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add", "admin:auth_group_add"])
def test_editors_cannot_see_or_change_users_or_groups(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 403


def test_editors_cannot_give_themselves_more_rights(editor_client, editor):
    url = reverse("admin:auth_user_change", args=[editor.pk])
    response = editor_client.post(url, {"username": "editor", "is_superuser": "on", "is_staff": "on"})
    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_staff_outside_the_editors_group_get_nothing_from_the_events_admin(client, event):
    client.force_login(User.objects.create_user("clerk", is_staff=True))
    for url in admin_urls(event):
        assert client.get(url).status_code == 403, url
    client.post(reverse("admin:events_event_split", args=[event.pk, event.sources.get().pk]))
    client.post(reverse("admin:events_document_upload"), {"text": "An article.", "filename": "x.txt"})
    client.post(reverse("admin:events_event_changelist"), {"action": "mark_reviewed", "_selected_action": [event.pk]})
    assert Document.objects.count() == 1 and Event.objects.count() == 1
    assert not Event.objects.get().reviewed


def test_an_editor_who_is_not_staff_cannot_enter_the_admin(client, editor, event):
    User.objects.filter(pk=editor.pk).update(is_staff=False)
    client.force_login(editor)
    response = client.get(reverse("admin:events_event_changelist"))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))


def test_anonymous_visitors_are_sent_to_log_in_from_every_admin_page(client, event):
    for url in admin_urls(event):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("admin:login")), url


def test_anonymous_visitors_change_nothing_through_the_admin(client, event):
    client.post(reverse("admin:events_document_upload"), {"text": "An article.", "filename": "x.txt"})
    client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    client.post(reverse("admin:events_event_change", args=[event.pk]), {"title": "Vandalised"})
    assert Document.objects.count() == 1
    assert Event.objects.get().title == event.title


def test_anonymous_visitors_read_the_public_pages(client, event):
    person = Person.objects.first()
    for url in [
        reverse("events:timeline"),
        reverse("events:event", args=[event.pk]),
        reverse("events:document", args=[event.sources.get().document_id]),
        reverse("events:person", args=[person.pk]),
    ]:
        assert client.get(url).status_code == 200, url


def test_the_public_timeline_takes_no_posts(client, event):
    assert client.post(reverse("events:timeline"), {"title": "x"}).status_code == 405
