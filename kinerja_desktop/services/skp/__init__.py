"""SKP: drafts, agreement and revision, copying, the unit's cascade, and the XLSX round trip.

Modules: ``service`` (:class:`SkpService`), ``plans`` (rencana aksi and period targets),
``copying`` (from last year or a colleague), ``cascade`` (the pohon kinerja) and ``xlsx``
(export and import as a workbook).
"""
