"""A FakeCatalogService for widget tests: records in memory, the real query parser.

It answers what the window asks (search, summaries, detail, facets, import, export)
from a list of RecordDetail values, and records every call so tests can check what the
window asked for. ``fail`` makes a method raise, to test error paths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from catalog.domain import query_ast as q
from catalog.domain.changes import ChangeSet
from catalog.domain.dates import split_day_key
from catalog.domain.errors import RecordNotFound
from catalog.domain.names import fold, name_key, tokens
from catalog.domain.query import format_clause, parse_query
from catalog.domain.records import (
    ChangeEntry,
    Facet,
    FacetValue,
    ImportReport,
    RecordDetail,
    RecordInput,
    RecordSummary,
)
from catalog.domain.views import DEFAULT_FACETS, FacetName, SortKey, SortOrder
from catalog.services.catalog import Refresh, SearchResult, Watcher
from catalog.services.citations import Citations, CitationStyle, cite
from catalog.services.editing.editor import Editor
from catalog.services.exporting import configured_exporter
from catalog.services.import_matching import DuplicatePolicy
from catalog.services.import_plan import ImportPlan, Issue, RecordPreview, Severity
from catalog.services.jobs import Progress, ProgressCallback, no_progress
from catalog.services.transfer.export_options import EVERYTHING, ExportOptions, Extra
from catalog.services.transfer.registry import Importer, Registry
from catalog.ui.jobs.runner import ImmediateJobRunner
from tests.ui.records import full_detail, make_detail, sample_details

__all__ = [
    "FakeCatalogService",
    "ImmediateJobRunner",
    "ManualRunner",
    "full_detail",
    "make_detail",
    "sample_details",
]


@dataclass
class FakeExporter:
    """Writes one title per line."""

    name: str = "lines"
    label: str = "Plain lines"
    suffix: str = ".txt"
    carries: frozenset[Extra] = frozenset({Extra.NOTES})

    def write(self, records: Iterable[RecordDetail], out: Path) -> int:
        lines = [record.title for record in records]
        out.write_text("\n".join(lines), encoding="utf-8")
        return len(lines)


@dataclass
class FakeImporter:
    """Never used to read: the fake service decides what an import yields."""

    name: str = "fake"
    label: str = "Fake format"

    def sniff(self, head: bytes, path: Path) -> bool:
        return True

    def read(self, path: Path) -> Iterator[RecordInput]:
        return iter(())


@dataclass
class FakeCatalogService:
    """CatalogService's window-facing methods over records in memory.

    Attributes:
        records: the catalogue, by id.
        calls: (method, arguments) of every call, in order.
        fail: method name -> exception to raise on the next calls to it.
        index_ready: whether a large result's facets are counted at once (as the real
            service does once its search index is ready).
        imports: file name -> the records an import of that file adds.
    """

    records: dict[int, RecordDetail] = field(default_factory=dict)
    location: str = "/home/archivist/Soviet Koreans.catalog"
    calls: list[tuple[str, Any]] = field(default_factory=list)
    fail: dict[str, BaseException] = field(default_factory=dict)
    index_ready: bool = True
    imports: dict[str, list[RecordDetail]] = field(default_factory=dict)
    editor: Editor | None = None  # no editing dialogs: editing tests use the real service
    read_only_reason: str = ""
    language_of_sort: str = ""
    attachment_folder: Path | None = None
    exported: list[tuple[list[int], str, Path]] = field(default_factory=list)
    export_options: list[ExportOptions] = field(default_factory=list)
    registry: Registry = field(
        default_factory=lambda: Registry(
            importers={"fake": FakeImporter()},
            exporters={"lines": FakeExporter(), "csv": FakeExporter("csv", "CSV", ".csv")},
        )
    )

    @classmethod
    def with_sample(cls) -> FakeCatalogService:
        return cls({d.id: d for d in sample_details()})

    @property
    def read_only(self) -> bool:
        return bool(self.read_only_reason)

    def _called(self, name: str, args: Any = None) -> None:
        self.calls.append((name, args))
        if name in self.fail:
            raise self.fail[name]

    def called(self, name: str) -> list[Any]:
        """Arguments of every call to one method."""
        return [args for method, args in self.calls if method == name]

    # ------------------------------------------------------------------ reads

    def count(self) -> int:
        self._called("count")
        return len(self.records)

    def search(
        self,
        query: str,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
        limit: int | None = None,
        *,
        then: Sequence[SortOrder] = (),
    ) -> SearchResult:
        self._called("search", (query, sort, descending))
        node = parse_query(query)
        found = [d for d in self.records.values() if matches(node, d)]
        for key in reversed([SortOrder(sort, descending), *then]):  # stable: last key first
            found.sort(key=lambda d, k=key.key: sort_value(d, k), reverse=key.descending)
        ids = [d.id for d in found]
        if limit is not None:
            return SearchResult(query, node, ids[:limit], len(ids))
        return SearchResult(query, node, ids)

    def summaries(self, ids: Sequence[int]) -> list[RecordSummary]:
        self._called("summaries", [int(i) for i in ids])
        return [
            RecordSummary(
                d.id,
                d.title,
                d.date,
                d.doc_type,
                d.archive,
                min(d.languages, default=""),
                tuple(a.name for a in d.authorities if a.kind.value == "person"),
            )
            for d in (self.records.get(int(i)) for i in ids)
            if d is not None
        ]

    def history(self, record_id: int) -> list[ChangeEntry]:
        self._called("history", record_id)
        detail = self.detail(record_id)
        return [ChangeEntry(detail.created, "archivist", "insert")]

    def watch(
        self, on_changes: Callable[[ChangeSet], None], on_state: Callable[[bool, str], None]
    ) -> Watcher | None:
        self._called("watch")
        return None

    def citations(self, ids: Sequence[int], style: CitationStyle) -> Citations:
        self._called("citations", (list(ids), style))
        return cite([self.detail(i) for i in ids], style)

    def detail(self, record_id: int) -> RecordDetail:
        self._called("detail", record_id)
        try:
            return self.records[record_id]
        except KeyError:
            raise RecordNotFound(f"Record {record_id} is not in the catalogue.") from None

    def facets(
        self, query: str, names: Sequence[FacetName] = DEFAULT_FACETS, limit: int | None = 50
    ) -> list[Facet]:
        self._called("facets", (query, tuple(names)))
        node = parse_query(query)
        hits = [d for d in self.records.values() if matches(node, d)]
        return [facet_of(name, hits, limit) for name in names]

    def refresh(
        self,
        query: str,
        sort: SortKey = SortKey.DATE,
        descending: bool = False,
        facets: Mapping[FacetName, int | None] | None = None,
        *,
        defer_facets: bool = False,
        then: Sequence[SortOrder] = (),
    ) -> Refresh:
        self._called("refresh", (query, sort, descending, tuple(then)))
        result = self.search(query, sort, descending, then=then)
        if defer_facets and not self.index_ready:
            return Refresh(result, [], self.count(), facets_pending=True)
        limits = facets if facets is not None else dict.fromkeys(DEFAULT_FACETS, 50)
        counted = [f for name, limit in limits.items() for f in self.facets(query, [name], limit)]
        return Refresh(result, counted, self.count())

    def prepare_index(self) -> None:
        self._called("prepare_index")
        self.index_ready = True

    # ------------------------------------------------------------------ writes

    def import_file(
        self,
        path: Path,
        format_name: str | None = None,
        *,
        dry_run: bool = False,
        progress: ProgressCallback = no_progress,
        duplicates: DuplicatePolicy | None = None,
        expected: Mapping[int, int] | None = None,
        importer: Importer | None = None,
    ) -> tuple[ImportReport, ChangeSet]:
        self._called("import_file", Path(path))
        return self._add(str(path), self.imports.get(Path(path).name, []), progress)

    def plan_import(
        self,
        path: Path,
        format_name: str | None = None,
        progress: ProgressCallback = no_progress,
        importer: Importer | None = None,
    ) -> ImportPlan:
        """A plan of what ``imports`` holds for the file (no duplicates, no issues)."""
        self._called("plan_import", Path(path))
        details = self.imports.get(Path(path).name, [])
        importer = importer or self.registry.importer(format_name or "fake")
        plan = ImportPlan(str(path), importer.name, importer.label, records=len(details))
        plan.preview = [
            RecordPreview(n + 2, d.title, d.date.text, "", d.doc_type, d.archive, "", "", "", "")
            for n, d in enumerate(details)
        ]
        if not details:
            plan.issues.append(
                Issue(str(path), None, "", "the file holds no records", Severity.ERROR)
            )
        return plan

    def load_sample(
        self, progress: ProgressCallback = no_progress
    ) -> tuple[ImportReport, ChangeSet]:
        self._called("load_sample")
        return self._add(
            "sample-listing.txt", sample_details(max(self.records, default=0) + 1), progress
        )

    def sort_keys_outdated(self) -> bool:
        return False  # fakes hold no sort keys

    def sort_language(self) -> str:
        return self.language_of_sort

    def remake_sort_keys(
        self, progress: ProgressCallback = no_progress, language: str | None = None
    ) -> ChangeSet:
        self._called("remake_sort_keys")
        if language is not None:
            self.language_of_sort = language
        return ChangeSet()

    def export(
        self,
        ids: Sequence[int],
        format_name: str,
        output: Path,
        progress: ProgressCallback = no_progress,
        options: ExportOptions = EVERYTHING,
    ) -> int:
        self._called("export", (list(ids), format_name, Path(output)))
        exporter = configured_exporter(self.registry, format_name, options)
        for n in range(len(ids)):
            progress(Progress(n, len(ids)))
        written = exporter.write([options.trimmed(self.records[i]) for i in ids], Path(output))
        self.exported.append((list(ids), format_name, Path(output)))
        self.export_options.append(options)
        return written

    def _add(
        self, path: str, details: list[RecordDetail], progress: ProgressCallback
    ) -> tuple[ImportReport, ChangeSet]:
        progress(Progress(0, message=f"Reading {Path(path).name}"))
        added: list[RecordDetail] = []
        next_id = max(self.records, default=0) + 1
        for n, detail in enumerate(details):
            progress(Progress(n, len(details)))
            added.append(replace(detail, id=next_id + n))
        for detail in added:  # only now: a cancelled import leaves nothing behind
            self.records[detail.id] = detail
        ids = tuple(d.id for d in added)
        report = ImportReport(path, "fake", len(added), 0, False, (), ids)
        return report, ChangeSet(added=frozenset(ids), facets=True)


# ---------------------------------------------------------------------- matching


def _text_of(detail: RecordDetail) -> list[str]:
    notes = " ".join(a.text for a in detail.annotations)
    return tokens(f"{detail.title} {detail.summary} {notes}")


def matches(node: q.Node, detail: RecordDetail) -> bool:
    """Whether a record matches a query tree (the subset of the language tests use)."""
    if isinstance(node, q.MatchAll):
        return True
    if isinstance(node, q.And):
        return all(matches(item, detail) for item in node.items)
    if isinstance(node, q.Or):
        return any(matches(item, detail) for item in node.items)
    if isinstance(node, q.Not):
        return not matches(node.item, detail)
    if isinstance(node, q.TextTerm):
        words = _text_of(detail)
        return all(
            any(w.startswith(t) if node.prefix else w == t for w in words) for t in node.tokens
        )
    if isinstance(node, q.FacetTerm):
        return node.key in _facet_keys(node.field, detail)
    if isinstance(node, q.DateTerm):
        lower = detail.date.lower
        if lower is None:
            return False
        return (node.lower is None or lower >= node.lower) and (
            node.upper is None or lower <= node.upper
        )
    return False


def _facet_keys(field: q.FacetField, detail: RecordDetail) -> set[str]:
    if field is q.FacetField.TYPE:
        return {fold(detail.doc_type)}
    if field is q.FacetField.TAG:
        return {fold(t) for t in detail.tags}
    if field is q.FacetField.LANGUAGE:
        return {fold(t) for t in detail.languages}
    if field is q.FacetField.COLLECTION:
        return {fold(t) for t in detail.collections}
    if field is q.FacetField.ARCHIVE:
        return {name_key(detail.archive)}
    return {name_key(a.name) for a in detail.authorities if a.kind.value == field.value}


def sort_value(detail: RecordDetail, sort: SortKey) -> tuple[Any, ...]:
    if sort is SortKey.TITLE:
        return (fold(detail.title), detail.id)
    if sort is SortKey.TYPE:
        return (fold(detail.doc_type), detail.id)
    if sort is SortKey.ARCHIVE:
        return (fold(detail.archive), detail.id)
    if sort is SortKey.LANGUAGE:
        return (min((fold(x) for x in detail.languages), default=""), detail.id)
    if sort is SortKey.ID:
        return (detail.id,)
    lower = detail.date.lower
    return (lower is None, lower or 0, detail.id)


def facet_of(name: FacetName, hits: list[RecordDetail], limit: int | None) -> Facet:
    counts: dict[Any, int] = {}
    for detail in hits:
        for value in _facet_values(name, detail):
            counts[value] = counts.get(value, 0) + 1
    if name in (FacetName.YEAR, FacetName.DECADE, FacetName.MONTH):
        ordered = sorted(counts.items())
    else:
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    values = []
    for value, count in ordered[:limit]:
        if name is FacetName.YEAR:
            values.append(FacetValue(str(value), count, f"date:{value}"))
        elif name is FacetName.DECADE:
            values.append(FacetValue(f"{value}s", count, f"date:{value}s"))
        elif name is FacetName.MONTH:
            values.append(FacetValue(value, count, f"date:{value}"))
        elif name is FacetName.HAS:
            values.append(FacetValue(str(value).capitalize(), count, f"has:{value}"))
        else:
            values.append(FacetValue(str(value), count, format_clause(name.value, str(value))))
    return Facet(name.value, name.value.title(), tuple(values))


def _facet_values(name: FacetName, detail: RecordDetail) -> list[Any]:
    year = split_day_key(detail.date.lower)[0] if detail.date.lower is not None else None
    if name is FacetName.YEAR:
        return [] if year is None else [year]
    if name is FacetName.DECADE:
        return [] if year is None else [year // 10 * 10]
    if name is FacetName.MONTH:
        date = detail.date
        if date.lower is None or date.upper is None or date.lower // 100 != date.upper // 100:
            return []
        year, month = split_day_key(date.lower)[:2]
        return [f"{year}-{month:02d}"]
    if name is FacetName.HAS:
        present = {
            "notes": bool(detail.annotations),
            "relations": bool(detail.relations),
            "attachments": bool(detail.attachments),
        }
        return [what for what, yes in present.items() if yes]
    if name is FacetName.TYPE:
        return [detail.doc_type] if detail.doc_type else []
    if name is FacetName.ARCHIVE:
        return [detail.archive] if detail.archive else []
    if name is FacetName.LANGUAGE:
        return list(detail.languages)
    if name is FacetName.TAG:
        return list(detail.tags)
    if name is FacetName.COLLECTION:
        return list(detail.collections)
    return [a.name for a in detail.authorities if a.kind.value == name.value]


# ---------------------------------------------------------------------- runners


class ManualRunner:
    """Holds jobs until the test finishes them, in any order (to test stale answers)."""

    def __init__(self) -> None:
        self.pending: list[tuple[Any, Any, Any, Any, Any]] = []

    def read(self, work: Any, on_done: Any, on_error: Any) -> None:
        self.pending.append((lambda _p: work(), on_done, on_error, None, None))

    def write(
        self, work: Any, on_done: Any, on_error: Any, on_progress: Any = None, token: Any = None
    ) -> None:
        self.pending.append((work, on_done, on_error, on_progress, token))

    def finish(self, index: int = 0) -> None:
        """Run one held job now and deliver its outcome."""
        work, on_done, on_error, on_progress, token = self.pending.pop(index)
        runner = ImmediateJobRunner()
        runner.write(work, on_done, on_error, on_progress, token)

    def finish_all(self) -> None:
        while self.pending:
            self.finish()

    def shutdown(self) -> None:
        self.pending.clear()
