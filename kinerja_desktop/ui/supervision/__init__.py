"""Pengawasan: complaints and compliments, surveys (SKM), the kiosk, audit findings."""
