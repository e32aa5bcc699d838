"""Whatever people feed the ingest command (or the admin upload, which uses the same decoding), each
file gets a clear line of its own, nothing of a failed file is stored, and the other files go on."""

import subprocess
import sys
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from events import decoding, ingest
from events.decoding import DecodeError, decode
from events.models import Document
from tests.conftest import ROOT

ARTICLE = "Defence Minister Rajnath Singh met his Russian counterpart Sergei Shoigu in Moscow on Friday.\n"


def run_ingest(*args):
    """(stdout, stderr, failed) of one run of the command."""
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
    except CommandError:
        return out.getvalue(), err.getvalue(), True
    return out.getvalue(), err.getvalue(), False


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data)
    return path


BAD_FILES = {
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b"  \n\t \r\n  \n", "the file is empty"),
    "bom-only.txt": (b"\xef\xbb\xbf \n", "the file has no text"),
    "random.txt": (bytes(range(256)) * 8, "binary file"),
    "controls.txt": (bytes(range(1, 256)) * 8, "binary file"),
    "picture.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    "article.pdf.txt": (b"%PDF-1.7\n" + ARTICLE.encode(), "PDF"),
    "mixed.txt": ("Talks in “Moscow”, ".encode() + b"caf\xe9 " + ARTICLE.encode(), "UTF-8 with bytes of another encoding"),
    "page.txt": (b"<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>" + ARTICLE.encode() + b"</p></body></html>", "HTML page"),
    "page-bom.txt": (b"\xef\xbb\xbf<!-- saved -->\r\n<html lang=en><body>" + ARTICLE.encode(), "HTML page"),
    "one-line.txt": (b"Singh met Shoigu in Moscow. " * 40_000, "INGEST_MAX_LINE_CHARS"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_decode_refuses_bad_input_with_a_message_naming_the_file(name, settings):
    data, message = BAD_FILES[name]
    with pytest.raises(DecodeError) as error:
        decode(data, name)
    assert message in str(error.value)
    assert str(error.value).startswith(f"{name}: ")


def test_every_bad_file_gets_its_own_error_line_while_the_good_ones_are_stored(db, tmp_path):
    for name, (data, _) in BAD_FILES.items():
        write(tmp_path, name, data)
    write(tmp_path, "good-1.txt", ARTICLE.encode())
    write(tmp_path, "good-2.txt", ("Sergei Shoigu met Rajnath Singh in New Delhi.\n").encode())
    out, err, failed = run_ingest(tmp_path)
    assert failed
    assert set(Document.objects.values_list("filename", flat=True)) == {"good-1.txt", "good-2.txt"}
    lines = err.strip().splitlines()
    assert len(lines) == len(BAD_FILES)
    for name, (_, message) in BAD_FILES.items():
        [line] = [line for line in lines if line.startswith(f"{tmp_path / name}: error: ")]
        assert message in line
    *stored, total = out.strip().splitlines()
    assert [line.split(":")[0] for line in stored] == ["good-1.txt", "good-2.txt"]
    assert total.startswith(f"{len(BAD_FILES) + 2} document(s): 2 stored, 0 already there, {len(BAD_FILES)} failed;")


def test_windows_1252_text_is_decoded_with_its_quotes_dashes_and_accents(db, tmp_path):
    text = "Singh met Shoigu in Moscow \u2014 \u201ca very productive meeting\u201d, worth \u20ac2 billion, at the Caf\xe9 Pushkin.\n"
    write(tmp_path, "cp1252.txt", text.encode("cp1252"))
    run_ingest(tmp_path / "cp1252.txt")
    assert Document.objects.get().text == text


def test_latin_1_text_is_decoded_with_its_accents(db, tmp_path):
    text = "Le ministre de la D\xe9fense s'est rendu \xe0 Moscou; un accord sign\xe9 \xe0 Z\xfcrich et S\xe3o Paulo.\n"
    write(tmp_path, "latin1.txt", text.encode("latin-1"))
    run_ingest(tmp_path / "latin1.txt")
    assert Document.objects.get().text == text


def test_a_utf8_bom_is_not_part_of_the_text(db, tmp_path):
    write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    run_ingest(tmp_path / "bom.txt")
    assert Document.objects.get().text == ARTICLE


def test_utf16_with_a_bom_is_decoded():
    """Windows Notepad's "Unicode" is UTF-16 with a BOM: its NUL bytes do not make it binary."""
    assert decode(ARTICLE.encode("utf-16"), "notepad.txt") == ARTICLE


def test_crlf_line_ends_become_newlines_so_a_windows_copy_is_the_same_document(db, tmp_path):
    write(tmp_path, "windows.txt", ARTICLE.replace("\n", "\r\n").encode() * 2)
    write(tmp_path, "unix.txt", ARTICLE.encode() * 2)
    out, _, failed = run_ingest(tmp_path / "windows.txt", tmp_path / "unix.txt")
    assert not failed
    assert Document.objects.get().text == ARTICLE * 2
    assert "unix.txt: already ingested" in out


def test_a_file_over_the_size_limit_is_refused_without_being_read(db, tmp_path, monkeypatch):
    path = write(tmp_path, "huge.txt", ARTICLE.encode() * (10 * 1024 * 1024 // len(ARTICLE)))
    monkeypatch.setattr(decoding, "decode", lambda *a: pytest.fail("a file over the limit was read"))
    _, err, failed = run_ingest(path)
    assert failed
    assert "over the limit of 5,242,880 (setting INGEST_MAX_BYTES)" in err
    assert not Document.objects.exists()


def test_the_size_limit_is_a_setting(db, tmp_path, settings):
    settings.INGEST_MAX_BYTES = 50
    _, err, failed = run_ingest(write(tmp_path, "a.txt", ARTICLE.encode()))
    assert failed and "INGEST_MAX_BYTES" in err
    with pytest.raises(DecodeError, match="INGEST_MAX_BYTES"):
        decode(ARTICLE.encode(), "upload.txt")


def test_a_one_megabyte_single_line_is_refused_quickly(db, tmp_path):
    path = write(tmp_path, "line.txt", (b"Mr. Singh met Mr. Shoigu. " * 50_000)[: 1024 * 1024])
    started = time.monotonic()
    _, err, failed = run_ingest(path)
    assert failed
    assert "line 1 has 1,048,576 characters, over the limit of 50,000 (setting INGEST_MAX_LINE_CHARS)" in err
    assert time.monotonic() - started < 5
    assert not Document.objects.exists()


def test_the_line_limit_is_a_setting(settings):
    settings.INGEST_MAX_LINE_CHARS = 20
    assert decode(b"Short line.\nAnother short one.\n", "a.txt")
    with pytest.raises(DecodeError, match="line 2 has"):
        decode(b"Short line.\n" + ARTICLE.encode(), "a.txt")


def test_ten_thousand_date_like_tokens_are_ingested_in_seconds(db, tmp_path):
    days = [f"On {d % 28 + 1} April {2000 + d % 24}, on {d % 28 + 1}/04/2023 and 2023-04-{d % 28 + 1:02d} they met." for d in range(3334)]
    lines = [" ".join(days[i : i + 20]) for i in range(0, len(days), 20)]
    path = write(tmp_path, "dates.txt", ("Ministers met\n" + "\n".join(lines) + "\n").encode())
    started = time.monotonic()
    out, err, failed = run_ingest(path)
    elapsed = time.monotonic() - started
    assert not failed, err
    assert out.startswith("dates.txt: document ")
    assert Document.objects.count() == 1
    assert elapsed < 30, f"ingest of 10,000 date-like tokens took {elapsed:.1f}s"


def test_a_path_that_does_not_exist_is_reported_and_the_others_go_on(db, tmp_path):
    good = write(tmp_path, "good.txt", ARTICLE.encode())
    _, err, failed = run_ingest(tmp_path / "missing.txt", good)
    assert failed
    assert err.strip() == f"{tmp_path / 'missing.txt'}: error: no such file or folder"
    assert Document.objects.filter(filename="good.txt").exists()


def test_a_folder_without_txt_files_is_a_failure_not_silence(db, tmp_path):
    (tmp_path / "empty").mkdir()
    _, err, failed = run_ingest(tmp_path / "empty")
    assert failed
    assert "the folder has no .txt, .html or .htm files" in err


def test_a_device_or_pipe_is_refused_rather_than_read(db):
    _, err, failed = run_ingest("/dev/zero")
    assert failed
    assert err.strip() == "/dev/zero: error: not a regular file"


def test_a_failure_while_storing_leaves_nothing_of_that_document_and_the_others_go_on(db, tmp_path, monkeypatch):
    store_reports = ingest.store_reports

    def failing(document, extraction, result, *args, **kwargs):
        if document.filename == "bad.txt":
            raise RuntimeError("boom after the document row was written")
        store_reports(document, extraction, result, *args, **kwargs)

    monkeypatch.setattr(ingest, "store_reports", failing)
    write(tmp_path, "bad.txt", ARTICLE.encode())
    write(tmp_path, "good.txt", ("Sergei Shoigu met Rajnath Singh in New Delhi.\n").encode())
    _, err, failed = run_ingest(tmp_path)
    assert failed
    assert f"{tmp_path / 'bad.txt'}: error: unexpected RuntimeError: boom after the document row was written; nothing stored" in err
    assert list(Document.objects.values_list("filename", flat=True)) == ["good.txt"]


def test_a_duplicate_that_loses_the_race_is_reported_as_already_ingested(db, monkeypatch):
    """Two processes can both find no document with this text, then both try to store it: the
    unique sha256 stops the second, which must then say "already ingested", not fail."""
    extract_document = ingest.extract_document

    def other_process_stores_it_meanwhile(text, **kwargs):
        Document.objects.create(text=text, filename="other.txt")
        return extract_document(text, **kwargs)

    monkeypatch.setattr(ingest, "extract_document", other_process_stores_it_meanwhile)
    result = ingest.ingest_text(ARTICLE, "mine.txt")
    assert result.duplicate
    assert result.document.filename == "other.txt"
    assert "already ingested" in result.summary()
    assert Document.objects.count() == 1


def test_a_bad_publication_date_is_a_clear_error():
    with pytest.raises(CommandError, match="--published: publication date '28/04/2023' is not YYYY-MM-DD"):
        call_command("ingest", "x.txt", "--published", "28/04/2023")


def test_the_command_exits_non_zero_when_a_file_failed(tmp_path):
    done = subprocess.run(
        [sys.executable, "manage.py", "ingest", str(tmp_path / "missing.txt")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    assert "missing.txt: error: no such file or folder" in done.stderr
