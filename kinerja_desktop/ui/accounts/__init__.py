"""Accounts in the GUI: signing in, the idle lock, account management."""
