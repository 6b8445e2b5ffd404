"""Data tables of the demo office: jobs with the diplomas and degrees their holders have.

Everything here is plain data; :mod:`kinerja_desktop.demo` decides who sits where.
Jabatan names follow the current nomenclature (PermenPANRB 45/2022 for pelaksana, the jabatan
fungsional names of the health and general service).
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.employment import Gender
from kinerja_desktop.domain.jabatan import JabatanKind

# --- education and jobs ------------------------------------------------------------------------


@dataclass(frozen=True)
class Education:
    """The diploma someone was appointed with.

    Attributes:
        code: Short code, for reading the tables.
        pns_entry: Golongan a PNS starts in with this diploma.
        pppk_golongan: Golongan of a PPPK with this diploma.
        min_age: Youngest age (by birth year) at appointment with this diploma.
    """

    code: str
    pns_entry: str
    pppk_golongan: str
    min_age: int


SMA = Education("SMA", "II/a", "V", 21)
D3 = Education("D3", "II/c", "VII", 22)
S1 = Education("S1", "III/a", "IX", 23)  # also D-IV; a master's degree earned later keeps this
PROFESI = Education("PROFESI", "III/a", "IX", 25)  # Ners, apoteker, bidan profesi
DOKTER = Education("DOKTER", "III/b", "X", 26)


@dataclass(frozen=True)
class Qualification:
    education: Education
    gelar_depan: str
    gelar_belakang: str


def _q(education: Education, belakang: str = "", depan: str = "") -> Qualification:
    return Qualification(education, depan, belakang)


@dataclass(frozen=True)
class Job:
    """A jabatan as the demo fills it.

    Attributes:
        title: The jabatan as printed; "{place}" is replaced by the kecamatan/kelurahan name.
        kind: Jenis jabatan.
        golongan: Lowest and highest PNS golongan usual for the jabatan.
        qualifications: Diplomas (with the degrees they give) the holder may have.
        pppk_share: Chance that a generated holder is PPPK rather than PNS.
        gender: Set when only women (or only men) hold the jabatan, as for bidan.
    """

    title: str
    kind: JabatanKind
    golongan: tuple[str, str]
    qualifications: tuple[Qualification, ...]
    pppk_share: float = 0.0
    gender: Gender | None = None


_ADM = JabatanKind.ADMINISTRATOR
_PGW = JabatanKind.PENGAWAS
_PLK = JabatanKind.PELAKSANA
_JF = JabatanKind.FUNGSIONAL

_AHLI_PERTAMA = ("III/a", "III/b")
_AHLI_MUDA = ("III/c", "III/d")
_TERAMPIL = ("II/c", "II/d")
_PEMULA = ("II/a", "II/b")

_PAMONG = (
    _q(S1, "S.Sos."),
    _q(S1, "S.STP."),
    _q(S1, "S.H."),
    _q(S1, "S.IP."),
    _q(S1, "S.E."),
    _q(S1, "S.AP."),
    _q(S1, "S.Sos., M.Si."),
    _q(S1, "S.STP., M.Si."),
)

JOBS: dict[str, Job] = {
    # Structural heads of a kecamatan (PP 17/2018) and of a puskesmas (UPTD of the Dinas Kesehatan)
    "camat": Job(
        "Camat {place}",
        _ADM,
        ("IV/a", "IV/b"),
        (
            _q(S1, "S.STP., M.Si."),
            _q(S1, "S.Sos., M.Si."),
            _q(S1, "S.IP., M.Si."),
            _q(S1, "S.H., M.H."),
            _q(S1, "S.STP., M.M."),
        ),
    ),
    "sekcam": Job(
        "Sekretaris Kecamatan",
        _ADM,
        ("III/d", "IV/a"),
        (
            _q(S1, "S.E., M.M."),
            _q(S1, "S.STP., M.Si."),
            _q(S1, "S.Sos."),
            _q(S1, "S.STP."),
            _q(S1, "S.H., M.H."),
        ),
    ),
    "kasi_pem": Job("Kepala Seksi Pemerintahan", _PGW, ("III/b", "III/d"), _PAMONG),
    "kasi_trantib": Job(
        "Kepala Seksi Ketenteraman dan Ketertiban Umum", _PGW, ("III/b", "III/d"), _PAMONG
    ),
    "kasi_ekbang": Job(
        "Kepala Seksi Ekonomi dan Pembangunan",
        _PGW,
        ("III/b", "III/d"),
        (_q(S1, "S.E."), _q(S1, "S.T."), _q(S1, "S.STP."), _q(S1, "S.E., M.Si.")),
    ),
    "kasi_kesos": Job("Kepala Seksi Kesejahteraan Sosial", _PGW, ("III/b", "III/d"), _PAMONG),
    "kasi_pu": Job("Kepala Seksi Pelayanan Umum", _PGW, ("III/b", "III/d"), _PAMONG),
    "kasubbag_umum": Job(
        "Kepala Subbagian Umum dan Kepegawaian",
        _PGW,
        ("III/b", "III/d"),
        (_q(S1, "S.Sos."), _q(S1, "S.AP."), _q(S1, "S.H."), _q(S1, "S.E."), _q(S1, "S.Psi.")),
    ),
    "kasubbag_pk": Job(
        "Kepala Subbagian Perencanaan dan Keuangan",
        _PGW,
        ("III/b", "III/d"),
        (_q(S1, "S.E."), _q(S1, "S.Ak."), _q(S1, "S.E., M.Si."), _q(S1, "S.E., M.M.")),
    ),
    "lurah": Job("Lurah {place}", _PGW, ("III/b", "III/d"), _PAMONG),
    "kapus": Job(
        "Kepala Puskesmas {place}",
        _PGW,
        ("III/c", "IV/a"),
        (_q(DOKTER, "M.Kes.", "dr."), _q(DOKTER, "", "dr."), _q(DOKTER, "M.K.M.", "dr.")),
    ),
    "kasubbag_tu": Job(
        "Kepala Subbagian Tata Usaha",
        _PGW,
        ("III/b", "III/d"),
        (_q(S1, "S.K.M."), _q(S1, "S.E."), _q(S1, "S.Sos."), _q(S1, "S.K.M., M.Kes.")),
    ),
    # Pelaksana (PermenPANRB 45/2022)
    "pengadministrasi": Job(
        "Pengadministrasi Perkantoran",
        _PLK,
        ("II/a", "III/b"),
        (_q(SMA), _q(SMA), _q(D3, "A.Md.")),
        0.3,
    ),
    "olo": Job("Operator Layanan Operasional", _PLK, ("II/a", "II/d"), (_q(SMA),), 0.6),
    "plo": Job(
        "Penata Layanan Operasional",
        _PLK,
        ("III/a", "III/c"),
        (_q(S1, "S.E."), _q(S1, "S.Sos."), _q(S1, "S.AP."), _q(S1, "S.H.")),
        0.4,
    ),
    "pdi": Job(
        "Pengolah Data dan Informasi",
        _PLK,
        ("II/a", "III/b"),
        (_q(D3, "A.Md."), _q(D3, "A.Md.Kom."), _q(SMA)),
        0.3,
    ),
    "olk": Job("Operator Layanan Kesehatan", _PLK, ("II/a", "II/d"), (_q(SMA),), 0.6),
    # Jabatan fungsional, general
    "prakom_ap": Job(
        "Pranata Komputer Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(S1, "S.Kom."), _q(S1, "S.T.")),
        0.3,
    ),
    "prakom_terampil": Job(
        "Pranata Komputer Terampil",
        _JF,
        _TERAMPIL,
        (_q(D3, "A.Md.Kom."), _q(D3, "A.Md.")),
        0.3,
    ),
    "arsiparis_terampil": Job("Arsiparis Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md."),), 0.2),
    "analis_sdm_ap": Job(
        "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(S1, "S.Psi."), _q(S1, "S.Sos."), _q(S1, "S.AP.")),
        0.2,
    ),
    "akpd_ap": Job(
        "Analis Keuangan Pusat dan Daerah Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(S1, "S.E."), _q(S1, "S.Ak.")),
        0.2,
    ),
    "perencana_ap": Job(
        "Perencana Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(S1, "S.E."), _q(S1, "S.T."), _q(S1, "S.P.W.K.")),
        0.2,
    ),
    "analis_kebijakan_ap": Job(
        "Analis Kebijakan Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(S1, "S.IP."), _q(S1, "S.AP.")),
        0.2,
    ),
    "polpp_pemula": Job("Polisi Pamong Praja Pemula", _JF, _PEMULA, (_q(SMA),), 0.3),
    "polpp_terampil": Job(
        "Polisi Pamong Praja Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md."), _q(SMA)), 0.3
    ),
    "polpp_ap": Job(
        "Polisi Pamong Praja Ahli Pertama", _JF, _AHLI_PERTAMA, (_q(S1, "S.H."), _q(S1, "S.Sos."))
    ),
    "peksos_ap": Job(
        "Pekerja Sosial Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(S1, "S.Sos."), _q(S1, "S.Tr.Sos.")),
        0.3,
    ),
    "penyuluh_sosial_ap": Job(
        "Penyuluh Sosial Ahli Pertama", _JF, _AHLI_PERTAMA, (_q(S1, "S.Sos."),), 0.3
    ),
    # Jabatan fungsional, health
    "dokter_ap": Job("Dokter Ahli Pertama", _JF, _AHLI_PERTAMA, (_q(DOKTER, "", "dr."),)),
    "dokter_am": Job(
        "Dokter Ahli Muda", _JF, _AHLI_MUDA, (_q(DOKTER, "", "dr."), _q(DOKTER, "M.Kes.", "dr."))
    ),
    "dokter_gigi_ap": Job(
        "Dokter Gigi Ahli Pertama", _JF, _AHLI_PERTAMA, (_q(DOKTER, "", "drg."),)
    ),
    "perawat_ap": Job(
        "Perawat Ahli Pertama", _JF, _AHLI_PERTAMA, (_q(PROFESI, "S.Kep., Ners"),), 0.4
    ),
    "perawat_am": Job(
        "Perawat Ahli Muda",
        _JF,
        _AHLI_MUDA,
        (_q(PROFESI, "S.Kep., Ners"), _q(PROFESI, "S.Kep.", "Ns.")),
    ),
    "perawat_terampil": Job("Perawat Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md.Kep."),), 0.4),
    "bidan_terampil": Job(
        "Bidan Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md.Keb."),), 0.4, gender=Gender.WANITA
    ),
    "bidan_ap": Job(
        "Bidan Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(S1, "S.Tr.Keb."), _q(PROFESI, "S.Keb., Bd.")),
        0.3,
        gender=Gender.WANITA,
    ),
    "apoteker_ap": Job(
        "Apoteker Ahli Pertama",
        _JF,
        _AHLI_PERTAMA,
        (_q(PROFESI, "S.Farm., Apt."), _q(PROFESI, "S.Farm.", "apt.")),
        0.3,
    ),
    "asisten_apoteker_terampil": Job(
        "Asisten Apoteker Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md.Farm."),), 0.4
    ),
    "plk_terampil": Job(
        "Pranata Laboratorium Kesehatan Terampil",
        _JF,
        _TERAMPIL,
        (_q(D3, "A.Md.A.K."), _q(D3, "A.Md.Kes.")),
        0.4,
    ),
    "sanitarian_terampil": Job(
        "Sanitarian Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md.K.L."), _q(D3, "A.Md.Kes.")), 0.3
    ),
    "epidemiolog_ap": Job(
        "Epidemiolog Kesehatan Ahli Pertama", _JF, _AHLI_PERTAMA, (_q(S1, "S.K.M."),), 0.3
    ),
    "nutrisionis_terampil": Job("Nutrisionis Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md.Gz."),), 0.3),
    "penyuluh_kesmas_ap": Job(
        "Penyuluh Kesehatan Masyarakat Ahli Pertama", _JF, _AHLI_PERTAMA, (_q(S1, "S.K.M."),), 0.3
    ),
    "terapis_gigi_terampil": Job(
        "Terapis Gigi dan Mulut Terampil", _JF, _TERAMPIL, (_q(D3, "A.Md.Kes."),), 0.4
    ),
}
