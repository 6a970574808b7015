"""The manuals library (マニュアルに聞く): folders, passages, the SQLite index, retrieval, citations.

No Qt and no model here. ``open_index`` opens (or rebuilds) the index,
``update_index`` brings it up to date with the library's folders,
``Searcher`` finds passages (lexical, optionally fused with dense vectors).
The answer itself is a job (``desktop.jobs.ask``) run in the engine process.
"""

from .folders import add_user_folders, library_folders
from .indexer import UpdateReport, update_index
from .passages import MAX_CHARS, Passage, passages_of
from .search import Hit, Searcher, SearchResult
from .store import Index, open_index
from .writer_lock import LibraryBusy

__all__ = [
    "MAX_CHARS", "Hit", "Index", "LibraryBusy", "Passage", "SearchResult", "Searcher", "UpdateReport",
    "add_user_folders", "library_folders", "open_index", "passages_of", "update_index",
]
