"""Kompetensi & Pengembangan: competences, the development plan and the unit's view.

Modules: ``competence`` (ratings against the job's standard), ``service`` (one person's plan),
``overview`` (the unit view and Beranda's development items), ``unit`` (its types) and
``workbook`` (the training plan as XLSX).
"""
