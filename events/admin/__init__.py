"""Django admin for editors, one module per concern: events (curation), people and the other things
events name, documents (upload, re-extraction), ingesting (background jobs, feeds). `curation` holds the multi-step changes they run."""

from . import documents, events, ingesting, people

__all__ = ["documents", "events", "ingesting", "people"]
