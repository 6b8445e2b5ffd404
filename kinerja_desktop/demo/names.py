"""Data tables of the demo office: places, and a generator of people's names.

Names mix the regions one meets in a Palembang office: Palembang/Malay, Javanese, Sundanese,
Batak, Minang, Balinese, Bugis and Chinese-Indonesian.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from kinerja_desktop.domain.employment import Gender

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
