"""A listing file's lines, decoded as they are read, so a file of any size streams.

A listing is UTF-8 (with or without a byte-order mark) or UTF-16/32 with one. Lines end
with CRLF, LF or CR, in any mix. The first NUL or byte that is not valid text is
an ``ImportFileError`` naming its line (and, in UTF-8, its byte).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from catalog.domain.errors import ImportFileError
from catalog.domain.wording import QT_TRANSLATE_NOOP

CHUNK = 1 << 20
"""Bytes read at a time."""

LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE): codec, name shown.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
)


def line_of(prefix: str) -> int:
    """The 1-based line on which the text that follows ``prefix`` starts."""
    return len(LINE_BREAK.findall(prefix)) + 1


def binary_data(path: str, line: int) -> ImportFileError:
    """The error for a NUL character on ``line``."""
    return ImportFileError(
        path, QT_TRANSLATE_NOOP("Errors", "binary data at line {at}"), line, at=line
    )


def file_chunks(path: Path) -> Iterator[bytes]:
    """The bytes of a file, a chunk at a time."""
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                yield chunk
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None


def decoded_lines(chunks: Iterable[bytes], path: str) -> Iterator[str]:
    """Each line of the text the chunks hold, without its line break, in order.

    As ``LINE_BREAK.split`` gives them on the whole text: a text ending with a line
    break ends with an empty line. A byte-order mark is not part of the first line.
    """
    stream = iter(chunks)
    head = b""
    for chunk in stream:  # enough bytes to see the longest byte-order mark
        head += chunk
        if len(head) >= 4:
            break
    codec, name, skipped = "utf-8", "UTF-8", 0
    for mark, mark_codec, mark_name in _MARKS:
        if head.startswith(mark):
            codec, name, skipped = mark_codec, mark_name, len(mark)
            break
    decoder = codecs.getincrementaldecoder(codec)("strict")
    done = 0  # lines given so far
    rest = ""  # text after the last line break given
    fed = skipped  # bytes given to the decoder, counted from the file's start
    for data in chain([head[skipped:]], stream, [b""]):
        final = not data
        waiting: bytes = decoder.getstate()[0]  # bytes of a character cut by the chunk
        # In UTF-8 a NUL byte is a NUL character: the first problem in the file is named.
        nul = data.find(b"\x00") if codec == "utf-8" else -1
        try:
            text = decoder.decode(data if nul < 0 else data[:nul], final)
        except UnicodeDecodeError as error:
            before = error.object[: error.start].decode(codec, errors="replace")
            line = done + line_of(rest + before)
            if codec != "utf-8":
                reason = QT_TRANSLATE_NOOP("Errors", "not {encoding} text at line {at}")
                raise ImportFileError(path, reason, line, encoding=name, at=line) from None
            byte = fed - len(waiting) + error.start + 1
            reason = QT_TRANSLATE_NOOP("Errors", "not UTF-8 text at line {at} (byte {byte})")
            raise ImportFileError(path, reason, line, at=line, byte=byte) from None
        if nul >= 0:
            raise binary_data(path, done + line_of(rest + text))
        fed += len(data)
        if (nul_char := text.find("\x00")) >= 0:
            raise binary_data(path, done + line_of(rest + text[:nul_char]))
        buffer = rest + text
        if final:
            yield from LINE_BREAK.split(buffer)
            return
        # A CR at the end may be the first half of a CRLF: it waits for the next chunk.
        held = "\r" if buffer.endswith("\r") else ""
        lines = LINE_BREAK.split(buffer[: len(buffer) - len(held)])
        rest = lines.pop() + held
        done += len(lines)
        yield from lines
