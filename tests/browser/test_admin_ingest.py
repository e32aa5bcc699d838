"""Background ingest as an editor sees it in chromium: "Add documents" with several files and a web
address becomes a job whose page shows it waiting; the task worker (the real database backend's
db_worker, run here in the test's thread) reads it, and the open page shows each document's result
by itself, without a reload, then stops asking. The results can be reached with the keyboard, and the
page opened again later shows how the job ended."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import expect

from events.models import Document, IngestItem, IngestJob

PAGE = (Path(__file__).resolve().parents[1] / "data" / "web" / "news-full.html").read_bytes()
PASSWORD = "a long editor password"

# Short articles with the " date YYYY-MM-DD" first line the sample documents use.
ARTICLES = {
    "rajnath-shoigu.txt": " date 2023-04-28 INDIA\n\nDefence Minister Rajnath Singh met his Russian counterpart "
                          "Sergei Shoigu in New Delhi on Friday.\n",
    "jaishankar-wang.txt": " date 2023-05-05 INDIA\n\nExternal Affairs Minister S Jaishankar met Chinese Foreign "
                           "Minister Wang Yi in Goa on Thursday.\n",
    "modi-macron.txt": " date 2023-07-14 FRANCE\n\nPrime Minister Narendra Modi met French President Emmanuel "
                       "Macron in Paris on Friday.\n",
}


class NewsPage(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def news_url(settings):
    """The address of news-full.html on a loopback server, which the fetcher is allowed to reach."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), NewsPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = True
    yield f"http://127.0.0.1:{server.server_address[1]}/world/asia/chile-south-korea-talks"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def worker_backend(settings, immediate_tasks):
    """Tasks go to the database and wait there for db_worker, as in production (this overrides the
    immediate backend tests/conftest.py sets for every test)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def articles(tmp_path):
    paths = []
    for name, text in ARTICLES.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def editor_login(site):
    """A staff member with the events permissions (the "editors" group a migration makes does not
    survive the flush between transactional tests, the permissions do), and nothing more."""
    user = User.objects.create_user("ingest-editor", password=PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="events"))
    return user


def log_in(page, site, user, next_path):
    # The admin's pages name no icon (the site's base.html gives "data:,"), so chromium asks for
    # /favicon.ico, whose 404 the page fixture would count as an error of the page under test.
    page.route(f"{site}/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{site}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{site}{next_path}")


def upload(page, files, urls):
    """Fill in "Add documents" and submit it; the page then is the job's."""
    expect(page.locator("h1")).to_have_text("Add documents")
    page.get_by_label("Files").set_input_files(files)
    page.get_by_label("Or web addresses").fill("\n".join(urls))
    page.get_by_role("button", name="Ingest").click()


def run_worker():
    """What `manage.py db_worker` does in production, until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def result_rows(page):
    return page.locator("#job-items tbody tr")


def test_the_job_page_shows_the_results_as_the_worker_stores_them(page, site, worker_backend, editor_login, articles, news_url):
    names = [path.name for path in articles]
    total = len(names) + 1
    log_in(page, site, editor_login, "/admin/events/document/upload/")
    upload(page, articles, [news_url])

    job = IngestJob.objects.get()
    expect(page).to_have_url(f"{site}/admin/events/ingestjob/{job.pk}/change/")
    expect(page.locator("#job-progress h2")).to_have_text("Waiting for the worker")
    expect(page.locator("#job-count")).to_have_text(f"0 / {total}")
    expect(result_rows(page)).to_have_count(total)
    expect(result_rows(page).locator("td:nth-child(2)")).to_have_text([*names, news_url])
    expect(result_rows(page).locator("td:nth-child(3)")).to_have_text(["waiting"] * total)
    expect(page.locator("#job-progress")).to_have_attribute("hx-trigger", "every 1s")
    # The upload only queued the job: the request's commit put one task in the database backend's
    # queue, for this job, and nothing has been read yet.
    assert job.status == IngestJob.Status.QUEUED
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY"
    assert queued.task_path == "events.tasks.run_ingest_job"
    assert queued.args_kwargs["args"] == [job.pk]
    assert Document.objects.count() == 0

    # Mark this document and count the page's own requests for the progress: a reload would lose the
    # mark, and the results must come through htmx's polling.
    page.evaluate("window.__marker = 1")
    polls = []
    page.on("request", lambda request: request.headers.get("hx-request") == "true" and polls.append(request.url))

    run_worker()

    job.refresh_from_db()
    assert job.status == IngestJob.Status.DONE, job.error
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    documents = {d.filename: d for d in Document.objects.all()}
    assert sorted(documents) == sorted([*names, news_url])

    # The page, left alone, caught up by itself.
    expect(page.locator("#job-count")).to_have_text(f"{total} / {total}", timeout=10_000)
    expect(page.locator("#job-progress h2")).to_have_text("Done")
    expect(page.locator("#job-progress p").first).to_contain_text(f"stored: {total}")
    results = result_rows(page).locator("td:nth-child(3)")
    expect(results).to_contain_text([f"{name}: document {documents[name].pk} (" for name in [*names, news_url]])
    expect(results.nth(0)).to_contain_text(f"rajnath-shoigu.txt: document {documents['rajnath-shoigu.txt'].pk} (2023-04-28)")
    # The address was fetched from the loopback server and read as the web page it is (its date).
    expect(results.nth(total - 1)).to_contain_text(f"{news_url}: document {documents[news_url].pk} (2024-02-12)")
    # Each name links to its document now.
    links = result_rows(page).locator("td:nth-child(2) a")
    expect(links).to_have_text([*names, news_url])
    for name, link in zip([*names, news_url], links.all()):
        expect(link).to_have_attribute("href", f"/admin/events/document/{documents[name].pk}/change/")
    assert page.evaluate("window.__marker") == 1, "the page was reloaded"
    assert polls and all(url == f"{site}{job.get_absolute_url()}" for url in polls)

    # A finished job's progress no longer asks to be polled, and indeed is not.
    progress = page.locator("#job-progress")
    expect(progress).not_to_have_attribute("hx-trigger", "every 1s")
    assert progress.get_attribute("hx-trigger") is None and progress.get_attribute("hx-get") is None
    expect(page.locator("#job-progress .help")).to_have_count(0)
    asked = len(polls)

    # The keyboard alone reaches every document's link, in order.
    page.locator("h1").click()  # start from the page's content, as after reading the heading
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.closest('#job-items td:nth-child(2)') ? document.activeElement.textContent : null")
        if focused:
            reached.append(focused)
            if len(reached) == total:
                break
    assert reached == [*names, news_url]
    assert page.evaluate("document.activeElement.getAttribute('href')") == f"/admin/events/document/{documents[news_url].pk}/change/"
    assert len(polls) == asked, "the finished job's page went on polling"
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/admin/events/document/{documents[news_url].pk}/change/")


def test_the_job_page_opened_after_the_job_finished_shows_how_it_ended(page, site, worker_backend, editor_login, articles, news_url):
    names = [path.name for path in articles[:2]]
    log_in(page, site, editor_login, "/admin/events/document/upload/")
    upload(page, articles[:2], [news_url])
    job = IngestJob.objects.get()
    expect(page.locator("#job-count")).to_have_text("0 / 3")

    # The editor leaves; the worker reads the job meanwhile.
    page.goto(f"{site}/admin/")
    run_worker()

    # Back through "Add documents", whose recent uploads list the job as done.
    page.goto(f"{site}/admin/events/document/upload/")
    recent = page.locator("#recent-jobs li")
    expect(recent).to_have_count(1)
    expect(recent).to_contain_text(" · done")
    recent.get_by_role("link", name=job.label).click()
    expect(page).to_have_url(f"{site}{job.get_absolute_url()}")
    expect(page.locator("#job-progress h2")).to_have_text("Done")
    expect(page.locator("#job-count")).to_have_text("3 / 3")
    documents = {d.filename: d.pk for d in Document.objects.all()}
    expect(result_rows(page).locator("td:nth-child(2)")).to_have_text([*names, news_url])
    expect(result_rows(page).locator("td:nth-child(3)")).to_contain_text(
        [f"{name}: document {documents[name]} (" for name in [*names, news_url]]
    )
    progress = page.locator("#job-progress")
    assert progress.get_attribute("hx-trigger") is None and progress.get_attribute("hx-get") is None
    assert set(IngestItem.objects.values_list("status", flat=True)) == {IngestItem.Status.STORED}
