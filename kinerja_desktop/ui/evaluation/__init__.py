"""Evaluasi and Perilaku: the evaluation page and its panels, the journal, quick entry.

Quick entry is the Ctrl+J observation; the Sebaran Predikat page lives here too.
"""
