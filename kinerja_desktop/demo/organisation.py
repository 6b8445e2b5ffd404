"""Who sits where: the units and positions of kecamatan blocks, in writing order."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from kinerja_desktop.demo import names
from kinerja_desktop.demo.plan import (
    BLOCK_TARGET,
    DEFAULT_EMPLOYEES,
    STAFF_CAP,
    Post,
    UnitPlan,
)
from kinerja_desktop.domain.employment import EmploymentStatus, Gender
from kinerja_desktop.domain.staff import UnitKind

# Units of one block, relative to the block: (suffix, name, parent suffix).
_KECAMATAN_UNITS = (
    ("sekretariat", "Sekretariat", "kec"),
    ("subbag_umum", "Subbagian Umum dan Kepegawaian", "sekretariat"),
    ("subbag_pk", "Subbagian Perencanaan dan Keuangan", "sekretariat"),
    ("seksi_pem", "Seksi Pemerintahan", "kec"),
    ("seksi_trantib", "Seksi Ketenteraman dan Ketertiban Umum", "kec"),
    ("seksi_ekbang", "Seksi Ekonomi dan Pembangunan", "kec"),
    ("seksi_kesos", "Seksi Kesejahteraan Sosial", "kec"),
    ("seksi_pu", "Seksi Pelayanan Umum", "kec"),
)
_PUSKESMAS_UNITS = (
    ("tu", "Subbagian Tata Usaha", "pkm"),
    ("poli_umum", "Poli Umum", "pkm"),
    ("poli_gigi", "Poli Gigi", "pkm"),
    ("kia", "KIA/KB", "pkm"),
    ("farmasi", "Farmasi", "pkm"),
    ("lab", "Laboratorium", "pkm"),
    ("promkes", "Promkes dan Kesling", "pkm"),
)
_KELURAHAN_PER_KECAMATAN = 6

# Heads of a block, in writing order: (role, job, unit suffix, penilai role).
_HEADS = (
    ("camat", "camat", "kec", None),
    ("kapus", "kapus", "pkm", None),
    ("sekcam", "sekcam", "sekretariat", "camat"),
    ("kasi_pem", "kasi_pem", "seksi_pem", "camat"),
    ("kasi_trantib", "kasi_trantib", "seksi_trantib", "camat"),
    ("kasi_ekbang", "kasi_ekbang", "seksi_ekbang", "camat"),
    ("kasi_kesos", "kasi_kesos", "seksi_kesos", "camat"),
    ("kasi_pu", "kasi_pu", "seksi_pu", "camat"),
    ("kasubbag_umum", "kasubbag_umum", "subbag_umum", "sekcam"),
    ("kasubbag_pk", "kasubbag_pk", "subbag_pk", "sekcam"),
    ("kasubbag_tu", "kasubbag_tu", "tu", "kapus"),
    *((f"lurah{n}", "lurah", f"kel{n}", "camat") for n in range(1, _KELURAHAN_PER_KECAMATAN + 1)),
)

_PELAYANAN = (("olo", ""), ("pengadministrasi", ""), ("plo", ""), ("pdi", ""))
# The jobs of the people each supervisor appraises when the office grows: (job, unit suffix);
# an empty suffix means the supervisor's own unit.
_STAFF_POOLS: dict[str, tuple[tuple[str, str], ...]] = {
    "kasi_pem": (("pdi", ""), ("olo", ""), ("analis_kebijakan_ap", ""), ("plo", "")),
    "kasi_trantib": (("polpp_terampil", ""), ("polpp_pemula", ""), ("olo", ""), ("polpp_ap", "")),
    "kasi_ekbang": (("plo", ""), ("pdi", ""), ("olo", ""), ("perencana_ap", "")),
    "kasi_kesos": (("peksos_ap", ""), ("penyuluh_sosial_ap", ""), ("olo", ""), ("pdi", "")),
    "kasi_pu": (*_PELAYANAN, ("prakom_terampil", "")),
    "kasubbag_umum": (
        ("pengadministrasi", ""),
        ("prakom_ap", ""),
        ("arsiparis_terampil", ""),
        ("olo", ""),
        ("analis_sdm_ap", ""),
    ),
    "kasubbag_pk": (("akpd_ap", ""), ("plo", ""), ("perencana_ap", ""), ("pdi", "")),
    "lurah": _PELAYANAN,
    "kapus": (
        ("dokter_ap", "poli_umum"),
        ("perawat_terampil", "poli_umum"),
        ("bidan_terampil", "kia"),
        ("perawat_ap", "poli_umum"),
        ("bidan_ap", "kia"),
        ("apoteker_ap", "farmasi"),
        ("asisten_apoteker_terampil", "farmasi"),
        ("plk_terampil", "lab"),
        ("sanitarian_terampil", "promkes"),
        ("nutrisionis_terampil", "promkes"),
        ("penyuluh_kesmas_ap", "promkes"),
        ("epidemiolog_ap", "promkes"),
        ("dokter_gigi_ap", "poli_gigi"),
        ("terapis_gigi_terampil", "poli_gigi"),
        ("perawat_am", "poli_umum"),
        ("dokter_am", "poli_umum"),
    ),
    "kasubbag_tu": (
        ("pengadministrasi", ""),
        ("olo", ""),
        ("prakom_terampil", ""),
        ("olk", ""),
        ("plo", ""),
    ),
}

_PNS, _PPPK = EmploymentStatus.PNS, EmploymentStatus.PPPK
# The default office after its twelve heads (one kelurahan): (supervisor role, job, unit suffix,
# fixed status, special). Interleaved so that any first N people make a plausible office.
_HOME_STAFF: tuple[tuple[str, str, str, EmploymentStatus | None, str], ...] = (
    ("kapus", "dokter_am", "poli_umum", _PNS, ""),
    ("kasi_pu", "olo", "seksi_pu", _PPPK, ""),
    ("kapus", "perawat_am", "poli_umum", _PNS, ""),
    ("kasi_pu", "pengadministrasi", "seksi_pu", _PNS, ""),
    ("kapus", "bidan_ap", "kia", _PNS, ""),
    ("kasubbag_umum", "prakom_ap", "subbag_umum", _PNS, ""),
    ("kapus", "apoteker_ap", "farmasi", _PNS, ""),
    ("kasi_pu", "plo", "seksi_pu", _PPPK, ""),
    ("kapus", "epidemiolog_ap", "promkes", _PNS, ""),
    ("kasi_trantib", "polpp_terampil", "seksi_trantib", _PNS, ""),
    ("kapus", "bidan_terampil", "kia", _PPPK, ""),
    ("kasi_pu", "pdi", "seksi_pu", _PNS, ""),
    ("kapus", "sanitarian_terampil", "promkes", _PNS, ""),
    ("kasi_kesos", "peksos_ap", "seksi_kesos", _PNS, ""),
    ("kapus", "plk_terampil", "lab", _PPPK, ""),
    ("kasi_pu", "prakom_terampil", "seksi_pu", _PNS, ""),
    ("kapus", "nutrisionis_terampil", "promkes", _PNS, ""),
    ("kasubbag_pk", "akpd_ap", "subbag_pk", _PNS, ""),
    ("kapus", "dokter_ap", "poli_umum", _PNS, ""),
    ("lurah1", "olo", "kel1", _PPPK, ""),
    ("kasubbag_tu", "pengadministrasi", "tu", _PNS, "mutasi"),
    ("kasi_pu", "olo", "seksi_pu", _PPPK, ""),
    ("kasi_pu", "pengadministrasi", "seksi_pu", _PNS, "pensiun"),
    ("kasubbag_tu", "olo", "tu", _PPPK, ""),
    ("kapus", "perawat_ap", "poli_umum", _PPPK, "baru"),
    ("kasi_pu", "plo", "seksi_pu", _PNS, ""),
    ("kasi_pu", "pengadministrasi", "seksi_pu", _PNS, ""),
    ("kasi_pem", "pdi", "seksi_pem", _PNS, ""),
)
_HOME_HEADS = 12  # camat .. kasubbag_tu and the first lurah


@dataclass(frozen=True)
class Block:
    index: int
    place: str
    kelurahan: tuple[str, ...]

    def key(self, suffix: str) -> str:
        return f"b{self.index}.{suffix}"

    def units(self) -> list[UnitPlan]:
        kec, pkm = self.key("kec"), self.key("pkm")
        found = [UnitPlan(kec, f"Kecamatan {self.place}", UnitKind.UNIT, "instansi")]
        found += [
            UnitPlan(self.key(suffix), name, UnitKind.SUB_UNIT, self.key(parent))
            for suffix, name, parent in _KECAMATAN_UNITS
        ]
        found += [
            UnitPlan(self.key(f"kel{n}"), f"Kelurahan {place}", UnitKind.SUB_UNIT, kec)
            for n, place in enumerate(self.kelurahan, start=1)
        ]
        found.append(UnitPlan(pkm, f"Puskesmas {self.place}", UnitKind.UNIT, "instansi"))
        found += [
            UnitPlan(self.key(suffix), name, UnitKind.SUB_UNIT, self.key(parent))
            for suffix, name, parent in _PUSKESMAS_UNITS
        ]
        return found

    def heads(self) -> list[Post]:
        posts = []
        for role, job, unit, penilai in _HEADS:
            place = self.place
            if role.startswith("lurah"):
                place = self.kelurahan[int(role.removeprefix("lurah")) - 1]
            posts.append(
                Post(
                    key=self.key(role),
                    role="lurah" if role.startswith("lurah") else role,
                    job=job,
                    unit=self.key(unit),
                    penilai=self.key(penilai) if penilai else None,
                    place=place,
                    # The Kepala Puskesmas of the home office is the "she" of the product brief.
                    gender=Gender.WANITA if self.index == 0 and role == "kapus" else None,
                    apostrophe=self.index == 0 and role == "kapus",
                )
            )
        return posts

    def home_staff(self) -> list[Post]:
        posts = []
        counts: dict[str, int] = {}
        for supervisor, job, unit, status, special in _HOME_STAFF:
            counts[supervisor] = counts.get(supervisor, 0) + 1
            posts.append(
                Post(
                    key=self.key(f"{supervisor}.{counts[supervisor]}"),
                    role="staff",
                    job=job,
                    unit=self.key(unit),
                    penilai=self.key(supervisor),
                    status=status,
                    special=special,
                )
            )
        return posts

    def more_staff(self, have: list[Post], wanted: int, rng: random.Random) -> list[Post]:
        """Return ``wanted`` more staff, one for each supervisor in turn, none past the cap."""
        supervisors = [role for role, *_ in _HEADS if role not in ("camat", "sekcam")]
        counts = {role: 0 for role in supervisors}
        for post in have:
            role = (post.penilai or "").removeprefix(self.key(""))
            if post.role == "staff" and role in counts:
                counts[role] += 1
        offsets = {role: rng.randrange(len(_pool(role))) for role in supervisors}
        posts: list[Post] = []
        while len(posts) < wanted:
            open_roles = [role for role in supervisors if counts[role] < STAFF_CAP]
            if not open_roles:
                raise AssertionError("demo block over capacity")  # BLOCK_TARGET keeps us below
            for role in open_roles[: wanted - len(posts)]:
                counts[role] += 1
                pool = _pool(role)
                job, unit = pool[(counts[role] + offsets[role]) % len(pool)]
                own_unit = next(u for r, _j, u, _p in _HEADS if r == role)
                posts.append(
                    Post(
                        key=self.key(f"{role}.{counts[role]}"),
                        role="staff",
                        job=job,
                        unit=self.key(unit or own_unit),
                        penilai=self.key(role),
                    )
                )
        return posts


def _pool(role: str) -> tuple[tuple[str, str], ...]:
    return _STAFF_POOLS["lurah" if role.startswith("lurah") else role]


def _blocks(count: int, rng: random.Random) -> list[Block]:
    real = (names.HOME_PLACE, *names.OTHER_KECAMATAN)
    made_up = names.made_up_places(rng, exclude=frozenset(real))
    places = list(real[:count])
    extra = made_up[: max(0, count - len(places))]
    places += extra
    suffix = 2
    while len(places) < count:  # only past ~900 kecamatan, far beyond MAX_EMPLOYEES
        places += [f"{name} {suffix}" for name in made_up[: count - len(places)]]
        suffix += 1
    blocks = [Block(0, names.HOME_PLACE, names.HOME_KELURAHAN)]
    for index, place in enumerate(places[1:], start=1):
        kelurahan = rng.sample(made_up, _KELURAHAN_PER_KECAMATAN)
        blocks.append(Block(index, place, tuple(kelurahan)))
    return blocks


def positions(employees: int, rng: random.Random) -> tuple[list[Block], list[Post]]:
    """Return the blocks and the ordered positions of an office of ``employees`` names."""
    if employees <= DEFAULT_EMPLOYEES:
        home = Block(0, names.HOME_PLACE, names.HOME_KELURAHAN)
        office = home.heads()[:_HOME_HEADS] + home.home_staff()
        assert len(office) == DEFAULT_EMPLOYEES
        return [home], office[:employees]
    count = math.ceil(employees / BLOCK_TARGET)
    sizes = [employees // count + (1 if i < employees % count else 0) for i in range(count)]
    blocks = _blocks(count, rng)
    posts: list[Post] = []
    for block, size in zip(blocks, sizes, strict=True):
        if block.index == 0:
            heads = block.heads()
            have = heads[:_HOME_HEADS] + block.home_staff() + heads[_HOME_HEADS:]
        else:
            have = block.heads()
        have = have[:size]
        posts += have + block.more_staff(have, size - len(have), rng)
    return blocks, posts
