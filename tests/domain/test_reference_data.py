from __future__ import annotations

import pytest

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label


def test_all_seven_values_have_three_indicators() -> None:
    for value in BehaviourValue:
        assert len(set(behaviour_indicators(value))) == 3
        assert behaviour_label(value) == value.label


@pytest.mark.parametrize(
    ("value", "number", "text"),
    [
        (BehaviourValue.BERORIENTASI_PELAYANAN, 2, "Ramah, cekatan, solutif, dan dapat diandalkan"),
        (BehaviourValue.AKUNTABEL, 3, "Tidak menyalahgunakan kewenangan jabatan"),
        (
            BehaviourValue.KOLABORATIF,
            1,
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
        ),
    ],
)
def test_indicator_wording_is_the_official_one(
    value: BehaviourValue, number: int, text: str
) -> None:
    assert behaviour_indicators(value)[number - 1] == text
