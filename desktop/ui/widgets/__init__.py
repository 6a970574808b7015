"""Small widgets shared by the panes: streaming output, file drop area, notice bar, pane header,
the column gap and the menu button."""

from .columns import COLUMN_GAP, column_splitter
from .drop_area import FileDropArea
from .elided_label import ElidedLabel
from .menu_button import menu_button
from .notice_bar import NoticeBar
from .pane_header import pane_header, run_and_stop_shortcuts
from .streaming_text import StreamingTextView
from .table_rows import RowFitter

__all__ = ["COLUMN_GAP", "ElidedLabel", "FileDropArea", "NoticeBar", "RowFitter", "StreamingTextView", "column_splitter",
           "menu_button", "pane_header", "run_and_stop_shortcuts"]
