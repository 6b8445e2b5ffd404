"""The seven BerAKHLAK core values (SE MenPANRB 20/2021), by their stable codes.

Their behaviour indicators and wording are reference data (the behaviour capability loads
them); the codes here are what records store.
"""

from __future__ import annotations

from enum import StrEnum


class BehaviourValue(StrEnum):
    BERORIENTASI_PELAYANAN = "BERORIENTASI_PELAYANAN"
    AKUNTABEL = "AKUNTABEL"
    KOMPETEN = "KOMPETEN"
    HARMONIS = "HARMONIS"
    LOYAL = "LOYAL"
    ADAPTIF = "ADAPTIF"
    KOLABORATIF = "KOLABORATIF"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()
