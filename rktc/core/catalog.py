"""The message catalog: key -> (Bahasa Indonesia, English).

Templates use `str.format` fields. Keep both languages side by side so a
missing translation is visible in review; `tests/test_messages.py` checks that
every text has both languages and that both name the same fields.

This file holds the texts of reading, values, the schema, the command line, build,
diff and import. The consistency rules' texts are not here: each rule declares its
own next to its code (`@rule(..., messages=...)` in rktc/check/rules/), and they join
this catalog when rktc.check.rules is imported (rktc/core/messages.py,
`define_messages`). A key defined twice fails at import.
"""

CATALOG: dict[str, tuple[str, str]] = {
    # --- reading the file (RKT001-RKT009) ---
    "load.too_large": (
        "berkas terlalu besar ({size} byte; batas {limit} byte)",
        "file too large ({size} bytes; the limit is {limit} bytes)",
    ),
    "hint.too_large": (
        "pecah rencana menjadi beberapa berkas, atau periksa apakah berkas yang benar yang dipilih",
        "split the plan into several files, or check that this is the right file",
    ),
    "load.unreadable": ("berkas tidak dapat dibaca: {reason}", "cannot read the file: {reason}"),
    "hint.unreadable": (
        "periksa nama berkas dan izin aksesnya",
        "check the file name and its permissions",
    ),
    "load.empty": ("berkas kosong", "the file is empty"),
    "hint.empty": (
        "jalankan `rktc init rencana.yaml` untuk membuat rencana awal",
        "run `rktc init plan.yaml` to write a starter plan",
    ),
    "load.utf16": (
        "berkas disimpan sebagai {encoding}, bukan UTF-8",
        "the file is saved as {encoding}, not UTF-8",
    ),
    "hint.utf16": (
        "simpan ulang sebagai UTF-8 (Notepad: Save As > Encoding: UTF-8)",
        "save it again as UTF-8 (Notepad: Save As > Encoding: UTF-8)",
    ),
    "load.binary": (
        "berkas berisi byte NUL: ini bukan berkas teks YAML",
        "the file contains NUL bytes: it is not a YAML text file",
    ),
    "hint.binary": (
        "pilih berkas .yaml rencana; dokumen Word diimpor dengan `rktc import`",
        "choose the plan's .yaml file; Word documents are brought in with `rktc import`",
    ),
    "load.not_utf8": (
        "byte {byte} bukan UTF-8 (dalam Windows-1252 ini '{guess}')",
        "byte {byte} is not UTF-8 (in Windows-1252 it would be '{guess}')",
    ),
    "hint.not_utf8": (
        "simpan ulang berkas sebagai UTF-8 (Notepad: Save As > Encoding: UTF-8)",
        "save the file again as UTF-8 (Notepad: Save As > Encoding: UTF-8)",
    ),
    "load.bad_char": (
        "karakter {char} tidak boleh ada dalam YAML",
        "character {char} is not allowed in YAML",
    ),
    "hint.bad_char": (
        "hapus karakter kontrol itu (sering terbawa saat menyalin dari Word atau PDF)",
        "delete that control character (often pasted in from Word or PDF)",
    ),
    "load.syntax": ("kesalahan sintaks YAML: {problem}", "YAML syntax error: {problem}"),
    "hint.syntax": (
        "periksa indentasi dan tanda ':' pada baris ini dan baris sebelumnya",
        "check the indentation and the ':' on this line and the one before",
    ),
    "load.tab": (
        "karakter tab dipakai untuk indentasi",
        "a tab character is used for indentation",
    ),
    "hint.tab": (
        "YAML hanya menerima spasi untuk indentasi: ganti tab dengan spasi",
        "YAML indents with spaces only: replace the tab with spaces",
    ),
    "load.multiple_documents": (
        "berkas berisi lebih dari satu dokumen YAML ('---')",
        "the file holds more than one YAML document ('---')",
    ),
    "hint.multiple_documents": (
        "satu berkas untuk satu rencana: hapus '---' kedua atau pisahkan ke berkas lain",
        "one file per plan: remove the second '---' or move it to another file",
    ),
    "load.alias": (
        "alias YAML '*{name}' tidak didukung",
        "YAML alias '*{name}' is not supported",
    ),
    "load.anchor": (
        "anchor YAML '&{name}' tidak didukung",
        "YAML anchor '&{name}' is not supported",
    ),
    "hint.alias": (
        "tulis nilainya langsung; untuk indikator yang dipakai dua kegiatan gunakan `ref:`",
        "write the value out; for an indicator shared by two kegiatan use `ref:`",
    ),
    "load.tag": ("tag YAML '{tag}' tidak didukung", "YAML tag '{tag}' is not supported"),
    "hint.tag": (
        "hapus tag itu; rktc membaca setiap nilai sebagai teks",
        "remove the tag; rktc reads every value as text",
    ),
    "load.too_deep": (
        "struktur bersarang lebih dari {limit} tingkat",
        "nesting deeper than {limit} levels",
    ),
    "hint.too_deep": (
        "rencana yang sah tidak sedalam ini; periksa indentasi",
        "a real plan is never this deep; check the indentation",
    ),
    "load.duplicate_key": (
        "kunci '{key}' ditulis dua kali (pertama di baris {line})",
        "key '{key}' appears twice (first on line {line})",
    ),
    "hint.duplicate_key": (
        "hapus salah satu; YAML biasa diam-diam membuang nilai pertama",
        "remove one of them; plain YAML readers silently drop the first value",
    ),
    "related.first_key": ("'{key}' pertama di sini", "first '{key}' here"),
    "load.complex_key": (
        "kunci harus berupa teks, bukan daftar atau mapping",
        "a key must be text, not a list or mapping",
    ),
    "hint.complex_key": (
        "tulis kunci sebagai kata biasa, misalnya `nama:`",
        "write the key as a plain word, such as `nama:`",
    ),
    "load.top_not_mapping": (
        "rencana harus berupa mapping (kunci: nilai) di tingkat teratas",
        "a plan must be a mapping (key: value) at the top level",
    ),
    "hint.top_not_mapping": (
        "mulai berkas dengan `rktc: 1`, lalu `tahun:`, `instansi:` dan seterusnya",
        "start the file with `rktc: 1`, then `tahun:`, `instansi:` and so on",
    ),
}

CATALOG.update(
    {
        # --- values (RKT013) ---
        "value.english_grouping": (
            "'{value}' memakai koma sebagai pemisah ribuan",
            "'{value}' uses commas to group thousands",
        ),
        "hint.value.english_grouping": (
            "tulis ribuan dengan titik dan desimal dengan koma: 14.271.302.000 atau 97,5",
            "group thousands with dots and write decimals with a comma: 14.271.302.000 or 97,5",
        ),
        "value.dot_decimal": (
            "'{value}' bermakna ganda: titik adalah pemisah ribuan, bukan tanda desimal",
            "'{value}' is ambiguous: a dot groups thousands, it is not a decimal mark",
        ),
        "hint.value.dot_decimal": (
            "untuk pecahan tulis {suggestion}; untuk ribuan tulis tiga angka setelah titik",
            "for a fraction write {suggestion}; for thousands write three digits after each dot",
        ),
        "value.not_a_number": ("'{value}' bukan angka", "'{value}' is not a number"),
        "hint.value.not_a_number": (
            "tulis angka seperti 14.271.302.000 atau 97,5",
            "write a number such as 14.271.302.000 or 97,5",
        ),
        "value.money_ambiguous": (
            "'{value}' bermakna ganda sebagai rupiah: ribuan ({thousands}) atau sen?",
            "'{value}' is ambiguous as rupiah: thousands ({thousands}) or sen?",
        ),
        "hint.value.money_ambiguous": (
            "tulis {thousands} untuk ribuan; sen ditulis dengan dua angka (8,50)",
            "write {thousands} for thousands; sen take two digits (8,50)",
        ),
        "value.money_negative": (
            "anggaran '{value}' negatif",
            "anggaran '{value}' is negative",
        ),
        "hint.value.money_negative": (
            "anggaran adalah jumlah yang direncanakan, tulis tanpa tanda minus",
            "anggaran is a planned amount; write it without a minus sign",
        ),
        "value.money_absurd": (
            "anggaran '{value}' melebihi Rp10.000.000.000.000.000",
            "anggaran '{value}' is more than Rp10.000.000.000.000.000",
        ),
        "hint.value.money_absurd": (
            "periksa jumlah digitnya; anggaran ditulis dalam rupiah, bukan sen",
            "check the number of digits; anggaran is written in rupiah, not sen",
        ),
        "value.money_sen": (
            "'{value}' punya lebih dari dua angka desimal",
            "'{value}' has more than two decimal digits",
        ),
        "hint.value.money_sen": (
            "rupiah ditulis paling banyak sampai sen: 1.500,50",
            "rupiah go down to sen at most: 1.500,50",
        ),
        "value.target_empty": ("target kosong", "the target is empty"),
        "hint.value.target_empty": (
            "tulis target seperti 97%, 13 kec atau 1 dokumen, atau NA bila tidak ada target",
            "write a target such as 97%, 13 kec or 1 dokumen, or NA when there is none",
        ),
        "value.unknown_month": (
            "'{month}' dalam '{value}' bukan nama bulan",
            "'{month}' in '{value}' is not a month name",
        ),
        "hint.value.unknown_month": (
            "gunakan nama bulan Indonesia (Januari ... Desember) atau tulis 2023-01-30",
            "use an Indonesian month name (Januari ... Desember) or write 2023-01-30",
        ),
        "value.not_a_date": ("'{value}' bukan tanggal", "'{value}' is not a date"),
        "hint.value.not_a_date": (
            "tulis tanggal sebagai 30 Januari 2023 atau 2023-01-30",
            "write the date as 30 Januari 2023 or 2023-01-30",
        ),
        "value.impossible_date": (
            "tanggal '{value}' tidak ada di kalender",
            "the date '{value}' does not exist",
        ),
        "hint.value.impossible_date": (
            "periksa hari dan bulannya",
            "check the day and the month",
        ),
        "value.not_a_year": ("'{value}' bukan tahun", "'{value}' is not a year"),
        "hint.value.not_a_year": (
            "tulis tahun dengan empat angka: 2023",
            "write four digits: 2023",
        ),
        "value.not_a_period": (
            "'{value}' bukan periode tahun",
            "'{value}' is not a period of years",
        ),
        "hint.value.not_a_period": (
            "tulis periode Renstra sebagai 2020-2024",
            "write the Renstra period as 2020-2024",
        ),
        "value.not_a_count": ("'{value}' bukan nomor urut", "'{value}' is not a row number"),
        "hint.value.not_a_count": ("tulis nomor bulat: 1, 2, 3", "write a whole number: 1, 2, 3"),
        "value.not_yes_no": ("'{value}' bukan ya/tidak", "'{value}' is not yes/no (ya/tidak)"),
        "hint.value.not_yes_no": ("tulis ya atau tidak", "write ya (yes) or tidak (no)"),
        "value.not_a_quarter": (
            "'{value}' bukan triwulan",
            "'{value}' is not a quarter (triwulan)",
        ),
        "hint.value.not_a_quarter": (
            "tulis triwulan sebagai 1, 2, 3 atau 4 (atau I-IV)",
            "write the quarter as 1, 2, 3 or 4 (or I-IV)",
        ),
        "value.urusan_and_program": (
            "program ditulis di bawah `urusan:` dan juga di `program:`",
            "programs are written under `urusan:` and also under `program:`",
        ),
        "hint.value.urusan_and_program": (
            "pindahkan program ini ke bidang urusannya di bawah `urusan:`, atau hapus `urusan:`",
            "move these programs under their bidang urusan in `urusan:`, or remove `urusan:`",
        ),
        "value.code_blank": ("kode kosong", "the code is blank"),
        "hint.value.code_blank": (
            "tulis kode seperti di dokumen, mis. 1.02.02.2.01, atau hapus baris kode",
            "write the code as the document prints it, e.g. 1.02.02.2.01, or remove the line",
        ),
        "value.code_too_long": (
            "kode terlalu panjang: '{value}'",
            "the code is too long: '{value}'",
        ),
        "hint.value.code_too_long": (
            "kode paling banyak 100 karakter; periksa apakah uraian tertulis di kolom kode",
            "a code has at most 100 characters; check that no name was written into the code",
        ),
        # targets that are more than one number (docs/targets.md)
        "value.target_range_units": (
            "rentang '{value}' memakai dua satuan berbeda: {lower_unit} dan {upper_unit}",
            "the range '{value}' uses two different units: {lower_unit} and {upper_unit}",
        ),
        "hint.value.target_range_units": (
            "rentang punya satu satuan: 80 - 90% atau 80% - 90%; bukan rentang? tulis satu angka",
            "a range has one unit: 80 - 90% or 80% - 90%; not a range? write one number",
        ),
        "value.target_bound_range": (
            "'{value}' memberi batas pada sebuah rentang",
            "'{value}' puts a bound on a range",
        ),
        "hint.value.target_bound_range": (
            "tulis rentang (80 - 90%) atau batas (≤ 90%), tidak keduanya",
            "write either a range (80 - 90%) or a bound (≤ 90%), not both",
        ),
        "value.target_shape": (
            "'{value}' memuat lebih banyak angka atau perbandingan daripada sebuah target",
            "'{value}' holds more numbers or comparisons than one target has",
        ),
        "hint.value.target_shape": (
            "tulis satu angka (97%), satu rentang (80 - 90%) atau satu batas (≤ 5%)",
            "write one number (97%), one range (80 - 90%) or one bound (≤ 5%)",
        ),
        "value.scale_empty": (
            "skala '{scale}' tidak punya nilai",
            "the scale '{scale}' has no values",
        ),
        "hint.value.scale_empty": (
            "tulis nilai skala dari yang terendah: [Kurang, Cukup, Baik, Sangat Baik]",
            "list the scale's values from the lowest: [Kurang, Cukup, Baik, Sangat Baik]",
        ),
        "value.scale_blank": (
            "skala '{scale}' memuat nilai kosong",
            "the scale '{scale}' holds an empty value",
        ),
        "hint.value.scale_blank": (
            "hapus nilai kosong atau isi dengan teksnya",
            "remove the empty value or write its text",
        ),
        "value.scale_numeric": (
            "nilai '{level}' pada skala '{scale}' diawali angka",
            "the value '{level}' of the scale '{scale}' starts with a number",
        ),
        "hint.value.scale_numeric": (
            "target berawalan angka dibaca sebagai angka: awali nilai dengan kata (Tingkat 3)",
            "a target that starts with a number is a number: start the value with a word (Tingkat 3)",
        ),
        "value.scale_duplicate": (
            "nilai '{level}' muncul dua kali pada skala '{scale}'",
            "the value '{level}' appears twice in the scale '{scale}'",
        ),
        "hint.value.scale_duplicate": (
            "setiap nilai skala ditulis sekali (huruf besar/kecil tidak membedakan)",
            "write each value of a scale once (letter case does not distinguish them)",
        ),
    }
)

CATALOG.update(
    {
        # --- schema (RKT010-RKT014) ---
        "schema.missing": ("'{key}' wajib diisi ({field})", "'{key}' is required ({field})"),
        "hint.schema.missing": ("tambahkan `{key}:` ({about})", "add `{key}:` ({about})"),
        "schema.unknown_key": ("kunci '{key}' tidak dikenal", "unknown key '{key}'"),
        "hint.schema.did_you_mean": ("maksudnya '{suggestion}'?", "did you mean '{suggestion}'?"),
        "hint.schema.allowed_keys": (
            "kunci yang dikenal di sini: {allowed}",
            "keys known here: {allowed}",
        ),
        "schema.kind": (
            "jenis instansi '{value}' tidak dikenal",
            "unknown kind of office (jenis) '{value}'",
        ),
        "hint.schema.kind": (
            (
                "tulis `jenis:` salah satu dari {kinds} (kpu: program -> kegiatan; pemda:"
                " program -> kegiatan -> sub kegiatan; kl: program -> kegiatan -> KRO -> RO)"
            ),
            (
                "write `jenis:` as one of {kinds} (kpu: program -> kegiatan; pemda:"
                " program -> kegiatan -> sub kegiatan; kl: program -> kegiatan -> KRO -> RO)"
            ),
        ),
        "schema.format_version": (
            "versi format '{value}' tidak didukung",
            "format version '{value}' is not supported",
        ),
        "hint.schema.format_version": (
            "rktc ini membaca format 1 dan 2: tulis `rktc: 2` (atau `rktc: 1`)",
            "this rktc reads formats 1 and 2: write `rktc: 2` (or `rktc: 1`)",
        ),
        "schema.expected_text": (
            "{field} harus berupa teks, bukan {got}",
            "{field} must be text, not {got}",
        ),
        "hint.schema.expected_text": ("isi: {about}", "expected: {about}"),
        "schema.expected_list": (
            "{field} harus berupa daftar (baris diawali '- '), bukan {got}",
            "{field} must be a list (lines starting with '- '), not {got}",
        ),
        "hint.schema.expected_list": ("isi: {about}", "expected: {about}"),
        "schema.expected_mapping": (
            "{field} harus berupa mapping (kunci: nilai), bukan {got}",
            "{field} must be a mapping (key: value), not {got}",
        ),
        "hint.schema.expected_mapping": ("isi: {about}", "expected: {about}"),
        "schema.empty_text": ("{field} kosong", "{field} is empty"),
        "schema.too_long": (
            "{field} terlalu panjang",
            "{field} is too long",
        ),
        "hint.schema.too_long": (
            "isi: {about}; teks yang sepanjang ini biasanya tersalin tidak sengaja",
            "expected: {about}; text this long is usually pasted by mistake",
        ),
        "hint.schema.empty_text": ("isi: {about}", "expected: {about}"),
        "schema.bad_id": (
            "{field} bukan kode yang sah: {got}",
            "{field} is not a valid id: {got}",
        ),
        "hint.schema.bad_id": (
            "kode terdiri dari huruf, angka, '.', '-' atau '_', tanpa spasi, mis. S1",
            "an id is letters, digits, '.', '-' or '_', with no spaces, e.g. S1",
        ),
        "schema.invalid": ("{field}: {detail}", "{field}: {detail}"),
    }
)

CATALOG.update(
    {
        # --- report and command line ---
        "severity.error": ("galat", "error"),
        "severity.warning": ("peringatan", "warning"),
        "label.hint": ("saran", "hint"),
        "summary.clean": (
            "Tidak ada masalah ({files} berkas diperiksa).",
            "No problems ({files} file(s) checked).",
        ),
        "summary.found": (
            "{errors} galat, {warnings} peringatan dalam {files} berkas.",
            "{errors} error(s), {warnings} warning(s) in {files} file(s).",
        ),
        "cli.no_files": (
            "tidak ada berkas rencana (.yaml/.yml) di {paths}",
            "no plan files (.yaml/.yml) in {paths}",
        ),
        "cli.not_found": ("berkas tidak ditemukan: {path}", "file not found: {path}"),
        "cli.bad_format": (
            "format '{value}' tidak dikenal; pilih salah satu: {choices}",
            "unknown format '{value}'; choose one of: {choices}",
        ),
        "cli.unknown_rule": ("aturan '{code}' tidak dikenal", "unknown rule '{code}'"),
        "cli.internal_error": (
            (
                "galat internal rktc ({error}). Ini bug: laporkan bersama berkas rencana "
                "dan keluaran `rktc --debug ...`."
            ),
            (
                "internal rktc error ({error}). This is a bug: report it with the plan file "
                "and the output of `rktc --debug ...`."
            ),
        ),
        "cli.exists": (
            "{path} sudah ada; gunakan --force untuk menimpanya",
            "{path} already exists; use --force to overwrite it",
        ),
        "cli.written": ("ditulis: {path}", "written: {path}"),
    }
)

CATALOG.update(
    {
        # --- build ---
        "build.bad_reference": (
            "dokumen acuan {path} tidak dapat dibuka sebagai berkas Word: {detail}",
            "reference document {path} cannot be opened as a Word file: {detail}",
        ),
        "build.missing_styles": (
            (
                "dokumen acuan {path} tidak memiliki style: {styles}. Pakai setiap style sekali di "
                "Word lalu simpan, atau buang --reference-doc"
            ),
            (
                "reference document {path} lacks the styles: {styles}. Use each style once in Word "
                "and save, or drop --reference-doc"
            ),
        ),
        # a --reference-doc that is not a whole .docx (rktc/render/docx/styles.py)
        "build.reference_unreadable": (
            "dokumen acuan {path} tidak dapat dibaca: {detail}",
            "reference document {path} cannot be read: {detail}",
        ),
        "build.reference_not_docx": (
            (
                "dokumen acuan {path} bukan berkas Word .docx (mungkin berkas .doc lama atau "
                "berkas lain yang diganti namanya); buka di Word lalu simpan ulang sebagai "
                "Dokumen Word (.docx), atau buang --reference-doc"
            ),
            (
                "reference document {path} is not a Word .docx file (perhaps an old .doc or "
                "another file renamed); open it in Word and save it again as a Word Document "
                "(.docx), or drop --reference-doc"
            ),
        ),
        "build.reference_damaged": (
            (
                "dokumen acuan {path} rusak atau terpotong; buka di Word lalu simpan ulang sebagai "
                "Dokumen Word (.docx), atau buang --reference-doc"
            ),
            (
                "reference document {path} is damaged or truncated; open it in Word and save it "
                "again as a Word Document (.docx), or drop --reference-doc"
            ),
        ),
        "build.reference_incomplete": (
            (
                "dokumen acuan {path} tidak lengkap (bagian {part} tidak ada); buka di Word lalu "
                "simpan ulang sebagai Dokumen Word (.docx), atau buang --reference-doc"
            ),
            (
                "reference document {path} is incomplete (its part {part} is missing); open it "
                "in Word and save it again as a Word Document (.docx), or drop --reference-doc"
            ),
        ),
        "build.bad_logo": (
            "logo {path} bukan gambar yang dapat dipakai ({detail}); gunakan PNG atau JPEG",
            "logo {path} is not a usable image ({detail}); use PNG or JPEG",
        ),
        "build.logo_missing": (
            "logo {path} tidak ditemukan (dicari relatif terhadap folder rencana)",
            "logo {path} not found (looked up relative to the plan's folder)",
        ),
        "build.logo_outside": (
            "logo {path} berada di luar folder rencana; salin gambarnya ke folder rencana",
            "logo {path} is outside the plan's folder; copy the image into that folder",
        ),
        "build.no_folder": (
            "folder keluaran {path} tidak ada; buat dulu foldernya",
            "output folder {path} does not exist; create it first",
        ),
        "build.cannot_write": (
            "tidak dapat menulis {path}: {detail}",
            "cannot write {path}: {detail}",
        ),
        "build.no_libreoffice": (
            (
                "format pdf memerlukan LibreOffice: pasang paket Debian 'libreoffice-writer-nogui' "
                "(apt-get install libreoffice-writer-nogui), atau buat docx lalu ekspor dari Word"
            ),
            (
                "the pdf format needs LibreOffice: install the Debian package "
                "'libreoffice-writer-nogui' (apt-get install libreoffice-writer-nogui), or build docx "
                "and export it from Word"
            ),
        ),
        "build.pdf_failed": (
            "LibreOffice gagal mengubah dokumen ke PDF: {detail}",
            "LibreOffice failed to convert the document to PDF: {detail}",
        ),
        "build.xlsx_inexact": (
            (
                "{value} tidak dapat ditulis tepat ke buku kerja ({cell}): angka itu memiliki "
                "{digits} angka penting, sedangkan Excel hanya menyimpan 15 sehingga akan "
                "menampilkan dan menjumlahkan angka lain. Buat docx, pdf, md atau html"
            ),
            (
                "{value} cannot be written exactly into the workbook ({cell}): it has {digits} "
                "significant digits and Excel keeps 15, so it would show and sum another "
                "figure. Build docx, pdf, md or html instead"
            ),
        ),
        "build.not_built": (
            (
                "{path} tidak disusun karena ada galat; perbaiki, atau gunakan --force untuk "
                "rencana yang terbaca utuh"
            ),
            (
                "{path} was not built because it has errors; fix them, or use --force for a plan "
                "that reads completely"
            ),
        ),
        "build.written": ("ditulis: {path}", "written: {path}"),
        "build.summary": (
            "{built} dokumen disusun, {failed} gagal.",
            "{built} document(s) built, {failed} failed.",
        ),
        # -o names a file of one format, --format another (rktc/cli/commands.py)
        "build.format_mismatch": (
            (
                "-o {path} adalah berkas {suffix}, tetapi --format {fmt}; samakan keduanya, "
                "atau buang --format agar format diambil dari nama berkas"
            ),
            (
                "-o {path} is a {suffix} file, but --format is {fmt}; make them agree, or drop "
                "--format to take the format from the file name"
            ),
        ),
        "template.error": (
            "galat templat {template}: {detail}",
            "template error in {template}: {detail}",
        ),
        "template.too_big": (
            "templat menghasilkan keluaran terlalu besar ({detail})",
            "the template produces too much output ({detail})",
        ),
        "template.too_slow": (
            "templat berjalan lebih dari {seconds} detik dan dihentikan",
            "the template ran for more than {seconds} seconds and was stopped",
        ),
        "cli.bad_paper": (
            "ukuran kertas '{value}' tidak dikenal; pilih a4 atau f4",
            "unknown paper size '{value}'; choose a4 or f4",
        ),
    }
)

CATALOG.update(
    {
        # --- diff ---
        "diff.title": ("Perubahan rencana: {old} -> {new}", "Plan changes: {old} -> {new}"),
        "diff.none": ("Tidak ada perubahan.", "No changes."),
        "diff.renamed": ("'{old}' menjadi '{new}'", "'{old}' renamed to '{new}'"),
        "diff.anggaran": (
            "{name}{where}: anggaran {old} -> {new} ({delta})",
            "{name}{where}: anggaran {old} -> {new} ({delta})",
        ),
        "diff.field": ("{name}: {field} {old} -> {new}", "{name}: {field} {old} -> {new}"),
        "diff.anggaran_title": ("Anggaran per program", "Anggaran per program"),
        "diff.total": ("Jumlah", "Total"),
        "diff.table_header": (
            "| Program | Lama | Baru | Selisih |",
            "| Program | Old | New | Difference |",
        ),
        "diff.counts": (
            "{added} ditambah, {removed} dihapus, {renamed} diganti nama, {changed} diubah.",
            "{added} added, {removed} removed, {renamed} renamed, {changed} changed.",
        ),
        "diff.bad_plan": (
            "{path} tidak dapat dibandingkan karena tidak terbaca utuh",
            "{path} cannot be compared because it does not read completely",
        ),
        "diff.git_failed": (
            "git tidak dapat mengambil {path} pada revisi {rev}: {detail}",
            "git cannot give {path} at revision {rev}: {detail}",
        ),
        "diff.usage": (
            "berikan dua berkas (LAMA BARU), atau --git REV dan satu berkas",
            "give two files (OLD NEW), or --git REV and one file",
        ),
    }
)

CATALOG.update(
    {
        # --- import ---
        "import.unknown_type": (
            (
                "{path}: hanya .docx, .txt (ekspor teks dokumen), .xlsx, atau .xls unduhan "
                "SIPD yang dapat diimpor"
            ),
            (
                "{path}: only .docx, .txt (a text export of the document), .xlsx or SIPD's "
                ".xls download can be imported"
            ),
        ),
        # a spreadsheet to import (rktc/importer/sheets.py)
        "import.xls_binary": (
            (
                "{path} adalah berkas Excel 97-2003 (.xls biner) yang tidak dapat dibaca; "
                "buka di Excel atau LibreOffice lalu simpan sebagai Buku Kerja Excel (.xlsx)"
            ),
            (
                "{path} is an Excel 97-2003 workbook (binary .xls), which cannot be read; "
                "open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)"
            ),
        ),
        "import.sheet_unknown": (
            (
                "{path} bukan buku kerja .xlsx maupun tabel HTML unduhan SIPD; buka di Excel "
                "atau LibreOffice lalu simpan sebagai Buku Kerja Excel (.xlsx)"
            ),
            (
                "{path} is neither an .xlsx workbook nor SIPD's HTML table download; open it "
                "in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)"
            ),
        ),
        "import.xlsx_unreadable": (
            (
                "{path} tidak dapat dibaca sebagai .xlsx ({detail}); buka di Excel atau "
                "LibreOffice lalu simpan ulang sebagai Buku Kerja Excel (.xlsx)"
            ),
            (
                "{path} cannot be read as an .xlsx ({detail}); open it in Excel or "
                "LibreOffice and save it again as an Excel Workbook (.xlsx)"
            ),
        ),
        "import.unreadable": (
            "{path} tidak dapat dibaca: {detail}",
            "{path} cannot be read: {detail}",
        ),
        # a .docx to import that is not a whole .docx (rktc/render/docx/styles.py)
        "import.docx_unreadable": (
            "{path} tidak dapat dibaca: {detail}",
            "{path} cannot be read: {detail}",
        ),
        "import.docx_not_docx": (
            (
                "{path} bukan berkas Word .docx (mungkin berkas .doc lama atau berkas "
                "lain yang diganti namanya); buka di Word lalu simpan ulang sebagai "
                "Dokumen Word (.docx)"
            ),
            (
                "{path} is not a Word .docx file (perhaps an old .doc or another file "
                "renamed); open it in Word and save it again as a Word Document (.docx)"
            ),
        ),
        "import.docx_damaged": (
            (
                "{path} rusak atau terpotong; buka di Word lalu simpan ulang sebagai "
                "Dokumen Word (.docx)"
            ),
            (
                "{path} is damaged or truncated; open it in Word and save it again "
                "as a Word Document (.docx)"
            ),
        ),
        "import.docx_incomplete": (
            (
                "{path} tidak lengkap (bagian {part} tidak ada); buka di Word lalu "
                "simpan ulang sebagai Dokumen Word (.docx)"
            ),
            (
                "{path} is incomplete (its part {part} is missing); open it in Word "
                "and save it again as a Word Document (.docx)"
            ),
        ),
        "import.unplaced": ("tidak ditempatkan: {item}", "not placed: {item}"),
        # what `rktc import` could not place in the plan (rktc/importer/)
        "import.unplaced_page_header": (
            "kata pengantar: '{text}' tidak ditempatkan (kepala halaman?)",
            "kata pengantar: '{text}' was not placed (a page header?)",
        ),
        "import.unplaced_pangkat": (
            (
                "blok tanda tangan: pangkat '{text}' tidak ditempatkan (format rencana tidak punya "
                "isian untuknya)"
            ),
            (
                "signature block: pangkat '{text}' was not placed (the plan format has no field for "
                "it)"
            ),
        ),
        "import.unplaced_signature_line": (
            "blok tanda tangan: '{text}' tidak ditempatkan",
            "signature block: '{text}' was not placed",
        ),
        "import.unplaced_column": (
            (
                "tabel {kind}: kolom '{column}' tidak ada dalam format rencana; {values} nilai di "
                "dalamnya tidak disalin"
            ),
            (
                "{kind} table: column '{column}' is not in the plan format; {values} value(s) in it "
                "were left out"
            ),
        ),
        "import.unplaced_unnamed_column": (
            (
                "tabel {kind}: kolom ke-{number} (tanpa judul) tidak ada dalam format rencana; "
                "{values} nilai di dalamnya tidak disalin"
            ),
            (
                "{kind} table: column {number} (no header) is not in the plan format; {values} "
                "value(s) in it were left out"
            ),
        ),
        "import.unplaced_repeated_column": (
            (
                "tabel {kind}: kolom '{column}' mengulang kolom {repeats}; {values} nilai di "
                "dalamnya yang berbeda dari kolom pertama tidak disalin"
            ),
            (
                "{kind} table: column '{column}' repeats the {repeats} column; {values} value(s) in "
                "it that differ from the first were left out"
            ),
        ),
        "import.unplaced_before_program": (
            (
                "tabel {kind}: {count} baris sebelum baris 'Program ...' pertamanya tidak disalin: "
                "tidak ada program untuk menampungnya"
            ),
            (
                "{kind} table: {count} row(s) before its first 'Program ...' row were left out: no "
                "program to place them under"
            ),
        ),
        "import.unplaced_table": (
            "tabel tanpa judul kolom yang dikenali tidak disalin: {preview}",
            "a table with no recognised header was left out: {preview}",
        ),
        "import.unplaced_totals": (
            "tabel {kind}: {count} baris jumlah tidak disalin; rktc menghitung jumlahnya sendiri",
            "{kind} table: {count} total row(s) were not copied; rktc computes totals",
        ),
        "import.unplaced_row_number": (
            "tabel {kind}: nomor baris '{value}' tidak terbaca dan tidak disalin",
            "{kind} table: row number '{value}' could not be read and was left out",
        ),
        "import.unplaced_anggaran": (
            "tabel {kind}: anggaran '{value}' tidak terbaca dan tidak disalin",
            "{kind} table: anggaran '{value}' could not be read and was left out",
        ),
        "import.unplaced_kegiatan": (
            (
                "kegiatan '{kegiatan}': tidak ada tabel yang menyebut programnya; ditempatkan di "
                "bawah 'Program'"
            ),
            "kegiatan '{kegiatan}': no table names its program; it was put under 'Program'",
        ),
        "import.unplaced_indikator": (
            (
                "indikator '{indikator}' ({table}): tidak ada baris anggaran di tabel mana pun, jadi"
                " tidak ada kegiatan untuk menampungnya"
            ),
            (
                "indikator '{indikator}' ({table}): no budget line in any table, so no kegiatan to "
                "place it under"
            ),
        ),
        # the header comment of the plan `rktc import` writes (rktc/importer/writer.py)
        "import.header_published": (
            (
                "Diimpor oleh `rktc import` dari {source}, dalam bentuk terbitan: setiap tabel "
                "seperti tercetak. Komentar menandai apa yang ditebak pengimpor; periksa sebelum "
                "mengandalkan rencana ini. `rktc validate` menunjukkan di mana tabel-tabelnya "
                "tidak sepakat."
            ),
            (
                "Imported by `rktc import` from {source}, in the published form: every table as "
                "printed. Comments mark what the importer guessed; check them before relying on "
                "the plan. `rktc validate` shows where the tables disagree."
            ),
        ),
        "import.header_single": (
            (
                "Diimpor oleh `rktc import` dari {source}, dalam bentuk satu sumber: tabel-tabelnya "
                "digabungkan. Komentar menandai apa yang ditebak pengimpor; periksa sebelum "
                "mengandalkan rencana ini. `rktc validate` menunjukkan di mana tabel-tabelnya "
                "tidak sepakat."
            ),
            (
                "Imported by `rktc import` from {source}, in the single-source form: the tables "
                "merged. Comments mark what the importer guessed; check them before relying on "
                "the plan. `rktc validate` shows where the tables disagree."
            ),
        ),
        "import.header_unplaced": (
            "Tidak ditempatkan dalam rencana (lihat laporan impor):",
            "Not placed in the plan (see the import report):",
        ),
        "import.header_report": (
            "Cara angka setiap tabel dibaca (lihat laporan impor):",
            "How the numbers of each table were read (see the import report):",
        ),
        "import.header_orphans": (
            "Catatan tentang nilai yang tidak ada dalam rencana:",
            "Notes on values the plan does not have:",
        ),
        "import.yaml_needs_single": (
            "{path} sudah berupa rencana; gunakan --single-source untuk menggabungkan tabelnya",
            "{path} is already a plan; use --single-source to merge its tables",
        ),
        "import.not_readable": (
            "{path} tidak terbaca utuh; perbaiki dulu galat RKT0xx-nya (rktc validate)",
            "{path} does not read completely; fix its RKT0xx errors first (rktc validate)",
        ),
        "import.already_single": (
            "{path} sudah dalam bentuk satu sumber",
            "{path} is already in the single-source form",
        ),
        "import.no_budget": (
            "{path} tidak dapat digabungkan: {detail}",
            "{path} cannot be merged: {detail}",
        ),
        # how the numbers of each table were read (rktc/importer/dialect.py)
        "import.dialect_id": (
            (
                "tabel {kind} (tabel ke-{number}): angka dibaca dalam ejaan Indonesia; "
                "{count} nilai hanya terbaca begitu, mis. {examples}"
            ),
            (
                "{kind} table (table {number}): numbers read in the Indonesian spelling; "
                "{count} value(s) can only be read so, e.g. {examples}"
            ),
        ),
        "import.dialect_en": (
            (
                "tabel {kind} (tabel ke-{number}): angka dibaca dalam ejaan Inggris; "
                "{count} nilai hanya terbaca begitu, mis. {examples}"
            ),
            (
                "{kind} table (table {number}): numbers read in the English spelling; "
                "{count} value(s) can only be read so, e.g. {examples}"
            ),
        ),
        "import.dialect_sipd": (
            (
                "tabel {kind} (tabel ke-{number}): angka dibaca dalam ejaan SIPD (titik desimal, "
                "uang tanpa pemisah ribuan); {count} nilai bertitik desimal, mis. {examples}; "
                "uang tanpa pemisah: {plain}"
            ),
            (
                "{kind} table (table {number}): numbers read in the SIPD spelling (dot decimals, "
                "money without grouping); {count} value(s) with a dot decimal, e.g. {examples}; "
                "money without grouping: {plain}"
            ),
        ),
        "import.dialect_mixed": (
            (
                "tabel {kind} (tabel ke-{number}): ejaan angka campuran, Indonesia ({indonesian}) "
                "dan titik desimal ({other}); tiap angka dibaca menurut bentuknya"
            ),
            (
                "{kind} table (table {number}): mixed number spellings, Indonesian ({indonesian}) "
                "and dot decimals ({other}); each number is read as its shape says"
            ),
        ),
        "import.dialect_none": (
            "tabel {kind} (tabel ke-{number}): tidak ada angka yang menunjukkan ejaannya",
            "{kind} table (table {number}): no number shows which spelling it uses",
        ),
        "import.dialect_continued": (
            (
                "tabel {kind} (tabel ke-{number}): lanjutan tabel ke-{previous} (judul kolomnya "
                "sama); angka dibaca seperti di sana ({dialect})"
            ),
            (
                "{kind} table (table {number}): continues table {previous} (the same header); "
                "numbers read as there ({dialect})"
            ),
        ),
        "import.dialect_chosen": (
            "tabel {kind} (tabel ke-{number}): angka dibaca dengan --dialect {dialect}",
            "{kind} table (table {number}): numbers read with --dialect {dialect}",
        ),
        "import.dialect_converted": (
            (
                "tabel {kind} (tabel ke-{number}): {count} nilai ditulis ulang dalam ejaan "
                "Indonesia; yang tercetak ada di komentar di sebelahnya"
            ),
            (
                "{kind} table (table {number}): {count} value(s) rewritten in the Indonesian "
                "spelling; the printed one is in the comment beside each"
            ),
        ),
        "import.dialect_ambiguous": (
            (
                "tabel {kind} (tabel ke-{number}): {count} nilai dapat dibaca dua cara ({examples}); "
                "ditulis seperti tercetak dan ditandai di rencana: periksa, atau pilih --dialect"
            ),
            (
                "{kind} table (table {number}): {count} value(s) can be read two ways ({examples}); "
                "written as printed and marked in the plan: check them, or choose --dialect"
            ),
        ),
        "import.bad_dialect": (
            "ejaan angka '{value}' tidak dikenal; pilih salah satu: {choices}",
            "unknown number dialect '{value}'; choose one of: {choices}",
        ),
        "import.dialect_foreign": (
            (
                "tabel {kind} (tabel ke-{number}): {count} nilai tidak dalam ejaan --dialect "
                "{dialect} ({examples}); ditulis seperti tercetak"
            ),
            (
                "{kind} table (table {number}): {count} value(s) not in the --dialect {dialect} "
                "spelling ({examples}); written as printed"
            ),
        ),
    }
)

CATALOG.update(
    {
        # --- preview ---
        "preview.serving": (
            "Pratinjau {plan}: {url} (Ctrl-C untuk berhenti)",
            "Previewing {plan}: {url} (Ctrl-C to stop)",
        ),
        "preview.rebuilt": (
            "{time} disusun ulang dalam {ms} md: {summary}",
            "{time} rebuilt in {ms} ms: {summary}",
        ),
        "preview.stopped": ("Pratinjau dihentikan.", "Preview stopped."),
        "preview.not_a_file": (
            "{path} bukan berkas; pratinjau menampilkan satu berkas rencana",
            "{path} is not a file; preview shows one plan file",
        ),
        "preview.cannot_listen": (
            "tidak dapat membuka port {port} di 127.0.0.1 ({detail}); pilih port lain dengan --port",
            "cannot listen on port {port} of 127.0.0.1 ({detail}); choose another with --port",
        ),
        "preview.findings": ("Temuan", "Findings"),
        "preview.no_findings": ("Tidak ada temuan.", "No findings."),
        "preview.broken": (
            "Dokumen tidak dapat disusun. Perbaiki galat berikut lalu simpan lagi.",
            "The document cannot be built. Fix these errors and save again.",
        ),
        "preview.failed": (
            "Dokumen tidak dapat disusun karena galat internal.",
            "The document cannot be built because of an internal error.",
        ),
        "preview.disconnected": (
            "Server pratinjau tidak tersambung; halaman diperbarui lagi saat tersambung.",
            "The preview server is not reachable; the page updates again once it is.",
        ),
    }
)
