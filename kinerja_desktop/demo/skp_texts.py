"""Text tables of the demo SKPs: RHK with their indicators per jabatan, lampiran, expectations.

Everything here is plain data; :mod:`kinerja_desktop.demo.skp_demo` decides who gets
which RHK. The wording follows the SKP of an instansi daerah (PermenPANRB 6/2022, reference §1):
an RHK is a result ("Terlaksananya ...", "Tersusunnya ..."), and each has three indicators,
Kuantitas ("Jumlah ..."), Kualitas ("Persentase ...") and Waktu. Waktu indicators are written
as the time taken ("Waktu penyelesaian ...": 12 Bulan, "Rata-rata waktu ...": 3 Hari), so a
lower figure is better. Targets are those of a kecamatan and a puskesmas in Kota Palembang of
about 90,000 people; the demo varies the larger ones per person.

``{place}`` stands for the kecamatan, puskesmas or kelurahan name and ``{year}`` for the year.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Aspek


@dataclass(frozen=True)
class IkiText:
    aspek: Aspek
    indicator: str
    target: Decimal
    unit: str
    lower_is_better: bool = False


@dataclass(frozen=True)
class RhkText:
    """One RHK with its three indicators.

    Attributes:
        themes: What the result is about ("pelayanan", "ukm"...); a staff RHK serves a
            supervisor's RHK that shares a theme.
        text: The RHK as printed.
        indicators: Kuantitas, Kualitas, Waktu.
        parent_text: For the heads of the office only: the Renstra or Perjanjian Kinerja target
            the RHK serves ("" takes the default of the head's unit).
    """

    themes: tuple[str, ...]
    text: str
    indicators: tuple[IkiText, ...]
    parent_text: str = ""


def _k(indicator: str, target: int | str, unit: str) -> IkiText:
    return IkiText(Aspek.KUANTITAS, indicator, Decimal(str(target)), unit)


def _q(indicator: str, target: int | str, unit: str = "%", *, lower: bool = False) -> IkiText:
    return IkiText(Aspek.KUALITAS, indicator, Decimal(str(target)), unit, lower)


def _w(indicator: str, target: int | str = 12, unit: str = "Bulan") -> IkiText:
    return IkiText(Aspek.WAKTU, indicator, Decimal(str(target)), unit, lower_is_better=True)


def _r(themes: str, text: str, *indicators: IkiText, parent_text: str = "") -> RhkText:
    return RhkText(tuple(themes.split()), text, indicators, parent_text)


# --- heads: parent texts from the Renstra / Perjanjian Kinerja --------------------------------

_RENSTRA_KEC = "Sasaran Renstra Kecamatan {place}"
_PK_CAMAT = "Perjanjian Kinerja Camat {place} Tahun {year}"
_RENSTRA_DINKES = "Sasaran Renstra Dinas Kesehatan Kota Palembang"
_PK_DINKES = "Perjanjian Kinerja Kepala Dinas Kesehatan Kota Palembang Tahun {year}"

#: The parent text of a head's RHK that names none, by the domain of the head's unit.
DEFAULT_PARENT_TEXT = {
    "kecamatan": f"{_RENSTRA_KEC}: Meningkatnya akuntabilitas kinerja dan kualitas pelayanan "
    "Kecamatan {place}",
    "puskesmas": f"{_RENSTRA_DINKES}: Meningkatnya tata kelola dan mutu pelayanan puskesmas",
}

# --- RHK per jabatan (family) -----------------------------------------------------------------

_CAMAT = (
    _r(
        "umum_kec umum keuangan",
        "Terwujudnya penyelenggaraan pemerintahan kecamatan yang akuntabel dan berkinerja baik",
        _k(
            "Jumlah dokumen perencanaan dan pelaporan kinerja kecamatan yang ditetapkan",
            4,
            "Dokumen",
        ),
        _q("Persentase capaian indikator kinerja utama kecamatan", 90),
        _w("Waktu penyelesaian dokumen perencanaan dan pelaporan kinerja"),
        parent_text=f"{_RENSTRA_KEC}: Meningkatnya akuntabilitas kinerja perangkat daerah",
    ),
    _r(
        "pelayanan",
        "Meningkatnya kualitas pelayanan publik di Kecamatan {place}",
        _k("Jumlah layanan administrasi terpadu kecamatan (PATEN) yang diberikan", 3600, "Layanan"),
        _q("Indeks Kepuasan Masyarakat terhadap pelayanan kecamatan", 85, "Nilai"),
        _w("Rata-rata waktu penyelesaian layanan PATEN", 3, "Hari"),
        parent_text=f"{_PK_CAMAT}: Meningkatnya kualitas pelayanan publik kecamatan",
    ),
    _r(
        "pemerintahan",
        "Terselenggaranya koordinasi pemerintahan dan pembinaan kelurahan di wilayah Kecamatan "
        "{place}",
        _k("Jumlah rapat koordinasi dan pembinaan kelurahan yang dilaksanakan", 12, "Kegiatan"),
        _q("Persentase kelurahan dengan laporan penyelenggaraan pemerintahan yang lengkap", 100),
        _w("Waktu pelaksanaan pembinaan kelurahan"),
        parent_text=f"{_RENSTRA_KEC}: "
        "Meningkatnya kualitas pembinaan penyelenggaraan pemerintahan kelurahan",
    ),
    _r(
        "trantib",
        "Terwujudnya ketenteraman dan ketertiban umum di wilayah Kecamatan {place}",
        _k("Jumlah kegiatan patroli dan penertiban bersama unsur Tiga Pilar", 48, "Kegiatan"),
        _q("Persentase pengaduan gangguan ketertiban umum yang ditindaklanjuti", 95),
        _w("Rata-rata waktu tindak lanjut pengaduan gangguan ketertiban", 2, "Hari"),
        parent_text=f"{_PK_CAMAT}: "
        "Meningkatnya ketenteraman dan ketertiban umum di wilayah kecamatan",
    ),
    _r(
        "ekbang",
        "Terlaksananya perencanaan pembangunan partisipatif dan pemberdayaan ekonomi masyarakat",
        _k("Jumlah usulan Musrenbang kecamatan yang diverifikasi", 60, "Usulan"),
        _q("Persentase usulan prioritas kecamatan yang diakomodasi dalam RKPD", 40),
        _w("Waktu penyelesaian dokumen hasil Musrenbang kecamatan", 3),
        parent_text=f"{_RENSTRA_KEC}: "
        "Meningkatnya partisipasi masyarakat dalam perencanaan pembangunan",
    ),
    _r(
        "kesos",
        "Meningkatnya penanganan kesejahteraan sosial dan penanggulangan kemiskinan di tingkat "
        "kecamatan",
        _k(
            "Jumlah data keluarga penerima bantuan sosial yang diverifikasi dan divalidasi",
            1500,
            "Keluarga",
        ),
        _q("Persentase usulan perbaikan data terpadu kesejahteraan sosial yang diselesaikan", 90),
        _w("Waktu penyelesaian verifikasi dan validasi data kesejahteraan sosial"),
        parent_text=f"{_PK_CAMAT}: "
        "Meningkatnya ketepatan sasaran program penanggulangan kemiskinan",
    ),
)

_SEKCAM = (
    _r(
        "umum_kec keuangan",
        "Terkoordinasinya penyusunan dokumen perencanaan, keuangan dan pelaporan kinerja kecamatan",
        _k("Jumlah dokumen perencanaan dan pelaporan kinerja yang dikoordinasikan", 6, "Dokumen"),
        _q("Persentase dokumen yang disampaikan tanpa perbaikan substansial", 90),
        _w("Waktu penyelesaian koordinasi dokumen perencanaan dan pelaporan"),
    ),
    _r(
        "keuangan",
        "Terkelolanya administrasi keuangan kecamatan secara tertib dan akuntabel",
        _k("Jumlah laporan realisasi anggaran kecamatan yang disusun", 12, "Laporan"),
        _q("Persentase realisasi anggaran kecamatan", 95),
        _w("Rata-rata waktu penyampaian laporan keuangan setelah akhir bulan", 10, "Hari"),
    ),
    _r(
        "umum",
        "Terselenggaranya pelayanan administrasi umum, kepegawaian dan aset kecamatan",
        _k("Jumlah layanan administrasi kepegawaian yang diproses", 120, "Layanan"),
        _q("Persentase barang milik daerah yang tercatat dan berlabel", 100),
        _w("Waktu penyelesaian laporan barang milik daerah"),
    ),
    _r(
        "umum_kec",
        "Terkoordinasinya tindak lanjut hasil pemeriksaan dan pengawasan internal di kecamatan",
        _k("Jumlah rekomendasi hasil pemeriksaan yang ditindaklanjuti", 10, "Rekomendasi"),
        _q("Persentase rekomendasi hasil pemeriksaan yang tuntas ditindaklanjuti", 90),
        _w("Waktu penyelesaian tindak lanjut hasil pemeriksaan", 60, "Hari"),
    ),
    _r(
        "umum_kec umum",
        "Terlaksananya reformasi birokrasi dan pembangunan zona integritas di lingkungan kecamatan",
        _k("Jumlah rencana aksi reformasi birokrasi yang dilaksanakan", 8, "Rencana Aksi"),
        _q("Persentase rencana aksi dengan bukti dukung lengkap", 100),
        _w("Waktu penyelesaian rencana aksi reformasi birokrasi"),
    ),
)

_KASI_PEM = (
    _r(
        "pemerintahan",
        "Terlaksananya pembinaan administrasi pemerintahan kelurahan dan lembaga kemasyarakatan",
        _k("Jumlah kelurahan yang dibina administrasi pemerintahannya", 6, "Kelurahan"),
        _q("Persentase kelurahan dengan administrasi pemerintahan yang tertib", 100),
        _w("Waktu pelaksanaan pembinaan administrasi kelurahan"),
    ),
    _r(
        "pemerintahan",
        "Terfasilitasinya administrasi pertanahan tingkat kecamatan",
        _k("Jumlah berkas administrasi pertanahan yang diverifikasi", 240, "Berkas"),
        _q("Persentase berkas pertanahan yang diverifikasi sesuai persyaratan", 95),
        _w("Rata-rata waktu verifikasi berkas pertanahan", 5, "Hari"),
    ),
    _r(
        "pemerintahan",
        "Terfasilitasinya pembentukan dan penataan RT/RW serta lembaga kemasyarakatan kelurahan",
        _k("Jumlah surat keputusan pengurus RT/RW dan LPM yang difasilitasi", 30, "SK"),
        _q("Persentase usulan penataan RT/RW yang diproses sesuai ketentuan", 100),
        _w("Waktu penyelesaian fasilitasi penataan RT/RW"),
    ),
    _r(
        "data pemerintahan",
        "Tersedianya data monografi dan profil kecamatan yang mutakhir",
        _k("Jumlah dokumen profil dan monografi kecamatan yang dimutakhirkan", 2, "Dokumen"),
        _q("Persentase data kelurahan yang terverifikasi dalam profil kecamatan", 100),
        _w("Waktu pemutakhiran data monografi kecamatan", 6),
    ),
    _r(
        "pemerintahan",
        "Terlaksananya fasilitasi kegiatan wawasan kebangsaan dan pembinaan ideologi Pancasila",
        _k("Jumlah kegiatan wawasan kebangsaan yang difasilitasi", 4, "Kegiatan"),
        _q("Persentase kelurahan yang berpartisipasi dalam kegiatan", 100),
        _w("Waktu pelaksanaan kegiatan wawasan kebangsaan"),
    ),
)

_KASI_TRANTIB = (
    _r(
        "trantib",
        "Terlaksananya patroli dan penertiban gangguan ketenteraman dan ketertiban umum",
        _k("Jumlah patroli wilayah dan penertiban yang dilaksanakan", 96, "Kegiatan"),
        _q("Persentase patroli yang dilaporkan lengkap dengan dokumentasi", 100),
        _w("Waktu pelaksanaan patroli wilayah"),
    ),
    _r(
        "trantib",
        "Tertanganinya pengaduan masyarakat terkait ketertiban umum",
        _k("Jumlah pengaduan ketertiban umum yang ditangani", 60, "Pengaduan"),
        _q("Persentase pengaduan yang selesai ditindaklanjuti", 90),
        _w("Rata-rata waktu tindak lanjut pengaduan", 2, "Hari"),
    ),
    _r(
        "trantib",
        "Tertibnya pedagang kaki lima dan reklame di ruas jalan utama kecamatan",
        _k("Jumlah lokasi pedagang kaki lima dan reklame liar yang ditertibkan", 40, "Lokasi"),
        _q("Persentase lokasi yang tetap tertib setelah penertiban", 80),
        _w("Rata-rata waktu penyelesaian penertiban per lokasi", 7, "Hari"),
    ),
    _r(
        "trantib",
        "Terlaksananya kesiapsiagaan dan penanggulangan bencana kebakaran dan banjir di tingkat "
        "kecamatan",
        _k("Jumlah kegiatan sosialisasi dan simulasi kesiapsiagaan bencana", 6, "Kegiatan"),
        _q("Persentase kejadian bencana yang dilaporkan kepada BPBD dalam 1x24 jam", 100),
        _w("Rata-rata waktu respons awal penanganan kejadian bencana", 2, "Jam"),
    ),
    _r(
        "trantib",
        "Terlaksananya koordinasi Tiga Pilar (Lurah, Bhabinkamtibmas, Babinsa) dalam menjaga "
        "kondusivitas wilayah",
        _k("Jumlah rapat koordinasi Tiga Pilar yang dilaksanakan", 12, "Kegiatan"),
        _q("Persentase kesepakatan rapat yang ditindaklanjuti", 90),
        _w("Waktu pelaksanaan koordinasi Tiga Pilar"),
    ),
)

_KASI_EKBANG = (
    _r(
        "ekbang",
        "Terselenggaranya Musyawarah Perencanaan Pembangunan (Musrenbang) tingkat kecamatan",
        _k("Jumlah usulan kegiatan kelurahan yang dibahas dan diverifikasi", 60, "Usulan"),
        _q("Persentase usulan yang diinput lengkap dalam SIPD", 100),
        _w("Waktu penyelesaian berita acara dan daftar prioritas Musrenbang", 2),
    ),
    _r(
        "ekbang",
        "Terlaksananya pemantauan pelaksanaan pembangunan fisik di wilayah kecamatan",
        _k("Jumlah kegiatan pembangunan yang dipantau", 24, "Kegiatan"),
        _q("Persentase laporan pemantauan yang dilengkapi dokumentasi", 100),
        _w("Rata-rata waktu penyampaian laporan setelah kunjungan lapangan", 3, "Hari"),
    ),
    _r(
        "ekbang",
        "Terfasilitasinya pemberdayaan usaha mikro dan ekonomi masyarakat",
        _k("Jumlah pelaku usaha mikro yang difasilitasi NIB dan pelatihan", 80, "Pelaku Usaha"),
        _q("Persentase pelaku usaha yang memperoleh NIB setelah fasilitasi", 85),
        _w("Waktu pelaksanaan fasilitasi pemberdayaan ekonomi"),
    ),
    _r(
        "ekbang",
        "Terkoordinasinya pelaksanaan kegiatan dana kelurahan",
        _k("Jumlah laporan pelaksanaan dana kelurahan yang diverifikasi", 24, "Laporan"),
        _q("Persentase realisasi fisik kegiatan dana kelurahan", 95),
        _w("Rata-rata waktu verifikasi laporan dana kelurahan", 5, "Hari"),
    ),
    _r(
        "ekbang data",
        "Terlaksananya pendataan sarana prasarana dan lingkungan permukiman",
        _k("Jumlah titik sarana prasarana lingkungan yang didata", 150, "Titik"),
        _q("Persentase data sarana prasarana yang terverifikasi di lapangan", 90),
        _w("Waktu penyelesaian pendataan sarana prasarana", 6),
    ),
)

_KASI_KESOS = (
    _r(
        "kesos",
        "Terlaksananya verifikasi dan validasi data penerima bantuan sosial",
        _k("Jumlah data keluarga penerima bantuan sosial yang diverifikasi", 1200, "Keluarga"),
        _q("Persentase data yang sesuai hasil verifikasi lapangan", 95),
        _w("Waktu penyelesaian verifikasi dan validasi data"),
    ),
    _r(
        "kesos",
        "Terfasilitasinya penyaluran bantuan sosial tepat sasaran",
        _k("Jumlah kegiatan penyaluran bantuan sosial yang didampingi", 12, "Kegiatan"),
        _q("Persentase bantuan yang tersalurkan kepada penerima yang berhak", 98),
        _w("Rata-rata waktu penyampaian laporan penyaluran bantuan", 7, "Hari"),
    ),
    _r(
        "kesos",
        "Terlaksananya pembinaan kegiatan keagamaan, kepemudaan dan olahraga",
        _k("Jumlah kegiatan keagamaan, kepemudaan dan olahraga yang difasilitasi", 10, "Kegiatan"),
        _q("Persentase kegiatan yang terlaksana sesuai rencana", 90),
        _w("Waktu pelaksanaan fasilitasi kegiatan"),
    ),
    _r(
        "kesos",
        "Terfasilitasinya penanganan penyandang masalah kesejahteraan sosial (PMKS)",
        _k("Jumlah PMKS yang dirujuk dan difasilitasi layanannya", 40, "Orang"),
        _q("Persentase rujukan PMKS yang mendapatkan layanan", 85),
        _w("Rata-rata waktu penyelesaian rujukan PMKS", 7, "Hari"),
    ),
    _r(
        "kesos",
        "Terlaksananya pembinaan kelembagaan PKK dan kader pemberdayaan masyarakat",
        _k("Jumlah pertemuan pembinaan kader yang dilaksanakan", 12, "Kegiatan"),
        _q("Persentase kelurahan dengan kader yang aktif", 100),
        _w("Waktu pelaksanaan pembinaan kader"),
    ),
)

_KASI_PU = (
    _r(
        "pelayanan",
        "Terselenggaranya Pelayanan Administrasi Terpadu Kecamatan (PATEN) sesuai standar "
        "pelayanan",
        _k("Jumlah permohonan layanan PATEN yang diselesaikan", 3600, "Permohonan"),
        _q("Persentase permohonan yang diselesaikan sesuai standar pelayanan", 95),
        _w("Rata-rata waktu penyelesaian permohonan", 3, "Hari"),
    ),
    _r(
        "pelayanan",
        "Terfasilitasinya pelayanan administrasi kependudukan di kecamatan",
        _k(
            "Jumlah berkas administrasi kependudukan (KK, KTP-el, pindah datang) yang difasilitasi",
            2400,
            "Berkas",
        ),
        _q(
            "Persentase berkas yang lengkap saat dikirim ke Dinas Kependudukan dan Pencatatan "
            "Sipil",
            98,
        ),
        _w(
            "Rata-rata waktu pengiriman berkas ke Dinas Kependudukan dan Pencatatan Sipil",
            2,
            "Hari",
        ),
    ),
    _r(
        "pelayanan",
        "Meningkatnya kepuasan masyarakat terhadap pelayanan kecamatan",
        _k("Jumlah responden Survei Kepuasan Masyarakat yang dihimpun", 400, "Responden"),
        _q("Indeks Kepuasan Masyarakat unit pelayanan kecamatan", 85, "Nilai"),
        _w("Waktu penyusunan laporan Survei Kepuasan Masyarakat", 6),
    ),
    _r(
        "pelayanan",
        "Tertanganinya pengaduan pelayanan publik melalui SP4N-LAPOR! dan kanal pengaduan "
        "kecamatan",
        _k("Jumlah pengaduan pelayanan yang ditindaklanjuti", 36, "Pengaduan"),
        _q("Persentase pengaduan yang tuntas ditindaklanjuti", 95),
        _w("Rata-rata waktu tindak lanjut pengaduan", 5, "Hari"),
    ),
    _r(
        "pelayanan",
        "Tersusunnya standar pelayanan dan maklumat pelayanan kecamatan yang mutakhir",
        _k("Jumlah standar pelayanan yang ditinjau ulang", 12, "Standar Pelayanan"),
        _q(
            "Persentase standar pelayanan yang dipublikasikan di ruang pelayanan dan laman "
            "kecamatan",
            100,
        ),
        _w("Waktu penyelesaian peninjauan standar pelayanan", 4),
    ),
)

_KASUBBAG_UMUM = (
    _r(
        "umum",
        "Terselenggaranya administrasi kepegawaian kecamatan yang tertib",
        _k(
            "Jumlah usulan layanan kepegawaian (kenaikan pangkat, gaji berkala, cuti) yang "
            "diproses",
            90,
            "Usulan",
        ),
        _q("Persentase usulan yang diterima BKPSDM tanpa pengembalian berkas", 95),
        _w("Rata-rata waktu penyampaian usulan ke BKPSDM", 3, "Hari"),
    ),
    _r(
        "umum",
        "Terkelolanya barang milik daerah di lingkungan kecamatan",
        _k("Jumlah laporan barang milik daerah yang disusun", 4, "Laporan"),
        _q("Persentase barang milik daerah yang tercatat dan berlabel", 100),
        _w("Waktu penyelesaian rekonsiliasi barang milik daerah"),
    ),
    _r(
        "umum",
        "Terselenggaranya tata persuratan dan kearsipan kecamatan sesuai ketentuan",
        _k("Jumlah surat masuk dan keluar yang diadministrasikan", 1800, "Surat"),
        _q("Persentase surat yang terdistribusi pada hari yang sama", 95),
        _w("Waktu penataan arsip inaktif"),
    ),
    _r(
        "umum",
        "Terlaksananya pengelolaan kinerja dan pengembangan kompetensi pegawai kecamatan",
        _k("Jumlah dokumen SKP dan evaluasi kinerja pegawai yang dihimpun", 45, "Dokumen"),
        _q("Persentase pegawai yang memenuhi 20 JP pengembangan kompetensi", 80),
        _w("Waktu penghimpunan dokumen evaluasi kinerja"),
    ),
    _r(
        "umum",
        "Terpeliharanya sarana prasarana dan kebersihan kantor kecamatan",
        _k("Jumlah kegiatan pemeliharaan sarana prasarana kantor", 24, "Kegiatan"),
        _q("Persentase sarana kantor dalam kondisi baik", 90),
        _w("Rata-rata waktu penanganan kerusakan sarana kantor", 3, "Hari"),
    ),
)

_KASUBBAG_PK = (
    _r(
        "keuangan",
        "Tersusunnya dokumen perencanaan dan anggaran kecamatan",
        _k("Jumlah dokumen perencanaan dan anggaran (Renja, RKA, DPA) yang disusun", 4, "Dokumen"),
        _q("Persentase dokumen yang diterima Bappeda dan BPKAD tanpa revisi substansial", 90),
        _w("Waktu penyelesaian penyusunan dokumen anggaran", 6),
    ),
    _r(
        "keuangan",
        "Terkelolanya penatausahaan keuangan kecamatan",
        _k("Jumlah SPJ dan dokumen pencairan yang diverifikasi", 300, "Dokumen"),
        _q("Persentase SPJ yang lengkap dan sah saat diverifikasi", 95),
        _w("Rata-rata waktu verifikasi SPJ", 3, "Hari"),
    ),
    _r(
        "keuangan",
        "Tersusunnya laporan keuangan dan realisasi anggaran kecamatan",
        _k("Jumlah laporan keuangan dan realisasi anggaran yang disusun", 14, "Laporan"),
        _q("Persentase laporan yang disampaikan ke BPKAD sesuai format", 100),
        _w("Rata-rata waktu penyampaian laporan setelah akhir periode", 10, "Hari"),
    ),
    _r(
        "keuangan umum_kec",
        "Tersusunnya laporan kinerja kecamatan (LKjIP dan laporan capaian kinerja triwulanan)",
        _k("Jumlah laporan kinerja yang disusun", 5, "Laporan"),
        _q("Persentase indikator kinerja yang dilengkapi data dukung", 100),
        _w("Rata-rata waktu penyampaian laporan kinerja setelah akhir triwulan", 10, "Hari"),
    ),
    _r(
        "keuangan",
        "Terpantaunya realisasi fisik dan keuangan kegiatan kecamatan",
        _k("Jumlah laporan pemantauan realisasi fisik dan keuangan", 12, "Laporan"),
        _q("Persentase realisasi anggaran terhadap pagu", 95),
        _w("Rata-rata waktu penyampaian laporan pemantauan bulanan", 7, "Hari"),
    ),
)

_LURAH = (
    _r(
        "pelayanan",
        "Terselenggaranya pelayanan administrasi umum dan kependudukan di Kelurahan {place}",
        _k("Jumlah surat pengantar dan surat keterangan yang diterbitkan", 1500, "Surat"),
        _q("Persentase layanan yang diselesaikan sesuai standar pelayanan", 95),
        _w("Rata-rata waktu penyelesaian surat keterangan", 1, "Hari"),
    ),
    _r(
        "pemerintahan",
        "Terlaksananya pembinaan RT/RW dan lembaga kemasyarakatan kelurahan",
        _k("Jumlah pertemuan pembinaan RT/RW yang dilaksanakan", 12, "Kegiatan"),
        _q("Persentase RT/RW yang aktif menyampaikan laporan", 90),
        _w("Waktu pelaksanaan pembinaan RT/RW"),
    ),
    _r(
        "trantib",
        "Terjaganya ketenteraman dan ketertiban lingkungan Kelurahan {place}",
        _k("Jumlah kegiatan siskamling dan koordinasi Tiga Pilar kelurahan", 24, "Kegiatan"),
        _q("Persentase gangguan ketertiban yang ditangani di tingkat kelurahan", 90),
        _w("Rata-rata waktu penanganan laporan gangguan ketertiban", 1, "Hari"),
    ),
    _r(
        "ekbang",
        "Terlaksananya Musrenbang kelurahan dan kegiatan dana kelurahan",
        _k("Jumlah usulan prioritas kelurahan yang disusun", 15, "Usulan"),
        _q("Persentase realisasi kegiatan dana kelurahan", 95),
        _w("Waktu penyelesaian kegiatan dana kelurahan", 10),
    ),
    _r(
        "kesos data",
        "Termutakhirnya data kesejahteraan sosial warga Kelurahan {place}",
        _k("Jumlah data keluarga yang dimutakhirkan", 600, "Keluarga"),
        _q("Persentase data yang tervalidasi dalam musyawarah kelurahan", 95),
        _w("Waktu penyelesaian pemutakhiran data", 6),
    ),
)

_KAPUS = (
    _r(
        "mutu manajemen data",
        "Terselenggaranya manajemen puskesmas dan peningkatan mutu pelayanan sesuai standar "
        "akreditasi",
        _k("Jumlah lokakarya mini dan rapat tinjauan manajemen yang dilaksanakan", 14, "Kegiatan"),
        _q("Persentase indikator mutu nasional puskesmas yang mencapai target", 90),
        _w("Waktu penyelesaian dokumen perencanaan tingkat puskesmas (RUK/RPK)", 3),
        parent_text=f"{_RENSTRA_DINKES}: Meningkatnya mutu pelayanan kesehatan dasar (puskesmas "
        "terakreditasi paripurna)",
    ),
    _r(
        "ukp lab",
        "Meningkatnya akses dan mutu pelayanan kesehatan perorangan di Puskesmas {place}",
        _k("Jumlah kunjungan pasien rawat jalan yang dilayani", 24000, "Kunjungan"),
        _q("Indeks Kepuasan Masyarakat terhadap pelayanan puskesmas", 85, "Nilai"),
        _w("Rata-rata waktu tunggu pelayanan rawat jalan", 60, "Menit"),
        parent_text=f"{_PK_DINKES}: Meningkatnya akses dan mutu pelayanan kesehatan perorangan",
    ),
    _r(
        "kia",
        "Meningkatnya cakupan pelayanan kesehatan ibu dan anak di wilayah kerja Puskesmas {place}",
        _k("Jumlah ibu hamil yang mendapatkan pelayanan antenatal K6", 700, "Orang"),
        _q("Persentase persalinan di fasilitas pelayanan kesehatan", 98),
        _w("Waktu pelaksanaan pemantauan wilayah setempat KIA"),
        parent_text=f"{_RENSTRA_DINKES}: Menurunnya angka kematian ibu dan bayi",
    ),
    _r(
        "ukm",
        "Terlaksananya upaya kesehatan masyarakat esensial dan pencegahan penyakit",
        _k(
            "Jumlah kegiatan UKM esensial (promkes, kesling, gizi, P2P) yang dilaksanakan",
            120,
            "Kegiatan",
        ),
        _q("Persentase capaian Standar Pelayanan Minimal bidang kesehatan", 90),
        _w("Rata-rata waktu pelaporan kasus penyakit potensial KLB", 24, "Jam"),
        parent_text=f"{_RENSTRA_DINKES}: Meningkatnya pencegahan dan pengendalian penyakit",
    ),
    _r(
        "ukm kia gizi",
        "Menurunnya prevalensi stunting pada balita di wilayah kerja Puskesmas {place}",
        _k("Jumlah balita yang ditimbang dan diukur di posyandu", 3000, "Balita"),
        _q("Persentase balita stunting yang mendapatkan intervensi gizi spesifik", 95),
        _w("Waktu pelaksanaan intervensi gizi spesifik"),
        parent_text=f"{_PK_DINKES}: Menurunnya prevalensi stunting",
    ),
    _r(
        "farmasi manajemen",
        "Terkelolanya sumber daya, keuangan BLUD dan sediaan farmasi puskesmas",
        _k("Jumlah laporan keuangan BLUD dan pengelolaan obat yang ditetapkan", 16, "Laporan"),
        _q("Persentase ketersediaan obat esensial di puskesmas", 95),
        _w("Rata-rata waktu penyampaian laporan keuangan BLUD", 10, "Hari"),
        parent_text=f"{_RENSTRA_DINKES}: Meningkatnya tata kelola dan akuntabilitas keuangan unit "
        "pelayanan kesehatan",
    ),
)

_KASUBBAG_TU = (
    _r(
        "manajemen",
        "Terselenggaranya administrasi umum dan kepegawaian puskesmas",
        _k("Jumlah usulan layanan kepegawaian yang diproses", 60, "Usulan"),
        _q("Persentase usulan yang lengkap saat dikirim ke Dinas Kesehatan", 95),
        _w("Rata-rata waktu pemrosesan usulan", 3, "Hari"),
    ),
    _r(
        "manajemen",
        "Terkelolanya keuangan BLUD puskesmas secara tertib",
        _k("Jumlah laporan keuangan BLUD yang disusun", 12, "Laporan"),
        _q("Persentase SPJ yang lengkap dan sah", 100),
        _w("Rata-rata waktu penyampaian laporan keuangan setelah akhir bulan", 10, "Hari"),
    ),
    _r(
        "mutu",
        "Terkoordinasinya penyusunan dokumen perencanaan dan akreditasi puskesmas",
        _k("Jumlah dokumen perencanaan dan akreditasi yang dikoordinasikan", 8, "Dokumen"),
        _q("Persentase dokumen akreditasi yang dimutakhirkan", 100),
        _w("Waktu penyelesaian RUK dan RPK puskesmas", 3),
    ),
    _r(
        "data",
        "Tersedianya data dan laporan puskesmas yang lengkap dan tepat waktu",
        _k("Jumlah laporan bulanan puskesmas (LB1–LB4) yang dikompilasi", 48, "Laporan"),
        _q("Persentase laporan yang lengkap", 100),
        _w("Rata-rata waktu penyampaian laporan ke Dinas Kesehatan", 5, "Hari"),
    ),
    _r(
        "manajemen umum",
        "Terpeliharanya sarana, prasarana dan alat kesehatan puskesmas",
        _k("Jumlah kegiatan pemeliharaan sarana prasarana dan kalibrasi alat", 24, "Kegiatan"),
        _q("Persentase alat kesehatan yang terkalibrasi", 90),
        _w("Rata-rata waktu penanganan kerusakan sarana", 3, "Hari"),
    ),
)

# --- staff of a kecamatan ---------------------------------------------------------------------

_PENGADMINISTRASI = (
    _r(
        "umum manajemen",
        "Terlaksananya pengadministrasian surat masuk dan surat keluar",
        _k("Jumlah surat masuk dan keluar yang diagendakan", 1200, "Surat"),
        _q("Persentase surat yang teragenda lengkap di buku agenda dan aplikasi", 100),
        _w("Rata-rata waktu pengagendaan surat", 1, "Hari"),
    ),
    _r(
        "umum manajemen",
        "Tertatanya arsip dinamis unit kerja",
        _k("Jumlah berkas arsip yang ditata dan didaftar", 400, "Berkas"),
        _q("Persentase arsip yang ditemukan kembali saat dibutuhkan", 95),
        _w("Waktu penataan arsip"),
    ),
    _r(
        "pelayanan ukp",
        "Terlaksananya penerimaan dan pemeriksaan kelengkapan berkas permohonan layanan",
        _k("Jumlah berkas permohonan yang diterima dan diperiksa", 1500, "Berkas"),
        _q("Persentase berkas yang diperiksa tanpa kesalahan kelengkapan", 98),
        _w("Rata-rata waktu pemeriksaan kelengkapan berkas", 15, "Menit"),
    ),
    _r(
        "umum manajemen",
        "Tersedianya alat tulis kantor dan perlengkapan unit kerja",
        _k("Jumlah laporan persediaan barang yang disusun", 12, "Laporan"),
        _q("Persentase permintaan barang yang terpenuhi", 95),
        _w("Rata-rata waktu pemenuhan permintaan barang", 2, "Hari"),
    ),
    _r(
        "umum manajemen",
        "Terdokumentasinya kegiatan dan rapat unit kerja",
        _k("Jumlah notulen dan daftar hadir rapat yang disusun", 36, "Dokumen"),
        _q("Persentase notulen yang disetujui pimpinan tanpa perbaikan", 90),
        _w("Rata-rata waktu penyelesaian notulen setelah rapat", 2, "Hari"),
    ),
)

_OLO = (
    _r(
        "pelayanan",
        "Terlaksananya layanan antrean dan informasi di ruang pelayanan",
        _k("Jumlah pengunjung yang dilayani informasi dan antrean", 3000, "Orang"),
        _q("Persentase pengunjung yang mendapatkan informasi sesuai kebutuhan", 95),
        _w("Rata-rata waktu tunggu pengunjung sebelum dilayani", 15, "Menit"),
    ),
    _r(
        "pelayanan data",
        "Terinputnya data permohonan layanan ke dalam aplikasi pelayanan",
        _k("Jumlah data permohonan yang diinput", 2000, "Data"),
        _q("Persentase data yang diinput tanpa kesalahan", 98),
        _w("Rata-rata waktu penginputan data setelah berkas diterima", 1, "Hari"),
    ),
    _r(
        "umum manajemen",
        "Terlaksananya dukungan operasional rapat dan kegiatan kantor",
        _k("Jumlah kegiatan yang didukung penyiapan ruang dan peralatan", 48, "Kegiatan"),
        _q("Persentase kegiatan yang siap sebelum jadwal dimulai", 100),
        _w("Rata-rata waktu penyiapan ruang dan peralatan kegiatan", 30, "Menit"),
    ),
    _r(
        "pelayanan",
        "Terdistribusinya dokumen hasil layanan kepada pemohon",
        _k("Jumlah dokumen hasil layanan yang diserahkan", 1500, "Dokumen"),
        _q("Persentase dokumen yang diserahkan dengan tanda terima", 100),
        _w("Rata-rata waktu penyerahan dokumen setelah selesai diproses", 1, "Hari"),
    ),
    _r(
        "umum pelayanan",
        "Terpeliharanya kebersihan dan kesiapan peralatan ruang pelayanan",
        _k("Jumlah pemeriksaan harian peralatan ruang pelayanan", 240, "Kali"),
        _q("Persentase peralatan pelayanan yang berfungsi baik", 95),
        _w("Rata-rata waktu pelaporan kerusakan peralatan", 1, "Hari"),
    ),
)

_PLO = (
    _r(
        "pelayanan",
        "Terverifikasinya berkas permohonan layanan administrasi sesuai standar pelayanan",
        _k("Jumlah berkas permohonan yang diverifikasi", 1800, "Berkas"),
        _q("Persentase berkas yang diverifikasi sesuai persyaratan", 98),
        _w("Rata-rata waktu verifikasi berkas", 1, "Hari"),
    ),
    _r(
        "pelayanan data",
        "Tersusunnya laporan bulanan pelayanan publik",
        _k("Jumlah laporan pelayanan yang disusun", 12, "Laporan"),
        _q("Persentase data layanan yang tercantum lengkap dalam laporan", 100),
        _w("Rata-rata waktu penyampaian laporan setelah akhir bulan", 5, "Hari"),
    ),
    _r(
        "pelayanan",
        "Terkelolanya pengaduan dan saran masyarakat atas layanan",
        _k("Jumlah pengaduan dan saran yang dicatat dan diteruskan", 40, "Pengaduan"),
        _q("Persentase pengaduan yang dijawab kepada pelapor", 95),
        _w("Rata-rata waktu penerusan pengaduan kepada pejabat terkait", 1, "Hari"),
    ),
    _r(
        "pelayanan",
        "Terlaksananya Survei Kepuasan Masyarakat unit layanan",
        _k(
            "Jumlah kuesioner Survei Kepuasan Masyarakat yang dihimpun dan diolah", 400, "Kuesioner"
        ),
        _q("Persentase kuesioner yang terisi lengkap dan valid", 95),
        _w("Rata-rata waktu pengolahan hasil survei per semester", 14, "Hari"),
    ),
    _r(
        "keuangan umum manajemen",
        "Tersusunnya bahan rencana kerja dan evaluasi unit kerja",
        _k("Jumlah bahan rencana kerja dan evaluasi yang disusun", 6, "Dokumen"),
        _q("Persentase bahan yang diterima pimpinan tanpa perbaikan substansial", 90),
        _w("Waktu penyelesaian bahan rencana kerja"),
    ),
)

_PDI = (
    _r(
        "data pelayanan",
        "Termutakhirnya basis data pelayanan unit kerja",
        _k("Jumlah rekaman data yang dimutakhirkan", 3000, "Data"),
        _q("Persentase data yang valid setelah pemeriksaan silang", 98),
        _w("Rata-rata waktu pemutakhiran data setelah diterima", 2, "Hari"),
    ),
    _r(
        "data",
        "Tersajinya data statistik dan informasi kinerja unit kerja",
        _k("Jumlah bahan paparan dan rekapitulasi data yang disajikan", 24, "Dokumen"),
        _q("Persentase sajian data yang sesuai sumber", 100),
        _w("Rata-rata waktu penyajian data atas permintaan pimpinan", 2, "Hari"),
    ),
    _r(
        "data pelayanan",
        "Terkelolanya informasi publik di laman dan media sosial kecamatan",
        _k("Jumlah informasi dan berita kegiatan yang dipublikasikan", 96, "Informasi"),
        _q("Persentase informasi yang dipublikasikan setelah disetujui pimpinan", 100),
        _w("Rata-rata waktu publikasi setelah kegiatan", 1, "Hari"),
    ),
    _r(
        "pemerintahan data",
        "Terhimpunnya laporan bulanan kelurahan",
        _k("Jumlah laporan kelurahan yang dihimpun", 72, "Laporan"),
        _q("Persentase laporan kelurahan yang lengkap", 95),
        _w("Rata-rata waktu kompilasi laporan setelah diterima", 3, "Hari"),
    ),
    _r(
        "data",
        "Tercadangkannya data dan dokumen elektronik unit kerja",
        _k("Jumlah pencadangan data yang dilakukan", 52, "Kali"),
        _q("Persentase data cadangan yang berhasil dipulihkan saat diuji", 100),
        _w("Waktu pelaksanaan pencadangan mingguan"),
    ),
)

_PRAKOM = (
    _r(
        "data umum",
        "Terpeliharanya jaringan dan perangkat teknologi informasi kantor",
        _k("Jumlah perangkat komputer dan jaringan yang dipelihara", 40, "Unit"),
        _q("Persentase perangkat yang berfungsi baik", 95),
        _w("Rata-rata waktu penanganan gangguan perangkat", 1, "Hari"),
    ),
    _r(
        "data pelayanan",
        "Terkelolanya aplikasi pelayanan dan administrasi perkantoran (SRIKANDI, SIPD, e-Kinerja)",
        _k("Jumlah akun pengguna aplikasi yang dikelola", 60, "Akun"),
        _q("Persentase permintaan dukungan aplikasi yang terselesaikan", 95),
        _w("Rata-rata waktu penyelesaian permintaan dukungan", 1, "Hari"),
    ),
    _r(
        "data",
        "Terkelolanya laman resmi dan sistem informasi unit kerja",
        _k("Jumlah pemutakhiran konten laman resmi", 96, "Konten"),
        _q("Persentase ketersediaan layanan laman resmi", 98),
        _w("Rata-rata waktu pemutakhiran konten setelah diterima", 1, "Hari"),
    ),
    _r(
        "data",
        "Terlaksananya pencadangan dan pengamanan data elektronik",
        _k("Jumlah pencadangan basis data yang dilakukan", 52, "Kali"),
        _q("Persentase uji pemulihan data yang berhasil", 100),
        _w("Waktu pelaksanaan pencadangan rutin"),
    ),
    _r(
        "data umum",
        "Terselenggaranya pendampingan pengguna aplikasi",
        _k("Jumlah pegawai yang didampingi penggunaan aplikasi", 30, "Orang"),
        _q("Persentase pegawai yang mampu menggunakan aplikasi secara mandiri", 90),
        _w("Waktu pelaksanaan pendampingan", 6),
    ),
)

_ARSIPARIS = (
    _r(
        "umum",
        "Terkelolanya arsip dinamis aktif dan inaktif unit kerja",
        _k("Jumlah berkas arsip yang dideskripsi", 600, "Berkas"),
        _q("Persentase arsip yang tercatat dalam daftar arsip", 100),
        _w("Waktu penataan arsip inaktif"),
    ),
    _r(
        "umum",
        "Terlaksananya pemindahan arsip inaktif ke unit kearsipan",
        _k("Jumlah boks arsip inaktif yang dipindahkan", 30, "Boks"),
        _q("Persentase arsip yang dipindahkan dengan berita acara", 100),
        _w("Waktu penyelesaian pemindahan arsip", 6),
    ),
    _r(
        "umum data",
        "Terlaksananya alih media arsip vital",
        _k("Jumlah lembar arsip vital yang dialihmediakan", 2000, "Lembar"),
        _q("Persentase hasil alih media yang terbaca jelas", 98),
        _w("Waktu penyelesaian alih media", 10),
    ),
    _r(
        "umum",
        "Terlaksananya pengelolaan naskah dinas melalui SRIKANDI",
        _k("Jumlah naskah dinas yang diregistrasi melalui SRIKANDI", 1000, "Naskah"),
        _q("Persentase naskah yang terklasifikasi sesuai pola klasifikasi arsip", 95),
        _w("Rata-rata waktu registrasi naskah", 1, "Hari"),
    ),
)

_ANALIS_SDM = (
    _r(
        "umum",
        "Tersusunnya analisis kebutuhan pengembangan kompetensi pegawai",
        _k("Jumlah dokumen analisis kebutuhan pengembangan kompetensi", 2, "Dokumen"),
        _q("Persentase pegawai yang terpetakan kesenjangan kompetensinya", 100),
        _w("Waktu penyelesaian analisis kebutuhan", 3),
    ),
    _r(
        "umum data",
        "Terlaksananya pengelolaan data kepegawaian di SIASN",
        _k("Jumlah data pegawai yang dimutakhirkan di SIASN", 50, "Pegawai"),
        _q("Persentase data pegawai yang valid", 100),
        _w("Waktu pemutakhiran data kepegawaian"),
    ),
    _r(
        "umum",
        "Terfasilitasinya pengelolaan kinerja pegawai (SKP dan evaluasi kinerja)",
        _k("Jumlah SKP dan evaluasi kinerja pegawai yang difasilitasi", 45, "Dokumen"),
        _q("Persentase pegawai yang menyampaikan SKP tepat waktu", 95),
        _w("Waktu penyelesaian rekapitulasi evaluasi kinerja"),
    ),
    _r(
        "umum",
        "Tersusunnya analisis jabatan dan analisis beban kerja unit kerja",
        _k("Jumlah jabatan yang dianalisis", 20, "Jabatan"),
        _q("Persentase hasil analisis yang diterima BKPSDM tanpa revisi", 90),
        _w("Waktu penyelesaian analisis jabatan", 4),
    ),
)

_AKPD = (
    _r(
        "keuangan",
        "Terlaksananya verifikasi dokumen pertanggungjawaban keuangan",
        _k("Jumlah dokumen SPJ yang diverifikasi", 300, "Dokumen"),
        _q("Persentase SPJ yang sesuai ketentuan", 98),
        _w("Rata-rata waktu verifikasi SPJ", 2, "Hari"),
    ),
    _r(
        "keuangan",
        "Tersusunnya analisis realisasi anggaran kecamatan",
        _k("Jumlah laporan analisis realisasi anggaran", 12, "Laporan"),
        _q("Persentase selisih kas yang terekonsiliasi", 100),
        _w("Rata-rata waktu penyampaian laporan setelah akhir bulan", 7, "Hari"),
    ),
    _r(
        "keuangan",
        "Tersusunnya laporan keuangan semesteran dan tahunan",
        _k("Jumlah laporan keuangan yang disusun", 2, "Laporan"),
        _q("Persentase catatan atas laporan keuangan yang lengkap", 100),
        _w("Waktu penyelesaian laporan keuangan", 2),
    ),
    _r(
        "keuangan",
        "Terlaksananya penatausahaan pajak atas belanja kecamatan",
        _k("Jumlah bukti potong dan setoran pajak yang diadministrasikan", 200, "Dokumen"),
        _q("Persentase pajak yang disetor tepat waktu", 100),
        _w("Rata-rata waktu penyetoran pajak setelah pembayaran", 1, "Hari"),
    ),
)

_PERENCANA = (
    _r(
        "keuangan ekbang",
        "Tersusunnya rancangan Rencana Kerja (Renja) kecamatan",
        _k("Jumlah dokumen rancangan Renja yang disusun", 2, "Dokumen"),
        _q("Persentase program dan kegiatan yang selaras dengan Renstra", 100),
        _w("Waktu penyelesaian rancangan Renja", 4),
    ),
    _r(
        "ekbang keuangan",
        "Terolahnya usulan Musrenbang ke dalam SIPD",
        _k("Jumlah usulan Musrenbang yang diolah", 60, "Usulan"),
        _q("Persentase usulan yang terinput lengkap", 100),
        _w("Waktu penginputan usulan", 1),
    ),
    _r(
        "keuangan umum_kec ekbang",
        "Tersusunnya laporan capaian kinerja dan evaluasi Renja",
        _k("Jumlah laporan evaluasi Renja yang disusun", 4, "Laporan"),
        _q("Persentase indikator yang dilengkapi data dukung", 100),
        _w("Rata-rata waktu penyampaian laporan setelah akhir triwulan", 10, "Hari"),
    ),
    _r(
        "keuangan umum_kec",
        "Tersusunnya Indikator Kinerja Utama dan Perjanjian Kinerja kecamatan",
        _k("Jumlah dokumen IKU dan Perjanjian Kinerja yang disusun", 2, "Dokumen"),
        _q("Persentase indikator yang memenuhi kriteria SMART", 90),
        _w("Waktu penyelesaian dokumen", 2),
    ),
)

_ANALIS_KEBIJAKAN = (
    _r(
        "pemerintahan",
        "Tersusunnya kajian kebijakan penyelenggaraan pemerintahan kelurahan",
        _k("Jumlah kajian kebijakan yang disusun", 2, "Kajian"),
        _q("Persentase rekomendasi kajian yang diterima pimpinan", 80),
        _w("Waktu penyelesaian kajian", 6),
    ),
    _r(
        "pemerintahan",
        "Tersusunnya telaahan staf atas permasalahan pemerintahan di wilayah kecamatan",
        _k("Jumlah telaahan staf yang disusun", 8, "Telaahan"),
        _q("Persentase telaahan yang ditindaklanjuti pimpinan", 75),
        _w("Rata-rata waktu penyusunan telaahan", 5, "Hari"),
    ),
    _r(
        "pemerintahan",
        "Terlaksananya evaluasi pelimpahan sebagian kewenangan wali kota kepada camat",
        _k("Jumlah laporan evaluasi pelimpahan kewenangan", 2, "Laporan"),
        _q("Persentase kewenangan yang terevaluasi", 100),
        _w("Waktu penyelesaian evaluasi", 6),
    ),
    _r(
        "pemerintahan data",
        "Terpetakannya isu strategis dan aspirasi masyarakat di wilayah kecamatan",
        _k("Jumlah isu strategis yang dipetakan", 12, "Isu"),
        _q("Persentase isu yang dilengkapi data dan rekomendasi", 90),
        _w("Rata-rata waktu penyampaian pemetaan setelah akhir bulan", 5, "Hari"),
    ),
)

_POLPP = (
    _r(
        "trantib",
        "Terlaksananya patroli ketenteraman dan ketertiban umum",
        _k("Jumlah patroli yang dilaksanakan", 120, "Kali"),
        _q("Persentase patroli yang dilaporkan dengan dokumentasi", 100),
        _w("Rata-rata waktu penyampaian laporan patroli", 1, "Hari"),
    ),
    _r(
        "trantib",
        "Terlaksananya penertiban pelanggaran peraturan daerah dan peraturan wali kota",
        _k("Jumlah pelanggaran Perda dan Perwali yang ditertibkan", 60, "Kasus"),
        _q("Persentase penertiban yang dilaksanakan sesuai SOP", 100),
        _w("Rata-rata waktu tindak lanjut laporan pelanggaran", 2, "Hari"),
    ),
    _r(
        "trantib",
        "Terlaksananya pengamanan kegiatan pemerintahan dan kemasyarakatan",
        _k("Jumlah kegiatan yang diamankan", 36, "Kegiatan"),
        _q("Persentase kegiatan yang berlangsung tanpa gangguan keamanan", 100),
        _w("Rata-rata waktu respons atas permintaan pengamanan", 1, "Hari"),
    ),
    _r(
        "trantib",
        "Terlaksananya sosialisasi Perda ketertiban umum kepada masyarakat",
        _k("Jumlah kegiatan sosialisasi yang dilaksanakan", 12, "Kegiatan"),
        _q("Persentase peserta yang memahami materi berdasarkan evaluasi", 80),
        _w("Waktu pelaksanaan sosialisasi"),
    ),
)

_PEKSOS = (
    _r(
        "kesos",
        "Terlaksananya asesmen dan penanganan kasus penyandang masalah kesejahteraan sosial",
        _k("Jumlah kasus PMKS yang diasesmen", 48, "Kasus"),
        _q("Persentase kasus yang memperoleh rencana intervensi", 90),
        _w("Rata-rata waktu asesmen setelah kasus diterima", 3, "Hari"),
    ),
    _r(
        "kesos",
        "Terlaksananya pendampingan keluarga penerima manfaat bantuan sosial",
        _k("Jumlah keluarga penerima manfaat yang didampingi", 120, "Keluarga"),
        _q("Persentase keluarga dampingan yang memenuhi komitmen program", 85),
        _w("Waktu pelaksanaan pendampingan"),
    ),
    _r(
        "kesos",
        "Terlaksananya rujukan layanan sosial bagi lanjut usia terlantar dan penyandang "
        "disabilitas",
        _k("Jumlah rujukan yang difasilitasi", 24, "Rujukan"),
        _q("Persentase rujukan yang diterima lembaga layanan", 85),
        _w("Rata-rata waktu penyelesaian rujukan", 7, "Hari"),
    ),
    _r(
        "kesos data",
        "Termutakhirnya data terpadu kesejahteraan sosial hasil verifikasi lapangan",
        _k("Jumlah data rumah tangga yang diverifikasi", 400, "Rumah Tangga"),
        _q("Persentase data yang sesuai kondisi lapangan", 95),
        _w("Waktu penyelesaian verifikasi", 6),
    ),
)

_PENYULUH_SOSIAL = (
    _r(
        "kesos",
        "Terlaksananya penyuluhan sosial kepada masyarakat",
        _k("Jumlah kegiatan penyuluhan sosial", 24, "Kegiatan"),
        _q("Persentase peserta yang meningkat pemahamannya berdasarkan pre-test dan post-test", 80),
        _w("Waktu pelaksanaan penyuluhan"),
    ),
    _r(
        "kesos",
        "Terbinanya potensi dan sumber kesejahteraan sosial (PSKS) di kelurahan",
        _k(
            "Jumlah PSKS (karang taruna, TKSK, pekerja sosial masyarakat) yang dibina",
            12,
            "Lembaga",
        ),
        _q("Persentase PSKS yang aktif melaporkan kegiatan", 80),
        _w("Waktu pelaksanaan pembinaan"),
    ),
    _r(
        "kesos",
        "Tersusunnya materi dan media penyuluhan sosial",
        _k("Jumlah materi dan media penyuluhan yang disusun", 6, "Materi"),
        _q("Persentase materi yang disetujui pimpinan tanpa perbaikan", 90),
        _w("Waktu penyusunan materi", 3),
    ),
    _r(
        "kesos",
        "Terlaksananya kampanye sosial pencegahan masalah sosial remaja",
        _k("Jumlah sekolah dan komunitas yang dijangkau kampanye", 10, "Sasaran"),
        _q("Persentase sasaran yang menindaklanjuti dengan kegiatan mandiri", 60),
        _w("Waktu pelaksanaan kampanye", 6),
    ),
)

# --- staff of a puskesmas ---------------------------------------------------------------------

_OLK = (
    _r(
        "ukp",
        "Terlaksananya pendaftaran pasien dan pengelolaan rekam medis",
        _k("Jumlah pasien yang didaftarkan", 12000, "Pasien"),
        _q("Persentase berkas rekam medis yang tersedia saat pelayanan", 98),
        _w("Rata-rata waktu pendaftaran pasien", 5, "Menit"),
    ),
    _r(
        "data ukp",
        "Terinputnya data kunjungan pasien ke e-Puskesmas dan P-Care BPJS Kesehatan",
        _k("Jumlah data kunjungan yang diinput", 12000, "Data"),
        _q("Persentase data kunjungan yang terinput tanpa kesalahan", 98),
        _w("Rata-rata waktu penginputan data kunjungan", 1, "Hari"),
    ),
    _r(
        "ukp mutu",
        "Terlaksananya pelayanan informasi dan pengaduan pasien",
        _k("Jumlah pasien dan pengunjung yang dilayani informasi", 2400, "Orang"),
        _q("Persentase pengaduan pasien yang diteruskan kepada penanggung jawab", 100),
        _w("Rata-rata waktu penerusan pengaduan", 1, "Hari"),
    ),
    _r(
        "manajemen ukp",
        "Tertatanya penyimpanan berkas rekam medis",
        _k("Jumlah berkas rekam medis yang disimpan dan ditata", 5000, "Berkas"),
        _q("Persentase berkas rekam medis yang ditemukan kembali kurang dari 10 menit", 95),
        _w("Waktu penataan dan retensi rekam medis"),
    ),
)

_DOKTER = (
    _r(
        "ukp",
        "Terlaksananya pelayanan pemeriksaan dan pengobatan pasien di poli umum",
        _k("Jumlah pasien yang diperiksa dan diobati", 4800, "Pasien"),
        _q("Persentase kepatuhan penggunaan obat sesuai formularium", 95),
        _w("Rata-rata waktu tunggu pasien di poli umum", 30, "Menit"),
    ),
    _r(
        "ukp",
        "Terlaksananya rujukan pasien sesuai indikasi medis",
        _k("Jumlah rujukan pasien yang diterbitkan", 600, "Rujukan"),
        _q("Rasio rujukan rawat jalan kasus non-spesialistik", 2, lower=True),
        _w("Rata-rata waktu penerbitan rujukan", 15, "Menit"),
    ),
    _r(
        "ukm ukp",
        "Terlaksananya pengendalian penyakit tidak menular melalui Prolanis dan Posbindu PTM",
        _k(
            "Jumlah penderita hipertensi dan diabetes melitus yang mendapatkan pelayanan sesuai "
            "standar",
            900,
            "Orang",
        ),
        _q("Persentase peserta Prolanis dengan tekanan darah terkendali", 60),
        _w("Waktu pelaksanaan kegiatan Prolanis"),
    ),
    _r(
        "mutu ukp",
        "Terlaksananya audit klinis dan peningkatan mutu layanan klinis",
        _k("Jumlah audit klinis dan kajian kasus yang dilaksanakan", 4, "Kegiatan"),
        _q("Persentase rekomendasi audit klinis yang ditindaklanjuti", 90),
        _w("Waktu penyelesaian audit klinis"),
    ),
    _r(
        "ukm",
        "Terlaksananya penemuan dan pengobatan kasus tuberkulosis",
        _k("Jumlah terduga tuberkulosis yang diperiksa", 300, "Orang"),
        _q("Persentase keberhasilan pengobatan tuberkulosis", 90),
        _w("Waktu pelaksanaan pemantauan pengobatan tuberkulosis"),
    ),
    _r(
        "ukp",
        "Terlaksananya pelayanan kegawatdaruratan di ruang tindakan",
        _k("Jumlah pasien gawat darurat yang ditangani", 360, "Pasien"),
        _q("Persentase pasien gawat darurat yang distabilkan sebelum dirujuk", 100),
        _w("Rata-rata waktu tanggap pelayanan gawat darurat", 5, "Menit"),
    ),
)

_DOKTER_GIGI = (
    _r(
        "ukp",
        "Terlaksananya pelayanan kesehatan gigi dan mulut di poli gigi",
        _k("Jumlah pasien poli gigi yang dilayani", 1800, "Pasien"),
        _q("Persentase tindakan perawatan gigi yang tuntas", 85),
        _w("Rata-rata waktu tunggu pasien poli gigi", 30, "Menit"),
    ),
    _r(
        "ukm",
        "Terlaksananya Usaha Kesehatan Gigi Sekolah (UKGS)",
        _k("Jumlah murid sekolah dasar yang diperiksa kesehatan giginya", 900, "Murid"),
        _q("Persentase murid yang membutuhkan perawatan dan mendapatkan tindak lanjut", 80),
        _w("Waktu pelaksanaan UKGS", 10),
    ),
    _r(
        "kia ukp",
        "Terlaksananya pemeriksaan kesehatan gigi dan mulut ibu hamil",
        _k("Jumlah ibu hamil yang diperiksa kesehatan gigi dan mulutnya", 300, "Orang"),
        _q("Persentase ibu hamil yang mendapatkan edukasi kesehatan gigi", 100),
        _w("Waktu pelaksanaan pemeriksaan"),
    ),
    _r(
        "mutu",
        "Terlaksananya pencegahan dan pengendalian infeksi di ruang pelayanan gigi",
        _k("Jumlah supervisi kepatuhan PPI di poli gigi", 12, "Kali"),
        _q("Persentase kepatuhan sterilisasi alat sesuai SOP", 100),
        _w("Waktu pelaksanaan supervisi PPI"),
    ),
)

_PERAWAT = (
    _r(
        "ukp",
        "Terlaksananya asuhan keperawatan pasien rawat jalan",
        _k("Jumlah pasien yang mendapatkan asuhan keperawatan", 3600, "Pasien"),
        _q("Persentase dokumentasi asuhan keperawatan yang lengkap", 95),
        _w("Rata-rata waktu pengkajian awal pasien", 10, "Menit"),
    ),
    _r(
        "ukp",
        "Terlaksananya tindakan keperawatan dan perawatan luka",
        _k("Jumlah tindakan keperawatan yang dilakukan", 1200, "Tindakan"),
        _q("Persentase tindakan tanpa kejadian tidak diharapkan", 100),
        _w("Rata-rata waktu tanggap tindakan di ruang tindakan", 5, "Menit"),
    ),
    _r(
        "ukm",
        "Terlaksananya perawatan kesehatan masyarakat (Perkesmas) melalui kunjungan rumah",
        _k("Jumlah keluarga rawan yang dikunjungi", 120, "Keluarga"),
        _q("Persentase keluarga binaan yang meningkat tingkat kemandiriannya", 70),
        _w("Waktu pelaksanaan kunjungan rumah"),
    ),
    _r(
        "ukm",
        "Terlaksananya pelayanan imunisasi dan Posbindu PTM",
        _k("Jumlah kegiatan Posbindu dan imunisasi yang dilayani", 48, "Kegiatan"),
        _q("Persentase sasaran Posbindu yang diskrining faktor risiko PTM", 85),
        _w("Rata-rata waktu pelaporan hasil kegiatan", 2, "Hari"),
    ),
    _r(
        "mutu",
        "Terlaksananya pencegahan dan pengendalian infeksi di unit pelayanan",
        _k("Jumlah audit kepatuhan kebersihan tangan yang dilakukan", 12, "Kali"),
        _q("Persentase kepatuhan kebersihan tangan petugas", 85),
        _w("Waktu pelaksanaan audit PPI"),
    ),
)

_BIDAN = (
    _r(
        "kia",
        "Terlaksananya pelayanan antenatal terpadu bagi ibu hamil",
        _k("Jumlah kunjungan ibu hamil yang mendapatkan pelayanan antenatal", 1200, "Kunjungan"),
        _q("Persentase ibu hamil yang mendapatkan pelayanan antenatal sesuai standar 10T", 95),
        _w("Waktu pelaksanaan kelas ibu hamil"),
    ),
    _r(
        "kia",
        "Terlaksananya pertolongan persalinan dan pelayanan nifas sesuai standar",
        _k("Jumlah ibu bersalin dan nifas yang dilayani", 240, "Orang"),
        _q("Persentase kunjungan nifas lengkap", 90),
        _w("Rata-rata waktu rujukan kegawatdaruratan maternal", 30, "Menit"),
    ),
    _r(
        "kia",
        "Terlaksananya pelayanan keluarga berencana",
        _k("Jumlah akseptor KB yang dilayani", 600, "Akseptor"),
        _q("Persentase akseptor KB pascapersalinan", 60),
        _w("Waktu pelaksanaan pelayanan KB"),
    ),
    _r(
        "kia ukm gizi",
        "Terlaksananya pemantauan tumbuh kembang balita di posyandu",
        _k("Jumlah balita yang dipantau tumbuh kembangnya", 800, "Balita"),
        _q("Persentase balita yang ditimbang di posyandu (D/S)", 85),
        _w("Rata-rata waktu rujukan balita dengan masalah gizi", 3, "Hari"),
    ),
    _r(
        "kia",
        "Terlaksananya pelayanan kesehatan bayi baru lahir",
        _k("Jumlah kunjungan neonatal yang dilaksanakan", 600, "Kunjungan"),
        _q("Persentase kunjungan neonatal lengkap", 95),
        _w("Rata-rata waktu kunjungan neonatal pertama setelah lahir", 48, "Jam"),
    ),
)

_APOTEKER = (
    _r(
        "farmasi",
        "Terkelolanya perbekalan farmasi dan bahan medis habis pakai puskesmas",
        _k(
            "Jumlah laporan pemakaian dan lembar permintaan obat (LPLPO) yang disusun",
            12,
            "Laporan",
        ),
        _q("Persentase ketersediaan obat esensial", 95),
        _w("Rata-rata waktu penyampaian LPLPO ke Instalasi Farmasi Kota", 5, "Hari"),
    ),
    _r(
        "farmasi ukp",
        "Terlaksananya pelayanan kefarmasian dan konseling obat",
        _k("Jumlah resep yang dilayani", 18000, "Resep"),
        _q("Persentase kesesuaian peresepan dengan formularium", 95),
        _w("Rata-rata waktu tunggu pelayanan resep obat jadi", 15, "Menit"),
    ),
    _r(
        "farmasi ukp",
        "Terlaksananya pemantauan terapi obat dan pelaporan efek samping obat",
        _k("Jumlah pasien penyakit kronis yang dipantau terapi obatnya", 120, "Pasien"),
        _q("Persentase kejadian efek samping obat yang dilaporkan", 100),
        _w("Waktu pelaksanaan pemantauan terapi obat"),
    ),
    _r(
        "farmasi mutu",
        "Terlaksananya stock opname dan pengendalian obat kedaluwarsa",
        _k("Jumlah stock opname yang dilaksanakan", 4, "Kali"),
        _q("Persentase obat rusak dan kedaluwarsa", 2, lower=True),
        _w("Rata-rata waktu penyelesaian berita acara stock opname", 7, "Hari"),
    ),
)

_ASISTEN_APOTEKER = (
    _r(
        "farmasi",
        "Terlaksananya penyiapan dan penyerahan obat kepada pasien",
        _k("Jumlah resep yang disiapkan", 15000, "Resep"),
        _q("Persentase resep yang disiapkan tanpa kesalahan pemberian obat", 100),
        _w("Rata-rata waktu penyiapan obat jadi", 10, "Menit"),
    ),
    _r(
        "farmasi",
        "Terkelolanya kartu stok dan penyimpanan obat di gudang farmasi",
        _k("Jumlah kartu stok yang dimutakhirkan", 150, "Kartu Stok"),
        _q("Persentase kesesuaian kartu stok dengan fisik obat", 98),
        _w("Waktu pemutakhiran kartu stok"),
    ),
    _r(
        "farmasi",
        "Tersusunnya laporan penggunaan obat serta narkotika dan psikotropika",
        _k("Jumlah laporan penggunaan obat yang disusun", 24, "Laporan"),
        _q("Persentase laporan yang sesuai dengan catatan resep", 100),
        _w("Rata-rata waktu penyampaian laporan setelah akhir bulan", 5, "Hari"),
    ),
    _r(
        "farmasi",
        "Terdistribusinya obat ke puskesmas pembantu dan jejaring",
        _k("Jumlah pengiriman obat ke jejaring yang dilaksanakan", 24, "Kali"),
        _q("Persentase permintaan obat jejaring yang terpenuhi", 95),
        _w("Rata-rata waktu pemenuhan permintaan", 2, "Hari"),
    ),
)

_PLK = (
    _r(
        "lab ukp",
        "Terlaksananya pemeriksaan laboratorium klinik dasar",
        _k("Jumlah sampel pemeriksaan laboratorium yang dikerjakan", 4000, "Sampel"),
        _q("Persentase hasil pemeriksaan yang terverifikasi tanpa pengulangan", 98),
        _w("Rata-rata waktu tunggu hasil pemeriksaan laboratorium", 60, "Menit"),
    ),
    _r(
        "lab ukm ukp",
        "Terlaksananya pemeriksaan dahak mikroskopis tuberkulosis dan pengiriman sampel tes "
        "cepat molekuler",
        _k("Jumlah sediaan dahak yang diperiksa", 300, "Sediaan"),
        _q("Persentase kesesuaian hasil uji silang", 95),
        _w("Rata-rata waktu pengiriman sampel ke laboratorium rujukan", 1, "Hari"),
    ),
    _r(
        "lab mutu",
        "Terlaksananya pemantapan mutu internal laboratorium",
        _k("Jumlah kegiatan pemantapan mutu internal dan kalibrasi alat", 12, "Kegiatan"),
        _q("Persentase hasil kontrol mutu dalam rentang yang dapat diterima", 95),
        _w("Waktu pelaksanaan pemantapan mutu"),
    ),
    _r(
        "lab",
        "Terkelolanya reagen dan limbah laboratorium",
        _k("Jumlah laporan pengelolaan reagen dan limbah laboratorium", 12, "Laporan"),
        _q("Persentase reagen yang digunakan sebelum kedaluwarsa", 95),
        _w("Rata-rata waktu penyampaian laporan", 5, "Hari"),
    ),
)

_SANITARIAN = (
    _r(
        "ukm",
        "Terlaksananya inspeksi kesehatan lingkungan tempat dan fasilitas umum",
        _k("Jumlah tempat dan fasilitas umum yang diinspeksi", 80, "Lokasi"),
        _q("Persentase tempat dan fasilitas umum yang memenuhi syarat kesehatan", 75),
        _w("Waktu pelaksanaan inspeksi"),
    ),
    _r(
        "ukm",
        "Terlaksananya pengawasan higiene sanitasi tempat pengelolaan pangan",
        _k("Jumlah tempat pengelolaan pangan yang diawasi", 60, "Lokasi"),
        _q("Persentase tempat pengelolaan pangan yang laik higiene sanitasi", 70),
        _w("Rata-rata waktu penyampaian rekomendasi setelah pemeriksaan", 3, "Hari"),
    ),
    _r(
        "ukm",
        "Terlaksananya pemicuan Sanitasi Total Berbasis Masyarakat (STBM)",
        _k("Jumlah kegiatan pemicuan STBM di RT/RW", 12, "Kegiatan"),
        _q("Persentase keluarga dengan akses sanitasi layak", 85),
        _w("Waktu pelaksanaan pemicuan"),
    ),
    _r(
        "ukm",
        "Terlaksananya pemantauan jentik dan pengendalian vektor demam berdarah dengue",
        _k("Jumlah rumah yang diperiksa jentiknya", 2400, "Rumah"),
        _q("Angka bebas jentik", 95),
        _w("Rata-rata waktu penyelidikan epidemiologi setelah laporan kasus DBD", 1, "Hari"),
    ),
    _r(
        "ukm ukp",
        "Terlaksananya konseling kesehatan lingkungan bagi pasien penyakit berbasis lingkungan",
        _k("Jumlah pasien yang mendapatkan konseling kesehatan lingkungan", 240, "Pasien"),
        _q("Persentase pasien yang ditindaklanjuti dengan kunjungan rumah", 30),
        _w("Rata-rata waktu kunjungan rumah setelah konseling", 7, "Hari"),
    ),
)

_EPIDEMIOLOG = (
    _r(
        "ukm data",
        "Terlaksananya surveilans penyakit potensial kejadian luar biasa",
        _k("Jumlah laporan mingguan SKDR yang disampaikan", 52, "Laporan"),
        _q("Persentase kelengkapan laporan SKDR", 95),
        _w("Rata-rata waktu penyampaian laporan mingguan", 1, "Hari"),
    ),
    _r(
        "ukm",
        "Terlaksananya penyelidikan epidemiologi kasus penyakit menular",
        _k("Jumlah penyelidikan epidemiologi yang dilaksanakan", 30, "Kasus"),
        _q("Persentase penyelidikan epidemiologi yang dilaksanakan dalam 1x24 jam", 100),
        _w("Rata-rata waktu penyampaian laporan penyelidikan", 2, "Hari"),
    ),
    _r(
        "ukm data mutu",
        "Tersusunnya analisis situasi penyakit di wilayah kerja puskesmas",
        _k("Jumlah dokumen analisis situasi penyakit yang disusun", 4, "Dokumen"),
        _q("Persentase analisis yang dibahas dalam lokakarya mini", 100),
        _w("Rata-rata waktu penyusunan analisis setelah akhir triwulan", 10, "Hari"),
    ),
    _r(
        "ukm",
        "Terlaksananya investigasi kontak kasus tuberkulosis",
        _k("Jumlah kontak serumah pasien tuberkulosis yang diinvestigasi", 200, "Orang"),
        _q("Persentase kontak yang diskrining", 90),
        _w("Waktu pelaksanaan investigasi kontak"),
    ),
)

_NUTRISIONIS = (
    _r(
        "gizi ukm kia",
        "Terlaksananya pemantauan status gizi balita",
        _k("Jumlah balita yang dipantau status gizinya", 1500, "Balita"),
        _q("Persentase balita gizi kurang yang mendapatkan makanan tambahan", 95),
        _w("Rata-rata waktu tindak lanjut balita dengan masalah gizi", 3, "Hari"),
    ),
    _r(
        "gizi ukm",
        "Terlaksananya konseling gizi dan pemberian tablet tambah darah",
        _k("Jumlah konseling gizi yang diberikan", 360, "Konseling"),
        _q("Persentase remaja putri yang mengonsumsi tablet tambah darah", 60),
        _w("Waktu pelaksanaan konseling"),
    ),
    _r(
        "gizi ukm kia",
        "Terlaksananya pendampingan balita stunting dan gizi buruk",
        _k("Jumlah balita stunting yang didampingi", 60, "Balita"),
        _q("Persentase balita stunting yang membaik status gizinya", 40),
        _w("Waktu pelaksanaan pendampingan"),
    ),
    _r(
        "gizi ukm",
        "Terlaksananya edukasi gizi seimbang di posyandu dan sekolah",
        _k("Jumlah kegiatan edukasi gizi yang dilaksanakan", 24, "Kegiatan"),
        _q("Persentase peserta yang memahami pesan gizi seimbang", 80),
        _w("Waktu pelaksanaan edukasi"),
    ),
)

_PENYULUH_KESMAS = (
    _r(
        "ukm",
        "Terlaksananya penyuluhan kesehatan di dalam dan di luar gedung",
        _k("Jumlah kegiatan penyuluhan kesehatan yang dilaksanakan", 96, "Kegiatan"),
        _q("Persentase peserta yang meningkat pengetahuannya", 75),
        _w("Waktu pelaksanaan penyuluhan"),
    ),
    _r(
        "ukm",
        "Terlaksananya pembinaan Perilaku Hidup Bersih dan Sehat (PHBS) rumah tangga",
        _k("Jumlah rumah tangga yang dikaji PHBS", 1000, "Rumah Tangga"),
        _q("Persentase rumah tangga ber-PHBS", 70),
        _w("Waktu pelaksanaan pengkajian PHBS", 6),
    ),
    _r(
        "ukm kia",
        "Terbinanya upaya kesehatan bersumber daya masyarakat (posyandu dan posbindu)",
        _k("Jumlah posyandu yang dibina", 30, "Posyandu"),
        _q("Persentase posyandu dengan strata purnama dan mandiri", 60),
        _w("Waktu pelaksanaan pembinaan"),
    ),
    _r(
        "ukm",
        "Tersusunnya media promosi kesehatan",
        _k("Jumlah media promosi kesehatan yang diproduksi dan disebarkan", 24, "Media"),
        _q("Persentase media yang sesuai pesan kunci program", 100),
        _w("Waktu produksi media"),
    ),
    _r(
        "ukm",
        "Terlaksananya kegiatan Gerakan Masyarakat Hidup Sehat (GERMAS) lintas sektor",
        _k("Jumlah kegiatan GERMAS lintas sektor", 6, "Kegiatan"),
        _q("Persentase kelurahan yang melaksanakan kegiatan GERMAS", 100),
        _w("Waktu pelaksanaan kegiatan"),
    ),
)

_TERAPIS_GIGI = (
    _r(
        "ukp",
        "Terlaksananya asuhan kesehatan gigi dan mulut pasien",
        _k("Jumlah pasien yang mendapatkan asuhan kesehatan gigi dan mulut", 1500, "Pasien"),
        _q("Persentase rekam asuhan yang lengkap", 95),
        _w("Rata-rata waktu persiapan alat sebelum tindakan", 10, "Menit"),
    ),
    _r(
        "ukm",
        "Terlaksananya penyuluhan dan sikat gigi massal di sekolah",
        _k("Jumlah sekolah yang dibina UKGS", 8, "Sekolah"),
        _q("Persentase murid dengan kebersihan gigi baik", 60),
        _w("Waktu pelaksanaan kegiatan UKGS", 10),
    ),
    _r(
        "mutu",
        "Terlaksananya sterilisasi dan pemeliharaan alat kesehatan gigi",
        _k("Jumlah siklus sterilisasi alat yang dilaksanakan", 480, "Siklus"),
        _q("Persentase alat yang steril sesuai indikator sterilisasi", 100),
        _w("Waktu pelaksanaan pemeliharaan alat"),
    ),
    _r(
        "ukp data",
        "Terlaksananya pencatatan dan pelaporan pelayanan kesehatan gigi",
        _k("Jumlah laporan bulanan pelayanan gigi", 12, "Laporan"),
        _q("Persentase laporan yang lengkap", 100),
        _w("Rata-rata waktu penyampaian laporan", 5, "Hari"),
    ),
)

#: The main (UTAMA) RHK of each jabatan family, the most essential first. A family is a job key
#: of :data:`~kinerja_desktop.demo.jobs.JOBS` without its jenjang ("perawat" for
#: "perawat_ap"), or a head's role.
FAMILY_RHK: dict[str, tuple[RhkText, ...]] = {
    "camat": _CAMAT,
    "sekcam": _SEKCAM,
    "kasi_pem": _KASI_PEM,
    "kasi_trantib": _KASI_TRANTIB,
    "kasi_ekbang": _KASI_EKBANG,
    "kasi_kesos": _KASI_KESOS,
    "kasi_pu": _KASI_PU,
    "kasubbag_umum": _KASUBBAG_UMUM,
    "kasubbag_pk": _KASUBBAG_PK,
    "lurah": _LURAH,
    "kapus": _KAPUS,
    "kasubbag_tu": _KASUBBAG_TU,
    "pengadministrasi": _PENGADMINISTRASI,
    "olo": _OLO,
    "plo": _PLO,
    "pdi": _PDI,
    "olk": _OLK,
    "prakom": _PRAKOM,
    "arsiparis": _ARSIPARIS,
    "analis_sdm": _ANALIS_SDM,
    "akpd": _AKPD,
    "perencana": _PERENCANA,
    "analis_kebijakan": _ANALIS_KEBIJAKAN,
    "polpp": _POLPP,
    "peksos": _PEKSOS,
    "penyuluh_sosial": _PENYULUH_SOSIAL,
    "dokter": _DOKTER,
    "dokter_gigi": _DOKTER_GIGI,
    "perawat": _PERAWAT,
    "bidan": _BIDAN,
    "apoteker": _APOTEKER,
    "asisten_apoteker": _ASISTEN_APOTEKER,
    "plk": _PLK,
    "sanitarian": _SANITARIAN,
    "epidemiolog": _EPIDEMIOLOG,
    "nutrisionis": _NUTRISIONIS,
    "penyuluh_kesmas": _PENYULUH_KESMAS,
    "terapis_gigi": _TERAPIS_GIGI,
}

# --- more main RHK, for the long SKPs of a large office --------------------------------------

_MONTHLY_REPORT = _r(
    "umum_kec umum manajemen data",
    "Tersusunnya laporan kinerja bulanan beserta bukti dukung hasil kerja",
    _k("Jumlah laporan kinerja bulanan yang disusun", 12, "Laporan"),
    _q("Persentase hasil kerja yang dilengkapi bukti dukung", 100),
    _w("Rata-rata waktu penyampaian laporan setelah akhir bulan", 5, "Hari"),
)

#: Main RHK any head may add (the leadership part of a head's work).
HEAD_EXTRA: tuple[RhkText, ...] = (
    _r(
        "umum manajemen",
        "Terlaksananya pengelolaan kinerja dan bimbingan kinerja pegawai di unit kerja",
        _k("Jumlah dialog kinerja dan bimbingan kinerja yang dilaksanakan", 24, "Kegiatan"),
        _q("Persentase pegawai yang SKP-nya disepakati paling lambat akhir Januari", 100),
        _w("Rata-rata waktu penyelesaian evaluasi kinerja setelah akhir triwulan", 10, "Hari"),
    ),
    _r(
        "umum_kec mutu",
        "Terlaksananya pengendalian internal dan manajemen risiko unit kerja",
        _k("Jumlah dokumen register risiko dan rencana tindak pengendalian", 2, "Dokumen"),
        _q("Persentase rencana tindak pengendalian yang dilaksanakan", 90),
        _w("Waktu penyelesaian pemantauan risiko"),
    ),
    _r(
        "pelayanan mutu",
        "Tertanganinya pengaduan masyarakat atas layanan unit kerja",
        _k("Jumlah pengaduan yang ditindaklanjuti", 24, "Pengaduan"),
        _q("Persentase pengaduan yang tuntas ditindaklanjuti", 95),
        _w("Rata-rata waktu tindak lanjut pengaduan", 5, "Hari"),
    ),
    _r(
        "umum_kec manajemen data",
        "Tersusunnya laporan kinerja unit kerja",
        _k("Jumlah laporan kinerja unit kerja yang disusun", 12, "Laporan"),
        _q("Persentase indikator kinerja unit yang dilengkapi bukti dukung", 100),
        _w("Rata-rata waktu penyampaian laporan setelah akhir bulan", 5, "Hari"),
    ),
    _r(
        "pelayanan ukp mutu",
        "Terlaksananya inovasi pelayanan publik di unit kerja",
        _k("Jumlah inovasi pelayanan yang diterapkan", 1, "Inovasi"),
        _q("Persentase pengguna layanan yang puas terhadap inovasi", 85),
        _w("Waktu penerapan inovasi", 6),
    ),
)

#: Main RHK any staff member of a kecamatan may add.
KECAMATAN_EXTRA: tuple[RhkText, ...] = (
    _MONTHLY_REPORT,
    _r(
        "pelayanan",
        "Terlaksananya dukungan pelayanan keliling dan jemput bola administrasi kependudukan",
        _k("Jumlah hari piket pelayanan keliling yang dilaksanakan", 24, "Hari"),
        _q("Persentase warga yang terlayani pada hari piket", 95),
        _w("Rata-rata waktu pelayanan per warga", 20, "Menit"),
    ),
    _r(
        "umum_kec umum",
        "Terlaksananya tindak lanjut arahan pimpinan dalam rapat koordinasi kecamatan",
        _k("Jumlah arahan pimpinan yang ditindaklanjuti", 24, "Arahan"),
        _q("Persentase arahan yang tuntas ditindaklanjuti", 90),
        _w("Rata-rata waktu tindak lanjut arahan", 5, "Hari"),
    ),
    _r(
        "data",
        "Terlaksananya penginputan dan pemutakhiran data pada aplikasi pemerintah daerah",
        _k("Jumlah data yang diinput pada aplikasi", 600, "Data"),
        _q("Persentase data yang valid", 98),
        _w("Rata-rata waktu penginputan data", 2, "Hari"),
    ),
)

#: Main RHK any staff member of a puskesmas may add.
PUSKESMAS_EXTRA: tuple[RhkText, ...] = (
    _MONTHLY_REPORT,
    _r(
        "ukm",
        "Terlaksananya pelayanan kesehatan pada puskesmas keliling dan posyandu",
        _k("Jumlah kegiatan luar gedung yang diikuti", 48, "Kegiatan"),
        _q("Persentase sasaran yang terlayani", 90),
        _w("Rata-rata waktu penyampaian laporan kegiatan luar gedung", 2, "Hari"),
    ),
    _r(
        "data ukp",
        "Terlaksananya pencatatan pelayanan pada aplikasi ASIK dan SATUSEHAT",
        _k("Jumlah data pelayanan yang dicatat", 1200, "Data"),
        _q("Persentase data yang tersinkronisasi", 95),
        _w("Rata-rata waktu pencatatan setelah pelayanan", 1, "Hari"),
    ),
    _r(
        "mutu",
        "Terlaksananya dukungan akreditasi puskesmas di unit pelayanan",
        _k("Jumlah dokumen dan bukti telusur akreditasi yang disiapkan", 20, "Dokumen"),
        _q("Persentase elemen penilaian unit pelayanan yang terpenuhi", 90),
        _w("Waktu penyelesaian dokumen telusur", 6),
    ),
)

# --- additional (TAMBAHAN) RHK ---------------------------------------------------------------

_COMPETENCE = _r(
    "umum",
    "Mengikuti pengembangan kompetensi sesuai jabatan",
    _k("Jumlah jam pelajaran pengembangan kompetensi yang diikuti", 20, "JP"),
    _q("Persentase materi pelatihan yang diterapkan dalam tugas", 80),
    _w("Rata-rata waktu penyampaian laporan hasil pelatihan", 14, "Hari"),
)

TAMBAHAN_KECAMATAN: tuple[RhkText, ...] = (
    _COMPETENCE,
    _r(
        "umum_kec",
        "Menjadi anggota tim penyusun Laporan Kinerja Instansi Pemerintah (LKjIP) kecamatan",
        _k("Jumlah bahan LKjIP yang disiapkan", 2, "Dokumen"),
        _q("Persentase bahan yang digunakan dalam LKjIP", 90),
        _w("Waktu penyelesaian bahan", 2),
    ),
    _r(
        "umum",
        "Menjadi panitia peringatan Hari Ulang Tahun Kemerdekaan Republik Indonesia tingkat "
        "kecamatan",
        _k("Jumlah rangkaian kegiatan yang dikoordinasikan", 4, "Kegiatan"),
        _q("Persentase kegiatan yang terlaksana sesuai rencana", 100),
        _w("Waktu penyelesaian laporan kegiatan", 14, "Hari"),
    ),
    _r(
        "kesos",
        "Menjadi anggota tim verifikasi lapangan program bedah rumah",
        _k("Jumlah rumah yang diverifikasi", 20, "Rumah"),
        _q("Persentase hasil verifikasi yang dilengkapi foto dan koordinat", 100),
        _w("Waktu penyelesaian verifikasi", 1),
    ),
    _r(
        "umum_kec",
        "Menjadi anggota tim pembangunan Zona Integritas kecamatan",
        _k("Jumlah bukti dukung area perubahan yang disiapkan", 15, "Dokumen"),
        _q("Persentase bukti dukung yang diterima tim penilai internal", 90),
        _w("Waktu penyelesaian bukti dukung", 6),
    ),
    _r(
        "pemerintahan",
        "Menjadi narasumber sosialisasi layanan kecamatan di kelurahan",
        _k("Jumlah kegiatan sebagai narasumber", 3, "Kegiatan"),
        _q("Persentase peserta yang menilai materi bermanfaat", 80),
        _w("Rata-rata waktu penyampaian laporan kegiatan", 7, "Hari"),
    ),
)

TAMBAHAN_PUSKESMAS: tuple[RhkText, ...] = (
    _COMPETENCE,
    _r(
        "mutu",
        "Menjadi anggota tim akreditasi puskesmas",
        _k("Jumlah dokumen akreditasi yang disusun", 6, "Dokumen"),
        _q("Persentase dokumen yang sesuai elemen penilaian", 90),
        _w("Waktu penyelesaian dokumen akreditasi", 6),
    ),
    _r(
        "ukm kia",
        "Menjadi petugas imunisasi pada Bulan Imunisasi Anak Nasional",
        _k("Jumlah sasaran anak yang diimunisasi", 200, "Anak"),
        _q("Persentase sasaran yang tercatat di aplikasi ASIK", 100),
        _w("Waktu pelaksanaan imunisasi", 2),
    ),
    _r(
        "ukm",
        "Menjadi anggota tim gerak cepat penanggulangan KLB dan bencana puskesmas",
        _k("Jumlah respons KLB dan bencana yang diikuti", 3, "Kegiatan"),
        _q("Persentase respons yang dilaporkan lengkap", 100),
        _w("Rata-rata waktu kesiapan tim setelah informasi diterima", 24, "Jam"),
    ),
    _r(
        "ukp mutu",
        "Menjadi pembimbing klinik mahasiswa praktik",
        _k("Jumlah mahasiswa yang dibimbing", 6, "Orang"),
        _q("Persentase mahasiswa yang menyelesaikan praktik dengan baik", 100),
        _w("Waktu pembimbingan", 3),
    ),
    _r(
        "ukp",
        "Menjadi petugas pemeriksaan kesehatan calon jemaah haji",
        _k("Jumlah calon jemaah haji yang diperiksa", 40, "Orang"),
        _q("Persentase hasil pemeriksaan yang diinput di Siskohatkes", 100),
        _w("Waktu penyelesaian pemeriksaan tahap pertama", 2),
    ),
)

# --- the qualitative approach ----------------------------------------------------------------

#: The narrative target of an indicator in a qualitative SKP, by aspek.
KUALITATIF_TARGET = {
    Aspek.KUANTITAS: "Seluruh sasaran yang direncanakan pada tahun berjalan terselesaikan",
    Aspek.KUALITAS: "Hasil kerja diterima pimpinan tanpa perbaikan berarti dan sesuai ketentuan",
    Aspek.WAKTU: "Diselesaikan sesuai jadwal yang disepakati dalam dialog kinerja",
    Aspek.BIAYA: "Memakai anggaran sesuai rencana",
}

#: What a qualitative realisation says, by the level it reads as.
KUALITATIF_REALISATION: dict[Rating, tuple[str, ...]] = {
    Rating.DI_ATAS: (
        "Terlaksana melebihi rencana; bukti dukung lengkap dan diterima pimpinan tanpa perbaikan.",
        "Seluruh sasaran tercapai lebih awal dari jadwal dan menjadi contoh bagi unit lain.",
    ),
    Rating.SESUAI: (
        "Terlaksana sesuai rencana; bukti dukung lengkap.",
        "Sasaran periode ini tercapai sesuai jadwal; dokumentasi tersimpan rapi.",
    ),
    Rating.DI_BAWAH: (
        "Sebagian belum terlaksana; bukti dukung belum lengkap dan perlu tindak lanjut.",
        "Pelaksanaan tertunda dari jadwal; perlu pendampingan untuk periode berikutnya.",
    ),
}

# --- continuous feedback (umpan balik berkelanjutan) ------------------------------------------

#: Feedback on an RHK in a period, by its level; ``{periode}`` is the period label.
FEEDBACK: dict[Rating, tuple[str, ...]] = {
    Rating.DI_ATAS: (
        "Capaian {periode} melampaui target. Terima kasih atas inisiatifnya; mohon praktik "
        "baiknya dituliskan singkat agar dapat dipakai rekan satu tim.",
        "Hasil kerja {periode} sangat baik dan bukti dukungnya lengkap. Silakan bimbing rekan "
        "yang baru dalam tugas ini.",
        "Target {periode} terlampaui. Mari kita bahas dalam dialog kinerja berikutnya apakah "
        "cakupan tugas ini dapat diperluas.",
    ),
    Rating.SESUAI: (
        "Capaian {periode} sesuai target. Pertahankan ritme kerja dan lengkapi bukti dukung "
        "paling lambat tanggal 5 bulan berikutnya.",
        "Hasil kerja {periode} sudah sesuai ekspektasi. Ke depan, catat kendala yang muncul "
        "agar dapat kita selesaikan lebih awal.",
        "Sesuai target {periode}. Laporan sudah rapi; simpan data pendukung di folder bersama "
        "supaya mudah ditelusuri.",
    ),
    Rating.DI_BAWAH: (
        "Capaian {periode} belum mencapai target. Mari kita tinjau bersama kendalanya dan "
        "sepakati langkah perbaikan untuk periode berikutnya; saya siap mendampingi.",
        "Yang perlu dikembangkan pada {periode}: penyelesaian pekerjaan masih menumpuk di akhir "
        "bulan. Kita coba jadwal mingguan dan cek kemajuan setiap Senin.",
        "Hasil {periode} masih di bawah target. Saya sarankan mengikuti bimbingan teknis "
        "terkait dan belajar dari rekan yang lebih berpengalaman; kita evaluasi lagi bulan "
        "depan.",
    ),
}

#: Feedback on an RHK that was below target in the previous period and meets it now.
FEEDBACK_RECOVERED = (
    "Ada kemajuan dibandingkan periode sebelumnya: langkah perbaikan yang kita sepakati sudah "
    "berjalan dan capaian {periode} sesuai target. Teruskan.",
    "Capaian {periode} kembali sesuai target setelah pendampingan. Terima kasih atas "
    "kesungguhannya; pertahankan jadwal mingguan yang sudah dibuat.",
)

# --- Lampiran SKP -----------------------------------------------------------------------------

DUKUNGAN_SUMBER_DAYA = {
    "kecamatan": (
        "Komputer/laptop dan printer di ruang kerja",
        "Koneksi internet kantor kecamatan yang stabil",
        "Akses ke aplikasi SRIKANDI, SIPD dan e-Kinerja",
        "Kendaraan operasional untuk kegiatan lapangan",
        "Ruang pelayanan dan ruang arsip yang memadai",
    ),
    "puskesmas": (
        "Komputer dan koneksi internet untuk e-Puskesmas, P-Care dan ASIK",
        "Alat kesehatan dan bahan medis habis pakai sesuai standar",
        "Ketersediaan obat dan vaksin dari Instalasi Farmasi Kota",
        "Kendaraan puskesmas keliling untuk kegiatan luar gedung",
        "Formulir dan buku register pelayanan",
    ),
}

SKEMA_PERTANGGUNGJAWABAN = {
    "kecamatan": (
        "Hasil kerja dilaporkan setiap bulan kepada atasan langsung melalui laporan kinerja "
        "bulanan",
        "Realisasi dan bukti dukung diunggah setiap triwulan paling lambat tanggal 5 bulan "
        "berikutnya",
        "Capaian dibahas dalam rapat evaluasi bulanan kecamatan",
    ),
    "puskesmas": (
        "Hasil kerja dilaporkan setiap bulan kepada atasan langsung melalui laporan kinerja "
        "bulanan",
        "Realisasi dan bukti dukung diunggah setiap triwulan paling lambat tanggal 5 bulan "
        "berikutnya",
        "Capaian dibahas dalam lokakarya mini bulanan puskesmas",
    ),
}

KONSEKUENSI = (
    "Apabila ekspektasi tercapai atau terlampaui, pegawai mendapat prioritas dalam "
    "pengembangan kompetensi dan tambahan penghasilan sesuai capaian kinerja",
    "Apabila ekspektasi tidak tercapai, pegawai mengikuti bimbingan kinerja dan tambahan "
    "penghasilan dibayarkan sesuai capaian kinerja",
    "Capaian kinerja menjadi pertimbangan dalam penilaian kenaikan pangkat dan pengembangan karier",
)

# --- Ekspektasi Khusus Pimpinan ---------------------------------------------------------------

EXPECTATIONS: dict[BehaviourValue, tuple[str, ...]] = {
    BehaviourValue.BERORIENTASI_PELAYANAN: (
        "Melayani warga dengan ramah dan tuntas pada kunjungan pertama, tanpa meminta "
        "persyaratan di luar standar pelayanan.",
        "Menjawab pertanyaan dan keluhan pengguna layanan dengan sabar dan memberi solusi pada "
        "hari yang sama.",
    ),
    BehaviourValue.AKUNTABEL: (
        "Melaporkan hasil kerja dengan data yang benar dan bukti dukung yang dapat ditelusuri.",
        "Menggunakan kendaraan dan peralatan dinas hanya untuk keperluan tugas.",
    ),
    BehaviourValue.KOMPETEN: (
        "Menyelesaikan paling sedikit 20 JP pengembangan kompetensi dan membagikan materinya "
        "kepada rekan kerja.",
        "Menguasai aplikasi kerja yang baru dalam tiga bulan pertama.",
    ),
    BehaviourValue.HARMONIS: (
        "Menjaga suasana kerja yang saling menghargai dan membantu rekan saat beban kerja tinggi.",
    ),
    BehaviourValue.LOYAL: (
        "Menjaga kerahasiaan data pribadi warga dan pasien serta nama baik instansi di media "
        "sosial.",
    ),
    BehaviourValue.ADAPTIF: (
        "Terbuka terhadap perubahan prosedur dan aktif mengusulkan perbaikan cara kerja.",
        "Cepat menyesuaikan diri ketika ada penugasan mendadak dari pimpinan.",
    ),
    BehaviourValue.KOLABORATIF: (
        "Aktif berkoordinasi dengan kelurahan, puskesmas dan mitra lain untuk menyelesaikan "
        "masalah lintas unit.",
        "Berbagi data dan informasi kerja dengan rekan satu tim tanpa harus diminta.",
    ),
}

# --- rencana aksi: what each RHK plans per period (issue 17) -----------------------------------

#: The rencana aksi of an RHK by where the period falls in the year; ``{object}`` is what its
#: count indicator counts ("dokumen perencanaan ... yang ditetapkan"), ``{year}`` the year.
RENCANA_AKSI = {
    "first": (
        "Menyusun jadwal dan pembagian tugas, lalu mulai menyelesaikan {object}",
        "Mengumpulkan data awal dan mulai menyelesaikan {object}",
    ),
    "middle": (
        "Melanjutkan penyelesaian {object} sesuai jadwal dan memantau kendalanya",
        "Menyelesaikan {object} dan menindaklanjuti catatan evaluasi periode sebelumnya",
    ),
    "last": (
        "Menuntaskan {object} dan menyusun laporan capaian tahun {year}",
        "Menyelesaikan sisa {object} dan merekap bukti dukung setahun",
    ),
}
#: The object phrase when an RHK has no count indicator to name it (qualitative SKPs).
RENCANA_AKSI_OBJECT = "kegiatan yang mendukung hasil kerja ini"
