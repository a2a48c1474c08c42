"""A worker process that dies (segfault, OOM kill) costs only the file it was cleaning."""

from __future__ import annotations

import gc
import multiprocessing
import os
from pathlib import Path

import pytest

from cleaner.batch import BatchOptions, read_failures, run_batch, runner, work
from cleaner.batch.report import FileOutcome
from cleaner.batch.work import Task

ORIGINAL_TASKS = work.process_tasks
ORIGINAL_TASK = work.process_task


def dying_tasks(tasks: list[Task], options: BatchOptions) -> list[FileOutcome]:
    if any("crash" in task.source.path for task in tasks):
        os._exit(3)  # what a segfault or the OOM killer looks like to the pool
    return ORIGINAL_TASKS(tasks, options)


def dying_task(task: Task, options: BatchOptions) -> FileOutcome:
    if "crash" in task.source.path:
        os._exit(3)
    return ORIGINAL_TASK(task, options)


def test_a_dead_worker_fails_only_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "process_tasks", dying_tasks)
    monkeypatch.setattr(runner, "process_task", dying_task)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(60):
        (src / f"f{i:02d}.txt").write_text(f"Paragraph number {i} of a plain article body, long enough to keep.")
    (src / "f30-crash.txt").write_text("this one kills its worker")
    report = run_batch([src], tmp_path / "out", BatchOptions(jobs=2))
    assert (report.files_done, report.files_failed) == (60, 1)
    [line] = read_failures(tmp_path / "out")
    assert line["error"] == "WorkerDied" and line["path"].endswith("f30-crash.txt")
    assert len(list((tmp_path / "out").glob("f*.txt"))) == 60


def test_workers_start_before_planning_and_the_parent_collects_garbage_again(tmp_path: Path) -> None:
    """The pool forks before the inputs are planned (workers never hold the plan), with the
    garbage collector frozen for the fork only: a library caller's process is left as it was."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"f{i:02d}.txt").write_text(f"Paragraph number {i} of a plain article body, long enough to keep.")
    seen: list[int] = []
    original = runner.BatchRun._plan

    def plan(self: runner.BatchRun) -> None:
        seen.append(len(multiprocessing.active_children()))
        original(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner.BatchRun, "_plan", plan)
        report = run_batch([src], tmp_path / "out", BatchOptions(jobs=2))
    assert report.files_done == 40
    assert seen == [2], "both workers must be running before planning starts"
    assert gc.get_freeze_count() == 0
