"""Each page makes as many SQL queries for 100,000 events as for 1,000: no query per event, person
or document listed. The corpora come from the benchmark's builder (manage.py bench). On PostgreSQL
the large corpus is 10,000 events: building 100,000 there took three minutes alone and over ten in
the full suite, more than CI may take."""

from django.db import connection, transaction

from events import bench, timeline_index
from events.synthetic import Size, build


def queries_per_page(size):
    """{page: queries} over a corpus of this size, rolled back afterwards."""
    with transaction.atomic():
        build(size)
        counts = {page.label.split(" (")[0]: bench.queries(page) for page in bench.pages()}
        transaction.set_rollback(True)
    timeline_index.reset()  # it has seen the corpus the rollback takes back
    return counts


def test_every_page_makes_as_many_queries_for_a_hundred_times_the_events(db):
    small = queries_per_page(Size(events=1_000, people=200, sources=2_000, documents=500, years=30))
    if connection.vendor == "sqlite":
        large = queries_per_page(Size())  # 100,000 events, the size manage.py bench builds
    else:
        large = queries_per_page(Size(events=10_000, people=2_000, sources=20_000, documents=5_000, years=30))
    assert len(small) == 15 and all(n > 0 for n in small.values())
    assert large == small
