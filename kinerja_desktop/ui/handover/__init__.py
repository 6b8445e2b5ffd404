"""Hand-over packages in Pengaturan: the section and the import preview dialog."""
