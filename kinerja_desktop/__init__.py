"""Kinerja Desktop: offline ASN performance management for a unit office."""

__version__ = "0.1.0"
