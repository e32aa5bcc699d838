"""Documents in admin: upload files or paste a text and see what ingest found; a new publication
date re-resolves the document's relative dates; re-extraction on demand."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from events.decoding import decode
from events.ingest import IngestError

from events.models import Document, Event
from tests.conftest import MEETING

UPLOAD = reverse("admin:events_document_upload")
FRIDAY = datetime.date(2023, 4, 28)


@pytest.fixture
def upload(editor_client, django_capture_on_commit_callbacks):
    """Post the upload form as an editor: the job it makes runs when the request's work commits (the
    tests' task backend runs it there and then); the page the editor is sent to, its progress page, is
    returned, or the form again when it was refused."""

    def post(data):
        with django_capture_on_commit_callbacks(execute=True):
            response = editor_client.post(UPLOAD, data)
        return editor_client.get(response.url) if response.status_code == 302 else response

    return post


def txt(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def test_several_files_are_ingested_with_outlet_and_publication_date(upload):
    response = upload(
        {
            "files": [txt("a.txt", "First article.\n\nNothing happened."), txt("b.txt", "Second article.\n\nStill nothing.")],
            "outlet": "The Hindu",
            "published": "2023-04-28",
        },
    )
    assert response.status_code == 200
    documents = Document.objects.order_by("filename")
    assert [(d.filename, d.outlet, d.published, d.published_source) for d in documents] == [
        ("a.txt", "The Hindu", FRIDAY, "user"),
        ("b.txt", "The Hindu", FRIDAY, "user"),
    ]
    page = response.content.decode()
    assert "a.txt: document" in page and "b.txt: document" in page


def test_a_pasted_text_is_ingested_under_the_name_given(upload):
    upload({"text": "Pasted article.\n\nNothing happened.", "filename": "pasted.txt"})
    assert Document.objects.get().filename == "pasted.txt"


def test_the_page_lists_the_events_ingest_created_joined_and_flagged(upload, reader):
    upload({"files": [txt("meeting.txt", MEETING)], "published": "2023-04-28"})
    moscow = "Defence Minister Rajnath Singh met Russian Defence Minister Sergei Shoigu in Moscow on Friday."
    response = upload({"files": [txt("moscow.txt", moscow)], "published": "2023-04-28"})
    event = Event.objects.get()
    page = response.content.decode()
    assert "1 joined" in page
    assert re.search(rf'joined: <a id="[\w-]+" href="{reverse("admin:events_event_change", args=[event.pk])}">', page)
    assert "flagged for review" in page


def test_a_file_that_is_not_text_is_refused_with_a_reason_and_the_others_go_on(upload):
    png = b"\x89PNG\r\n\x1a\n\x00\x00"
    with pytest.raises(IngestError) as refused:
        decode(png, "photo.txt")
    response = upload({"files": [SimpleUploadedFile("photo.txt", png), txt("good.txt", "A good article.")]})
    assert f'<span class="errornote">{escape(refused.value)}</span>' in response.content.decode()
    assert list(Document.objects.values_list("filename", flat=True)) == ["good.txt"]


def test_nothing_to_ingest_is_a_form_error(upload):
    response = upload({"outlet": "The Hindu"})
    assert "Choose files, give addresses or paste a text." in response.content.decode()


def test_the_same_text_again_is_reported_as_already_ingested(upload):
    upload({"text": "An article.", "filename": "one.txt"})
    response = upload({"text": "An article.", "filename": "two.txt"})
    assert "two.txt: already ingested" in response.content.decode()
    assert Document.objects.count() == 1


def test_adding_a_document_goes_to_the_upload_page(editor_client):
    response = editor_client.get(reverse("admin:events_document_add"))
    assert response.url == UPLOAD
    assert UPLOAD in editor_client.get(reverse("admin:events_document_changelist")).content.decode()


def test_a_new_publication_date_re_resolves_the_documents_relative_dates(editor_client, upload, reader):
    upload({"files": [txt("meeting.txt", MEETING)], "published": "2023-04-28"})
    document, event = Document.objects.get(), Event.objects.get()
    assert event.date == FRIDAY
    response = editor_client.post(
        reverse("admin:events_document_change", args=[document.pk]),
        {"title": document.title, "outlet": "", "published": "2023-05-06"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.published, document.published_source) == (datetime.date(2023, 5, 6), "editor")
    # "on Friday" in an article of Saturday 6 May is Friday 5 May.
    assert [e.date for e in Event.objects.all()] == [datetime.date(2023, 5, 5)]


def test_reextract_action_reads_the_document_again_and_logs_it(editor_client, upload, reader):
    upload({"files": [txt("meeting.txt", MEETING)], "published": "2023-04-28"})
    document = Document.objects.get()
    Event.objects.all().delete()
    response = editor_client.post(
        reverse("admin:events_document_changelist"), {"action": "reextract_selected", "_selected_action": [document.pk]}
    )
    assert response.status_code == 302
    assert Event.objects.filter(sources__document=document).count() == 1
    entry = LogEntry.objects.get(content_type__model="document", object_id=str(document.pk), action_flag=2)
    assert entry.get_change_message().startswith("Re-extracted: meeting.txt")
