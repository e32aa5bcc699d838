"""Reading RSS and Atom feeds: each item a feed lists is fetched and ingested once. An item is
remembered (FeedEntry) when its page gave a document, or when it never will (not an article, say);
an item whose page could not be fetched this time is tried again at the next poll. Polling twice adds
nothing the second time, so `manage.py poll_feeds` is safe to run from cron."""

import datetime
import email.utils
import re
from dataclasses import replace

import feedparser
from django.db import transaction
from django.utils import timezone

from . import fetching, jobs, sources, timeline_index
from .ingest import Batch, IngestError
from .models import Feed, FeedEntry

FEED_DATE_BASIS = "the feed's date for the item"
# A page the server says is not there (404) or gone (410) will not come back: the item is not retried.
GONE_RE = re.compile(r"answered (?:404|410)\b")


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
            if GONE_RE.search(exc.reason):  # the page is gone for good: remembered, not tried again
                FeedEntry.objects.create(feed=feed, key=key, url=link, title=title[:500], error=str(exc))
            else:
                errors.append(str(exc))  # tried again at the next poll
            continue
        except IngestError as exc:
            FeedEntry.objects.create(feed=feed, key=key, url=link, title=title[:500], error=str(exc))
            continue
        except Exception as exc:  # one item's failure, whatever it is, must not stop the others
            errors.append(f"{link}: {jobs.reason(exc)}")
            continue
        if incoming.published is None and day is not None:
            incoming = replace(incoming, published=day, published_basis=FEED_DATE_BASIS)
        try:
            with transaction.atomic():
                result = batch.add(incoming.text, link, outlet=feed.outlet or None, meta=incoming)
                done = result[-1] if result else batch.pending[-1]
                FeedEntry.objects.create(feed=feed, key=key, url=link, title=(title or incoming.title or "")[:500], document=done.document)
        except Exception as exc:
            errors.append(f"{link}: {jobs.reason(exc)}")
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
        found.append((entry.get("id") or link, link, entry.get("title", ""), item_date(entry)))
    return list(reversed(found))  # feeds list the newest first


def item_date(entry):
    """The day the feed gives for an item, as written (the publisher's day, whatever its time zone:
    feedparser's parsed dates are in UTC), never after today; None when it gives none."""
    for raw in (entry.get("published"), entry.get("updated")):
        if not raw:
            continue
        try:
            day = email.utils.parsedate_to_datetime(raw).date()  # RSS: "Tue, 13 Feb 2024 07:00 +0900"
        except (TypeError, ValueError, IndexError):
            try:
                day = datetime.datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date()  # Atom
            except ValueError:
                continue
        return day if day <= datetime.date.today() else None
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    day = datetime.date(*parsed[:3]) if parsed else None
    return day if day and day <= datetime.date.today() else None
