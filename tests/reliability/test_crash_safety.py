"""Crash safety: the real program is killed with SIGKILL at random moments of its work.

After every kill the catalogue must pass ``PRAGMA integrity_check`` (with the foreign
keys and the full-text index checked: ``harness.integrity``), open in Catalog, and hold
all or none of the interrupted work, compared by a checksum of its whole content; work
the program acknowledged must be there. See harness.py for how kills are spread over
the work; report.py renders the figures.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from catalog.store.schema import HEAD_REVISION
from tests.reliability.conftest import (
    BULK_RECORDS,
    IMPORT_RECORDS,
    OLD_REVISION,
    SMALL_RECORDS,
    fresh,
)
from tests.reliability.content import checksum, revision
from tests.reliability.harness import (
    SEED,
    Battery,
    delays,
    files_in,
    integrity,
    opens,
    run_driver,
    scalar,
)

pytestmark = pytest.mark.slow

EDITS = 60
"""Edits in the random sequence each trial of the edit battery makes."""
TAG = "crash-test"


def landed(run_killed: bool, outcome: str) -> str:
    """An outcome, prefixed by whether the kill ended the program or it had finished."""
    return f"{'killed' if run_killed else 'finished'}: {outcome}"


def listed(leftovers: Counter[str]) -> str:
    """Files left by unfinished backups, by suffix: "`.partial` 3, `.partial-journal` 1"."""
    return ", ".join(f"`{suffix}` {count}" for suffix, count in sorted(leftovers.items()))


def calibrate(battery: Battery, module: str, *args: object) -> None:
    """Run the driver once to the end: how long the work takes sets the kill delays."""
    run = run_driver(module, *args)
    assert run.returncode == 0, run.describe()
    battery.work_seconds = run.work_seconds


def test_import_of_100k_records_is_all_or_nothing(
    workspace: Path, small_catalogue: Path, csv_100k: Path
) -> None:
    battery = Battery(
        "import",
        f"Import of {IMPORT_RECORDS:,} records (CSV)",
        "The catalogue holds none of the file's records or all of them; once the import "
        "is acknowledged, all of them.",
    )
    before = checksum(small_catalogue)
    whole = fresh(workspace / "import-whole") / "c.sqlite"
    shutil.copyfile(small_catalogue, whole)
    calibrate(battery, "drive_import", whole, csv_100k)
    after = checksum(whole)
    assert scalar(whole, "SELECT count(*) FROM records") == SMALL_RECORDS + IMPORT_RECORDS
    shutil.rmtree(whole.parent)

    def trial(number: int, delay: float) -> str:
        folder = fresh(workspace / f"import-{number}")
        target = folder / "c.sqlite"
        shutil.copyfile(small_catalogue, target)
        run = run_driver("drive_import", target, csv_100k, kill_after=delay)
        run.check_ended_well()
        integrity(target)
        count = scalar(target, "SELECT count(*) FROM records")
        assert count in (SMALL_RECORDS, SMALL_RECORDS + IMPORT_RECORDS), (
            f"part of the import is in the catalogue: {count:,} records"
        )
        outcome = "none" if count == SMALL_RECORDS else "all"
        assert checksum(target) == (before if outcome == "none" else after), (
            f"the catalogue holds {count:,} records but not the content it should ({outcome})"
        )
        assert outcome == "all" or not run.said("COMMITTED"), "an acknowledged import was lost"
        assert opens(target) == count
        shutil.rmtree(folder)
        return landed(run.killed, outcome)

    battery.run(trial, delays(battery.work_seconds))
    battery.finish()


def test_bulk_edit_of_10k_records_is_all_or_nothing(workspace: Path, catalogue_10k: Path) -> None:
    battery = Battery(
        "bulk",
        f"Bulk edit of {BULK_RECORDS:,} records (add a tag)",
        "The tag is on none of the records or on all of them; once the edit is "
        "acknowledged, on all of them.",
    )
    tagged_sql = (
        "SELECT count(*) FROM record_tags JOIN tags ON tags.id = record_tags.tag_id"
        " WHERE tags.name = ?"
    )
    before = checksum(catalogue_10k)
    whole = fresh(workspace / "bulk-whole") / "c.sqlite"
    shutil.copyfile(catalogue_10k, whole)
    calibrate(battery, "drive_bulk", whole, TAG)
    after = checksum(whole)
    assert scalar(whole, tagged_sql, TAG) == BULK_RECORDS
    shutil.rmtree(whole.parent)

    def trial(number: int, delay: float) -> str:
        folder = fresh(workspace / f"bulk-{number}")
        target = folder / "c.sqlite"
        shutil.copyfile(catalogue_10k, target)
        run = run_driver("drive_bulk", target, TAG, kill_after=delay)
        run.check_ended_well()
        integrity(target)
        tagged = scalar(target, tagged_sql, TAG)
        assert tagged in (0, BULK_RECORDS), f"the tag is on {tagged:,} of {BULK_RECORDS:,}"
        outcome = "none" if tagged == 0 else "all"
        assert checksum(target) == (before if outcome == "none" else after), (
            f"the tag is on {outcome} of the records but the content is not as it should be"
        )
        assert outcome == "all" or not run.said("COMMITTED"), "an acknowledged edit was lost"
        assert opens(target) == BULK_RECORDS
        shutil.rmtree(folder)
        return landed(run.killed, outcome)

    battery.run(trial, delays(battery.work_seconds))
    battery.finish()


def test_migration_leaves_the_old_or_the_new_schema(
    workspace: Path, old_catalogue: Path, catalogue_10k: Path
) -> None:
    battery = Battery(
        "migration",
        f"Upgrade of a {BULK_RECORDS:,}-record catalogue from revision {OLD_REVISION}",
        f"The catalogue is at revision {OLD_REVISION} or {HEAD_REVISION}, with all its "
        "records either way, and opens (upgrading if needed); every file named as a "
        "backup is a whole, checked copy.",
    )
    # The records, links... compared across revisions; the upgrade adds the index.
    content = checksum(old_catalogue, index=False)
    whole = fresh(workspace / "migration-whole") / "c.sqlite"
    shutil.copyfile(old_catalogue, whole)
    calibrate(battery, "drive_migrate", whole)
    assert revision(whole) == HEAD_REVISION
    upgraded = checksum(whole)
    assert upgraded == checksum(catalogue_10k), "the upgrade indexed other text than imports"
    shutil.rmtree(whole.parent)
    leftovers: Counter[str] = Counter()

    def trial(number: int, delay: float) -> str:
        folder = fresh(workspace / f"migration-{number}")
        target = folder / "c.sqlite"
        shutil.copyfile(old_catalogue, target)
        run = run_driver("drive_migrate", target, kill_after=delay)
        run.check_ended_well()
        integrity(target)
        found = revision(target)
        assert found in (OLD_REVISION, HEAD_REVISION), f"left at revision {found}"
        assert checksum(target, index=False) == content, f"the content changed (at {found})"
        assert found == HEAD_REVISION or not run.said("COMMITTED"), "an upgrade was lost"
        for file in files_in(folder / "c-backups"):
            if file.name.endswith(".sqlite"):  # named as a backup: must be one
                integrity(file)
                assert revision(file) == OLD_REVISION and checksum(file, index=False) == content, (
                    f"{file.name} is not a copy of the catalogue before the upgrade"
                )
            else:
                assert ".sqlite.partial" in file.name, f"unexpected file {file.name}"
                leftovers[file.name.split(".sqlite", 1)[1]] += 1
        assert opens(target) == BULK_RECORDS
        integrity(target)
        assert revision(target) == HEAD_REVISION and checksum(target) == upgraded
        shutil.rmtree(folder)
        return landed(run.killed, "old" if found == OLD_REVISION else "new")

    battery.run(trial, delays(battery.work_seconds))
    if leftovers:
        battery.notes.append(
            f"Left in the backup folder (none named as a backup): {listed(leftovers)}."
        )
    battery.finish()


def test_backup_is_whole_and_checked_or_absent(workspace: Path, catalogue_10k: Path) -> None:
    battery = Battery(
        "backup",
        f"Backup of a {BULK_RECORDS:,}-record catalogue",
        "The backup file is absent or a whole copy that passes the integrity check; once "
        "the backup is acknowledged, it is there; the catalogue is untouched; a backup "
        "run again after a kill is whole.",
    )
    source = fresh(workspace / "backup-source") / "c.sqlite"
    shutil.copyfile(catalogue_10k, source)
    content = checksum(source)
    calibrate(battery, "drive_backup", source, workspace / "backup-source" / "whole.sqlite")
    leftovers: Counter[str] = Counter()
    retried: list[str] = []

    def trial(number: int, delay: float) -> str:
        folder = fresh(workspace / f"backup-{number}")
        destination = folder / "backup.sqlite"
        run = run_driver("drive_backup", source, destination, kill_after=delay)
        run.check_ended_well()
        integrity(source)
        assert checksum(source) == content, "the backup changed the catalogue"
        outcome = "absent"
        if destination.exists():
            integrity(destination)
            assert checksum(destination) == content, "the backup is not a copy"
            assert revision(destination) == HEAD_REVISION
            outcome = "whole"
        assert outcome == "whole" or not run.said("COMMITTED"), "an acknowledged backup is gone"
        for file in files_in(folder):
            if file != destination:
                assert file.name.startswith(f"{destination.name}.partial"), file.name
                leftovers[file.name.removeprefix(destination.name)] += 1
        if not retried and outcome == "absent" and any(files_in(folder)):
            # Once: the same backup again, over what the killed one left behind.
            again = run_driver("drive_backup", source, destination)
            assert again.returncode == 0, f"a backup after a killed one: {again.describe()}"
            integrity(destination)
            assert checksum(destination) == content, "a backup after a killed one is no copy"
            retried.append(", ".join(file.name for file in files_in(folder)))
        shutil.rmtree(folder)
        return landed(run.killed, outcome)

    battery.run(trial, delays(battery.work_seconds))
    assert opens(source) == BULK_RECORDS
    if leftovers:
        battery.notes.append(f"Left beside the backup file: {listed(leftovers)}.")
    if retried:
        battery.notes.append(
            "The same backup run again over those files was whole and checked; the folder "
            f"then held: {retried[0]}."
        )
    battery.finish()


def test_edits_survive_as_one_of_the_committed_states(
    workspace: Path, small_catalogue: Path
) -> None:
    battery = Battery(
        "edits",
        f"A random sequence of {EDITS} edits (saves, notes, tags, names, trash, links, undo)",
        "The catalogue equals the state after the last acknowledged commit, or after the "
        "one being made when the kill came (a crash oracle, as SQLite's crash4.test).",
    )
    whole = fresh(workspace / "edits-whole") / "c.sqlite"
    shutil.copyfile(small_catalogue, whole)
    run = run_driver("drive_edits", whole, SEED, EDITS)
    assert run.returncode == 0, run.describe()
    battery.work_seconds = run.work_seconds
    states = [run.said("START")[0][0], *(words[0] for words in run.said("COMMITTED"))]
    assert len(states) == EDITS + 1 and states[-1] == checksum(whole)
    assert len(set(states)) == len(states), "two commits left the same content"
    shutil.rmtree(whole.parent)

    def trial(number: int, delay: float) -> str:
        folder = fresh(workspace / f"edits-{number}")
        target = folder / "c.sqlite"
        shutil.copyfile(small_catalogue, target)
        run = run_driver("drive_edits", target, SEED, EDITS, kill_after=delay)
        run.check_ended_well()
        said = [run.said("START")[0][0], *(words[0] for words in run.said("COMMITTED"))]
        assert said == states[: len(said)], "the edit sequence did not repeat (test is broken)"
        integrity(target)
        reopened = checksum(target)
        acknowledged = len(said) - 1
        assert reopened in states[acknowledged : acknowledged + 2], (
            f"after {acknowledged} acknowledged commits the catalogue is in no committed state"
            + (
                f" (it is the state after commit {states.index(reopened)})"
                if reopened in states
                else ""
            )
        )
        opens(target)
        shutil.rmtree(folder)
        kept = "last acknowledged" if reopened == states[acknowledged] else "unacknowledged kept"
        return landed(run.killed, kept)

    battery.run(trial, delays(battery.work_seconds))
    battery.finish()
