"""Ingesting in the background: an admin upload (any number of files, or zips of them, addresses,
a pasted text) becomes an IngestJob whose items the task worker reads one by one
(events/tasks.py), so that the request returns at once and the editor watches the items' results
arrive. Each document is stored in its own transaction, as the ingest command stores them; a failure
is that item's message and the others go on."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import sources, timeline_index
from .ingest import Batch, IngestError
from .models import IngestItem, IngestJob

# Items are clustered together this many at a time (see ingest.Batch), so their results show in
# steps of this size at most.
JOB_BATCH = 20


def create_job(label, entries, published=None, outlet="", user=None):
    """A queued job of `entries`: (name, bytes) for a file, (address, None) for an address. Zip
    archives are unpacked into their .txt/.html/.htm members here, so the job counts each document.
    The worker is asked to run it once the job is committed."""
    items, problems = [], []
    for name, data in entries:
        if data is not None and name.lower().endswith(".zip"):
            try:
                items += [(f"{name}/{member}", content) for member, content in sources.zip_members(name, data)]
            except sources.TooBig:
                raise
            except IngestError as exc:
                problems.append((name, str(exc)))  # a broken archive is that item's failure
            continue
        items.append((name, data))
    limit = settings.INGEST_MAX_JOB_ITEMS
    if len(items) > limit:
        raise IngestError(f"{len(items):,} documents are more than one job takes ({limit:,}, setting INGEST_MAX_JOB_ITEMS)")
    with transaction.atomic():
        job = IngestJob.objects.create(label=label[:300], published=published, outlet=outlet or "", created_by=user)
        rows = [IngestItem(job=job, position=n, name=name[:2000], data=data) for n, (name, data) in enumerate(items)]
        rows += [
            IngestItem(job=job, position=len(items) + n, name=name[:2000], status=IngestItem.Status.FAILED, message=message)
            for n, (name, message) in enumerate(problems)
        ]
        IngestItem.objects.bulk_create(rows)
        transaction.on_commit(lambda: enqueue(job))
    return job


def enqueue(job):
    from .tasks import run_ingest_job  # the task module imports this one

    run_ingest_job.enqueue(job.pk)


def run(job):
    """Read the job's waiting items in order, recording each one's result as it is known. A job
    interrupted (the worker stopped) goes on from its first waiting item when run again."""
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.RUNNING, started_at=job.started_at or timezone.now())
    batch = Batch(size=JOB_BATCH)
    owners = {}  # id of a document's IngestResult: its item
    try:
        for item in job.items.filter(status=IngestItem.Status.PENDING).order_by("position").iterator(chunk_size=50):
            try:
                incoming = read(item)
                done = batch.add(incoming.text, incoming.name, published=job.published, outlet=job.outlet or None, meta=incoming)
            except Exception as exc:  # one document's failure never stops the others
                record(item, IngestItem.Status.FAILED, reason(exc))
                continue
            # This document's result is the last of those done (a batch full, or a document already
            # stored), else the last waiting to be clustered.
            owners[id(done[-1] if done else batch.pending[-1])] = item
            finish(done, owners)
        finish(batch.flush(), owners)
    except Exception as exc:
        IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.FAILED, error=reason(exc), finished_at=timezone.now())
        raise
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.DONE, finished_at=timezone.now())
    timeline_index.prune_changes()


def read(item):
    if item.data is None:
        return sources.from_address(item.name)
    return sources.from_bytes(item.name.rsplit("/", 1)[-1], bytes(item.data))


def finish(results, owners):
    """Record the results of documents whose reports are now clustered."""
    for result in results:
        item = owners.pop(id(result), None)
        if item is None:
            continue
        status = IngestItem.Status.UNCHANGED if result.duplicate and not result.updated else IngestItem.Status.STORED
        events = [
            [what, event.pk, str(event)]
            for what, found in (("new", result.created), ("joined", result.joined), ("flagged for review", result.flagged))
            for event in found
        ]
        record(item, status, result.summary(), result.document, events)


def record(item, status, message, document=None, events=()):
    IngestItem.objects.filter(pk=item.pk).update(status=status, message=message, document=document, events=list(events), data=None)


def reason(exc):
    if isinstance(exc, IngestError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot read it ({exc.strerror or exc})"
    return f"unexpected {type(exc).__name__}: {exc}"
