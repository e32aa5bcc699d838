"""Django admin for editors, one module per concern: events (curation), people and the other things
events name, documents (upload, re-extraction). `curation` holds the multi-step changes they run."""

from . import documents, events, people

__all__ = ["documents", "events", "people"]
