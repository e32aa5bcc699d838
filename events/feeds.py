"""Reading RSS and Atom feeds: each item a feed lists is fetched and ingested once. An item is
remembered (FeedEntry) when its page gave a document, or when it never will (not an article, say);
an item whose page could not be fetched this time is tried again at the next poll. Polling twice adds
nothing the second time, so `manage.py poll_feeds` is safe to run from cron."""

import datetime
from dataclasses import replace

import feedparser
from django.db import transaction
from django.utils import timezone

from . import fetching, sources, timeline_index
from .ingest import Batch, IngestError
from .models import Feed, FeedEntry

FEED_DATE_BASIS = "the feed's date for the item"


def poll(feed):
    """Ingest the feed's new items; the number of documents added. The feed records when it was
    read, what it added and its last error (cleared by a poll without one)."""
    errors, added = [], 0
    try:
        entries = items(feed)
    except IngestError as exc:
        errors.append(str(exc))
        entries = []
    known = set(feed.entries.values_list("key", flat=True))
    batch = Batch()
    for key, link, title, day in entries:
        if key in known:
            continue
        known.add(key)
        try:
            incoming = sources.from_address(link)
        except fetching.FetchError as exc:
            errors.append(str(exc))  # tried again at the next poll
            continue
        except IngestError as exc:
            FeedEntry.objects.create(feed=feed, key=key, url=link, title=title[:500], error=str(exc))
            continue
        if incoming.published is None and day is not None:
            incoming = replace(incoming, published=day, published_basis=FEED_DATE_BASIS)
        try:
            with transaction.atomic():
                result = batch.add(incoming.text, link, outlet=feed.outlet or None, meta=incoming)
                done = result[-1] if result else batch.pending[-1]
                FeedEntry.objects.create(feed=feed, key=key, url=link, title=(title or incoming.title or "")[:500], document=done.document)
        except IngestError as exc:
            errors.append(f"{link}: {exc}")
            continue
        added += not done.duplicate
    batch.flush()
    timeline_index.prune_changes()
    Feed.objects.filter(pk=feed.pk).update(last_polled_at=timezone.now(), last_added=added, last_error="\n".join(errors))
    return added


def items(feed):
    """(key, link, title, date or None) of each item the feed lists, oldest first."""
    fetched = fetching.fetch(feed.url, accept=fetching.FEED_TYPES)
    parsed = feedparser.parse(fetched.body, response_headers={"content-type": fetched.headers.get("content-type", "")})
    if not parsed.entries and parsed.bozo:
        raise IngestError(f"{feed.url}: not a readable RSS or Atom feed ({parsed.bozo_exception})")
    if not feed.title and parsed.feed.get("title"):
        Feed.objects.filter(pk=feed.pk).update(title=parsed.feed.title[:300])
    found = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or not sources.is_address(link):
            continue
        day = entry.get("published_parsed") or entry.get("updated_parsed")
        found.append((entry.get("id") or link, link, entry.get("title", ""), datetime.date(*day[:3]) if day else None))
    return list(reversed(found))  # feeds list the newest first
