"""Ingesting in the background: an admin upload becomes an IngestJob at once, the task worker reads its
items one by one, each item's result (stored, already there, failed with a reason) is recorded as it
is known, and the job's page shows how far it got, updating itself with htmx while the job runs.
Addresses are served by a local server; nothing reaches the internet."""

import io
import logging
import signal
import zipfile
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from events import jobs
from events.models import Document, IngestItem, IngestJob
from events.tasks import run_ingest_job
from tests.conftest import MEETING
from tests.local_site import article_page, site, site_server  # noqa: F401 (fixtures)

UPLOAD = reverse("admin:events_document_upload")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
STORED, PENDING, FAILED = IngestItem.Status.STORED, IngestItem.Status.PENDING, IngestItem.Status.FAILED


def text(n):
    return (
        f"Council report {n}\n\n"
        f"The council of district {n} approved its budget of {n + 3} million on Tuesday after a debate of {n % 7 + 2} hours.\n"
    )


def txt(name, body):
    return SimpleUploadedFile(name, body if isinstance(body, bytes) else body.encode("utf-8"), content_type="text/plain")


def zipped(name, members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, body in members.items():
            archive.writestr(member, body)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/zip")


@pytest.fixture
def database_tasks(settings):
    """The task backend of production: enqueued tasks wait in the database for `db_worker`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def run_worker(monkeypatch):
    """Run `db_worker` until no task is left, in this process and this test's transaction; the signal
    handlers and log handlers it installs are taken back afterwards. The worker closes the database
    connection between tasks when it is not in autocommit, as a test's transaction never is: on
    PostgreSQL that would end the test's transaction, so here it keeps it."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    signals = [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGQUIT", None)) if s is not None]
    saved_signals = {s: signal.getsignal(s) for s in signals}
    loggers = [logging.getLogger(name) for name in ("django.tasks", "django_tasks_db")]
    saved_loggers = [(lg, lg.level, list(lg.handlers)) for lg in loggers]

    def run():
        out = StringIO()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", stdout=out, stderr=out)
        return out.getvalue()

    yield run
    for s, handler in saved_signals.items():
        signal.signal(s, handler)
    for lg, level, handlers in saved_loggers:
        lg.setLevel(level)
        lg.handlers[:] = handlers


@pytest.fixture
def upload(editor_client, django_capture_on_commit_callbacks):
    """Post the upload form as an editor, its on-commit work (asking the worker to run the job) done."""

    def post(data):
        with django_capture_on_commit_callbacks(execute=True):
            return editor_client.post(UPLOAD, data)

    return post


def progress(client, job, htmx=False):
    """The job's page, or with htmx=True what htmx asks for (the header it sends)."""
    return client.get(job.get_absolute_url(), headers={"HX-Request": "true"} if htmx else {}).content.decode()


# An upload of many documents, run by the worker


def test_a_zip_of_300_articles_is_a_job_the_worker_runs(database_tasks, upload, editor_client, run_worker):
    archive = zipped("articles.zip", {f"articles/article-{n:03}.txt": text(n) for n in range(300)} | {
        "articles/readme.md": "not an article",
        "__MACOSX/articles/._article-000.txt": "resource fork",
    })
    response = upload({"files": [archive]})
    job = IngestJob.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    # At once: the job waits for the worker, its 300 items counted, nothing ingested yet.
    assert job.status == IngestJob.Status.QUEUED and job.label == "Upload of 1 file(s)"
    assert job.created_by.username == "editor"
    assert job.tally() == {"pending": 300, "stored": 0, "unchanged": 0, "failed": 0}
    assert Document.objects.count() == 0
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    page = progress(editor_client, job)
    assert '<strong id="job-count">0 / 300</strong>' in page
    assert "the task worker is not running" in page

    run_worker()
    job.refresh_from_db()
    assert job.status == IngestJob.Status.DONE
    assert job.started_at is not None and job.finished_at >= job.started_at
    assert Document.objects.count() == 300
    assert job.tally() == {"pending": 0, "stored": 300, "unchanged": 0, "failed": 0}
    items = list(job.items.order_by("position"))
    assert [i.name for i in items] == [f"articles.zip/articles/article-{n:03}.txt" for n in range(300)]
    for item in items:
        assert item.document is not None
        assert item.message.startswith(f"{item.name.rsplit('/', 1)[-1]}: document {item.document.pk} ")
        assert item.data is None  # the bytes are dropped once read
    assert Document.objects.get(filename="article-042.txt").text == text(42)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    page = progress(editor_client, job)
    assert '<strong id="job-count">300 / 300</strong>' in page
    assert "stored: 300" in page and "hx-trigger" not in page


# The progress page


def test_the_htmx_request_gets_only_the_progress_fragment_polling_while_the_job_runs(db, editor_client):
    job = jobs.create_job("Upload of 2 file(s)", [("a.txt", text(1).encode()), ("b.txt", text(2).encode())])
    # Not committed in a test's transaction, so not enqueued: the job waits.
    fragment = progress(editor_client, job, htmx=True).strip()
    assert fragment.startswith('<div id="job-progress"') and fragment.endswith("</div>")
    assert "<html" not in fragment and "<head" not in fragment and "<body" not in fragment
    assert 'hx-trigger="every 1s"' in fragment and f'hx-get="{job.get_absolute_url()}"' in fragment
    assert '<strong id="job-count">0 / 2</strong>' in fragment

    full = progress(editor_client, job)
    assert "<html" in full and 'id="job-progress"' in full and "htmx" in full

    jobs.run(job)
    fragment = progress(editor_client, job, htmx=True).strip()
    assert fragment.startswith('<div id="job-progress"')
    assert "hx-trigger" not in fragment and "hx-get" not in fragment
    assert '<strong id="job-count">2 / 2</strong>' in fragment
    assert "a.txt: document" in fragment and "b.txt: document" in fragment


def test_a_running_job_keeps_polling(db, editor_client):
    job = jobs.create_job("Upload", [("a.txt", text(1).encode())])
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.RUNNING)
    assert 'hx-trigger="every 1s"' in progress(editor_client, job, htmx=True)
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.FAILED, error="the worker crashed")
    fragment = progress(editor_client, job, htmx=True)
    assert "hx-trigger" not in fragment and '<p class="errornote">the worker crashed</p>' in fragment


# Failures


def test_failing_items_record_their_reasons_and_the_others_are_stored(site, upload, editor_client):
    good_page = site.page("/world/peru-morocco", article_page(
        "Peru and Morocco sign fisheries agreements",
        [
            "LIMA — Peru’s foreign minister, Carmen Salazar Quispe, met Morocco’s foreign minister, Youssef El "
            "Amrani, in Lima on Tuesday, and the two signed agreements on fisheries research and fertiliser trade.",
            "The talks at the Torre Tagle palace lasted two hours, officials said. El Amrani is the first Moroccan "
            "foreign minister to visit Peru in more than a decade.",
        ],
    ))
    gone = site.url + "/world/gone"
    response = upload({
        "files": [txt("empty.txt", b""), txt("photo.txt", PNG), txt("meeting.txt", MEETING)],
        "urls": f"{gone}\n{good_page}\n",
    })
    assert response.status_code == 302, response.content.decode()
    job = IngestJob.objects.get()
    assert job.status == IngestJob.Status.DONE  # the test backend ran it when the upload committed
    results = {i.name: (i.status, i.message) for i in job.items.all()}
    assert results["empty.txt"] == (FAILED, "empty.txt: the file is empty")
    assert results["photo.txt"] == (FAILED, "photo.txt: this is a PNG image, not plain text; save the article as a .txt file")
    assert results[gone] == (FAILED, f"{gone}: the server answered 404 Not Found")
    assert results["meeting.txt"][0] == STORED and results[good_page][0] == STORED
    assert sorted(Document.objects.values_list("filename", flat=True)) == sorted(["meeting.txt", good_page])
    assert job.items.get(name="photo.txt").data is None
    page = progress(editor_client, job)
    assert '<strong id="job-count">5 / 5</strong>' in page and "failed: 3" in page
    assert '<span class="errornote">' + f"{gone}: the server answered 404 Not Found</span>" in page


def test_a_broken_zip_is_a_failed_item_and_the_rest_of_the_upload_goes_on(upload):
    broken = SimpleUploadedFile("broken.zip", b"PK\x03\x04 not really a zip", content_type="application/zip")
    response = upload({"files": [broken, txt("good.txt", text(1))]})
    assert response.status_code == 302
    job = IngestJob.objects.get()
    failed = job.items.get(status=FAILED)
    assert failed.name == "broken.zip" and failed.message.startswith("broken.zip: not a readable zip archive")
    assert job.items.get(name="good.txt").status == STORED


def test_the_same_text_twice_in_a_job_is_one_document(upload):
    upload({"files": [txt("one.txt", text(1)), txt("two.txt", text(1))]})
    job = IngestJob.objects.get()
    assert Document.objects.count() == 1
    two = job.items.get(name="two.txt")
    assert two.status == IngestItem.Status.UNCHANGED
    assert two.message == f"two.txt: already ingested as document {Document.objects.get().pk}; nothing changed"


# An interrupted job


def test_an_interrupted_job_run_again_reads_only_its_waiting_items(db):
    job = jobs.create_job("Upload of 4 file(s)", [(f"{n}.txt", text(n).encode()) for n in range(4)])
    # The worker stopped after the second item: it was stored (by hand here), the job still "running".
    first = job.items.get(position=1)
    IngestItem.objects.filter(pk=first.pk).update(status=STORED, message="stored before the worker stopped", data=None)
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.RUNNING)
    job.refresh_from_db()
    run_ingest_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == IngestJob.Status.DONE
    assert sorted(Document.objects.values_list("filename", flat=True)) == ["0.txt", "2.txt", "3.txt"]
    first.refresh_from_db()
    assert (first.status, first.message, first.document) == (STORED, "stored before the worker stopped", None)
    assert job.tally()["stored"] == 4
    # A finished job is not run again.
    Document.objects.all().delete()
    run_ingest_job.call(job.pk)
    assert Document.objects.count() == 0


# Many files in one upload


def test_more_than_100_files_in_one_upload_make_a_job(editor_client):
    files = [txt(f"note-{n:03}.txt", text(n)) for n in range(101)]
    response = editor_client.post(UPLOAD, {"files": files})
    assert response.status_code == 302
    job = IngestJob.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.label == "Upload of 101 file(s)"
    assert job.items.count() == 101 and job.tally()["pending"] == 101


def test_more_documents_than_a_job_takes_are_refused_with_a_reason(editor_client, settings):
    settings.INGEST_MAX_JOB_ITEMS = 5
    archive = zipped("many.zip", {f"{n}.txt": text(n) for n in range(6)})
    response = editor_client.post(UPLOAD, {"files": [archive]})
    assert response.status_code == 200
    assert "many.zip: 6 documents are more than one job takes (5, setting INGEST_MAX_JOB_ITEMS)" in response.content.decode()
    assert not IngestJob.objects.exists()


# The list of jobs


def test_the_job_list_shows_each_jobs_progress(db, editor_client):
    done = jobs.create_job("Upload of 3 file(s)", [(f"{n}.txt", text(n).encode()) for n in range(3)])
    jobs.run(done)
    waiting = jobs.create_job("Upload of 2 address(es)", [("http://127.0.0.1:9/a", None), ("http://127.0.0.1:9/b", None)])
    IngestItem.objects.filter(job=waiting, position=0).update(status=FAILED, message="no")
    response = editor_client.get(reverse("admin:events_ingestjob_changelist"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Upload of 3 file(s)" in page and "Upload of 2 address(es)" in page
    assert '<td class="field-progress">3 / 3</td>' in page
    assert '<td class="field-progress">1 / 2</td>' in page
    assert job_link(done) in page and job_link(waiting) in page


def job_link(job):
    return f'href="{job.get_absolute_url()}"'


def test_an_archive_that_would_unpack_to_too_much_is_refused_before_it_is_unpacked(editor_client, settings):
    settings.INGEST_MAX_ZIP_BYTES = 1000
    archive = zipped("big.zip", {"a.txt": "x " * 400 + text(1), "b.txt": "y " * 400 + text(2)})
    response = editor_client.post(UPLOAD, {"files": [archive]})
    assert response.status_code == 200
    assert "big.zip: unpacks to" in response.content.decode() and "INGEST_MAX_ZIP_BYTES" in response.content.decode()
    assert not IngestJob.objects.exists()
