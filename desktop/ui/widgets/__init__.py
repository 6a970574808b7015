"""Small widgets shared by the panes: streaming output, file drop area, notice bar, pane header."""

from .drop_area import FileDropArea
from .elided_label import ElidedLabel
from .notice_bar import NoticeBar
from .pane_header import pane_header, run_and_stop_shortcuts
from .streaming_text import StreamingTextView
from .table_rows import RowFitter

__all__ = ["ElidedLabel", "FileDropArea", "NoticeBar", "RowFitter", "StreamingTextView", "pane_header", "run_and_stop_shortcuts"]
