"""Text tables of the demo's Perilaku Kerja: journal sentences, dialogue, reasons and notes.

Everything here is plain data; :mod:`kinerja_desktop.demo.behaviour_demo` decides who
gets which. Journal sentences say what happened, factually and without labels about the person,
so that a negative entry reads as something to develop, not as a verdict. Each names the
panduan perilaku (1 to 3, the order of ``reference/berakhlak.json``) it is about and where the
penilai learned of it. ``{periode}`` stands for the period's label ("Triwulan II"),
``{predikat}`` for a predikat label and ``{nilai}`` for a core value's label.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.behaviour import ObservationSource
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.ratings import Rating

_BP = BehaviourValue.BERORIENTASI_PELAYANAN
_AK = BehaviourValue.AKUNTABEL
_KO = BehaviourValue.KOMPETEN
_HA = BehaviourValue.HARMONIS
_LO = BehaviourValue.LOYAL
_AD = BehaviourValue.ADAPTIF
_KL = BehaviourValue.KOLABORATIF
_LANGSUNG = ObservationSource.LANGSUNG
_MASYARAKAT = ObservationSource.MASYARAKAT
_AUDIT = ObservationSource.AUDIT
_REKAN = ObservationSource.REKAN


@dataclass(frozen=True)
class Note:
    """One journal sentence: the panduan perilaku it is about (None: the value in general)."""

    indicator: int | None
    text: str
    source: ObservationSource = _LANGSUNG


#: Positive sentences shared by the kecamatan and the puskesmas, per value.
COMMON_POSITIVE: dict[BehaviourValue, tuple[Note, ...]] = {
    _BP: (
        Note(2, "Tetap melayani dengan tenang dan jelas saat antrean memuncak menjelang jam tutup"),
        Note(3, "Mengusulkan perbaikan alur antrean setelah mencatat sendiri waktu tunggu warga"),
    ),
    _AK: (
        Note(1, "Menyerahkan laporan kegiatan lengkap dengan bukti dukung sebelum tenggat"),
        Note(
            2,
            "Mencatat pemakaian kendaraan dinas di buku kendali dan mengembalikannya tepat waktu",
        ),
    ),
    _KO: (
        Note(
            1, "Menyelesaikan pelatihan daring tata naskah dinas elektronik dan langsung memakainya"
        ),
        Note(
            2, "Membimbing rekan yang baru pindah memahami aplikasi kerja unit dalam minggu pertama"
        ),
    ),
    _HA: (
        Note(1, "Melayani warga dan rekan dengan sikap yang sama tanpa membedakan latar belakang"),
        Note(
            2,
            "Membantu rekan di bagian lain merampungkan rekap data saat ada tenggat mendadak",
            _REKAN,
        ),
        Note(3, "Menengahi beda pendapat dalam rapat staf dengan tenang sampai ada kesepakatan"),
    ),
    _LO: (
        Note(
            2, "Menjawab pertanyaan warga di media sosial kantor dengan informasi resmi dan santun"
        ),
        Note(3, "Menolak memberikan data pribadi warga kepada penelepon yang tidak berwenang"),
        Note(
            1, "Menyiapkan dan mengikuti upacara Hari Kesaktian Pancasila bersama seluruh pegawai"
        ),
    ),
    _AD: (
        Note(
            1, "Cepat menguasai aplikasi layanan yang baru dan membantu warga yang belum terbiasa"
        ),
        Note(
            2,
            "Membuat formulir daring untuk pendataan sehingga rekap yang biasanya dua hari selesai "
            "dalam satu jam",
        ),
        Note(
            3, "Menyiapkan formulir cadangan sebelum pemadaman listrik terjadwal agar layanan jalan"
        ),
    ),
    _KL: (
        Note(
            2,
            "Berbagi data dengan bagian lain sehingga laporan terpadu selesai lebih cepat",
            _REKAN,
        ),
        Note(1, "Mengajak rekan dari bagian lain menyumbang ide dalam rapat persiapan kegiatan"),
    ),
}

#: Negative sentences shared by both, per value: what happened, and nothing more.
COMMON_NEGATIVE: dict[BehaviourValue, tuple[Note, ...]] = {
    _BP: (Note(3, "Keluhan yang sama tentang papan informasi persyaratan belum ditindaklanjuti"),),
    _AK: (
        Note(1, "Laporan bulanan terlambat empat hari kerja dari jadwal tanpa pemberitahuan"),
        Note(2, "Proyektor kantor dipinjam ke luar ruangan tanpa dicatat di buku peminjaman"),
    ),
    _KO: (
        Note(1, "Belum mengikuti pelatihan aplikasi SRIKANDI yang dijadwalkan meski diingatkan"),
    ),
    _HA: (
        Note(
            3, "Menyampaikan keberatan kepada rekan dengan nada tinggi di depan tamu kantor", _REKAN
        ),
        Note(
            2, "Menolak membantu rekan yang kewalahan di loket padahal pekerjaannya sudah selesai"
        ),
    ),
    _LO: (
        Note(
            3,
            "Mengunggah foto berkas yang memuat NIK warga ke grup percakapan umum; sudah dihapus "
            "setelah diingatkan",
            _REKAN,
        ),
        Note(2, "Mengeluhkan kebijakan kantor di media sosial pribadi sebelum dibahas di internal"),
    ),
    _AD: (
        Note(
            1,
            "Masih memakai format laporan lama setelah format baru berlaku; laporan disusun ulang",
        ),
        Note(
            3, "Menunggu arahan untuk printer loket yang rusak, padahal bisa dilaporkan sejak pagi"
        ),
    ),
    _KL: (
        Note(2, "Menyimpan data kegiatan sendiri sehingga rekan harus memintanya ulang", _REKAN),
        Note(
            1, "Tidak mengundang bagian terkait dalam rapat persiapan kegiatan yang melibatkannya"
        ),
    ),
}

#: Sentences of a kecamatan (kantor camat, seksi, kelurahan), per value and sign.
KECAMATAN_POSITIVE: dict[BehaviourValue, tuple[Note, ...]] = {
    _BP: (
        Note(
            1,
            "Menjelaskan syarat surat keterangan ahli waris kepada warga lansia dengan sabar dan "
            "membantu mengisi formulirnya",
        ),
        Note(
            2,
            "Warga berterima kasih lewat kanal aduan kota karena legalisasi dokumennya selesai "
            "pada hari yang sama",
            _MASYARAKAT,
        ),
        Note(
            1,
            "Mendatangi rumah warga disabilitas untuk perekaman KTP-el yang tidak bisa ke kantor",
            _REKAN,
        ),
        Note(
            3, "Mengusulkan papan alur layanan PATEN di ruang tunggu; warga tidak lagi salah loket"
        ),
    ),
    _AK: (
        Note(
            1,
            "Pemeriksaan Inspektorat tidak menemukan selisih pada kas kegiatan yang dikelolanya",
            _AUDIT,
        ),
        Note(
            2, "Memperbarui Kartu Inventaris Ruangan seksi sebelum pemeriksaan barang milik daerah"
        ),
    ),
    _KO: (
        Note(3, "Draf laporan monografi kecamatan tersusun rapi dan hanya perlu sedikit perbaikan"),
        Note(
            2,
            "Mengajari dua rekan cara memverifikasi berkas PBB di aplikasi pemerintah kota",
            _REKAN,
        ),
    ),
    _KL: (
        Note(
            3,
            "Menggerakkan Ketua RT, karang taruna dan donatur memperbaiki drainase tanpa menunggu "
            "anggaran",
        ),
        Note(1, "Berkoordinasi dengan Babinsa dan Bhabinkamtibmas sebelum penertiban lapak pasar"),
    ),
    _AD: (Note(2, "Mengusulkan pengingat jadwal layanan keliling lewat grup WhatsApp Ketua RT"),),
}

KECAMATAN_NEGATIVE: dict[BehaviourValue, tuple[Note, ...]] = {
    _BP: (
        Note(
            2,
            "Warga mengeluh di kanal aduan kota karena menunggu lama di loket tanpa penjelasan "
            "tentang berkas yang kurang",
            _MASYARAKAT,
        ),
        Note(
            1,
            "Meminta warga kembali esok hari untuk kelengkapan berkas yang sebenarnya bisa dicek "
            "di aplikasi",
        ),
    ),
    _AK: (
        Note(
            2,
            "Pemeriksaan Inspektorat mencatat dua laptop inventaris belum tercantum di Kartu "
            "Inventaris Ruangan",
            _AUDIT,
        ),
    ),
    _KO: (
        Note(
            3,
            "Draf surat keputusan Camat dikembalikan dua kali karena dasar hukum dan penomoran "
            "belum sesuai",
        ),
    ),
}

#: Sentences of a puskesmas (poli, KIA, farmasi, laboratorium, promkes, tata usaha).
PUSKESMAS_POSITIVE: dict[BehaviourValue, tuple[Note, ...]] = {
    _BP: (
        Note(
            2,
            "Pasien menulis di kotak saran bahwa petugas menjelaskan aturan minum obat dengan "
            "ramah dan jelas",
            _MASYARAKAT,
        ),
        Note(
            1,
            "Menyesuaikan jadwal posyandu lansia dengan waktu luang kader dan warga; kehadiran "
            "naik",
        ),
        Note(
            3,
            "Mengusulkan nomor antrean daring poli umum setelah menghitung rata-rata waktu tunggu",
        ),
        Note(
            2,
            "Tetap melayani pasien rujukan yang datang menjelang jam tutup sampai rujukannya "
            "tuntas",
            _REKAN,
        ),
    ),
    _AK: (
        Note(1, "Mengisi rekam medis elektronik lengkap pada hari pelayanan, termasuk tindakannya"),
        Note(
            2,
            "Mencatat suhu lemari vaksin dua kali sehari dan menjaga rantai dingin saat listrik "
            "padam",
        ),
        Note(
            1,
            "Audit internal mutu menyatakan pencatatan obat keluar sesuai kartu stok gudang "
            "farmasi",
            _AUDIT,
        ),
    ),
    _KO: (
        Note(1, "Mengikuti pelatihan tata laksana gizi buruk dan membagikan materinya di lokmin"),
        Note(
            2,
            "Membimbing kader posyandu mengukur panjang badan balita dengan alat dan posisi yang "
            "benar",
            _REKAN,
        ),
        Note(3, "Hasil pemeriksaan laboratorium dilaporkan lengkap tanpa koreksi sebulan penuh"),
    ),
    _KL: (
        Note(
            3,
            "Bekerja sama dengan kader, Ketua RT dan kelurahan dalam penjaringan kasus TB dari "
            "rumah ke rumah",
        ),
        Note(1, "Melibatkan bidan praktik mandiri di wilayah kerja dalam pelaporan imunisasi"),
    ),
    _AD: (Note(1, "Cepat beradaptasi dengan alur rujukan daring yang baru dari BPJS Kesehatan"),),
}

PUSKESMAS_NEGATIVE: dict[BehaviourValue, tuple[Note, ...]] = {
    _BP: (
        Note(
            2,
            "Pasien mengeluh di kotak saran karena ditegur dengan nada tinggi saat menanyakan "
            "antrean",
            _MASYARAKAT,
        ),
        Note(
            1,
            "Jadwal imunisasi di kelurahan berubah tanpa kabar ke kader; beberapa balita tidak "
            "terlayani",
            _REKAN,
        ),
    ),
    _AK: (
        Note(
            1,
            "Audit internal menemukan beberapa lembar persetujuan tindakan belum ditandatangani "
            "pasien",
            _AUDIT,
        ),
        Note(
            2, "Alat cek hemoglobin tertinggal di lokasi posyandu dan baru diambil keesokan harinya"
        ),
    ),
    _KO: (
        Note(
            3,
            "Beberapa data berat badan balita di e-PPGBM tidak sesuai buku register posyandu",
            _AUDIT,
        ),
    ),
}

#: Neutral entries: a fact worth keeping that is neither praise nor concern yet.
NEUTRAL: dict[BehaviourValue, tuple[Note, ...]] = {
    _BP: (
        Note(
            None, "Mengikuti bimbingan teknis standar pelayanan publik; penerapannya dilihat nanti"
        ),
    ),
    _AK: (
        Note(
            None, "Terlambat apel sekali karena banjir di jalan menuju kantor; sudah memberi kabar"
        ),
    ),
    _KO: (
        Note(None, "Terdaftar sebagai peserta pelatihan teknis bulan depan atas usulan sendiri"),
    ),
    _HA: (Note(None, "Baru pindah meja ke ruang pelayanan dan masih menyesuaikan dengan tim"),),
    _LO: (Note(None, "Mengikuti sosialisasi kode etik dan kode perilaku ASN"),),
    _AD: (Note(None, "Mulai mencoba aplikasi tanda tangan elektronik, belum dipakai rutin"),),
    _KL: (Note(None, "Ditunjuk sebagai anggota tim lintas bagian; kegiatan tim baru dimulai"),),
}

# --- the repeated weak spot: an administration officer at the loket ---------------------------

#: Under Berorientasi Pelayanan, panduan 2 ("Ramah, cekatan, solutif, dan dapat diandalkan").
WEAK_SPOT_VALUE = _BP
WEAK_SPOT_INDICATOR = 2
#: The first period of the spot: one entry.
WEAK_SPOT_FIRST = (
    Note(
        2,
        "Warga yang mengurus surat keterangan domisili menunggu hampir satu jam di loket tanpa "
        "diberi tahu bahwa berkasnya menunggu paraf Kepala Seksi",
        _MASYARAKAT,
    ),
)
#: The next period: it happens again, twice.
WEAK_SPOT_SECOND = (
    Note(
        2,
        "Menjawab pertanyaan warga tentang syarat surat keterangan tidak mampu dengan singkat dan "
        "terburu-buru; warga kembali dua kali untuk berkas yang sama",
    ),
    Note(
        2,
        "Pengaduan di kanal aduan kota: legalisasi yang dijanjikan selesai siang baru diserahkan "
        "keesokan harinya tanpa kabar",
        _MASYARAKAT,
    ),
)
#: After the coaching that the weak spot proposes.
WEAK_SPOT_RECOVERY = Note(
    2,
    "Sesudah coaching, memakai daftar periksa berkas dan memberi tahu warga perkiraan waktu "
    "selesai; sebulan tanpa keluhan antrean",
)

# --- feedback, dialogue, decisions ---------------------------------------------------------------

#: Umpan balik for a value without entries in the period.
QUIET_FEEDBACK = (
    "Belum ada catatan khusus tentang nilai {nilai} pada {periode}; dalam pekerjaan sehari-hari "
    "perilakunya sesuai ekspektasi. Catat contoh yang menonjol agar umpan balik berikutnya lebih "
    "konkret.",
    "Pada {periode} perilaku {nilai} berjalan sesuai ekspektasi tanpa catatan khusus. Pertahankan, "
    "dan sampaikan bila ada hal yang ingin dikembangkan.",
)

#: What the employee writes before the evaluation talk, by their Rating Hasil Kerja.
SELF_ASSESSMENT: dict[Rating, tuple[str, ...]] = {
    Rating.DI_ATAS: (
        "Sebagian besar target {periode} terlampaui. Yang paling membantu adalah jadwal kerja "
        "mingguan yang saya sepakati dengan tim; saya ingin mencoba tugas yang lebih menantang.",
        "Hasil kerja {periode} di atas target. Saya masih ingin memperbaiki dokumentasi bukti "
        "dukung agar tidak menumpuk di akhir periode.",
    ),
    Rating.SESUAI: (
        "Target {periode} tercapai sesuai rencana. Saya perlu lebih cepat menindaklanjuti berkas "
        "yang tertunda dan ingin ikut pelatihan aplikasi yang baru.",
        "Pekerjaan {periode} berjalan sesuai target. Ada dua kegiatan yang mundur karena menunggu "
        "data dari pihak lain; saya akan berkoordinasi lebih awal.",
        "Sesuai target. Saya merasa terbantu oleh umpan balik rutin dan ingin membahas pembagian "
        "tugas saat ada rekan cuti.",
    ),
    Rating.DI_BAWAH: (
        "Beberapa target {periode} belum tercapai. Saya terlalu lama menunggu data dari luar unit "
        "dan butuh bantuan untuk menyusun prioritas pekerjaan.",
        "Hasil {periode} di bawah target. Saya ingin menyepakati langkah perbaikan yang jelas dan "
        "meminta pendampingan pada pekerjaan yang paling tertinggal.",
    ),
}

REFLECTION = (
    "Dari percakapan ini saya sepakat memilih satu hal untuk diperbaiki pada periode berikutnya "
    "dan meminta umpan balik di tengah periode.",
    "Saya akan mencatat bukti dukung setiap minggu dan membahas kendala lebih awal dengan atasan.",
    "Yang berjalan baik akan saya bagikan ke rekan satu tim; yang tertinggal saya jadwalkan ulang.",
)

#: The keberatan of the officer with the weak spot, with the penilai's explanation and the
#: atasan's decision (PP 30/2019 Pasal 59).
OBJECTION = (
    "Saya menerima catatan tentang pelayanan di loket dan sudah berusaha memperbaikinya. Namun "
    "predikat {predikat} pada {periode} terasa berat: pada bulan itu loket kekurangan satu "
    "petugas karena rekan cuti melahirkan dan permohonan surat keterangan naik hampir dua kali "
    "lipat. Saya mohon kondisi ini dipertimbangkan."
)
EXPLANATION = (
    "Rating Perilaku Kerja {periode} didukung dua kejadian yang tercatat, salah satunya pengaduan "
    "warga melalui kanal aduan kota. Beban loket memang naik karena seorang petugas cuti, dan itu "
    "sudah ikut dipertimbangkan pada Rating Hasil Kerja; Rating Perilaku Kerja menilai cara "
    "melayani. Kami sudah menyepakati coaching dua minggu sekali dan daftar periksa berkas."
)
DECISION = (
    "Setelah membaca keberatan, penjelasan Pejabat Penilai Kinerja dan bukti catatan perilaku, "
    "predikat {predikat} pada {periode} tetap. Beban kerja yang tinggi dicatat untuk pembinaan: "
    "pembagian petugas loket diatur ulang setiap ada pegawai cuti, dan coaching pelayanan "
    "dilanjutkan dengan tinjauan pada periode berikutnya."
)

#: Why the penilai set Sangat Baik where the kuadran gives Baik, per domain.
OVERRIDE_REASON = {
    "kecamatan": (
        "Selain hasil kerja di atas ekspektasi, yang bersangkutan menjadi koordinator posko banjir "
        "kelurahan selama dua minggu pada {periode}: melayani warga di luar jam kerja dan "
        "menggerakkan relawan. Perilaku ini diamati langsung oleh penilai tetapi belum dicatat di "
        "jurnal."
    ),
    "puskesmas": (
        "Selain hasil kerja di atas ekspektasi, yang bersangkutan memimpin penyelidikan "
        "epidemiologi kasus campak pada {periode} hingga penularan berhenti dalam tiga minggu, "
        "termasuk kunjungan rumah di luar jam kerja. Perilaku ini diamati langsung oleh penilai "
        "tetapi belum dicatat di jurnal."
    ),
}

#: The note of the organisation predikat, by who sets it.
ORG_NOTE = {
    "kecamatan": (
        "Ditetapkan Wali Kota {city} berdasarkan capaian Perjanjian Kinerja {unit} {periode}."
    ),
    "puskesmas": (
        "Ditetapkan Kepala Dinas Kesehatan Kota {city} berdasarkan capaian kinerja {unit} "
        "{periode}, termasuk indikator mutu dan Standar Pelayanan Minimal."
    ),
}
