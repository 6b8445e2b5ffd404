"""Pengaturan: the settings page with its backup and paper-key sections."""
