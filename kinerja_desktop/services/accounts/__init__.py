"""Accounts and access: sign-in, passwords and the guard every service takes.

Modules: ``service`` (:class:`AccountService`), ``passwords`` (hashing and rules) and
``access_guard`` (:class:`AccessGuard`, what the signed-in person may see and change).
"""
