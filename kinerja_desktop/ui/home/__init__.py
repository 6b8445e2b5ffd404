"""Beranda: the home page listing what needs attention."""
