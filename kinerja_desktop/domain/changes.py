"""What a committed change touched, by topic: the one vocabulary screens refresh by.

Every write transaction reports the topics of the tables it wrote (``data/change_topics.py``
maps each table to one topic); each screen declares the topics it shows and reads again when
one of them changed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class Topic(StrEnum):
    """One area of the records that screens show."""

    #: People, units, supervisors, acting officials, appraisal years and their schemes.
    STAFF = "staff"
    #: SKP drafts, agreed versions, lampiran and the leader's expectations.
    SKP = "skp"
    #: Realisation, evidence, feedback, ratings, predikat, dialogues, seals and their log.
    EVALUATION = "evaluation"
    #: The behaviour journal's observations.
    JOURNAL = "journal"
    #: Competence standards and ratings, development plans and dismissed proposals.
    DEVELOPMENT = "development"
    #: Complaints and compliments, surveys (SKM), audit findings and their follow-up.
    SUPERVISION = "supervision"
    #: The daily progress log (Progres Harian), the office's days off and people's leave days.
    PROGRESS = "progress"
    #: Office settings: the accounts.
    SETTINGS = "settings"
    #: Printed forms and the signatories printed on them (for verification; no page lists
    #: them, so a batch finishing in the background makes no page read again).
    PRINTING = "printing"


#: Everything: what a restore, which replaces the whole file, changes.
ALL_TOPICS = frozenset(Topic)

#: Called with the topics of one committed transaction (never empty).
ChangeListener = Callable[[frozenset[Topic]], None]
