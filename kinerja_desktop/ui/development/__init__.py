"""Kompetensi & Pengembangan: the person's page, its dialogs and the unit view."""
