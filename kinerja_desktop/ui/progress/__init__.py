"""Progres Harian: the week page (``page``), the entry and return dialogs, the unit's month."""
