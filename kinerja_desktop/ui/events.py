"""The one change hub: every screen reads again when a topic it shows was changed.

The database reports the topics of each committed write (``Database.subscribe``), on the
thread that committed. :class:`AppEvents` carries them to the GUI thread and hands them out
once per user action, after the action's own code has finished; :class:`PageWatch` keeps one
page current with the topics it declares: read again at once when visible, marked stale and
read again when shown otherwise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QDialog, QWidget

from kinerja_desktop.domain.changes import ChangeListener, Topic

#: ``Database.subscribe``: adds a listener, returns the function that removes it.
Subscribe = Callable[[ChangeListener], Callable[[], None]]


@runtime_checkable
class ShowsTopics(Protocol):
    """A page that declares what it shows and can read it again."""

    SHOWS: ClassVar[frozenset[Topic]]

    def refresh(self) -> None: ...


@dataclass(frozen=True)
class ChangeBatch:
    """The topics changed by the commits of one turn of the event loop.

    Attributes:
        topics: What those commits wrote.
        last: The serial number of the newest of them (see :attr:`AppEvents.serial`).
    """

    topics: frozenset[Topic]
    last: int


class AppEvents(QObject):
    """The hub: what changed, by topic, delivered on the GUI thread.

    A change is never delivered inside the action that made it (a page's own handler may be
    in the middle of updating a model), but queued to run right after it; the commits of one
    action arrive as one batch.

    Signals:
    changed(ChangeBatch): topics were changed by committed writes.
    """

    changed = Signal(object)
    _committed = Signal(int, object)

    def __init__(self, subscribe: Subscribe | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._serial = 0
        self._pending: set[Topic] = set()
        self._pending_last = 0
        self._flush_due = False
        # Queued even on the GUI thread: see the class docstring.
        self._committed.connect(self._collect, Qt.ConnectionType.QueuedConnection)
        if subscribe is not None:
            unsubscribe = subscribe(self.heard)
            self.destroyed.connect(lambda *_args: unsubscribe())

    @property
    def serial(self) -> int:
        """How many commits were heard so far; a page read after serial N shows them."""
        with self._lock:
            return self._serial

    def heard(self, topics: frozenset[Topic]) -> None:
        """Take the topics of one commit, on whichever thread committed."""
        with self._lock:
            self._serial += 1
            serial = self._serial
        self._committed.emit(serial, topics)

    def _collect(self, serial: int, topics: frozenset[Topic]) -> None:
        self._pending |= topics
        self._pending_last = max(self._pending_last, serial)
        if not self._flush_due:
            self._flush_due = True
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        batch = ChangeBatch(frozenset(self._pending), self._pending_last)
        self._pending.clear()
        self._flush_due = False
        self.changed.emit(batch)


class PageWatch(QObject):
    """Keeps one page current with the topics it shows.

    A visible page reads again as soon as one of its topics changed; a hidden one is marked
    stale and reads again when it is shown, so switching pages never shows old data and a
    hidden page costs nothing. A page that already shows the result of its own action says
    so with one of its ``own_change`` signals: the commits before that are not read again (a
    page reading itself again would drop what the user is typing, such as a reason). Nor is a
    page read again under a dialog of its own (evidence, signing): it takes the dialog's
    changes when the dialog closes, and is read again after that only if it did not.
    """

    def __init__(
        self,
        page: QWidget,
        topics: frozenset[Topic],
        events: AppEvents,
        refresh: Callable[[], None],
        *,
        own_change: Sequence[SignalInstance] = (),
    ) -> None:
        super().__init__(page)
        self._page = page
        self._topics = topics
        self._events = events
        self._refresh = refresh
        #: The page shows every commit up to this serial.
        self._up_to = events.serial
        #: True when a change was missed while hidden or under a dialog.
        self.stale = False
        self._missed_up_to = 0
        self._waiting_for: QDialog | None = None
        events.changed.connect(self._changed)
        page.installEventFilter(self)
        for signal in own_change:
            signal.connect(self._updated_itself)

    def _updated_itself(self, *_args: object) -> None:
        self._up_to = self._events.serial

    def _changed(self, batch: ChangeBatch) -> None:
        if not batch.topics & self._topics or batch.last <= self._up_to:
            return
        dialog = self._open_dialog()
        if self._page.isVisible() and dialog is None:
            self._read_again()
            return
        self.stale = True
        self._missed_up_to = max(self._missed_up_to, batch.last)
        if dialog is not None:
            self._wait_for(dialog)

    def _open_dialog(self) -> QDialog | None:
        """A dialog of the page's own (or of one of them) that is open, if any."""
        return next((d for d in self._page.findChildren(QDialog) if d.isVisible()), None)

    def _wait_for(self, dialog: QDialog) -> None:
        if dialog is not self._waiting_for:
            self._waiting_for = dialog
            # Queued: the page's own handler of the dialog's end runs first.
            dialog.finished.connect(self._dialog_closed, Qt.ConnectionType.QueuedConnection)

    def _dialog_closed(self, *_args: object) -> None:
        self._waiting_for = None
        if not self.stale or not self._page.isVisible():
            return  # read again when shown
        dialog = self._open_dialog()
        if dialog is not None:  # another one is still open (a message over the dialog)
            self._wait_for(dialog)
            return
        if self._missed_up_to <= self._up_to:
            self.stale = False  # the page took the changes itself
        else:
            self._read_again()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self._read_again()
        return False

    def _read_again(self) -> None:
        self.stale = False
        self._up_to = self._events.serial
        self._refresh()


def watch(
    page: QWidget, events: AppEvents, *, own_change: Sequence[SignalInstance] = ()
) -> PageWatch:
    """Keep ``page`` current with the topics it declares (:class:`ShowsTopics`)."""
    if not isinstance(page, ShowsTopics):
        raise TypeError(f"{type(page).__name__} declares no SHOWS topics or no refresh()")
    return PageWatch(page, page.SHOWS, events, page.refresh, own_change=own_change)
