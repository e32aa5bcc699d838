"""Background tasks (django.tasks; the database backend's `manage.py db_worker` runs them)."""

from django.tasks import task

from . import feeds, jobs
from .models import Feed, IngestJob


@task()
def run_ingest_job(job_id):
    """Ingest the documents of an admin upload or a list of addresses (events/jobs.py)."""
    job = IngestJob.objects.filter(pk=job_id).first()
    if job is not None and not job.finished:
        jobs.run(job)


@task()
def poll_feed(feed_id):
    """Read one feed's new items (events/feeds.py); the admin's "poll now"."""
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is not None:
        feeds.poll(feed)
