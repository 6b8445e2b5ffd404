"""What every capability stands on: the file's safety, signing and shared file formats.

Modules: ``startup``, ``recovery``, ``health`` and ``backup`` (opening, repairing, checking and
backing up the database), ``signing``, ``seals``, ``seal_anchor`` and ``signatories`` (the
installation's key, the seal chain and who signs), ``evidence_store`` (files copied into the
app's folder), ``tabular`` (CSV/XLSX reading) and ``xlsx_writing`` (writing workbooks).
"""
