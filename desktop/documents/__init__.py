"""Documents in and out: one ``Document`` model for every pane and job.

Readers (docx, txt in any Japanese encoding, md, pdf) produce a ``Document``;
writers (``desktop.documents.writers``) turn text or a translated ``Document``
into .docx, .txt or .md. Every failure is a ``DocumentError`` whose
``message`` is ready to show (Japanese; English with ``lang="en"`` or
``FUMI_LANG=en``) and whose ``reason`` says which kind of failure it is.
"""

from .model import Block, Document, DocumentError
from .readers import document_from_text, read_document

__all__ = ["Block", "Document", "DocumentError", "document_from_text", "read_document"]
