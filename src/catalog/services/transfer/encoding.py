"""Which text encoding another system's file uses, and whether we can be sure.

Files from other systems come as UTF-8 (with or without a byte-order mark), UTF-16 from
Excel's "Unicode text", or a Windows code page (cp1252 in Western Europe, cp1251 for
Cyrillic). A byte-order mark settles it; a file that decodes as UTF-8 from end to end is
UTF-8 (other encodings almost never produce valid multi-byte UTF-8 by chance). Otherwise
charset-normalizer guesses from the first megabyte, and the guess counts as *confident*
only when the plausible candidates decode the sample to the same text, or one reading is
clearly the most coherent language. A file that holds
valid UTF-8 sequences but is not UTF-8 throughout (part UTF-8, part cp1252: two files
pasted together) is never confident: the user has to choose, since any choice garbles
part of it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from catalog.domain.errors import ImportFileError
from catalog.domain.wording import QT_TRANSLATE_NOOP

SAMPLE_BYTES = 1024 * 1024
"""How much of the file charset-normalizer looks at."""

_BOMS = (  # UTF-32 LE starts with the UTF-16 LE mark, so it is tried first
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A multi-byte UTF-8 sequence (two to four bytes): in a file that is not UTF-8, a sign
# that part of it is.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Among candidates that decode the sample alike, the name to report.
_PREFERRED = ("cp1252", "cp1251", "utf_8", "utf_16", "iso8859_1", "koi8_r", "cp1250")
_CHAOS_LIMIT = 0.2  # charset-normalizer's "mess" ratio above which text is not trusted
_CHAOS_MARGIN = 0.05  # candidates this close to the best one are plausible too
_COHERENCE_LEAD = 0.05  # how far the best reading must lead a different one


@dataclass(frozen=True)
class Detection:
    """The encoding to read a file with, and whether the guess can be trusted."""

    encoding: str
    confident: bool


def detect(path: Path) -> Detection:
    """Guess the text encoding of ``path`` (see the module's description)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SAMPLE_BYTES)
            for mark, name in _BOMS:
                if head.startswith(mark):
                    return Detection(name, True)
            if _few_nuls(head) and _is_utf8(head, handle):
                return Detection("utf-8", True)
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None
    if b"\x00" not in head and _UTF8_SEQUENCE.search(head):
        return Detection("utf-8", False)  # part UTF-8, part something else
    return _guess(head)


def _few_nuls(head: bytes) -> bool:
    """True when NUL bytes are too rare for UTF-16 or UTF-32 (where every second or fourth
    byte of Latin text is one): a UTF-8 file with a stray NUL is still UTF-8."""
    return head.count(b"\x00") * 8 < len(head)


def _is_utf8(head: bytes, rest: BinaryIO) -> bool:
    """True when the head and the rest of the open file decode as UTF-8, read piecewise."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head)
        while chunk := rest.read(SAMPLE_BYTES):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _guess(head: bytes) -> Detection:
    """charset-normalizer's guess, confident when the plausible candidates agree.

    Candidates about as clean as the best one (``_CHAOS_MARGIN``) are grouped by the text
    they decode to; different texts need a clear lead in language coherence (short
    Cyrillic text reads almost as well in mac_cyrillic as in cp1251).
    """
    from charset_normalizer import from_bytes  # loaded only for files that need it

    matches = list(from_bytes(head))
    if not matches:
        return Detection("cp1252", False)
    best = min(m.chaos for m in matches)
    groups: dict[str, list[tuple[float, str]]] = {}
    for m in matches:
        if m.chaos <= best + _CHAOS_MARGIN:
            groups.setdefault(str(m), []).append((m.coherence, m.encoding))
    ranked = sorted((max(group) for group in groups.values()), reverse=True)
    lead = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else 1.0
    text = next(t for t, group in groups.items() if max(group) == ranked[0])
    names = [name for _, name in groups[text]]
    chosen = next((n for n in _PREFERRED if n in names), ranked[0][1])
    return Detection(chosen, best <= _CHAOS_LIMIT and lead >= _COHERENCE_LEAD)


def resolve(path: Path, chosen: str | None) -> str:
    """The encoding to read ``path`` with: the one chosen, else a confident detection.

    Raises ImportFileError asking the user to choose when detection is unsure.
    """
    if chosen:
        try:
            return codecs.lookup(chosen).name
        except LookupError:
            raise ImportFileError(
                str(path),
                QT_TRANSLATE_NOOP("Errors", "unknown text encoding {encoding}"),
                encoding=repr(chosen),
            ) from None
    found = detect(path)
    if not found.confident:
        raise ImportFileError(
            str(path),
            QT_TRANSLATE_NOOP(
                "Errors",
                "the encoding could not be determined with confidence; choose it "
                "(best guess: {encoding}; the file may mix encodings)",
            ),
            encoding=found.encoding,
        )
    return found.encoding


def open_text(path: Path, encoding: str) -> TextIO:
    """The file opened for reading as text, line ends kept for the csv module.

    Decoding errors surface as UnicodeDecodeError while reading; callers turn them into
    ImportFileError with the line they were on.
    """
    try:
        return path.open("r", encoding=encoding, errors="strict", newline="")
    except OSError as error:
        raise ImportFileError.unreadable(str(path), error) from None
