"""Kinds that describe a civil servant's employment."""

from __future__ import annotations

from enum import StrEnum


class EmploymentStatus(StrEnum):
    """PNS (career civil servant) or PPPK (contract civil servant)."""

    PNS = "PNS"
    PPPK = "PPPK"


class Gender(StrEnum):
    """Gender as encoded in digit 15 of the NIP (1 pria, 2 wanita)."""

    PRIA = "PRIA"
    WANITA = "WANITA"
