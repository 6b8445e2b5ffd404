"""A package re-signed with another key still goes through the domain checks, all or nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import pytest
from handover_helpers import Change, dump, resigned

from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover.package import (
    PackageRefusedError,
    read_package,
)


def _set(field: str, value: Any) -> Change:
    return lambda content: content.__setitem__(field, value)


def _observation_file(name: str) -> Change:
    def change(content: dict[str, Any]) -> None:
        content["evidence_file"] = name
        content["evidence_sha256"] = "0" * 64

    return change


CASES = [
    (Kind.EMPLOYEE, _set("nip", "000000000000000000"), "kolom nip"),
    (Kind.EMPLOYEE, _set("golongan", "ZZ/9"), "kolom golongan"),
    (Kind.EMPLOYEE, _set("name", '=HYPERLINK("http://x","klik")'), "kolom name"),
    (Kind.EMPLOYEE, _set("jabatan", "@SUM(A1)"), "kolom jabatan"),
    (Kind.EMPLOYEE, _set("penilai", "12"), "kolom penilai"),
    (Kind.OBSERVATION, _observation_file("../../etc/passwd"), "evidence_file"),
    (Kind.OBSERVATION, _observation_file("/etc/passwd"), "evidence_file"),
    (Kind.OBSERVATION, _observation_file("ab\\..\\kunci.pem"), "evidence_file"),
    (Kind.OBSERVATION, _observation_file("C:/Windows/x.pdf"), "evidence_file"),
]


@pytest.mark.parametrize(("kind", "change", "names"), CASES)
def test_a_record_failing_a_domain_check_refuses_the_package_whole(
    target: AppServices,
    package: Path,
    tmp_path: Path,
    kind: Kind,
    change: Change,
    names: str,
) -> None:
    bad = resigned(package, tmp_path, kind, change)
    before = dump(target.database_path)
    with pytest.raises(PackageRefusedError) as refused:
        target.handover.preview(bad)
    assert refused.value.message.startswith("Paket ditolak: ")
    assert names in refused.value.message
    with pytest.raises(PackageRefusedError):
        target.handover.apply(bad)
    assert dump(target.database_path) == before


def test_an_employee_is_named_by_its_nip(
    target: AppServices, package: Path, tmp_path: Path
) -> None:
    bad = resigned(package, tmp_path, Kind.EMPLOYEE, _set("golongan", "ZZ/9"))
    nip = next(a for a in read_package(bad).aggregates if a.kind is Kind.EMPLOYEE).content["nip"]
    with pytest.raises(PackageRefusedError) as refused:
        target.handover.preview(bad)
    assert f"Paket ditolak: pegawai NIP {nip} kolom golongan:" in refused.value.message


def test_free_text_that_looks_like_a_formula_is_kept_as_text(
    target: AppServices, package: Path, tmp_path: Path
) -> None:
    good = resigned(package, tmp_path, Kind.OBSERVATION, _set("text", "=1+1 bukan rumus"))
    preview = target.handover.preview(good)
    assert preview.plan.new


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_package_is_written_owner_only(package: Path) -> None:
    assert stat.S_IMODE(package.stat().st_mode) == 0o600
