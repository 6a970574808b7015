"""Results of work on Qt's thread pool back to the UI thread, safe when the one who asked is gone.

A task must not emit a signal of an object the window owns: the pane that
asked may be closed and deleted while the task runs, and an emit on a deleted
object fails on the pool thread ("Signal source has been deleted") or, worse,
races with the deletion. A task is given a ``Reply`` instead. It is made on
the UI thread, has no parent (nothing the window deletes) and is connected
there to a forwarder that is a child of the receiver. ``reply.send(name,
*args)`` crosses to the receiver's thread, where the forwarder emits the
receiver's own signal ``name(*args)``. When the receiver has been deleted its
forwarder went with it, and Qt drops the delivery.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class _Carrier(QObject):
    """The sending end. It never receives events, so it may be deleted on either thread once a task is done."""

    sent = Signal(str, object)   # signal name, arguments (a tuple)


class _Forwarder(QObject):
    """The receiving end, a child of the receiver: re-emits on the UI thread what tasks sent."""

    @Slot(str, object)
    def forward(self, name: str, args: Any) -> None:
        receiver = self.parent()
        if receiver is not None:
            getattr(receiver, name).emit(*args)


class Reply:
    """A background task's way back to ``receiver`` (a QObject with the signals it names).

    Make it on the receiver's thread, before the task starts. ``send(name,
    *args)`` may be called from any thread: ``receiver.<name>`` is emitted on
    the receiver's thread with ``args``, or nothing happens when the receiver
    has been deleted meanwhile.
    """

    def __init__(self, receiver: QObject) -> None:
        forwarder = receiver.findChild(_Forwarder, "", Qt.FindChildOption.FindDirectChildrenOnly)
        if forwarder is None:
            forwarder = _Forwarder(receiver)
        self._carrier = _Carrier()
        self._carrier.sent.connect(forwarder.forward)

    def send(self, name: str, *args: Any) -> None:
        self._carrier.sent.emit(name, args)
