"""The extraction pipeline: article text in, events out. Modules in the order data flows:
text (header, sentences) → dates → people → places → topics → events (one document) → merge."""

from .pipeline import extract_document

__all__ = ["extract_document"]
