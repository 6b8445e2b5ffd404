"""The Pemda hub's views (issue 18): per OPD, how far the period's appraisal is.

``recap`` reads the Rekap Pemda (progress per stage, the predikat spread against the curve, the
IKM of each service unit, overdue complaints and findings) in one read transaction;
``workbook`` writes it as an .xlsx, one sheet per view. ``intake`` takes the OPDs' numbered
hand-over packages from a folder unattended, and ``intake_report`` writes what came in.
"""
