"""gunicorn reads this file from the folder it is started in, the project root."""


def post_worker_init(worker):
    """Read the timeline index (events/timeline_index.py) as soon as a worker has loaded the app, so
    that no visitor's request waits for it (about 1.6 s at 100,000 events)."""
    from django.db import DatabaseError, connection

    from events import timeline_index

    try:
        with timeline_index.current():
            pass
    except DatabaseError as error:  # not migrated yet, say: the first request reads it instead
        worker.log.warning("the timeline index was not read at start: %s", error)
    finally:
        connection.close()
