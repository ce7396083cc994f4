"""Bytes to text: encodings, newline and control clean-up, refusals."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from reader.model.text.loading import (
    DEFAULT_MAX_BYTES,
    Loaded,
    LoadError,
    load_bytes,
    load_path,
    normalize,
    too_large,
)
from tests import hostile

# --- encodings -------------------------------------------------------------------

EXPECTED_CODEC = {
    "utf-8": "utf-8",
    "utf-8-bom": "utf-8-sig",
    "gb18030": "gb18030",
    "utf-16-le-bom": "utf-16",
    "utf-16-be-bom": "utf-16",
    "utf-16-le": "utf-16-le",
    "utf-16-be": "utf-16-be",
    "utf-32-bom": "utf-32",
}


@pytest.mark.parametrize("variant", sorted(hostile.SAMPLE_ENCODINGS))
def test_sample_in_every_encoding_decodes_to_the_sample(variant: str, seed_text: str) -> None:
    data = hostile.SAMPLE_ENCODINGS[variant](seed_text)
    loaded = load_bytes(data)
    assert loaded.text == seed_text
    assert loaded.encoding == EXPECTED_CODEC[variant]


def test_the_sample_comes_through_unchanged(seed_text: str) -> None:
    assert normalize(seed_text) is seed_text
    assert load_path(hostile.SEED).text == seed_text


@pytest.mark.parametrize("codec", ["big5", "gb18030", "utf-8", "utf-16"])
def test_traditional_chinese(codec: str) -> None:
    loaded = load_bytes(hostile.TRADITIONAL.encode(codec))
    assert loaded.text == hostile.TRADITIONAL
    assert loaded.encoding in {codec, "utf-16"}


def test_big5_is_not_read_as_gb18030() -> None:
    # Big5 bytes decode without error as GB18030 too; only scoring tells them apart.
    data = hostile.TRADITIONAL.encode("big5")
    assert data.decode("gb18030") != hostile.TRADITIONAL
    assert load_bytes(data).encoding == "big5"


def test_english_cp1252_with_smart_quotes() -> None:
    text = "He said “hello” — then left. It’s a café.\n" * 3
    loaded = load_bytes(text.encode("cp1252"))
    assert (loaded.text, loaded.encoding) == (text, "cp1252")


def test_cyrillic_is_not_read_as_cp1252() -> None:
    text = "Все люди рождаются свободными и равными в своём достоинстве.\n" * 4
    loaded = load_bytes(text.encode("cp1251"))
    assert loaded.text == text


@pytest.mark.parametrize("make", [hostile.crlf, hostile.lone_cr, hostile.mixed_endings])
def test_line_endings_become_lf(make: object, seed_text: str) -> None:
    assert callable(make)
    loaded = load_bytes(make(seed_text))
    assert loaded.text == seed_text


def test_crlf_with_bom_in_utf16(seed_text: str) -> None:
    data = seed_text.replace("\n", "\r\n").encode("utf-16")
    assert load_bytes(data).text == seed_text


def test_sprinkled_invalid_bytes_stay_utf8(seed_text: str) -> None:
    data, expected = hostile.sprinkled_invalid(seed_text)
    loaded = load_bytes(data)
    assert loaded.encoding == "utf-8"
    assert loaded.text == expected
    assert loaded.text.count("\ufffd") == expected.count("\ufffd") > 10


def test_one_gbk_paragraph_in_utf8_is_read_as_gbk(seed_text: str) -> None:
    loaded = load_bytes(hostile.gbk_paragraph(seed_text))
    assert loaded.encoding == "utf-8"
    assert loaded.text == seed_text


def test_a_damaged_line_that_is_not_chinese_gets_replacement_chars() -> None:
    data = "第一行中文内容很长很长。\n".encode() * 20 + b"bad \xc3\x28 byte\n"
    loaded = load_bytes(data)
    assert loaded.text.endswith("bad \ufffd( byte\n")


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n", b"  \n\t\n\r\n   \n", b"\xef\xbb\xbf"])
def test_empty_and_blank_files_open(data: bytes) -> None:
    loaded = load_bytes(data)
    assert loaded.text.strip() == ""
    assert "\r" not in loaded.text


# --- binary ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (hostile.png(), "PNG image"),
        (hostile.gzip_data(), "gzip data"),
        (hostile.random_bytes(), None),
        (hostile.random_bytes_without_nul(), None),
        (hostile.nul_bytes(), "contains NUL bytes"),
        (b"\xff\xfe" + hostile.random_bytes(4000, seed=9), None),
    ],
    ids=["png", "gzip", "random", "random-no-nul", "nul", "fake-utf16-bom"],
)
def test_binary_is_refused(data: bytes, label: str | None) -> None:
    with pytest.raises(LoadError) as caught:
        load_bytes(data, name="x.txt")
    message = str(caught.value)
    assert message.startswith("x.txt: binary file (")
    assert "\n" not in message
    if label is not None:
        assert f"({label})" in message


def test_a_text_starting_like_a_signature_still_opens() -> None:
    assert load_bytes(b"BZh is how bzip2 files begin.\n").text.startswith("BZh")


# --- control characters --------------------------------------------------------------


def test_terminal_escapes_are_removed_whole() -> None:
    data, expected = hostile.terminal_escapes()
    text = load_bytes(data).text
    assert text == expected
    for char in text:
        assert char == "\n" or (ord(char) >= 0x20 and not 0x7F <= ord(char) <= 0x9F)


def test_bidi_overrides_and_zero_width_junk_go_zwj_stays() -> None:
    data, expected = hostile.bidi_and_zero_width()
    assert load_bytes(data).text == expected


def test_unterminated_osc_keeps_the_rest_of_the_line() -> None:
    assert normalize("a\x1b]52;c;abc\nnext") == "a52;c;abc\nnext"


def test_form_feed_and_separators() -> None:
    # A form feed is a page break: a line break of its own, never deleted (issue 12).
    assert normalize("page 1\n\x0c\npage 2\u2028x\u2029y") == "page 1\n\n\npage 2\nx\ny"


def test_lone_surrogates_become_replacement() -> None:
    assert normalize("a\ud800b") == "a\ufffdb"


# --- speed -----------------------------------------------------------------------


def test_a_5mb_line_loads_fast(tmp_path: Path) -> None:
    path = hostile.write(tmp_path, "long.txt", hostile.long_line())
    began = time.perf_counter()
    loaded = load_path(path)
    elapsed = time.perf_counter() - began
    assert "\n" not in loaded.text and len(loaded.text) > 1_500_000
    assert elapsed < 2.0


def test_normalize_with_controls_is_linear() -> None:
    text = ("正文\x1b[31m红色\x1b[0m\r\n" * 200_000) + "end"
    began = time.perf_counter()
    result = normalize(text)
    assert time.perf_counter() - began < 2.0
    assert result.count("\n") == 200_000 and "\x1b" not in result


# --- files ---------------------------------------------------------------------


def test_load_path_reports_the_path_as_given(tmp_path: Path) -> None:
    path = hostile.write(tmp_path, "a.txt", "文本\r\n".encode("gb18030"))
    loaded = load_path(str(path))
    assert loaded == Loaded("文本\n", "gb18030", str(path))


def _reason(path: str | Path, **kwargs: int) -> str:
    with pytest.raises(LoadError) as caught:
        load_path(path, **kwargs)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    assert "\n" not in caught.value.reason
    return caught.value.reason


def test_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.txt") == "no such file"


def test_missing_folder_in_path(tmp_path: Path) -> None:
    file = hostile.write(tmp_path, "f.txt", b"x")
    assert _reason(file / "below.txt").startswith("no such file")


def test_directory(tmp_path: Path) -> None:
    assert _reason(tmp_path) == "is a directory"


def test_dangling_symlink(tmp_path: Path) -> None:
    assert _reason(hostile.make_dangling_symlink(tmp_path)).startswith("dangling symlink")


def test_symlink_loop(tmp_path: Path) -> None:
    assert _reason(hostile.make_symlink_loop(tmp_path)) == "symlink loop"


def _in_thread(path: Path) -> str:
    """The refusal reason for ``path``, failing if loading blocks."""
    result: list[str] = []

    def run() -> None:
        try:
            load_path(path)
        except LoadError as error:
            result.append(error.reason)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), f"load_path({path}) blocked"
    assert result, "no LoadError"
    return result[0]


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    assert _in_thread(hostile.make_fifo(tmp_path)) == "not a regular file (FIFO)"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_character_devices_are_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.fail(f"{device} missing on this machine")
    assert _in_thread(Path(device)) == "not a regular file (character device)"


def test_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        assert _reason(path) == "not a regular file (socket)"
    finally:
        server.close()


def test_permission_denied_by_the_os(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = hostile.write(tmp_path, "secret.txt", b"text")
    # Tests run as root, where chmod 000 does not stop reads: make open refuse instead.
    real_open = os.open

    def refusing_open(target: str, flags: int, *args: int) -> int:
        if os.fspath(target) == str(path):
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, flags, *args)

    monkeypatch.setattr(os, "open", refusing_open)
    assert _reason(path) == "permission denied"


def test_permission_denied_by_mode(tmp_path: Path) -> None:
    path = hostile.write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    try:
        if os.geteuid() == 0:  # root reads anyway; the file opens.
            assert load_path(path).text == "text"
        else:
            assert _reason(path) == "permission denied"
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_too_large(tmp_path: Path) -> None:
    path = hostile.write(tmp_path, "big.txt", b"x" * (3 * 1024 * 1024))
    assert _reason(path, max_bytes=1024 * 1024) == "too large: 3.0 MB, limit 1.0 MB"
    assert load_path(path, max_bytes=3 * 1024 * 1024).text == "x" * (3 * 1024 * 1024)


def test_too_large_messages() -> None:
    assert too_large(600 * 1024 * 1024, DEFAULT_MAX_BYTES) == "too large: 600 MB, limit 512 MB"
    assert too_large(11, 10) == "too large: 11 bytes, limit 10 bytes"


def test_proc_files_with_zero_size_are_read_to_the_end() -> None:
    proc = Path("/proc/self/status")
    if not proc.exists():
        pytest.fail("/proc is not mounted")
    assert "Name:" in load_path(proc).text


def test_name_with_control_characters_is_kept_as_given(tmp_path: Path) -> None:
    path = tmp_path / "bad\x1b[2Jname\n.txt"
    assert _reason(path) == "no such file"
