"""Data tables of the demo office: jobs with their qualifications, places, and people's names.

Everything here is plain data plus one name generator; :mod:`kinerja_desktop.services.demo`
decides who sits where. Jabatan names follow the current nomenclature (PermenPANRB 45/2022 for
pelaksana, the jabatan fungsional names of the health and general service). Names mix the regions
one meets in a Palembang office: Palembang/Malay, Javanese, Sundanese, Batak, Minang, Balinese,
Bugis and Chinese-Indonesian.
"""

from __future__ import annotations

import random
from collections.abc import Callable
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

# --- places ------------------------------------------------------------------------------------

CITY = "Palembang"
INSTANSI = "Pemerintah Kota Palembang"
HOME_PLACE = "Kertapati"
#: The kelurahan of Kecamatan Kertapati.
HOME_KELURAHAN = (
    "Kertapati",
    "Kemas Rindo",
    "Karya Jaya",
    "Kemang Agung",
    "Ogan Baru",
    "Keramasan",
)
#: The other kecamatan of Palembang, used (in this order) when the demo office grows.
OTHER_KECAMATAN = (
    "Seberang Ulu I",
    "Plaju",
    "Ilir Barat I",
    "Sukarami",
    "Kalidoni",
    "Gandus",
    "Seberang Ulu II",
    "Ilir Timur I",
    "Bukit Kecil",
    "Kemuning",
    "Ilir Barat II",
    "Ilir Timur II",
    "Sako",
    "Alang-Alang Lebar",
    "Sematang Borang",
    "Ilir Timur III",
    "Jakabaring",
)
# Past the real kecamatan, and for kelurahan outside Kertapati, names are made up from words that
# are common in South Sumatran place names.
_PLACE_HEADS = (
    "Talang", "Sungai", "Bukit", "Tanjung", "Karya", "Suka", "Lorok", "Padang", "Kebun", "Lebak",
    "Pulau", "Muara", "Air", "Bagus", "Kemang", "Siring", "Tangga", "Kuto", "Dusun", "Gasing",
    "Jalur", "Lebong", "Simpang", "Pangkalan", "Batu", "Teluk", "Sri", "Pematang", "Rawa", "Ogan",
)  # fmt: skip
_PLACE_TAILS = (
    "Jaya", "Makmur", "Baru", "Indah", "Agung", "Raya", "Permai", "Sari", "Mulya", "Kelapa",
    "Betung", "Kecil", "Besar", "Lama", "Ulu", "Ilir", "Timur", "Barat", "Putri", "Kenten",
    "Gading", "Rejo", "Kuning", "Selatan", "Utara", "Harapan", "Sejahtera", "Damai", "Asri",
    "Lestari",
)  # fmt: skip


def made_up_places(rng: random.Random, exclude: frozenset[str] = frozenset()) -> list[str]:
    """Return every made-up place name, shuffled, leaving out the names in ``exclude``."""
    names = [f"{head} {tail}" for head in _PLACE_HEADS for tail in _PLACE_TAILS]
    rng.shuffle(names)
    return [name for name in names if name not in exclude]


# --- names -------------------------------------------------------------------------------------

_Names = tuple[str, ...]


def _pick(rng: random.Random, names: _Names) -> str:
    return names[rng.randrange(len(names))]


_MALAY_MALE: _Names = (
    "Muhammad", "Ahmad", "Abdul Rahman", "Rizky", "Fajar", "Arief", "Hendri", "Firmansyah", "Yudi",
    "Deni", "Herman", "Zainal", "Rahmat", "Ilham", "Syahrial", "Azhari", "Hasan", "Usman",
    "Ridwan", "Hafiz", "Ikhsan", "Novri", "Febri", "Irwan", "Sofyan", "Aidil", "Taufik",
    "Zulfikar", "Ma'ruf", "Syafi'i", "Mas'ud", "Ja'far", "Kemal", "Yusuf",
)  # fmt: skip
_MALAY_MALE_2: _Names = (
    "Fauzi", "Ridho", "Saputra", "Pratama", "Hidayat", "Ramadhan", "Syahputra", "Effendi",
    "Rahman", "Hakim", "Arifin", "Yusuf", "Ma'ruf", "Firdaus", "Iskandar", "Hamzah", "Alamsyah",
    "Mahendra", "Rivai", "Zulkarnain", "Syafi'i", "Anwar", "Ibrahim", "Fikri",
)  # fmt: skip
_MALAY_FEMALE: _Names = (
    "Siti", "Nurul", "Nur'aini", "Dewi", "Fitri", "Rina", "Yuliana", "Desi", "Mega", "Anisa",
    "Ratna", "Eka", "Putri", "Indah", "Maya", "Novita", "Lia", "Dian", "Winda", "Ayu", "Rizka",
    "Sa'adah", "Ni'mah", "Zahra", "Nabila", "Aisyah", "Khadijah", "Rofi'ah", "Cik Ana", "Meri",
)  # fmt: skip
_MALAY_FEMALE_2: _Names = (
    "Rahmawati", "Hasanah", "Lestari", "Anggraini", "Wulandari", "Sari", "Oktaviani", "Utami",
    "Fitriani", "Maharani", "Permatasari", "Puspita", "Handayani", "Nur'aini", "Mu'awanah",
    "Zubaidah", "Safitri", "Amelia", "Yulianti", "Aisyah", "Rosita", "Marlina",
)  # fmt: skip
# Palembang's own titles of descent: Kiagus, Kemas, Masagus, Raden; Nyimas, Nyayu, Masayu.
_PALEMBANG_TITLE_MALE: _Names = ("Kgs.", "Kms.", "Mgs.", "R.")
_PALEMBANG_TITLE_FEMALE: _Names = ("Nyimas", "Nyayu", "Masayu", "R.A.")

_JAVA_MALE: _Names = (
    "Bambang", "Joko", "Agus", "Slamet", "Budi", "Eko", "Heru", "Wahyu", "Teguh", "Dwi", "Tri",
    "Bayu", "Yoga", "Adi", "Sigit", "Hadi", "Priyo", "Wawan", "Yudha", "Gatot", "Suryo", "Anton",
    "Sutrisno", "Rudi",
)  # fmt: skip
_JAVA_MALE_2: _Names = (
    "Susilo", "Prasetyo", "Santoso", "Wibowo", "Purnomo", "Setiawan", "Nugroho", "Raharjo",
    "Wicaksono", "Kuncoro", "Sulistyo", "Hartono", "Handoko", "Cahyono", "Utomo", "Hermawan",
    "Darmanto", "Sugiarto", "Permadi", "Suryanto", "Riyadi", "Saputro",
)  # fmt: skip
_JAVA_FEMALE: _Names = (
    "Sri", "Endang", "Dwi", "Tri", "Rini", "Retno", "Yuni", "Tutik", "Umi", "Kartika", "Dyah",
    "Ratih", "Puji", "Wiwik", "Sulastri", "Ani", "Eni", "Yuli", "Nining", "Setyo",
)  # fmt: skip
_JAVA_FEMALE_2: _Names = (
    "Wahyuni", "Lestari", "Rahayu", "Handayani", "Sulistyowati", "Wulandari", "Astuti", "Susanti",
    "Purwanti", "Ningsih", "Hartati", "Setyaningsih", "Kusumawati", "Pratiwi", "Indriani",
    "Mulyani", "Widayati", "Rahmawati",
)  # fmt: skip

_SUNDA_MALE: _Names = (
    "Asep", "Ujang", "Cecep", "Dede", "Yayan", "Dadang", "Engkus", "Ade", "Aep", "Iwan", "Deden",
    "Jajang", "Atep", "Encep", "Yusuf", "Agus",
)  # fmt: skip
_SUNDA_MALE_2: _Names = (
    "Saepudin", "Hidayat", "Sopyan", "Rohman", "Supriatna", "Mulyana", "Kurniawan", "Sunarya",
    "Suherman", "Permana", "Gumelar", "Rustandi", "Nugraha", "Ruhiyat",
)  # fmt: skip
_SUNDA_FEMALE: _Names = (
    "Euis", "Neng", "Iis", "Cucu", "Enung", "Lilis", "Yeni", "Tuti", "Imas", "Ai", "Nenden",
    "Titin", "Popon", "Elis",
)  # fmt: skip
_SUNDA_FEMALE_2: _Names = (
    "Komariah", "Sumiati", "Yuliani", "Rohayati", "Nurhayati", "Kurniasih", "Suryani", "Maryani",
    "Rosmiati", "Hayati", "Sopiah", "Fauziah",
)  # fmt: skip

_BATAK_MALE: _Names = (
    "Hotman", "Togar", "Parlindungan", "Benny", "Roy", "Jonathan", "Daniel", "Poltak", "Marihot",
    "Saut", "Binsar", "Martua", "Hasudungan", "Johannes", "Ferdinand", "Ahmad Rasyid", "Amri",
    "Tumpal",
)  # fmt: skip
_BATAK_FEMALE: _Names = (
    "Maria", "Rosmawati", "Lamria", "Juliana", "Rotua", "Sondang", "Debora", "Theresia", "Rugun",
    "Lasma", "Agustina", "Yohana", "Friska", "Ruth", "Dame", "Nurhamidah",
)  # fmt: skip
_BATAK_MARGA: _Names = (
    "Situmorang", "Simanjuntak", "Pardede", "Siregar", "Nainggolan", "Sihombing", "Hutapea",
    "Lubis", "Harahap", "Nasution", "Sinaga", "Simatupang", "Panjaitan", "Hutagalung", "Manurung",
    "Siahaan", "Tambunan", "Sitompul", "Sitorus", "Pohan", "Damanik", "Purba", "Ginting",
    "Tarigan", "Sembiring", "Sihotang",
)  # fmt: skip

_MINANG_MALE: _Names = (
    "Afrizal", "Syafrizal", "Zulkifli", "Yusrizal", "Fadhli", "Hendra", "Andri", "Erwin",
    "Irfan", "Fauzan", "Alfian", "Yulizar", "Jasrial", "Novrizal", "Darlis", "Marlis", "Asrul",
    "Zulhendri",
)  # fmt: skip
_MINANG_MALE_2: _Names = (
    "Rahman", "Hidayat", "Putra", "Chaniago", "Piliang", "Tanjung", "Koto", "Sikumbang",
    "Malik", "Datuak",
)  # fmt: skip
_MINANG_FEMALE: _Names = (
    "Yusnidar", "Desmawati", "Nofriyanti", "Yulia", "Rahmi", "Elfi", "Fitria", "Lisnawati",
    "Mardiana", "Yuliarni", "Rosmaniar", "Zulfa", "Nelly", "Riri", "Suci", "Yenni",
)  # fmt: skip
_MINANG_FEMALE_2: _Names = (
    "Fitri", "Yanti", "Rahmi", "Sari", "Putri", "Handayani", "Oktavia", "Marlina", "Syafitri",
)  # fmt: skip

_BALI_ORDER_MALE: _Names = (
    "Wayan", "Putu", "Gede", "Made", "Kadek", "Nengah", "Nyoman", "Komang", "Ketut",
)  # fmt: skip
_BALI_ORDER_FEMALE: _Names = (
    "Luh", "Wayan", "Putu", "Made", "Kadek", "Nyoman", "Komang", "Ketut", "Luh Putu",
)  # fmt: skip
_BALI_MALE: _Names = (
    "Sudarma", "Suarta", "Sukadana", "Arsana", "Astawa", "Eka Saputra", "Adi Wiguna",
    "Agus Mahendra", "Dharma Putra", "Budiarta", "Suardana", "Wirawan", "Mertayasa",
)  # fmt: skip
_BALI_FEMALE: _Names = (
    "Sukerti", "Sariasih", "Ayu Lestari", "Dwi Lestari", "Sri Wahyuni", "Ari Susanti",
    "Eka Pratiwi", "Widiastuti", "Suartini", "Ayu Kusuma", "Sumarni", "Ayu Wulandari",
)  # fmt: skip

_BUGIS_MALE: _Names = (
    "Muhammad Arif", "Syamsul", "Baso", "Amiruddin", "Haeruddin", "Jusman", "Akbar",
    "Muh. Syarif", "Rusdi", "Kaharuddin", "Nurdin", "Syahrir", "Ambo", "Taufiq",
)  # fmt: skip
_BUGIS_MALE_2: _Names = (
    "Hasanuddin", "Amir", "Rahman", "Mappanyukki", "Latief", "Sulaiman", "Hamid", "Rauf",
)  # fmt: skip
_BUGIS_FEMALE: _Names = (
    "Nurhayati", "Sitti Rahmatia", "Hasnah", "St. Aminah", "Nurhaedah", "Hasniati", "Rosdiana",
    "Jumriani", "Sukmawati", "Nurul Fadillah", "Haslinda", "Irmawati",
)  # fmt: skip

_CHINESE_MALE: _Names = (
    "Hendra", "Steven", "William", "Yohanes", "Ivan", "Budi", "Kevin", "Andreas", "Michael",
    "Ricky", "Felix", "Jimmy", "Suwandi", "Wilson", "Rudy",
)  # fmt: skip
_CHINESE_FEMALE: _Names = (
    "Lina", "Susanti", "Melati", "Fransiska", "Felicia", "Linda", "Meilani", "Yuliana",
    "Cynthia", "Veronika", "Angeline", "Jessica", "Natalia", "Lili", "Mei Ling",
)  # fmt: skip
_CHINESE_SURNAME: _Names = (
    "Wijaya", "Gunawan", "Halim", "Salim", "Santoso", "Tanuwijaya", "Hartono", "Lim",
    "Setiadi", "Kusuma", "Sutanto", "Limanto", "Tjandra", "Wibisono", "Sugianto", "Tanjaya",
)  # fmt: skip


def _palembang(rng: random.Random, female: bool) -> str:
    if female:
        first, second = _pick(rng, _MALAY_FEMALE), _pick(rng, _MALAY_FEMALE_2)
        title = _pick(rng, _PALEMBANG_TITLE_FEMALE)
    else:
        first, second = _pick(rng, _MALAY_MALE), _pick(rng, _MALAY_MALE_2)
        title = _pick(rng, _PALEMBANG_TITLE_MALE)
    if second == first:
        second = "Ramadhan" if not female else "Maharani"
    name = f"{first} {second}"
    return f"{title} {name}" if rng.random() < 0.15 else name


def _two_part(first: _Names, second: _Names, single: float) -> Callable[[random.Random], str]:
    def build(rng: random.Random) -> str:
        name = _pick(rng, first)
        if rng.random() < single:
            return name
        other = _pick(rng, second)
        return name if other == name else f"{name} {other}"

    return build


_JAVA = (_two_part(_JAVA_MALE, _JAVA_MALE_2, 0.1), _two_part(_JAVA_FEMALE, _JAVA_FEMALE_2, 0.05))
_SUNDA = (
    _two_part(_SUNDA_MALE, _SUNDA_MALE_2, 0.05),
    _two_part(_SUNDA_FEMALE, _SUNDA_FEMALE_2, 0.05),
)
_MINANG = (
    _two_part(_MINANG_MALE, _MINANG_MALE_2, 0.4),
    _two_part(_MINANG_FEMALE, _MINANG_FEMALE_2, 0.4),
)
_BUGIS = (_two_part(_BUGIS_MALE, _BUGIS_MALE_2, 0.5), _two_part(_BUGIS_FEMALE, (), 1.0))


def _javanese(rng: random.Random, female: bool) -> str:
    return _JAVA[female](rng)


def _sundanese(rng: random.Random, female: bool) -> str:
    return _SUNDA[female](rng)


def _minang(rng: random.Random, female: bool) -> str:
    return _MINANG[female](rng)


def _batak(rng: random.Random, female: bool) -> str:
    first = _pick(rng, _BATAK_FEMALE if female else _BATAK_MALE)
    return f"{first} {_pick(rng, _BATAK_MARGA)}"


def _balinese(rng: random.Random, female: bool) -> str:
    if female:
        return f"Ni {_pick(rng, _BALI_ORDER_FEMALE)} {_pick(rng, _BALI_FEMALE)}"
    return f"I {_pick(rng, _BALI_ORDER_MALE)} {_pick(rng, _BALI_MALE)}"


def _bugis(rng: random.Random, female: bool) -> str:
    name = _BUGIS[female](rng)
    if rng.random() < 0.3:  # Andi: the Bugis title of nobility, for men and women
        return f"Andi {name}"
    return name


def _chinese(rng: random.Random, female: bool) -> str:
    first = _pick(rng, _CHINESE_FEMALE if female else _CHINESE_MALE)
    return f"{first} {_pick(rng, _CHINESE_SURNAME)}"


_REGIONS: tuple[Callable[[random.Random, bool], str], ...] = (
    _palembang,
    _javanese,
    _sundanese,
    _batak,
    _minang,
    _balinese,
    _bugis,
    _chinese,
)
_REGION_WEIGHTS = (38, 22, 7, 9, 9, 4, 5, 6)


_APOSTROPHE_MALE: _Names = tuple(name for name in _MALAY_MALE if "'" in name)
_APOSTROPHE_FEMALE: _Names = tuple(name for name in _MALAY_FEMALE if "'" in name)


def person_name(rng: random.Random, gender: Gender, *, apostrophe: bool = False) -> str:
    """Return a realistic Indonesian name (without degrees) for a person of ``gender``.

    With ``apostrophe``, the first name is one written with an apostrophe (Nur'aini, Ma'ruf).
    """
    female = gender is Gender.WANITA
    if apostrophe:
        first = _pick(rng, _APOSTROPHE_FEMALE if female else _APOSTROPHE_MALE)
        return f"{first} {_pick(rng, _MALAY_FEMALE_2 if female else _MALAY_MALE_2)}"
    build = rng.choices(_REGIONS, weights=_REGION_WEIGHTS)[0]
    return build(rng, female)
