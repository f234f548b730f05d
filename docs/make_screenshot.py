"""Save a screenshot of the real window: docs/screenshot.png.

Opens the main window offscreen over a temporary catalogue holding the sample records,
types a query into the search box, selects the first row and grabs the window::

    .venv/bin/python docs/make_screenshot.py
    .venv/bin/python docs/make_screenshot.py --multilingual --output /tmp/multilingual.png

``--multilingual`` also imports three records in Korean, Chinese and Russian and searches
for them, to check that every script renders (install fonts-noto-cjk if CJK shows boxes).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from catalog.app import make_application
from catalog.services.catalog import CatalogService
from catalog.ui.jobs.runner import JobRunner
from catalog.ui.shell.main_window import MainWindow

DOCS = Path(__file__).resolve().parent
MULTILINGUAL = [
    {
        "uid": "screenshot-ko-1",
        "title": "소련 대사관 참사관 라자레프와 리동영의 대화 기록",
        "date": "1956-01-02",
        "summary": "조선 외무성 부상 리동영은 소련계 조선인의 국적 문제를 논의한다.",
        "doc_type": "Record of Conversation",
        "languages": ["Korean"],
        "archive": "AVPRF",
        "names": [{"kind": "person", "name": "리동영", "role": "mentioned"}],
        "tags": ["multilingual"],
    },
    {
        "uid": "screenshot-zh-1",
        "title": "中国驻朝鲜大使馆致外交部领事司电",
        "date": "1959-10",
        "summary": "中朝官员试图解决与中国有联系的朝鲜人民军退伍军人的国籍问题。",
        "doc_type": "Cable",
        "languages": ["Chinese"],
        "archive": "PRC FMA",
        "names": [{"kind": "place", "name": "平壤", "role": "mentioned"}],
        "tags": ["multilingual"],
    },
    {
        "uid": "screenshot-ru-1",
        "title": "Дневник посла СССР в КНДР В. И. Иванова за 6 декабря 1955 года",
        "date": "1955-12-06",
        "summary": "Нам Ир сообщает Иванову, что Ким Ир Сен работает над вопросом гражданства.",
        "doc_type": "Journal/Diary",
        "languages": ["Russian"],
        "archive": "AVPRF",
        "names": [{"kind": "person", "name": "Ким Ир Сен", "role": "mentioned"}],
        "tags": ["multilingual"],
    },
]


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Run the event loop until ``condition()`` holds (jobs deliver through it)."""
    if condition():
        return
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(
        lambda: loop.quit() if condition() or time.monotonic() > deadline else None
    )
    timer.start(20)
    loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not get there in time")


def main(argv: list[str] | None = None) -> int:
    """Make the screenshot; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DOCS / "screenshot.png")
    parser.add_argument("--query", default=None, help="query to type (default: citizenship)")
    parser.add_argument("--multilingual", action="store_true", help="add Korean/Chinese/Russian")
    parser.add_argument("--row", type=int, default=0, help="row to select")
    parser.add_argument("--size", default="1400x860", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    query = args.query or ("tag:multilingual" if args.multilingual else "citizenship")
    width, height = (int(n) for n in args.size.split("x"))

    app = make_application()
    with tempfile.TemporaryDirectory() as folder:
        service = CatalogService.open(Path(folder) / "Soviet Koreans.sqlite", user="archivist")
        runner = JobRunner()
        try:
            service.load_sample()
            if args.multilingual:
                extra = Path(folder) / "multilingual.json"
                payload = {"format": "catalog", "version": 1, "records": MULTILINGUAL}
                extra.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
                service.import_file(extra)
            window = MainWindow(service, runner)
            window.resize(width, height)
            window.show()
            wait_until(lambda: window.record_list.records.rowCount() > 0)
            edit = window.sidebar.search_box.edit
            QTest.keyClicks(edit, query)
            QTest.keyClick(edit, Qt.Key.Key_Return)
            expected = service.search(query).total
            wait_until(lambda: window.status_line.startswith(f"{expected} of "))
            wait_until(lambda: window.sidebar.facets.rowCount() > 0)
            window.record_list.selectRow(args.row)
            wanted = window.record_list.records.record_id(args.row)
            wait_until(lambda: window.detail.shown_id == wanted)
            args.output.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.output)):
                print(f"could not write {args.output}", file=sys.stderr)  # noqa: T201
                return 1
            print(f"wrote {args.output}")  # noqa: T201
            window.close()
        finally:
            runner.shutdown()
            service.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
