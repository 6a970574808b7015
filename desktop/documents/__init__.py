"""Documents in and out: one ``Document`` model for every pane and job.

Readers (docx, txt in any Japanese encoding, md, pdf) produce a ``Document``;
writers (``desktop.documents.writers``) turn text or a translated ``Document``
into .docx, .txt or .md. Every failure is a ``DocumentError`` whose
``reason`` says which kind of failure it is and whose ``code`` and ``params``
name it in the catalogue (``desktop/messages/documents.py``); callers show it
with ``desktop.messages.describe(error)``. This package imports nothing else
of Fumi. Untrusted files are read in a limited child process by
``desktop.reading.read_isolated``.
"""

from .model import Block, Document, DocumentError
from .readers import document_from_text, read_document

__all__ = ["Block", "Document", "DocumentError", "document_from_text", "read_document"]
