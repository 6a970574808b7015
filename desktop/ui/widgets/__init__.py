"""Small widgets shared by the panes: streaming output, file drop area, notice bar."""

from .drop_area import FileDropArea
from .notice_bar import NoticeBar
from .streaming_text import StreamingTextView

__all__ = ["FileDropArea", "NoticeBar", "StreamingTextView"]
