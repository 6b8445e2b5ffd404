"""Ratings of the 2022 system (PermenPANRB 6/2022): three levels against expectation."""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    """Rating Hasil Kerja or Rating Perilaku Kerja (reference §3.1)."""

    DI_ATAS = "DI_ATAS"
    SESUAI = "SESUAI"
    DI_BAWAH = "DI_BAWAH"

    @property
    def label(self) -> str:
        return {
            "DI_ATAS": "Di Atas Ekspektasi",
            "SESUAI": "Sesuai Ekspektasi",
            "DI_BAWAH": "Di Bawah Ekspektasi",
        }[self.value]


class RatingSource(StrEnum):
    """Where the final Rating Hasil Kerja came from."""

    PROPOSAL = "PROPOSAL"
    OVERRIDE = "OVERRIDE"
    ORGANISASI = "ORGANISASI"

    @property
    def label(self) -> str:
        return {
            "PROPOSAL": "Sesuai usulan",
            "OVERRIDE": "Berbeda dari usulan",
            "ORGANISASI": "Capaian kinerja organisasi",
        }[self.value]
