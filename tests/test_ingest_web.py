"""`manage.py ingest` with saved web pages and http(s) addresses: the article's text and what the page
says of itself are stored, one article reached several ways is one document, failures are a line
each while the others go on, --published/--outlet change a stored document, and many documents show
a progress bar on a terminal. Addresses are served by a local server; nothing reaches the internet."""

import datetime
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.models import Document, Event, Report
from tests.conftest import MEETING
from tests.local_site import article_page, site, site_server  # noqa: F401 (fixtures)

WEB = Path(__file__).resolve().parent / "data" / "web"
HEADLINE = "Chile and South Korea revive trade talks as foreign ministers meet in Seoul"
CANONICAL = "https://www.meridian-herald.example/world/asia/chile-south-korea-foreign-ministers-seoul-trade-talks"
NEWS = (WEB / "news-full.html").read_text(encoding="utf-8")
LAST_PARAGRAPH = (
    "<p>Riquelme will travel on Wednesday to Tokyo, where she is due to meet Japan’s foreign minister before "
    "returning to Santiago at the end of the week.</p>"
)
SUMMARY_RE = re.compile(
    r"^(\d+) document\(s\): (\d+) stored, (\d+) already there, (?:(\d+) given a new date or outlet, )?(\d+) failed; "
    r"(\d+) new event\(s\), (\d+) joined$"
)


class Terminal(StringIO):
    """An error stream that says it is a terminal."""

    def isatty(self):
        return True


def run_ingest(*args, stderr=None):
    """stdout and stderr of the command; a CommandError (some document failed) is returned as the third."""
    out, err = StringIO(), stderr if stderr is not None else StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def summary(out):
    """The final line's numbers: documents, stored, already there, updated, failed, new events, joined."""
    match = SUMMARY_RE.match(out.strip().splitlines()[-1])
    assert match, f"no summary line at the end of:\n{out}"
    return tuple(int(n or 0) for n in match.groups())


# Folders of text files and saved pages


def test_a_folder_of_text_files_and_saved_pages_is_ingested_with_what_the_pages_say_of_themselves(db, tmp_path):
    shutil.copy(WEB / "news-full.html", tmp_path / "chile-korea.html")
    shutil.copy(WEB / "amp-or-minimal.html", tmp_path / "vietnam-indonesia.htm")
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article")  # passed over: neither text nor page
    out, err, failed = run_ingest(tmp_path)
    assert (failed, err) == (None, "")
    assert sorted(Document.objects.values_list("filename", flat=True)) == ["chile-korea.html", "meeting.txt", "vietnam-indonesia.htm"]
    assert summary(out)[:5] == (3, 3, 0, 0, 0)

    page = Document.objects.get(filename="chile-korea.html")
    assert page.text.startswith(HEADLINE + "\n\nSEOUL, 12 February — Chile’s foreign minister, Valentina Riquelme, met")
    for boilerplate in ["We use cookies", "Accept all", "Subscribe from", "Sign in", "Share on Facebook", "Advertisement",
                        "Related articles", "Comments (3)", "pacific_observer", "Lithium is the whole story",
                        "Privacy policy", "All rights reserved", "Sign up to Morning Briefing"]:
        assert boilerplate not in page.text
    assert "Riquelme will travel on Wednesday to Tokyo" in page.text
    assert page.url == CANONICAL
    assert (page.title, page.outlet, page.author) == (HEADLINE, "The Meridian Herald", "Daniel Okafor")
    assert page.published == datetime.date(2024, 2, 12)
    assert (page.published_source, page.published_evidence) == ("page", "the page's JSON-LD (datePublished)")

    minimal = Document.objects.get(filename="vietnam-indonesia.htm")
    assert minimal.text.startswith("Vietnam and Indonesia agree maritime boundary talks\n\n")
    assert (minimal.published, minimal.published_source) == (datetime.date(2022, 10, 7), "page")
    assert minimal.published_evidence == "the page's <time> element"
    assert (minimal.url, minimal.outlet, minimal.author) == ("", None, "")

    text = Document.objects.get(filename="meeting.txt")
    assert text.text == MEETING and text.url == "" and text.published_evidence == ""
    # The pages' meetings became events like a text file's.
    assert Event.objects.filter(sources__document=page).exists()


# Addresses


def test_an_address_is_stored_with_its_canonical_url_and_the_page_date(site, db):
    url = site.page("/2024/chile-korea", NEWS)
    out, err, failed = run_ingest(url)
    assert (failed, err) == (None, "")
    document = Document.objects.get()
    assert (document.url, document.filename) == (CANONICAL, url)
    assert document.text.startswith(HEADLINE + "\n\n")
    assert (document.published, document.published_source) == (datetime.date(2024, 2, 12), "page")
    assert (document.outlet, document.author) == ("The Meridian Herald", "Daniel Okafor")
    assert out.startswith(f"{url}: document {document.pk} (2024-02-12): ")
    assert site.hits["/2024/chile-korea"] == 1


def test_the_same_article_by_a_second_address_is_already_ingested(site, db):
    first = site.page("/world/chile-korea", NEWS)
    # Another address of the same page, with a tracking parameter.
    tracked = first + "?utm_source=x&utm_medium=social"
    # A different version (AMP, say) at another path: its text differs, its canonical link is the same.
    amp = site.page("/amp/chile-korea", NEWS.replace(LAST_PARAGRAPH, ""))
    assert LAST_PARAGRAPH in NEWS
    out, err, failed = run_ingest(first)
    document = Document.objects.get()
    out, err, failed = run_ingest(tracked, amp)
    assert (failed, err) == (None, "")
    assert out.splitlines()[:2] == [
        f"{tracked}: already ingested as document {document.pk}; nothing changed",
        f"{amp}: already ingested as document {document.pk}; nothing changed",
    ]
    assert summary(out)[:5] == (2, 0, 2, 0, 0)
    assert Document.objects.count() == 1
    assert site.hits["/amp/chile-korea"] == 1  # it was read: only its canonical address tells


def test_an_address_without_a_canonical_link_is_stored_without_its_tracking_parameters(site, db):
    paragraphs = [
        "LIMA — Peru’s foreign minister, Carmen Salazar Quispe, met Morocco’s foreign minister, Youssef El Amrani, "
        "in Lima on Tuesday, and the two signed agreements on fisheries research and fertiliser trade.",
        "The talks at the Torre Tagle palace lasted two hours, officials said. El Amrani is the first Moroccan "
        "foreign minister to visit Peru in more than a decade.",
    ]
    html = article_page("Peru and Morocco sign fisheries agreements", paragraphs, published=datetime.date(2023, 5, 3))
    url = site.page("/world/peru-morocco", html)
    run_ingest(url + "?utm_source=newsletter#top")
    assert Document.objects.get().url == url
    out, _, _ = run_ingest(url)
    assert "already ingested" in out and Document.objects.count() == 1


def test_a_saved_page_and_the_same_page_by_its_address_are_one_document(site, db, tmp_path):
    saved = tmp_path / "chile-korea.html"
    shutil.copy(WEB / "news-full.html", saved)
    url = site.page("/world/chile-korea", NEWS)
    run_ingest(saved)
    document = Document.objects.get()
    out, err, failed = run_ingest(url)
    assert failed is None
    assert out.splitlines()[0] == f"{url}: already ingested as document {document.pk}; nothing changed"
    assert Document.objects.count() == 1
    # And the other way round: first by address, then the saved file.
    Document.objects.all().delete()
    run_ingest(url)
    out, _, _ = run_ingest(saved)
    assert out.startswith("chile-korea.html: already ingested") and Document.objects.count() == 1


def test_two_saved_articles_whose_canonical_link_is_the_home_page_are_two_documents(db, tmp_path):
    """A site that points every page's canonical link at its home page (a common misconfiguration)
    gives no address of the article; two different articles saved from it are two documents."""
    home = '<link rel="canonical" href="https://www.andespost.example/">'
    for name, (title, where) in {"peru.html": ("Peru and Morocco sign fisheries deal", "Lima"),
                                 "chile.html": ("Chile and Peru sign lithium deal", "Santiago")}.items():
        paragraphs = [
            f"{where.upper()} — The two foreign ministers met in {where} on Tuesday and signed agreements on "
            "fisheries research, fertiliser trade and a joint committee that will meet twice a year.",
            "The talks lasted two hours, officials said, and were followed by a working lunch at the ministry. "
            "Both ministers said they expected trade between the two countries to grow next year.",
        ]
        html = article_page(title, paragraphs, outlet="Andes Post").replace("</title>", "</title>" + home)
        (tmp_path / name).write_text(html, encoding="utf-8")
    out, err, failed = run_ingest(tmp_path / "peru.html", tmp_path / "chile.html")
    assert "already ingested" not in out
    assert sorted(Document.objects.values_list("title", flat=True)) == [
        "Chile and Peru sign lithium deal", "Peru and Morocco sign fisheries deal",
    ]


def test_files_pages_and_addresses_mixed_in_one_run(site, db, tmp_path):
    (tmp_path / "meeting.txt").write_text(MEETING, encoding="utf-8")
    shutil.copy(WEB / "url-date.html", tmp_path / "ghana-brazil.html")
    url = site.page("/news/chile-korea", NEWS)
    out, err, failed = run_ingest(tmp_path / "meeting.txt", tmp_path / "ghana-brazil.html", url)
    assert (failed, err) == (None, "")
    lines = out.strip().splitlines()
    assert len(lines) == 4
    documents = {d.filename: d for d in Document.objects.all()}
    assert set(documents) == {"meeting.txt", "ghana-brazil.html", url}
    assert lines[0].startswith(f"meeting.txt: document {documents['meeting.txt'].pk} (no publication date): ")
    assert lines[1].startswith(f"ghana-brazil.html: document {documents['ghana-brazil.html'].pk} (no publication date): ")
    assert lines[2].startswith(f"{url}: document {documents[url].pk} (2024-02-12): ")
    total, stored, there, updated, failures, created, joined = summary(out)
    assert (total, stored, there, updated, failures) == (3, 3, 0, 0, 0)
    assert created == Event.objects.count() > 0
    # The line of each document counts its events; the summary adds them up.
    per_line = [re.search(r"(\d+) new event\(s\), (\d+) joined", line).groups() for line in lines[:3]]
    assert (created, joined) == tuple(sum(int(p[i]) for p in per_line) for i in (0, 1))


# Failures


def test_failures_are_a_line_each_and_the_others_are_stored(site, db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(MEETING, encoding="utf-8")
    missing_page = site.url + "/world/gone"
    index = site.page("/world", (WEB / "index-page.html").read_bytes())
    ftp = f"ftp://127.0.0.1:{site.server_address[1]}/world/chile-korea.html"
    out, err, failed = run_ingest(missing_page, index, good, ftp)
    assert str(failed) == "3 document(s) could not be ingested"
    assert err.splitlines() == [
        f"{missing_page}: error: the server answered 404 Not Found; nothing stored",
        f"{index}: error: no article text found on this page (it looks like an index or a page of links); nothing stored",
        f"{ftp}: error: no such file or folder",
    ]
    assert out.splitlines()[0].startswith("good.txt: document")
    assert summary(out)[:5] == (4, 1, 0, 0, 3)
    # Nothing of the failed ones: one document, and every report is the good one's.
    good_doc = Document.objects.get()
    assert good_doc.filename == "good.txt"
    assert set(Report.objects.values_list("document", flat=True)) == {good_doc.pk}
    assert site.hits == {"/world/gone": 1, "/world": 1}  # the ftp address was not fetched, nor read as a file


def test_a_private_address_is_refused_unless_the_setting_allows_it(site, db, settings, tmp_path):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = False
    url = site.page("/world/chile-korea", NEWS)
    good = tmp_path / "good.txt"
    good.write_text(MEETING, encoding="utf-8")
    out, err, failed = run_ingest(url, good)
    assert isinstance(failed, CommandError)
    assert err.strip() == (
        f"{url}: error: 127.0.0.1 is a private network address; set FETCH_ALLOW_PRIVATE_ADDRESSES to allow it; "
        "nothing stored"
    )
    assert list(Document.objects.values_list("filename", flat=True)) == ["good.txt"]
    assert sum(site.hits.values()) == 0  # refused before connecting


def test_a_page_that_is_not_a_web_page_is_refused(site, db):
    url = site.page("/report.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    out, err, failed = run_ingest(url)
    assert err.strip() == f"{url}: error: a PDF (application/pdf) is not a web page; nothing stored"
    assert summary(out)[:5] == (1, 0, 0, 0, 1)
    assert not Document.objects.exists()


# --published and --outlet for a stored document


def test_published_given_for_a_stored_document_reads_its_relative_dates_again(db, tmp_path, reader):
    path = tmp_path / "meeting.txt"
    path.write_text(MEETING, encoding="utf-8")
    run_ingest(path)
    document = Document.objects.get()
    assert document.published is None
    assert [(e.date, e.date_precision) for e in Event.objects.all()] == [(None, "unknown")]

    out, err, failed = run_ingest("--published", "2024-02-18", path)
    assert (failed, err) == (None, "")
    assert out.splitlines()[0].startswith(
        f"meeting.txt: already ingested as document {document.pk}; publication date set to 2024-02-18 and its events read again: "
    )
    assert summary(out)[:5] == (1, 0, 0, 1, 0)
    document.refresh_from_db()
    assert (document.published, document.published_source) == (datetime.date(2024, 2, 18), "user")
    # "on Friday" in an article of Sunday 18 February 2024 is Friday 16 February.
    assert [e.date for e in Event.objects.all()] == [datetime.date(2024, 2, 16)]
    assert Document.objects.count() == 1

    out, _, _ = run_ingest("--published", "2024-02-18", path)
    assert out.splitlines()[0] == f"meeting.txt: already ingested as document {document.pk}; nothing changed"
    assert summary(out)[:5] == (1, 0, 1, 0, 0)

    out, _, _ = run_ingest("--published", "2024-02-25", path)
    assert "publication date set to 2024-02-25" in out
    assert [e.date for e in Event.objects.all()] == [datetime.date(2024, 2, 23)]


def test_published_given_for_a_stored_web_page_beats_the_pages_own_date(db, tmp_path):
    saved = tmp_path / "chile-korea.html"
    shutil.copy(WEB / "news-full.html", saved)
    run_ingest(saved)
    out, _, _ = run_ingest("--published", "2024-02-18", saved)
    assert "publication date set to 2024-02-18 and its events read again" in out
    document = Document.objects.get()
    assert (document.published, document.published_source, document.published_evidence) == (
        datetime.date(2024, 2, 18), "user", "",
    )


def test_outlet_given_for_a_stored_document_sets_it(db, tmp_path):
    path = tmp_path / "meeting.txt"
    path.write_text(MEETING, encoding="utf-8")
    run_ingest(path)
    events = set(Event.objects.values_list("pk", "date"))
    out, err, failed = run_ingest("--outlet", "The Hindu", path)
    assert failed is None
    line = out.splitlines()[0]
    document = Document.objects.get()
    assert line.startswith(f"meeting.txt: already ingested as document {document.pk}; outlet set to The Hindu")
    # Only a new date has the document read again; the line must not say it was.
    assert "read again" not in line
    assert document.outlet == "The Hindu"
    assert set(Event.objects.values_list("pk", "date")) == events
    out, _, _ = run_ingest("--outlet", "The Hindu", path)
    assert out.splitlines()[0].endswith("nothing changed")


# The progress bar


def many_files(folder, n):
    for i in range(n):
        (folder / f"note-{i:03}.txt").write_text(f"Note {i}.\n\nThe committee number {i} held no meeting this week.\n")
    return folder


def test_many_documents_show_a_progress_bar_on_a_terminal(db, tmp_path):
    out, err, failed = run_ingest(many_files(tmp_path, 21), stderr=Terminal())
    assert failed is None
    assert "[" + "#" * 30 + "] 21/21" in err
    assert re.search(r"\[#*\.+\] 1/21", err)  # drawn from the first document on
    assert summary(out)[:2] == (21, 21)
    assert len(out.strip().splitlines()) == 22  # the bar stays on stderr
    assert "[" not in out and "/21" not in out


def test_no_progress_bar_when_stderr_is_not_a_terminal_or_for_few_documents(db, tmp_path):
    out, err, failed = run_ingest(many_files(tmp_path, 21))
    assert (failed, err) == (None, "")
    assert summary(out)[:2] == (21, 21)
    few = tmp_path / "few"
    few.mkdir()
    out, err, failed = run_ingest(many_files(few, 3), stderr=Terminal())
    assert "/3" not in err and "#" not in err
