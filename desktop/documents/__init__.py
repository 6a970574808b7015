"""Documents in and out: one ``Document`` model for every pane and job.

Readers (docx, txt in any Japanese encoding, md, pdf) produce a ``Document``;
writers turn text or a ``Document`` into .docx, .txt or .md.
"""

from .model import Block, Document, DocumentError

__all__ = ["Block", "Document", "DocumentError"]
