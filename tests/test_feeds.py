"""`manage.py poll_feeds` and the feed admin against RSS and Atom feeds served by a local server: each
item's page is fetched and ingested once, an item that will never give a document is remembered with
its error, an item whose page could not be fetched is tried again next time, and the feed records
what the last poll did. Nothing here reaches the internet."""

import datetime
from email.utils import format_datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from events import ingest
from events.feeds import FEED_DATE_BASIS
from events.models import Document, Feed, FeedEntry
from tests.local_site import article_page, site, site_server  # noqa: F401 (fixtures)

ARTICLES = {
    "/world/peru-morocco": (
        "Peru and Morocco sign fisheries and fertiliser agreements in Lima",
        [
            "LIMA — Peru’s foreign minister, Carmen Salazar Quispe, met Morocco’s foreign minister, Youssef El Amrani, "
            "in Lima on Tuesday, and the two signed agreements on fisheries research and fertiliser trade.",
            "The talks at the Torre Tagle palace lasted two hours, officials said. El Amrani is the first Moroccan "
            "foreign minister to visit Peru in more than a decade.",
            "Salazar said Peru wanted a steady supply of phosphate fertiliser for its farmers.",
        ],
        datetime.date(2023, 5, 3),
    ),
    "/world/ghana-brazil": (
        "Ghana and Brazil agree to expand cocoa research cooperation",
        [
            "ACCRA — Ghana’s foreign minister, Kwabena Asante-Mensah, met Brazil’s foreign minister, Luiz Fernando "
            "Carvalho, in Accra on Wednesday and the two signed a memorandum on agricultural research.",
            "Swollen shoot virus has destroyed large areas of Ghanaian cocoa farms, and officials hope Brazilian "
            "scientists can help speed up the breeding of resistant trees.",
            "Carvalho is on a tour of West Africa that also takes him to Abidjan and Dakar.",
        ],
        datetime.date(2023, 5, 11),
    ),
    "/world/norway-kenya": (
        "Norway and Kenya sign ocean partnership during Oslo talks",
        [
            "OSLO — Norway’s foreign minister, Ingrid Haugen, met Kenya’s foreign minister, Samuel Otieno, in Oslo "
            "on Thursday, and the two signed a partnership on ocean management and fisheries data.",
            "Officials said the agreement would fund research vessels off the Kenyan coast and train inspectors "
            "for the port of Mombasa.",
            "Otieno said Kenya wanted to learn from Norway’s experience of managing its fish stocks.",
        ],
        datetime.date(2023, 11, 23),
    ),
    "/world/chile-korea": (
        "Chile and South Korea revive trade talks as foreign ministers meet in Seoul",
        [
            "SEOUL — Chile’s foreign minister, Valentina Riquelme, met her South Korean counterpart, Park Jae-hoon, "
            "in Seoul on Monday, and the two governments agreed to reopen negotiations on their trade agreement.",
            "The meeting at the foreign ministry lasted a little over two hours and was followed by a working lunch, "
            "according to officials from both sides.",
            "Riquelme will travel on Wednesday to Tokyo before returning to Santiago at the end of the week.",
        ],
        datetime.date(2024, 2, 12),
    ),
}
INDEX = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>World news</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><h1>World</h1><ul>
<li><a href="/world/a">Baltic ministers sign off on final stage of grid link to Poland</a></li>
<li><a href="/world/b">Nigeria and Ghana agree to ease border trade rules</a></li>
<li><a href="/world/c">Mexico and Canada foreign ministers discuss seasonal workers scheme</a></li>
<li><a href="/world/d">Dutch coalition talks stall over housing budget</a></li>
</ul></main></body></html>"""


def serve_articles(site, paths=ARTICLES, dated=True):
    for path in paths:
        title, paragraphs, day = ARTICLES[path]
        site.page(path, article_page(title, paragraphs, published=day if dated else None, outlet="Andes Post"))


def pub_date(day, hour=8, offset=0):
    tz = datetime.timezone(datetime.timedelta(hours=offset))
    return format_datetime(datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=tz))


def rss(site, items, title="Andes Post – World"):
    """An RSS 2.0 feed of (path, pubDate or None) items, newest first as feeds list them."""
    entries = ""
    for path, date in items:
        entries += (
            f"<item><title>{ARTICLES[path][0] if path in ARTICLES else 'World news'}</title>"
            f"<link>{site.url}{path}</link><guid isPermaLink='false'>andes-{path.rsplit('/', 1)[-1]}</guid>"
            + (f"<pubDate>{date}</pubDate>" if date else "")
            + "<description>Summary of the article.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{site.url}/</link><description>World news</description>"
        f"{entries}</channel></rss>"
    )


def atom(site, paths, title="Meridian Herald: Asia"):
    entries = "".join(
        f"<entry><title>{ARTICLES[path][0]}</title><link rel='alternate' href='{site.url}{path}'/>"
        f"<id>tag:meridian.example,2024:{path}</id><updated>{ARTICLES[path][2].isoformat()}T10:00:00Z</updated>"
        f"<published>{ARTICLES[path][2].isoformat()}T09:00:00Z</published><summary>Summary.</summary></entry>"
        for path in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>tag:meridian.example,2024:asia</id><updated>2024-02-13T10:00:00Z</updated>"
        f"<link rel='self' href='{site.url}/asia.atom'/>{entries}</feed>"
    )


def serve_rss(site, items, path="/world.rss"):
    return site.page(path, rss(site, items), content_type="application/rss+xml; charset=utf-8")


def poll(*args):
    """stdout, stderr and the CommandError (a feed had an error) of `poll_feeds`, or None."""
    out, err = StringIO(), StringIO()
    try:
        call_command("poll_feeds", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def article_hits(site):
    return {path: n for path, n in site.hits.items() if path.startswith("/world/")}


# Polling


def test_an_rss_feed_added_on_the_command_line_is_polled(site, db):
    serve_articles(site)
    url = serve_rss(site, [("/world/ghana-brazil", pub_date(datetime.date(2023, 5, 11))),
                           ("/world/peru-morocco", pub_date(datetime.date(2023, 5, 3)))])
    before = timezone.now()
    out, err, failed = poll("--add", url)
    assert (failed, err) == (None, "")
    assert out == "Andes Post – World: 2 new document(s)\n"
    feed = Feed.objects.get()
    assert (feed.url, feed.title, feed.last_added, feed.last_error) == (url, "Andes Post – World", 2, "")
    assert feed.last_polled_at >= before
    assert Document.objects.count() == 2
    entries = {e.key: e for e in FeedEntry.objects.filter(feed=feed)}
    assert set(entries) == {"andes-ghana-brazil", "andes-peru-morocco"}
    peru = entries["andes-peru-morocco"]
    assert (peru.url, peru.title, peru.error) == (site.url + "/world/peru-morocco", ARTICLES["/world/peru-morocco"][0], "")
    assert peru.document.text.startswith(ARTICLES["/world/peru-morocco"][0] + "\n\n")
    assert (peru.document.published, peru.document.published_source) == (datetime.date(2023, 5, 3), "page")
    assert peru.document.published_evidence == "the page's JSON-LD (datePublished)"
    assert peru.document.outlet == "Andes Post"
    assert peru.document.filename == site.url + "/world/peru-morocco"
    assert entries["andes-ghana-brazil"].document != peru.document


def test_an_atom_feed_is_polled(site, db):
    paths = ["/world/chile-korea", "/world/norway-kenya"]
    serve_articles(site, paths)
    url = site.page("/asia.atom", atom(site, paths), content_type="application/atom+xml")
    out, err, failed = poll("--add", url, "--outlet", "The Meridian Herald")
    assert failed is None
    assert out == "Meridian Herald: Asia: 2 new document(s)\n"
    feed = Feed.objects.get()
    assert (feed.title, feed.outlet, feed.last_added) == ("Meridian Herald: Asia", "The Meridian Herald", 2)
    assert set(FeedEntry.objects.values_list("key", flat=True)) == {f"tag:meridian.example,2024:{p}" for p in paths}
    assert sorted(Document.objects.values_list("published", flat=True)) == [datetime.date(2023, 11, 23), datetime.date(2024, 2, 12)]


def test_polling_again_adds_nothing_and_fetches_no_article_again(site, db):
    serve_articles(site)
    url = serve_rss(site, [("/world/ghana-brazil", None), ("/world/peru-morocco", None)])
    poll("--add", url)
    first = Feed.objects.get().last_polled_at
    assert article_hits(site) == {"/world/ghana-brazil": 1, "/world/peru-morocco": 1}
    out, err, failed = poll()
    assert (out, err, failed) == ("Andes Post – World: 0 new document(s)\n", "", None)
    feed = Feed.objects.get()
    assert (feed.last_added, Document.objects.count(), FeedEntry.objects.count()) == (0, 2, 2)
    assert feed.last_polled_at > first
    assert site.hits["/world.rss"] == 2
    assert article_hits(site) == {"/world/ghana-brazil": 1, "/world/peru-morocco": 1}


def test_a_new_item_in_the_feed_adds_exactly_one_document(site, db):
    serve_articles(site)
    items = [("/world/ghana-brazil", None), ("/world/peru-morocco", None)]
    url = serve_rss(site, items)
    poll("--add", url)
    serve_rss(site, [("/world/norway-kenya", None), *items])
    out, _, failed = poll()
    assert (out, failed) == ("Andes Post – World: 1 new document(s)\n", None)
    assert Feed.objects.get().last_added == 1
    assert Document.objects.count() == 3
    assert FeedEntry.objects.get(key="andes-norway-kenya").document.title == ARTICLES["/world/norway-kenya"][0]
    assert article_hits(site) == {"/world/ghana-brazil": 1, "/world/peru-morocco": 1, "/world/norway-kenya": 1}


def test_an_article_already_stored_from_elsewhere_is_recorded_but_not_counted(site, db):
    serve_articles(site)
    call_command("ingest", site.url + "/world/peru-morocco", stdout=StringIO())
    url = serve_rss(site, [("/world/peru-morocco", None)])
    out, _, failed = poll("--add", url)
    assert (out, failed) == ("Andes Post – World: 0 new document(s)\n", None)
    assert FeedEntry.objects.get().document == Document.objects.get()


def test_an_item_that_is_not_an_article_is_recorded_with_its_error_and_not_tried_again(site, db):
    serve_articles(site)
    site.page("/world/index", INDEX)
    url = serve_rss(site, [("/world/index", None), ("/world/peru-morocco", None)])
    out, err, failed = poll("--add", url)
    assert (out, err, failed) == ("Andes Post – World: 1 new document(s)\n", "", None)
    entry = FeedEntry.objects.get(key="andes-index")
    assert entry.document is None
    assert entry.error.startswith(f"{site.url}/world/index: no article text found on this page")
    assert Feed.objects.get().last_error == ""
    poll()
    assert site.hits["/world/index"] == 1
    assert FeedEntry.objects.filter(key="andes-index").count() == 1


def test_an_item_whose_page_is_unavailable_is_tried_again_at_the_next_poll(site, db, settings):
    settings.FETCH_RETRIES = 0
    serve_articles(site)
    site.page("/world/norway-kenya", "<p>Service unavailable</p>", status=503)
    url = serve_rss(site, [("/world/norway-kenya", None), ("/world/peru-morocco", None)])
    out, err, failed = poll("--add", url)
    assert isinstance(failed, CommandError)
    assert out == "Andes Post – World: 1 new document(s)\n"
    feed = Feed.objects.get()
    assert feed.last_error == f"{site.url}/world/norway-kenya: the server answered 503 Service Unavailable"
    assert err == f"Andes Post – World: error: {feed.last_error}\n"
    assert list(FeedEntry.objects.values_list("key", flat=True)) == ["andes-peru-morocco"]
    assert site.hits["/world/norway-kenya"] == 1  # FETCH_RETRIES=0: asked once

    serve_articles(site, ["/world/norway-kenya"])  # the server recovers
    out, err, failed = poll()
    assert (out, err, failed) == ("Andes Post – World: 1 new document(s)\n", "", None)
    feed.refresh_from_db()
    assert (feed.last_error, feed.last_added) == ("", 1)
    assert FeedEntry.objects.get(key="andes-norway-kenya").document.title == ARTICLES["/world/norway-kenya"][0]
    assert site.hits["/world/peru-morocco"] == 1 and Document.objects.count() == 2


def test_a_feed_that_answers_404_is_an_error(site, db):
    url = site.url + "/gone.rss"
    other = serve_rss(site, [("/world/peru-morocco", None)])
    serve_articles(site)
    out, err, failed = poll("--add", url, "--add", other)
    assert str(failed) == "1 feed(s) had errors"
    broken = Feed.objects.get(url=url)
    assert broken.last_error == f"{url}: the server answered 404 Not Found"
    assert broken.last_polled_at is not None and broken.last_added == 0
    assert f"{url}: error: {url}: the server answered 404 Not Found" in err
    # The other feed was polled all the same.
    assert Feed.objects.get(url=other).last_added == 1 and Document.objects.count() == 1


def test_a_document_that_is_not_a_feed_is_an_error(site, db):
    url = site.page("/news", INDEX)  # a web page where the feed should be
    out, err, failed = poll("--add", url)
    assert isinstance(failed, CommandError)
    assert Feed.objects.get().last_error == f"{url}: a web page (text/html) is not a feed"


def test_an_item_without_a_date_on_its_page_takes_the_feeds_date(site, db):
    serve_articles(site, ["/world/peru-morocco"], dated=False)
    serve_articles(site, ["/world/ghana-brazil"])
    url = serve_rss(site, [("/world/ghana-brazil", pub_date(datetime.date(2023, 6, 1))),
                           ("/world/peru-morocco", pub_date(datetime.date(2023, 5, 4)))])
    poll("--add", url)
    undated = FeedEntry.objects.get(key="andes-peru-morocco").document
    assert (undated.published, undated.published_source, undated.published_evidence) == (
        datetime.date(2023, 5, 4), "page", FEED_DATE_BASIS,
    )
    assert FEED_DATE_BASIS == "the feed's date for the item"
    # The page's own date beats the feed's.
    dated = FeedEntry.objects.get(key="andes-ghana-brazil").document
    assert (dated.published, dated.published_evidence) == (datetime.date(2023, 5, 11), "the page's JSON-LD (datePublished)")


def test_the_feeds_date_is_the_day_the_feed_states_whatever_its_time_zone(site, db):
    # 07:00 in Seoul on 13 February is still the 12th in UTC; the article is of the 13th, as a page's
    # own date is the day it states (events/webpages.py).
    serve_articles(site, ["/world/chile-korea"], dated=False)
    url = serve_rss(site, [("/world/chile-korea", pub_date(datetime.date(2024, 2, 13), hour=7, offset=9))])
    poll("--add", url)
    assert Document.objects.get().published == datetime.date(2024, 2, 13)


def test_an_inactive_feed_is_not_polled(site, db):
    serve_articles(site)
    url = serve_rss(site, [("/world/peru-morocco", None)])
    Feed.objects.create(url=url, active=False)
    out, err, failed = poll()
    assert (out, err, failed) == ("", "", None)
    assert site.hits == {}
    feed = Feed.objects.get()
    assert (feed.last_polled_at, feed.last_added, Document.objects.count()) == (None, 0, 0)


def test_an_article_that_cannot_be_stored_does_not_stop_the_poll(site, db, monkeypatch):
    """An unexpected failure reading one article (a bug in extraction, say) must not stop the others,
    nor the other feeds: the ingest command and background jobs go on after any exception too."""
    real = ingest.extract_document

    def extract(text, **kwargs):
        if "Norway" in text:
            raise RuntimeError("extraction crashed")
        return real(text, **kwargs)

    monkeypatch.setattr(ingest, "extract_document", extract)
    serve_articles(site)
    first = serve_rss(site, [("/world/norway-kenya", None), ("/world/peru-morocco", None)])
    second = site.page("/asia.atom", atom(site, ["/world/chile-korea"]), content_type="application/atom+xml")
    out, err, failed = poll("--add", first, "--add", second)
    assert isinstance(failed, CommandError)
    assert "norway-kenya" in Feed.objects.get(url=first).last_error
    assert sorted(Document.objects.values_list("title", flat=True)) == sorted(
        [ARTICLES["/world/peru-morocco"][0], ARTICLES["/world/chile-korea"][0]]
    )


# The admin


@pytest.fixture
def feed_with_entries(site, db):
    serve_articles(site)
    url = serve_rss(site, [("/world/ghana-brazil", None), ("/world/peru-morocco", None)])
    return Feed.objects.create(url=url, outlet="Andes Post")


def test_poll_now_in_the_admin_polls_the_selected_feeds(feed_with_entries, admin_client, django_capture_on_commit_callbacks, site):
    feed = feed_with_entries
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:events_feed_changelist"), {"action": "poll_now", "_selected_action": [feed.pk]}
        )
    assert response.status_code == 302
    feed.refresh_from_db()
    assert (feed.title, feed.last_added, feed.last_error) == ("Andes Post – World", 2, "")
    assert feed.last_polled_at is not None
    assert Document.objects.count() == 2 and FeedEntry.objects.count() == 2
    page = admin_client.get(response.url).content.decode()
    assert "1 feed(s) will be read by the task worker" in page


def test_poll_now_without_a_worker_only_queues_the_poll(feed_with_entries, admin_client, site):
    # The request's transaction is not committed here, so the task is not enqueued: nothing is fetched
    # inside the request.
    admin_client.post(reverse("admin:events_feed_changelist"), {"action": "poll_now", "_selected_action": [feed_with_entries.pk]})
    assert site.hits == {} and Document.objects.count() == 0


def test_the_feed_change_page_shows_its_entries(feed_with_entries, admin_client, site, settings):
    settings.FETCH_RETRIES = 0
    site.page("/world/index", INDEX)
    serve_rss(site, [("/world/index", None), ("/world/ghana-brazil", None), ("/world/peru-morocco", None)])
    poll()
    feed = Feed.objects.get()
    page = admin_client.get(reverse("admin:events_feed_change", args=[feed.pk])).content.decode()
    for path in ["/world/ghana-brazil", "/world/peru-morocco", "/world/index"]:
        assert site.url + path in page
    assert ARTICLES["/world/peru-morocco"][0] in page
    assert "no article text found on this page" in page
    listing = admin_client.get(reverse("admin:events_feed_changelist")).content.decode()
    assert "Andes Post – World" in listing and feed.url in listing


def test_an_item_whose_page_is_gone_is_remembered_and_not_tried_again(site, db):
    serve_articles(site)
    site.page("/world/norway-kenya", "<p>Not here</p>", status=404)
    url = serve_rss(site, [("/world/norway-kenya", None), ("/world/peru-morocco", None)])
    out, err, failed = poll("--add", url)
    assert (out, err, failed) == ("Andes Post – World: 1 new document(s)\n", "", None)
    entry = FeedEntry.objects.get(key="andes-norway-kenya")
    assert entry.document is None and "answered 404" in entry.error
    poll()
    assert site.hits["/world/norway-kenya"] == 1
