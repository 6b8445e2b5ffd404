"""Lay a form's content out on paper and write the PDF."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import BinaryIO

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus.doctemplate import LayoutError

from kinerja_desktop.reports import (
    competence_form,
    development_form,
    distribution_form,
    document_form,
    evaluation_form,
    skp_form,
    survey_form,
)
from kinerja_desktop.reports.blocks import rows_may_split
from kinerja_desktop.reports.canvas import Verification, numbered_canvas
from kinerja_desktop.reports.content import FormContent, FormKind, form_kind
from kinerja_desktop.reports.fonts import registered
from kinerja_desktop.reports.keeping import arrange
from kinerja_desktop.reports.paper import Orientation, Paper, page_size
from kinerja_desktop.reports.styles import MARGIN

Story = Callable[[FormContent, float], list[Flowable]]

#: Each form's orientation and its story builder.
FORMS: dict[FormKind, tuple[Orientation, Story]] = {
    FormKind.SKP: (Orientation.LANDSCAPE, skp_form.story),  # type: ignore[dict-item]
    FormKind.EVALUASI: (Orientation.LANDSCAPE, evaluation_form.story),  # type: ignore[dict-item]
    FormKind.DOKUMEN: (Orientation.PORTRAIT, document_form.story),  # type: ignore[dict-item]
    FormKind.PENGEMBANGAN: (Orientation.LANDSCAPE, development_form.story),  # type: ignore[dict-item]
    FormKind.DISTRIBUSI: (Orientation.PORTRAIT, distribution_form.story),  # type: ignore[dict-item]
    FormKind.KOMPETENSI: (Orientation.PORTRAIT, competence_form.story),  # type: ignore[dict-item]
    FormKind.SURVEI: (Orientation.PORTRAIT, survey_form.story),  # type: ignore[dict-item]
}


def orientation_of(kind: FormKind) -> Orientation:
    return FORMS[kind][0]


def render_pdf(
    content: FormContent,
    paper: Paper = Paper.A4,
    verification: Verification | None = None,
    out: BinaryIO | None = None,
) -> bytes:
    """Write ``content`` as a PDF to ``out`` (and return b"") or return its bytes.

    Raises:
        RuntimeError: the fonts were not registered (call ``fonts.register_fonts`` first).
    """
    if not registered():
        raise RuntimeError("register_fonts() must be called before rendering")
    # Binary (only zlib-compressed) streams: ASCII85 makes every font and page stream a
    # quarter larger and its pure-Python encoder costs a tenth of a form's rendering time.
    rl_config.useA85 = 0
    kind = form_kind(content)
    orientation, story = FORMS[kind]
    target: BinaryIO = out if out is not None else io.BytesIO()
    size = page_size(paper, orientation)
    document = SimpleDocTemplate(
        target,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 14 * mm,
        title=kind.label,
        author="Kinerja Desktop",
        creator="Kinerja Desktop",
        invariant=1,
    )
    canvas = numbered_canvas(verification, kind.label)
    try:
        document.build(arrange(story(content, document.width)), canvasmaker=canvas)
    except LayoutError:
        # A cell holds more text than a page: build again letting such rows split.
        with rows_may_split():
            document.build(arrange(story(content, document.width)), canvasmaker=canvas)
    if out is not None:
        return b""
    assert isinstance(target, io.BytesIO)
    return target.getvalue()
