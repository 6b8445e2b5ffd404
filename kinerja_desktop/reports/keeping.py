"""What a page may not end or start with: a heading at its foot, signatures alone at its top.

A signer refuses a sheet holding only signatures (a loose signature sheet can be attached to
anything), and a heading at the foot of a page belongs to the next. Forms mark such flowables
(`keep_with_next`, `keep_with_previous`) and `arrange` binds them, once for every form, to the
flowable they belong to: a heading stays with the start of what follows it, signatures (and
the lines signed with them) take along the end of what precedes them, the last rows of a
table or the last lines of a sentence.

reportlab's own ``KeepTogether`` moves the whole group to a new page when it does not fit,
which leaves most of a page empty before a long table; nested in another it always breaks
(its height is reported as "too large" to force a split). `Kept` splits its body instead and
moves only as much of it as the heading or the signatures need.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import Any

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

#: A height no page has: the frame then always asks `Kept` to split (see `Kept.wrap`).
_FORCE_SPLIT = 0xFFFFFF
#: How far below its full height a body is split to carry its last row or line over.
_CARRY = 0.01


class Keep(Enum):
    NEXT = "next"
    PREVIOUS = "previous"


_MARK = "_kinerja_keep"


def keep_with_next(flowable: Flowable) -> Flowable:
    """Mark ``flowable`` (a heading, a line signed with what follows) never to end a page."""
    setattr(flowable, _MARK, Keep.NEXT)
    return flowable


def keep_with_previous(flowable: Flowable) -> Flowable:
    """Mark ``flowable`` (signatures, a closing line) never to start a page alone."""
    setattr(flowable, _MARK, Keep.PREVIOUS)
    return flowable


def _mark(flowable: Flowable) -> Keep | None:
    mark = getattr(flowable, _MARK, None)
    return mark if isinstance(mark, Keep) else None


def _height(flowables: Sequence[Flowable], width: float, room: float) -> float:
    """The height of ``flowables`` stacked, with the space between them."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrap(width, room)
        total += height + flowable.getSpaceAfter()
        if index:
            total += flowable.getSpaceBefore()
    return total


class Kept(Flowable):  # type: ignore[misc]  # reportlab has no type stubs
    """``head``, ``body`` and ``tail`` in order; neither head nor tail stands alone on a page.

    The body splits as usual (a table by rows, a paragraph by lines); the head goes wherever
    the body's first part goes, and the tail wherever its last part goes. When the body fits
    on the page but the tail does not, the body is split just short of its end, so its last
    row (or group of rows kept together) goes over with the tail.
    """

    def __init__(
        self, head: Sequence[Flowable], body: Flowable, tail: Sequence[Flowable] = ()
    ) -> None:
        super().__init__()
        self.head = list(head)
        self.body = body
        self.tail = list(tail)

    def __repr__(self) -> str:
        return f"Kept({self.head!r}, {self.body!r}, {self.tail!r})"

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        first = self.head[0] if self.head else self.body
        return float(first.getSpaceBefore())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803, ARG002
        # As reportlab's KeepTogether: the frame then calls `split`, which decides.
        return availWidth, _FORCE_SPLIT

    def _at_top(self) -> bool:
        frame = getattr(self, "_frame", None)
        return bool(frame is not None and getattr(frame, "_atTop", False))

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        # The frame lends the canvas to the flowable it splits; some parts need it to measure.
        canvas = getattr(self, "canv", None)
        for part in (*self.head, self.body, *self.tail):
            part.canv = canvas
        head_h = _height(self.head, availWidth, availHeight)
        if self.head:
            head_h += self.body.getSpaceBefore()
        tail_h = _height(self.tail, availWidth, availHeight)
        if self.tail:
            tail_h += self.body.getSpaceAfter() + self.tail[0].getSpaceBefore()
        room = availHeight - head_h
        _, body_h = self.body.wrap(availWidth, room)
        if body_h <= room and body_h + tail_h <= room:
            return [*self.head, self.body, *self.tail]
        # Where to cut the body: at the page's end, or just short of its own end when it fits
        # but what must follow it does not.
        cut = room if body_h > room else body_h - _CARRY
        parts = list(self.body.split(availWidth, cut)) if cut > 0 else []
        if len(parts) >= 2 and not isinstance(parts[0], ActionFlowable):
            rest = Kept([], parts[-1], self.tail)
            return [*self.head, *parts[:-1], rest]
        if self._at_top():
            # Nothing better on a fresh page: let everything flow in order.
            return [*self.head, self.body, *self.tail]
        return []  # all of it to the next page


def arrange(story: Sequence[Flowable]) -> list[Flowable]:
    """Bind each marked flowable to the flowable it belongs to (see the module's docstring).

    A run of `keep_with_next` flowables (and spacers among them) becomes the head of the next
    unmarked flowable; a run ending in a `keep_with_previous` one becomes the tail of the last
    unmarked flowable before it.
    """
    out: list[Flowable] = []
    pending: list[Flowable] = []
    for flowable in story:
        mark = _mark(flowable)
        if mark is Keep.NEXT or (isinstance(flowable, Spacer) and pending):
            pending.append(flowable)
            continue
        if mark is Keep.PREVIOUS:
            _attach_tail(out, [*pending, flowable])
            pending = []
            continue
        if isinstance(flowable, Spacer) or not any(_mark(f) is Keep.NEXT for f in pending):
            out.extend(pending)
            out.append(flowable)
        else:
            out.append(Kept(pending, flowable))
        pending = []
    out.extend(pending)
    return out


def _attach_tail(out: list[Flowable], tail: list[Flowable]) -> None:
    """Make ``tail`` the tail of the last flowable in ``out`` (spacers before it join the tail)."""
    while out and isinstance(out[-1], Spacer):
        tail.insert(0, out.pop())
    if not out:
        out.extend(tail)
        return
    last = out.pop()
    if isinstance(last, Kept):
        out.append(Kept(last.head, last.body, [*last.tail, *tail]))
    else:
        out.append(Kept([], last, tail))
