"""The post a Plt/Plh holds on a day, as the identity block of a form prints it.

A person standing in for an absent or vacant official signs in that official's post: "Plt.
Kepala Seksi Kesejahteraan Sosial". The forms print it under the person's own jabatan, so the
reader sees both the post they sign in and the one they hold.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import staff as repo

__all__ = ["acting_post_in", "with_post"]


def acting_post_in(session: Session, employee_id: int, on: date) -> str:
    """The posts ``employee_id`` stands in for on ``on`` ("Plt. <jabatan>"), or ""."""
    posts = repo.posts_stood_in_for(session, employee_id, on)
    return "; ".join(f"{kind.label} {jabatan}" for kind, jabatan in posts)


def with_post(jabatan: str, post: str) -> str:
    """The jabatan line of an identity block: the own jabatan, and the post below it."""
    return f"{jabatan}\n{post}" if post else jabatan
