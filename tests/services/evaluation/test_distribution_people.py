"""Sebaran Predikat names the people behind each bar and counts the 3x3 matrix."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.predikat import Predikat, predikat_for
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.services.app_services import AppServices

TODAY = date(2026, 11, 28)
A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH

#: The demo's Kecamatan Kertapati in Triwulan III: people per (hasil, perilaku).
MATRIX = {
    (A, B): 0,
    (A, S): 1,
    (A, A): 1,
    (S, B): 2,
    (S, S): 17,
    (S, A): 0,
    (B, B): 0,
    (B, S): 3,
    (B, A): 0,
}


@pytest.fixture
def demo(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


def test_the_matrix_counts_every_decided_person_by_their_ratings(demo: AppServices) -> None:
    unit = demo.supervision.surveys.find_unit("Kecamatan Kertapati").id
    found = demo.distribution.check(unit, 2026, "TW3")
    assert dict(found.matrix) == MATRIX
    assert sum(found.matrix.values()) == found.total == 24
    for (hasil, perilaku), count in MATRIX.items():
        people = found.in_cell(hasil, perilaku)
        assert len(people) == count
        assert all((p.hasil, p.perilaku) == (hasil, perilaku) for p in people)
    # One person's predikat differs from their cell's: a Sangat Baik set on a Baik cell.
    assert found.counts[Predikat.SANGAT_BAIK] == 2
    assert predikat_for(A, S) is Predikat.BAIK


@pytest.mark.parametrize("predikat", list(Predikat))
def test_each_bar_names_the_people_it_counts(demo: AppServices, predikat: Predikat) -> None:
    unit = demo.supervision.surveys.find_unit("Kecamatan Kertapati").id
    found = demo.distribution.check(unit, 2026, "TW3")
    people = found.people(predikat)
    assert len(people) == found.counts[predikat]
    assert {p.predikat.predikat for p in people} <= {predikat}
