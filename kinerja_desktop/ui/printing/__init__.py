"""Cetak: the print page, the PDF preview and sending a PDF to the printer."""
