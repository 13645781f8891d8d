from __future__ import annotations

import pytest

from vigil.errors import InputError
from vigil.readers.decode import decode


def test_utf8_with_bom_and_crlf_kept_verbatim() -> None:
    text, enc = decode("\ufeffРодился в 1900 г.\r\n".encode(), "a.txt")
    assert enc == "utf-8"
    assert text == "Родился в 1900 г.\r\n"


def test_cp1251_is_detected() -> None:
    text, enc = decode("Фамилия;Имя\nИванов;Иван\n".encode("cp1251"), "a.csv")
    assert enc == "cp1251"
    assert text.startswith("Фамилия;Имя")


@pytest.mark.parametrize(
    ("data", "reason", "line"),
    [
        (b"", "empty file", None),
        (b"  \n\n", "empty file", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", None),
        ("line one\nCafé Müller, Zürich\n".encode("latin-1"), "not UTF-8 or cp1251", 2),
    ],
)
def test_bad_input_names_file_line_and_reason(data: bytes, reason: str, line: int | None) -> None:
    with pytest.raises(InputError) as exc:
        decode(data, "bad.txt")
    assert exc.value.path == "bad.txt"
    assert reason in exc.value.reason
    assert exc.value.line == line
    assert str(exc.value).startswith("bad.txt")
