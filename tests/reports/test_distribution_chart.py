"""The Penetapan Predikat curve chart: every count readable, never struck by the curve line."""

from __future__ import annotations

import itertools

import pytest
from reportlab.graphics.shapes import PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from test_report_rendering import HEAD, signatures

from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports import distribution_form
from kinerja_desktop.reports.content import CurvePoint, DistributionForm
from kinerja_desktop.reports.fonts import BOLD, register_fonts

PREDIKAT = ("Sangat Kurang", "Kurang/Misconduct", "Butuh Perbaikan", "Baik", "Sangat Baik")


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts(resource_path("fonts"))


def form(counts: tuple[int, ...], expected: tuple[float, ...]) -> DistributionForm:
    total = sum(counts)
    return DistributionForm(
        letterhead=HEAD,
        year=2026,
        period_label="Triwulan III",
        unit="Kecamatan Kertapati",
        org_predikat="BAIK",
        curve_title="KURVA DISTRIBUSI",
        points=tuple(
            CurvePoint(name, count, "", "", share * total)
            for name, count, share in zip(PREDIKAT, counts, expected, strict=True)
        ),
        curve_note="",
        total=total,
        findings=(),
        undecided=(),
        people=(),
        signatures=signatures(),
    )


def curve_y(line: PolyLine, x: float) -> float:
    """The curve's height at ``x`` (straight between its points)."""
    points = list(zip(line.points[::2], line.points[1::2], strict=True))
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        if x0 <= x <= x1:
            return float(y0 + (y1 - y0) * (x - x0) / (x1 - x0))
    raise AssertionError(f"{x} is off the curve")


# The demo's unit (the curve crosses the small bars), a steep curve, and a flat one.
CASES = [
    ((0, 2, 3, 17, 2), (0.02, 0.05, 0.13, 0.65, 0.15)),
    ((5, 0, 0, 0, 5), (0.0, 0.1, 0.8, 0.1, 0.0)),
    ((1, 1, 1, 1, 1), (0.2, 0.2, 0.2, 0.2, 0.2)),
]


@pytest.mark.parametrize(("counts", "expected"), CASES)
def test_counts_stand_above_their_bar_and_the_curve_on_a_white_patch(
    counts: tuple[int, ...], expected: tuple[float, ...]
) -> None:
    drawing = distribution_form.curve(form(counts, expected).points, 500)
    shapes = list(drawing.contents)
    line = next(s for s in shapes if isinstance(s, PolyLine))
    bars = [s for s in shapes if isinstance(s, Rect) and s.fillColor == distribution_form.BAR]
    labels = [s for s in shapes if isinstance(s, String) and s.fontName == BOLD]
    assert [label.text for label in labels] == [str(c) for c in counts]
    for label, bar in zip(labels, bars, strict=False):
        half = stringWidth(label.text, BOLD, label.fontSize) / 2
        # Above its bar and above the curve wherever the label stands.
        assert label.y >= bar.y + bar.height
        assert label.y > curve_y(line, label.x)
        # Drawn after the curve, on a white patch that covers it: a steep line passing
        # beside it goes under, not through, the figures.
        index = shapes.index(label)
        assert index > shapes.index(line)
        patch = shapes[index - 1]
        assert isinstance(patch, Rect) and patch.fillColor == colors.white
        assert patch.x <= label.x - half and patch.x + patch.width >= label.x + half
        assert patch.y <= label.y - 1 and patch.y + patch.height >= label.y + label.fontSize
