"""Read a large import file in a second process, so reading and storing use two cores.

An import's own thread turns records into rows and a writer thread stores them; both
need the interpreter lock, so parsing and checking the file in the same process left
SQLite waiting for it (at a million records, reading was a third of the import). Here a
child process runs the importer and sends its records in pickled batches through a
pipe; the parent only unpickles them (a tenth of the cost of parsing).

The child is a new interpreter (a fork of a process running Qt and threads is not
safe), started without importing the caller's main script again. Its errors come back
and are raised in the parent, exactly as the importer raised them. An importer that
cannot be pickled, or a small file (where starting a process costs more than it
saves), is read in this process.
"""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from catalog.domain.collation import Collation, collation
from catalog.domain.errors import ImportFileError
from catalog.domain.prepared import prepare
from catalog.domain.records import RecordInput
from catalog.domain.wording import QT_TRANSLATE_NOOP
from catalog.services.transfer.registry import Importer

SMALLEST = 16 * 1024 * 1024
"""Files smaller than this (bytes) are read in this process (tests lower it)."""
BATCH = 1000
"""Records sent at a time: the child is at most a batch or two ahead of the parent."""

_RECORDS, _DONE, _FAILED = "records", "done", "failed"
_CHILD = (
    "import sys; from catalog.services.reading_process import child_main;"
    " child_main(int(sys.argv[1]))"
)


def read_records(
    importer: Importer, path: Path, order: Collation | None = None
) -> Iterator[RecordInput]:
    """The importer's records from ``path``, read in a second process when worth it;
    there their title keys are made in ``order`` (the root order by default).

    After the last record the importer's attributes (warnings, ignored fields …) are
    those the child's importer ended with, as if it had read the file here. Closing the
    iterator early (a cancelled import) stops the child.
    """
    if not _worth_a_process(importer, path):
        yield from importer.read(path)
        return
    reading, writing = os.pipe()
    try:
        child = subprocess.Popen(  # noqa: S603 (this interpreter, running Catalog's own code)
            [sys.executable, "-c", _CHILD, str(writing)],
            stdin=subprocess.PIPE,
            pass_fds=(writing,),
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        )
    except OSError:  # no process to be had (limits, say): read it here instead
        os.close(reading)
        os.close(writing)
        yield from importer.read(path)
        return
    os.close(writing)  # the child holds the only writing end: its exit ends the pipe
    receiving = Connection(reading)
    try:
        assert child.stdin is not None
        # A child that died at once breaks the pipe: the read below says so.
        with suppress(BrokenPipeError), child.stdin as job:
            locale = (order or collation()).locale
            pickle.dump((importer, path, locale), job, protocol=pickle.HIGHEST_PROTOCOL)
        while True:
            try:
                kind, payload = receiving.recv()
            except (EOFError, OSError):
                raise ImportFileError(
                    str(path),
                    QT_TRANSLATE_NOOP(
                        "Errors", "the process reading the file stopped unexpectedly"
                    ),
                ) from None
            if kind == _RECORDS:
                yield from payload
            elif kind == _DONE:
                vars(importer).update(payload)
                _wait_for(child)  # it is closing its end and leaving
                return
            else:
                raise payload
    finally:
        receiving.close()
        if child.poll() is None:
            child.terminate()
        child.wait()


def _wait_for(child: subprocess.Popen[bytes]) -> None:
    try:
        child.wait(timeout=10)
    except subprocess.TimeoutExpired:
        child.terminate()  # done with its work; the finally clause below reaps it


def _worth_a_process(importer: Importer, path: Path) -> bool:
    if os.name != "posix" or getattr(sys, "frozen", False):
        return False  # no inherited pipe there; no interpreter to start in a bundle
    try:
        if path.stat().st_size < SMALLEST:
            return False
    except OSError:
        return False  # the importer says what is wrong with the path
    return _picklable(importer)  # else (a lambda in it, say) it is read here


def child_main(fd: int) -> None:
    """The second process: read the job from stdin, send records through ``fd``."""
    sending = Connection(fd)
    importer, path, locale = pickle.load(sys.stdin.buffer)  # noqa: S301 (from the parent)
    _read_in_child(importer, path, collation(locale), sending)


def _read_in_child(importer: Importer, path: Path, order: Collation, sending: Connection) -> None:
    # The records are freed by reference counting; the cycle collector would only
    # walk the batches again and again (see collection_pause).
    gc.disable()
    try:
        batch: list[RecordInput] = []
        for record in importer.read(path):
            batch.append(prepare(record, order))  # work the parent would do under its lock
            if len(batch) >= BATCH:
                sending.send((_RECORDS, batch))
                batch = []
        if batch:
            sending.send((_RECORDS, batch))
        sending.send((_DONE, _state_of(importer)))
    except BaseException as error:  # every failure is the parent's to report
        _send_failure(sending, error)
    finally:
        sending.close()


def _send_failure(sending: Connection, error: BaseException) -> None:
    try:
        with suppress(BrokenPipeError, EOFError):  # the parent stopped listening (a cancel)
            sending.send((_FAILED, error))
    except Exception:  # an error that cannot be pickled: a bug; its text, at least
        sending.send((_FAILED, RuntimeError(f"{type(error).__name__}: {error}")))


def _state_of(importer: Importer) -> dict[str, Any]:
    """The importer's attributes that can go back to the parent."""
    return {name: value for name, value in vars(importer).items() if _picklable(value)}


def _picklable(value: object) -> bool:
    try:
        pickle.dumps(value)
    except Exception:  # a handle or a function: not part of what a read reports
        return False
    return True
