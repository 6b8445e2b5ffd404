"""Use cases: one transaction per user action; plain frozen data in and out."""
