// The editor's own words, in Bahasa Indonesia and English (the diagnostics come from flowgen itself).
export const WORDS = {
  id: {
    files: "SOP di folder", newSop: "+ SOP baru", newName: "Nama SOP baru:", save: "Simpan", saved: "Tersimpan",
    unsaved: "belum disimpan", problems: "Masalah", noProblems: "Tidak ada masalah", flowchart: "Diagram alir",
    lampiran: "Lampiran", style: "Gaya", page: "Halaman", stale: "Teks berisi galat: gambar terakhir yang benar ditampilkan",
    conflict: "Berkas ini diubah di disk sejak Anda membukanya.", mine: "Versi Anda", disk: "Versi di disk",
    keepMine: "Simpan versi saya", takeDisk: "Pakai versi di disk", cancel: "Batal", restored: "Perubahan yang belum disimpan dipulihkan",
    timeout: "Gambar terlalu lama dibuat dan dihentikan", retry: "Gambar belum dapat dibuat; dicoba lagi…", hint: "saran", pick: "Pilih SOP di kiri, atau buat yang baru.",
    error: "galat", warning: "peringatan", download: "Unduh", refused: "Ditolak",
    book: "Bangun buku", building: "Membangun semua SOP…", built: "{ok} dibangun, {failed} gagal",
  },
  en: {
    files: "SOPs in the folder", newSop: "+ New SOP", newName: "Name of the new SOP:", save: "Save", saved: "Saved",
    unsaved: "unsaved", problems: "Problems", noProblems: "No problems", flowchart: "Flowchart",
    lampiran: "Lampiran", style: "Style", page: "Page", stale: "The text has errors: the last good drawing is shown",
    conflict: "This file was changed on disk since you opened it.", mine: "Your version", disk: "On disk",
    keepMine: "Keep my version", takeDisk: "Use the disk version", cancel: "Cancel", restored: "Unsaved changes restored",
    timeout: "The drawing took too long and was stopped", retry: "The drawing could not be made yet; trying again…", hint: "hint", pick: "Pick an SOP on the left, or make a new one.",
    error: "error", warning: "warning", download: "Download", refused: "Refused",
    book: "Build the book", building: "Building every SOP…", built: "{ok} built, {failed} failed",
  },
};
