"""The staff register: people, units, Pejabat Penilai, Plt/Plh, and importing the staff list.

Modules: ``service`` (:class:`StaffService`) and ``importing`` (the CSV/XLSX import).
"""
