"""Beranda: what needs attention today.

Modules: ``attention`` (the home service, running the checks it is given) and
``office_checks`` (the office's own checks).
"""
