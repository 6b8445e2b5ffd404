"""What every capability stands on: the file's safety, signing and shared file formats.

Modules: ``startup``, ``recovery``, ``health`` and ``backup`` (opening, repairing, checking and
backing up the database), ``signing``, ``seals``, ``seal_anchor`` and ``signatories`` (the
installation's key, the seal chain and who signs), ``evidence_store`` and ``evidence`` (the
evidence store: the folder beside a file, or a server's table through ``evidence_server``;
checked by ``evidence_check``, moved by ``evidence_move``), ``tabular`` (CSV/XLSX reading) and
``xlsx_writing`` (writing workbooks).
"""
