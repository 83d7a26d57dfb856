"""Read a report file as text: plain text in UTF-8 first, GB18030 (which includes GBK) second; a
saved web page, a PDF page or a Word file through `data_prep.formats`; nothing else."""

from pathlib import Path

from data_prep import formats
from data_prep.errors import InputError

# Control characters that never occur in extracted newspaper text; many of them mean a binary file.
_CONTROL_BYTES = frozenset(set(range(0, 9)) | {11, 12} | set(range(14, 27)) | set(range(28, 32)))
# Share of non-ASCII characters that must be common (GB2312) characters for a GB18030 decoding to
# count as real Chinese text: GB18030 maps almost any byte string to *some* characters.
_MIN_COMMON_SHARE = 0.8


def _common_share(text: str) -> float:
    wide = [char for char in text if ord(char) > 127]
    if not wide:
        return 1.0
    common = 0
    for char in wide:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common / len(wide)


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """Return (text, encoding) for the bytes of `path`, or raise InputError naming it."""
    if not data.strip():
        raise InputError(path, "the file is empty", code="empty")
    if b"\x00" in data or sum(byte in _CONTROL_BYTES for byte in data[:4096]) > 8:
        raise InputError(path, "the file is binary, not text", code="binary")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        if error.reason == "unexpected end of data":
            raise InputError(
                path,
                "ends in the middle of a UTF-8 character: the file looks truncated",
                line,
                code="truncated",
            ) from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            text = ""
        if not text or _common_share(text) < _MIN_COMMON_SHARE:
            raise InputError(
                path,
                f"is neither UTF-8 (bad byte at offset {error.start}) nor GB18030 text",
                line,
                code="not_text",
            ) from None
        encoding = "gb18030"
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def text_of(data: bytes, path: Path | str) -> tuple[str, str]:
    """Return (text, how it was read) for a file's bytes: the text encoding, or html, pdf, docx."""
    if not data.strip():
        raise InputError(path, "the file is empty", code="empty")
    kind = formats.kind_of(data, str(path))
    if kind == "text":
        return decode(data, path)
    reader = {"html": formats.html_text, "pdf": formats.pdf_text, "docx": formats.docx_text}[kind]
    text = reader(data, str(path))
    return text.replace("\r\n", "\n").replace("\r", "\n"), kind


def read_text(path: Path | str) -> tuple[str, str]:
    """Read a file and return (text, how it was read); see `text_of`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror}") from None
    return text_of(data, path)
