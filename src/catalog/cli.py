"""The ``catalog`` command: the window, or the same services from a shell.

Exit status 0 on success; 1 with a one-line message on standard error for anything the
user can fix (a bad file, a malformed query, a locked catalogue), and nothing written.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from catalog import __version__
from catalog.domain.views import DEFAULT_FACETS, FacetName, SortKey

if TYPE_CHECKING:
    from catalog.domain.records import ImportReport
    from catalog.services.catalog import CatalogService
    from catalog.services.import_matching import DuplicatePolicy
    from catalog.services.transfer.export_options import ExportOptions
    from catalog.services.transfer.mapping import Mapping

PROG = "catalog"


def _records(n: int) -> str:
    """A count of records: "1 record", "15 records"."""
    return f"{n} record" if n == 1 else f"{n} records"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Catalog: a desktop catalogue of archival documents. With no command it"
        " opens the window; `catalog FILE...` opens it on the Import dialog for the files.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="catalogue to use: a SQLite file or a postgresql+psycopg:// URL "
        "(default: $CATALOG_DB, else your catalogue in the data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("import", help="import files into the catalogue")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--format", help="format of the files (default: detected from content)")
    p.add_argument("--dry-run", action="store_true", help="report what would be written")
    p.add_argument(
        "--mapping",
        type=Path,
        metavar="M.json",
        help="a saved column mapping for another system's CSV, XLSX, JSON or XML",
    )
    p.add_argument(
        "--duplicates",
        choices=["skip", "new", "update"],
        help="records the catalogue already holds (same identifier, or same date and a"
        " similar title): skip them, add them anyway, or update them"
        " (default: skip those with the same identifier only)",
    )

    p = commands.add_parser("search", help="print the records a query finds")
    p.add_argument("query", nargs="?", default="", help="query (see the README)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--limit", type=int, default=None, help="print at most N records")
    p.add_argument("--sort", choices=[k.value for k in SortKey], default=SortKey.DATE.value)
    p.add_argument("--descending", action="store_true")

    p = commands.add_parser("facets", help="print facet values with counts for a query")
    p.add_argument("query", nargs="?", default="")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20, help="values per facet (default 20)")
    p.add_argument("--facet", action="append", choices=[f.value for f in FacetName], dest="facets")

    p = commands.add_parser("export", help="export the records a query finds (default: all)")
    p.add_argument("query", nargs="?", default="")
    p.add_argument(
        "--format",
        required=True,
        help="json, csv, xlsx, csl-json, ris, bibtex, dc, oai-pmh, ead3, html or pdf",
    )
    p.add_argument("--output", required=True, type=Path, metavar="PATH")
    p.add_argument(
        "--columns",
        metavar="A,B,...",
        help="CSV and XLSX: the columns to write, in order (default: all)",
    )
    for extra in ("notes", "relations", "variants"):
        p.add_argument(
            f"--no-{extra}",
            action="store_true",
            help=f"leave out the records' {extra if extra != 'variants' else 'variant names'}",
        )
    p.add_argument("--bom", action="store_true", help="CSV: start with a byte-order mark")

    p = commands.add_parser("check", help="check the catalogue for damage")
    p.add_argument("--repair", action="store_true", help="apply the repairs that need no decision")

    p = commands.add_parser(
        "restore", help="put a backup in the catalogue's place (the old file is kept)"
    )
    p.add_argument("backup", nargs="?", type=Path, help="the backup (default: the newest good one)")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")

    p = commands.add_parser(
        "sort-order", help="show or choose the language whose order titles and names sort in"
    )
    p.add_argument(
        "language",
        nargs="?",
        help="an ICU locale such as sv, de@collation=phonebook or zh; 'root' for the default",
    )
    p.add_argument("--list", action="store_true", help="list the orders that can be chosen")

    p = commands.add_parser("backup", help="write a verified copy of the catalogue")
    p.add_argument("path", type=Path)

    p = commands.add_parser(
        "copy", help="copy a whole catalogue between SQLite and PostgreSQL (ignores --db)"
    )
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="PATH_OR_URL",
        help="the catalogue to copy: a SQLite file or a postgresql+psycopg:// URL",
    )
    p.add_argument(
        "--to",
        dest="destination",
        required=True,
        metavar="PATH_OR_URL",
        help="a new SQLite file or an empty PostgreSQL database",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``catalog`` command."""
    parser = build_parser()
    words, files = window_files(parser, sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(words)
    if args.command is None:
        from catalog.app import run_window

        return run_window(args.db, files)
    # Imported here so that --help and --version answer at once.
    from catalog.domain.errors import CatalogError
    from catalog.services.catalog import CatalogService
    from catalog.settings import resolve_target

    try:
        if args.command == "copy":  # two catalogues of its own, not --db
            return cmd_copy(args)
        if args.command == "restore":  # the catalogue may be too damaged to open
            return cmd_restore(resolve_target(args.db), args)
        reorders = args.command == "sort-order" and args.language is not None
        writes = reorders or args.command == "import" or getattr(args, "repair", False)
        service = CatalogService.open(
            resolve_target(args.db), user=getpass.getuser(), lock=writes, sort_keys_now=False
        )
        try:
            # Once after an upgrade (seconds at 1M records); a new order makes them anyway.
            if not reorders and service.sort_keys_outdated():
                print(f"{PROG}: updating the sort order of titles and names…", file=sys.stderr)
                service.remake_sort_keys()
            return int(COMMANDS[args.command](service, args))
        finally:
            service.close()
    except CatalogError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: say so in one line, traceback only when asked
        if os.environ.get("CATALOG_DEBUG"):
            raise
        print(
            f"{PROG}: internal error: {type(error).__name__}: {error} "
            "(set CATALOG_DEBUG=1 for details and please report it)",
            file=sys.stderr,
        )
        return 70


def window_files(
    parser: argparse.ArgumentParser, argv: Sequence[str]
) -> tuple[list[str], list[Path]]:
    """``catalog [--db X] FILE...`` (the desktop entry's ``catalog %F``): the arguments
    without the files, and the files for the window to offer for import. When the first
    word after the options names a command or any word is not a file, nothing is split
    off (so a mistyped command is still reported as one)."""
    words = list(argv)
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    index = 0
    while index < len(words) and words[index].startswith("-"):
        index += 2 if words[index] == "--db" else 1
    rest = words[index:]
    if not rest or rest[0] in commands or not all(Path(word).is_file() for word in rest):
        return words, []
    return words[:index], [Path(word) for word in rest]


def cmd_import(service: CatalogService, args: argparse.Namespace) -> int:
    """``catalog import``: each file is one transaction."""
    mapping = None
    if args.mapping is not None:
        from catalog.services.transfer.mapping import Mapping as Loaded

        mapping = Loaded.load(args.mapping)
    for path in args.files:
        if mapping is None:
            report, _ = service.import_file(
                path, args.format, dry_run=args.dry_run, duplicates=_policy(args)
            )
        else:
            report = _import_mapped(service, path, mapping, args)
        verb = "would import" if report.dry_run else "imported"
        updated = f", updated {report.updated}" if report.updated else ""
        print(
            f"{path}: {verb} {_records(report.records)} as {report.format}{updated}"
            f" ({report.authorities} new authorities)"
        )
        for warning in report.warnings:
            print(f"{path}: warning: {warning}", file=sys.stderr)
    return 0


def _import_mapped(
    service: CatalogService, path: Path, mapping: Mapping, args: argparse.Namespace
) -> ImportReport:
    """Import one file through a saved mapping (its ignored source names are warned of)."""
    from catalog.services.transfer.mapped import MappedImporter, kind_for

    importer = MappedImporter(mapping, kind_for(path, args.format))
    report, _ = service.import_file(
        path, dry_run=args.dry_run, importer=importer, duplicates=_policy(args)
    )
    return report


def _policy(args: argparse.Namespace) -> DuplicatePolicy | None:
    from catalog.services.import_matching import DuplicatePolicy

    return DuplicatePolicy(args.duplicates) if args.duplicates else None


def cmd_search(service: CatalogService, args: argparse.Namespace) -> int:
    """``catalog search``: a table, or a JSON array with ``--json``."""
    service.load_saved_index()  # milliseconds when current; else SQL answers
    result = service.search(args.query, SortKey(args.sort), args.descending, args.limit)
    ids = list(result.ids)
    if args.json:
        out = sys.stdout
        out.write("[")
        for index in range(0, len(ids), 500):
            for n, detail in enumerate(service.details(ids[index : index + 500])):
                out.write(",\n" if index + n else "\n")
                out.write(json.dumps(_record_json(detail), ensure_ascii=False))
        out.write("\n]\n" if ids else "]\n")
        return 0
    for index in range(0, len(ids), 500):
        for row in service.summaries(ids[index : index + 500], names=False):
            date = row.date.display() or "undated"
            print(f"{row.id}\t{date}\t{row.doc_type}\t{row.title}")
    print(_records(result.total), file=sys.stderr)
    return 0


def _record_json(detail: Any) -> dict[str, Any]:
    from catalog.domain.dates import iso_day

    date = detail.date
    return {
        "id": detail.id,
        "uid": detail.uid,
        "title": detail.title,
        "date": date.text,
        "edtf": date.edtf,
        "date_lower": iso_day(date.lower) if date.lower is not None else None,
        "date_upper": iso_day(date.upper) if date.upper is not None else None,
        "type": detail.doc_type,
        "summary": detail.summary,
        "archive": detail.archive,
        "languages": list(detail.languages),
        "tags": list(detail.tags),
    }


def cmd_facets(service: CatalogService, args: argparse.Namespace) -> int:
    """``catalog facets``: values and counts per facet."""
    names = [FacetName(f) for f in args.facets] if args.facets else list(DEFAULT_FACETS)
    # Counting with the search index beats GROUP BY as soon as a catalogue is large;
    # building it once is saved for the next command and the window.
    service.prepare_index()
    facets = service.facets(args.query, names, args.limit)
    if args.json:
        payload = {
            f.name: [{"value": v.label, "count": v.count, "clause": v.clause} for v in f.values]
            for f in facets
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for facet in facets:
        if not facet.values:
            continue
        print(f"{facet.title}:")
        for value in facet.values:
            print(f"  {value.count:>8}  {value.label}")
    return 0


def cmd_export(service: CatalogService, args: argparse.Namespace) -> int:
    """``catalog export``: the query's records (all without a query) to a file."""
    if args.format == "pdf":  # laid out by Qt, which the services do not load
        from catalog.ui.reports import add_qt_exporters

        add_qt_exporters(service.registry)
    service.load_saved_index()
    result = service.search(args.query)
    # The ids are found: the writer needs the records, not the index, and the memory
    # of both at a million records would pass what a command may take.
    service.release_index()
    written = service.export(result.ids, args.format, args.output, options=export_options(args))
    print(f"{args.output}: wrote {_records(written)} as {args.format}")
    return 0


def export_options(args: argparse.Namespace) -> ExportOptions:
    """The export options the command line asks for."""
    from catalog.services.transfer.export_options import ExportOptions, Extra

    columns = tuple(c.strip() for c in (args.columns or "").split(",") if c.strip())
    left_out = {extra for extra in Extra if getattr(args, f"no_{extra.value}")}
    return ExportOptions(frozenset(Extra) - left_out, columns, args.bom)


def cmd_check(service: CatalogService, args: argparse.Namespace) -> int:
    """``catalog check [--repair]``: exit 1 if anything is (still) wrong."""
    faults = service.check()
    for fault in faults:
        print(f"{fault.area}: {fault.problem} — repair: {fault.repair}")
    if args.repair and any(fault.automatic for fault in faults):
        for line in service.repair(faults).done:
            print(f"repaired: {line}")
        faults = service.check()
        for fault in faults:
            print(f"still: {fault.area}: {fault.problem} — repair: {fault.repair}")
    if faults:
        print(f"{PROG}: {len(faults)} problems found in {service.location}", file=sys.stderr)
        return 1
    print(f"{service.location}: no problems found ({_records(service.count())})")
    return 0


def cmd_backup(service: CatalogService, args: argparse.Namespace) -> int:
    """``catalog backup PATH``."""
    written = service.backup(args.path)
    print(f"backup written to {written}")
    return 0


def cmd_restore(target: str, args: argparse.Namespace) -> int:
    """``catalog restore [BACKUP]`` and ``catalog restore --list``."""
    from catalog.domain.errors import StorageUnavailable
    from catalog.services import backups
    from catalog.services.locations import is_server, public_target
    from catalog.store.backup import backup_folder, list_backups

    local = None if is_server(target) else public_target(target)
    if local is None:
        raise StorageUnavailable("A server catalogue is restored on the server (pg_restore).")
    path = Path(local)
    if args.list:
        found = list_backups(path)
        for backup in found:
            taken = backup.taken.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            size = backup.path.stat().st_size / 1e6
            print(f"{taken}\t{backup.reason}\t{size:.1f} MB\t{backup.path}")
        print(f"{len(found)} backups in {backup_folder(path)}", file=sys.stderr)
        return 0
    restored = backups.restore(path, args.backup)
    taken = restored.backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")
    print(f"restored {path} from the backup of {taken} ({restored.backup.path})")
    if restored.moved_to is not None:
        print(f"the previous catalogue was kept as {restored.moved_to}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    """``catalog copy --from A --to B``: every table, counted on both sides."""
    from catalog.services.copying import copy_catalogue
    from catalog.services.jobs import Progress

    stages: list[str] = []

    def progress(step: Progress) -> None:
        if not stages or stages[-1] != step.message:  # a line per table, not per batch
            stages.append(step.message)
            print(f"{step.message} ({step.done} of {step.total} rows)", file=sys.stderr)

    report = copy_catalogue(args.source, args.destination, progress)
    # The report names both ends without their passwords (never print args as given).
    print(f"copied {report.source} to {report.destination}")
    for name, count in report.tables:
        print(f"  {name:<20} {count:>10}")
    print(
        f"verified: {report.total} rows in {len(report.tables)} tables, the same on both"
        f" sides; {report.indexed} records in the search index"
    )
    return 0


def cmd_sort_order(service: CatalogService, args: argparse.Namespace) -> int:
    """``catalog sort-order [LANGUAGE]``: the order titles and names sort in, or a new one."""
    from catalog.domain.collation import ROOT, SORT_LANGUAGES, collation

    if args.list:
        print("\n".join(locale or "root" for locale in SORT_LANGUAGES))
        return 0
    if args.language is None:
        print(service.sort_language() or "root")
        return 0
    language = ROOT if args.language == "root" else args.language
    if language not in SORT_LANGUAGES:
        print(f"{PROG}: error: no sort order called {language!r} (see --list)", file=sys.stderr)
        return 1
    if language != service.sort_language():
        print(f"{PROG}: sorting titles and names again…", file=sys.stderr)
        service.remake_sort_keys(language=language)
    print(f"titles and names sort in the order of {args.language} ({collation(language).name})")
    return 0


COMMANDS = {
    "import": cmd_import,
    "search": cmd_search,
    "facets": cmd_facets,
    "export": cmd_export,
    "check": cmd_check,
    "backup": cmd_backup,
    "sort-order": cmd_sort_order,
}

if __name__ == "__main__":
    sys.exit(main())
