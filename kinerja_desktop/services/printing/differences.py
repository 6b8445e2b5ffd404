"""What changed between a printed sheet's content and the records now, in Indonesian words."""

from __future__ import annotations

from typing import Any

#: Field names of reports.content as a reader of the form knows them.
LABELS = {
    "letterhead": "kop",
    "instansi": "instansi",
    "unit": "unit kerja",
    "pegawai": "Pegawai yang Dinilai",
    "penilai": "Pejabat Penilai Kinerja",
    "atasan": "Atasan Pejabat Penilai Kinerja",
    "name": "nama",
    "nip": "NIP",
    "pangkat": "pangkat/golongan",
    "jabatan": "jabatan",
    "main_results": "hasil kerja utama",
    "extra_results": "hasil kerja tambahan",
    "number": "nomor",
    "parent": "RHK pimpinan yang diintervensi",
    "text": "rencana hasil kerja",
    "indicators": "indikator",
    "indicator": "indikator kinerja individu",
    "aspek": "aspek",
    "target": "target",
    "perspektif": "perspektif",
    "realisation": "realisasi",
    "feedback": "umpan balik",
    "behaviour": "perilaku kerja",
    "value": "nilai perilaku",
    "expectation": "ekspektasi khusus pimpinan",
    "lampiran": "lampiran",
    "title": "judul",
    "items": "butir",
    "signatures": "tanda tangan",
    "role": "peran",
    "place_date": "tempat dan tanggal",
    "note": "keterangan",
    "status_note": "status SKP",
    "period_text": "periode penilaian",
    "period_label": "periode",
    "approach": "pendekatan",
    "layout": "bentuk SKP",
    "rating_hasil": "Rating Hasil Kerja",
    "rating_perilaku": "Rating Perilaku Kerja",
    "predikat": "Predikat Kinerja",
    "capaian_organisasi": "capaian kinerja organisasi",
    "notes": "catatan/rekomendasi",
    "objection": "keberatan",
    "date_text": "tanggal",
    "gaps": "kesenjangan kompetensi",
    "competence": "kompetensi",
    "required": "level standar",
    "held": "level dimiliki",
    "gap": "kesenjangan",
    "jpm": "job person match",
    "addresses": "yang dikembangkan",
    "path": "jalur",
    "jp": "JP",
    "schedule": "jadwal",
    "status": "status",
    "jp_summary": "ringkasan JP",
    "points": "sebaran predikat",
    "count": "jumlah",
    "percent": "persentase",
    "org_predikat": "predikat organisasi",
    "total": "jumlah pegawai",
    "findings": "catatan kurva",
    "undecided": "pegawai belum berpredikat",
    "lines": "baris",
    "level": "nilai",
    "reason": "alasan",
    "period": "periode survei",
    "period_range": "rentang periode",
    "respondents": "jumlah responden",
    "profile": "profil responden",
    "group": "karakteristik",
    "category": "kategori",
    "code": "kode",
    "label": "unsur",
    "answered": "responden menjawab",
    "nrr": "NRR",
    "weighted": "NRR tertimbang",
    "converted": "nilai konversi",
    "grade": "mutu pelayanan",
    "interval_value": "nilai interval",
    "ikm": "IKM",
    "performance": "kinerja unit pelayanan",
    "weakest": "unsur terlemah",
    "grades": "tabel konversi",
    "perception": "nilai persepsi",
    "interval": "nilai interval",
    "trend": "perkembangan IKM",
    "change": "perubahan",
    "rencana_aksi": "rencana aksi",
    "periods": "periode",
    "targets": "target periode",
    "scale": "skala target",
}

MAX_LINES = 30


def _label(key: str) -> str:
    return LABELS.get(key, key.replace("_", " "))


def _shown(value: Any) -> str:
    if value is None:
        return "(kosong)"
    if isinstance(value, dict | list):
        return "(bagian)"
    text = " ".join(str(value).split())
    text = text if len(text) <= 80 else text[:77] + "..."
    return f"'{text}'"


def differences(printed: Any, now: Any, path: str = "") -> list[str]:
    """One line per changed field, e.g. "Pegawai yang Dinilai › nama: 'A' menjadi 'B'"."""
    out: list[str] = []
    if isinstance(printed, dict) and isinstance(now, dict):
        for key in sorted(set(printed) | set(now)):
            where = f"{path} › {_label(key)}" if path else _label(key)
            out.extend(differences(printed.get(key), now.get(key), where))
    elif isinstance(printed, list) and isinstance(now, list):
        if len(printed) != len(now):
            out.append(f"{path}: {len(printed)} butir tercetak, sekarang {len(now)} butir")
        for index, (old, new) in enumerate(zip(printed, now, strict=False), start=1):
            out.extend(differences(old, new, f"{path} ke-{index}"))
    elif printed != now:
        out.append(f"{path}: tercetak {_shown(printed)}, sekarang {_shown(now)}")
    return out
