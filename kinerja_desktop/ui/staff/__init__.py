"""Pegawai and Struktur: the staff list, the employee form, end of service, the import."""
