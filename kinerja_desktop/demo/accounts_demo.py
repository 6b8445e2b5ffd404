"""The demo office's accounts: two unit heads and a penilai, to try what each role sees.

There is deliberately no admin: the first start of the demo asks for one, as for any office.
The demo accounts share one password (`DEMO_PASSWORD`), stored as a ready Argon2id hash so that
writing the demo (which the tests do often) costs no hashing.
"""

from __future__ import annotations

from collections import Counter

from kinerja_desktop.data.repositories import accounts as account_repo
from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.access import Role
from kinerja_desktop.domain.staff import Employee

DEMO_PASSWORD = "demo2026"
#: argon2-cffi's default Argon2id hash of DEMO_PASSWORD (made once; verify() checks it).
DEMO_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$EEORH/rkZF5QxsZ7enLqNg$"
    "3xjjJz8j8GfTN5D5Fs+FNd10jtKd2GmeiBCV8i1FjLY"
)


def _demo_people(ctx: DemoContext) -> list[tuple[str, Role, Employee]]:
    people = repo.all_employees(ctx.session, active_only=True)
    units = {unit.id: unit.name for unit in repo.all_units(ctx.session)}
    heads = sorted((p for p in people if p.penilai_id is None), key=lambda p: p.id)
    chosen: list[tuple[str, Role, Employee]] = []
    camat = next((p for p in heads if "Puskesmas" not in units.get(p.unit_id, "")), None)
    kapus = next((p for p in heads if "Puskesmas" in units.get(p.unit_id, "")), None)
    if camat is not None:
        chosen.append(("camat", Role.KEPALA_UNIT, camat))
    if kapus is not None:
        chosen.append(("kapus", Role.KEPALA_UNIT, kapus))
    staff = Counter(p.penilai_id for p in people if p.penilai_id is not None)
    head_ids = {p.id for p in heads}
    penilai = [(count, -pid) for pid, count in staff.items() if pid not in head_ids]
    if penilai:
        best = -max(penilai)[1]
        chosen.append(("kasi", Role.PENILAI, next(p for p in people if p.id == best)))
    return chosen


def kasi_of(ctx: DemoContext) -> int | None:
    """The person behind the demo's penilai account ("kasi"), who reviews the daily log."""
    return next((person.id for user, _, person in _demo_people(ctx) if user == "kasi"), None)


def write_accounts(ctx: DemoContext) -> None:
    chosen = _demo_people(ctx)
    for user_name, role, person in chosen:
        account_repo.add(
            ctx.session,
            user_name=user_name,
            display_name=person.full_name,
            role=role,
            employee_id=person.id,
            password_hash=DEMO_HASH,
        )
    if chosen:
        listed = ", ".join(
            f"{user} ({person.name}, {role.label.lower()})" for user, role, person in chosen
        )
        ctx.notes.append(
            f"Akun contoh, kata sandi {DEMO_PASSWORD}: {listed}. Akun admin dibuat saat aplikasi "
            "pertama dibuka."
        )
