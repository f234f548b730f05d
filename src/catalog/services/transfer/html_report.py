"""HTML report: one self-contained, printable page for reading and printing a selection.

The file is a single UTF-8 HTML5 document: a table of contents linking to every record,
then one ``<article>`` per record with every field, and the record's citation in the
Wilson Center Digital Archive's own style (``catalog.domain.citation``). It loads
nothing: the only CSS is the ``<style>`` element in the head, there are no images,
scripts or external links (a record's uid is written as text even when it is an address),
and a Content-Security-Policy ``<meta>`` forbids any load a browser might still attempt.
Every value goes through ``html.escape``; control characters that HTML forbids are
replaced by U+FFFD.

Memory stays bounded: the table of contents must come first, but the records arrive
once, as a stream. The exporter writes each record's article to a temporary file next to
``out`` as it arrives, keeps only the titles for the contents (a few dozen bytes a
record), then writes the head and the contents to ``out`` and copies the articles after
them.

The record fragments (``record_html``, ``contents_html``) are shared with the PDF report in
the UI layer, which lays the same markup out with Qt.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from catalog.domain.citation import archive_citation
from catalog.domain.dates import describe
from catalog.domain.errors import ExportError
from catalog.domain.records import AuthorityKind, AuthorityLink, RecordDetail
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.export_options import EVERY_EXTRA, Extra

UNTITLED = "(untitled)"
REPORT_TITLE = "Catalog report"

# C0 controls other than tab, LF and CR, DEL, the C1 controls, and noncharacters:
# an HTML5 parser reports each of them as an error.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0010fffe\U0010ffff]"
)

FONTS = (
    '"Noto Serif", "DejaVu Serif", "Times New Roman", '
    '"Noto Serif CJK KR", "Noto Serif CJK SC", "Source Han Serif", "Nanum Myeongjo", '
    '"Batang", "AppleMyungjo", "SimSun", "Songti SC", "Noto Sans CJK KR", '
    '"Noto Sans CJK SC", "Malgun Gothic", "Microsoft YaHei", serif'
)

CSS = f"""
body {{ font-family: {FONTS}; font-size: 11pt; line-height: 1.4; margin: 2em auto;
       max-width: 50em; color: #000; background: #fff; }}
h1 {{ font-size: 18pt; }}
h2 {{ font-size: 13pt; margin: 0 0 0.4em 0; }}
nav ol {{ padding-left: 2em; }}
article {{ border-top: 1px solid #888; padding-top: 0.6em; margin-top: 1.2em;
          break-inside: avoid-page; page-break-inside: avoid; }}
dl {{ margin: 0; }}
dt {{ font-weight: bold; margin-top: 0.3em; }}
dd {{ margin-left: 1.5em; }}
.text {{ white-space: pre-wrap; }}
.norm {{ color: #444; }}
.citation {{ margin-top: 0.6em; font-size: 10pt; }}
ul {{ margin: 0; padding-left: 1.2em; }}
@media print {{
  body {{ margin: 0; max-width: none; }}
  nav {{ break-after: page; page-break-after: always; }}
  a {{ color: inherit; text-decoration: none; }}
}}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def text(value: str) -> str:
    """A value as HTML text: escaped, with characters HTML forbids replaced."""
    return html.escape(_FORBIDDEN.sub("\ufffd", value), quote=True)


def anchor(index: int) -> str:
    """The id of the ``index``-th record's article (uids may be addresses, so not those)."""
    return f"rec-{index}"


def heading(record: RecordDetail) -> str:
    """The record's title on one line, or a placeholder for an empty title."""
    return heading_of(record.title)


def date_html(record: RecordDetail) -> str:
    """The date as the archive wrote it, then how Catalog understood it."""
    date = record.date
    verbatim = date.text.strip()
    normalised = describe(date) if date.edtf is not None else ""
    if not verbatim:
        return text(normalised) if normalised else ""
    if not normalised:
        return f'{text(verbatim)} <span class="norm">(not understood)</span>'
    return f'{text(verbatim)} <span class="norm">(normalised: {text(normalised)})</span>'


def _name(link: AuthorityLink, with_role: bool) -> str:
    extra = [str(link.role)] if with_role else []
    extra += [v for v in link.variants if v.strip()]
    suffix = f" ({'; '.join(extra)})" if extra else ""
    return text(link.name + suffix)


def _list(items: Sequence[str]) -> str:
    """Already escaped items as a list, or one item as it is."""
    if len(items) <= 1:
        return "".join(items)
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _fields(record: RecordDetail) -> list[tuple[str, str, bool]]:
    """(label, escaped value, is running text) for every non-empty field, in order."""
    links = record.authorities
    names = [
        _name(a, True)
        for a in links
        if a.kind in (AuthorityKind.PERSON, AuthorityKind.ORGANISATION) and a.name.strip()
    ]

    def of(kind: AuthorityKind) -> list[str]:
        return [_name(a, False) for a in links if a.kind is kind and a.name.strip()]

    notes = [
        text(n.text) + (f' <span class="norm">({text(n.author)})</span>' if n.author else "")
        for n in record.annotations
        if n.text.strip()
    ]
    relations = [
        f"{text(r.label)}: {text(heading_of(r.other_title))} "
        f'<span class="norm">({text(r.other_uid)})</span>'
        for r in record.relations
    ]
    attachments = [
        text(" · ".join(v for v in (a.path, a.role, a.language) if v.strip()))
        for a in record.attachments
    ]

    def plain(values: Iterable[str]) -> list[str]:
        return [text(v) for v in values if v.strip()]

    fields: list[tuple[str, list[str] | str, bool]] = [
        ("Date", date_html(record), False),
        ("Type", text(record.doc_type), False),
        ("Archive", text(record.archive), False),
        ("Source reference", text(record.source_ref), False),
        ("Classification", text(record.classification), False),
        ("Collections", plain(record.collections), False),
        ("Languages", text(", ".join(v for v in record.languages if v.strip())), False),
        ("Names", names, False),
        ("Subjects", of(AuthorityKind.SUBJECT), False),
        ("Places", of(AuthorityKind.PLACE), False),
        ("Repositories", of(AuthorityKind.REPOSITORY), False),
        ("Tags", text(", ".join(v for v in record.tags if v.strip())), False),
        ("Summary", text(record.summary.strip()), True),
        ("Notes", notes, True),
        ("Relations", relations, False),
        ("Attachments", attachments, False),
        ("Identifier", text(record.uid), False),
    ]
    result: list[tuple[str, str, bool]] = []
    for label, value, running in fields:
        rendered = _list(value) if isinstance(value, list) else value
        if rendered:
            result.append((label, rendered, running))
    return result


def heading_of(title: str) -> str:
    """A title on one line, or the placeholder."""
    return " ".join(title.split()) or UNTITLED


def record_html(record: RecordDetail, index: int) -> str:
    """One record as an ``<article>``: heading, fields, citation."""
    parts = [
        f'<article id="{anchor(index)}">\n',
        f"<h2>{text(heading(record))}</h2>\n",
        "<dl>\n",
    ]
    for label, value, running in _fields(record):
        css = ' class="text"' if running else ""
        parts.append(f"<dt>{label}</dt><dd{css}>{value}</dd>\n")
    parts.append("</dl>\n")
    parts.append(f'<p class="citation"><b>Cite as:</b> {text(archive_citation(record))}</p>\n')
    parts.append("</article>\n")
    return "".join(parts)


def head_html(title: str = REPORT_TITLE) -> str:
    """The document up to and including the report's heading."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{text(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<h1>{text(title)}</h1>\n"
    )


def contents_html(titles: Sequence[str], links: bool = True) -> str:
    """The table of contents: one entry per record, linking to its article if ``links``."""
    items = "".join(
        f'<li><a href="#{anchor(i)}">{text(t)}</a></li>\n' if links else f"<li>{text(t)}</li>\n"
        for i, t in enumerate(titles, start=1)
    )
    count = len(titles)
    noun = "record" if count == 1 else "records"
    return (
        f'<nav aria-label="Contents">\n<h2>Contents</h2>\n<p>{count} {noun}</p>\n'
        f"<ol>\n{items}</ol>\n</nav>\n"
    )


TAIL = "</body>\n</html>\n"


class HtmlReportExporter:
    """Writes records as one self-contained, printable HTML report."""

    name = "html"
    label = QT_TRANSLATE_NOOP("Formats", "HTML report (printable)")
    suffix = ".html"
    carries: frozenset[Extra] = EVERY_EXTRA

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        """Write every record to ``out``; return how many were written."""
        titles: list[str] = []
        uid = ""
        try:
            with tempfile.TemporaryFile(
                "w+", encoding="utf-8", newline="\n", dir=out.parent, prefix=".report-"
            ) as body:
                for record in records:
                    uid = record.uid
                    titles.append(heading(record))
                    body.write(record_html(record, len(titles)))
                uid = ""
                with out.open("w", encoding="utf-8", newline="\n") as handle:
                    handle.write(head_html())
                    handle.write(contents_html(titles))
                    _copy(body, handle)
                    handle.write(TAIL)
        except UnicodeEncodeError:
            raise ExportError.not_unicode(uid) from None
        except OSError as error:
            raise ExportError.cannot_write(out, error) from None
        return len(titles)


def _copy(source: TextIO, target: TextIO) -> None:
    source.flush()
    source.seek(0)
    shutil.copyfileobj(source, target, 1 << 20)
