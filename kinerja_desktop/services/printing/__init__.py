"""Printed forms: each form's content read from the records, rendered by ``reports``.

Modules: :mod:`.request` (what to print), :mod:`.snapshot` (every service inside one read
transaction), :mod:`.people` (identity blocks, signatures, letterhead), one builder module per
form family, and :mod:`.service` (:class:`PrintingService`).
"""

from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.service import PreparedDocument, PrintingService

__all__ = ["PreparedDocument", "PrintRequest", "PrintingService"]
