"""Printed forms: plain, frozen content in, PDF out (reportlab).

Nothing here reads the database or knows about Qt: a printing service in
``kinerja_desktop.services.printing`` builds the content dataclasses of :mod:`.content` from the
records, already formatted as they are printed (names with degrees, grouped NIPs, Indonesian
dates), and :func:`.render.render_pdf` lays them out.

Modules: :mod:`.content` (what a form prints), :mod:`.paper` (A4/F4, orientation),
:mod:`.fonts` (the embedded TrueType family), :mod:`.text` (escaping user text for reportlab
markup), :mod:`.styles`, :mod:`.canvas` ("Halaman x dari y" and the verification stamp),
:mod:`.blocks` (letterhead, identity, tables, signatures), one module per form, and
:mod:`.render`.
"""
