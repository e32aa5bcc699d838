"""Ingest throughput: the seed articles copied many times under distinct names (each copy made a
distinct text, so none is skipped as already ingested), ingested into a throw-away SQLite database.

    .venv/bin/python benchmarks/ingest_speed.py [--copies N]

Prints articles per second, for extraction alone and for the whole ingest (extraction + storing).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=40, help="copies of each of the five seeds")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from events.extraction import extract_document
    from events.ingest import topic_table
    from events.synthetic import ingest_rate, seed_copies

    call_command("migrate", verbosity=0)
    texts = seed_copies(args.copies)
    topics = topic_table()
    extract_document(texts[0][1], topics=topics)  # load the gazetteers once, outside the timing (as ingest_rate does)

    started = time.perf_counter()
    for _, text in texts:
        extract_document(text, topics=topics)
    extraction = time.perf_counter() - started

    rate = ingest_rate(texts)

    n = len(texts)
    print(f"articles: {n} ({args.copies} copies of each seed)")
    print(f"extraction only: {n / extraction:.1f} articles/s")
    print(f"ingest (extraction + storing, SQLite): {rate:.1f} articles/s")


if __name__ == "__main__":
    main()
