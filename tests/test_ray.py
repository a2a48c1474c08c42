"""Ray Data integration: on a real local Ray, Ray output equals local output record for record.

One local Ray instance (2 CPUs) serves the whole module; when Ray cannot start, the Ray tests
skip with the reason printed. Expected values are always what ``Cleaner`` gives locally in the
same run, never hard-coded removals, so the tests hold while the rules are tuned.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cleaner
from cleaner.batch import Task
from cleaner.html import decode_html

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
AEB_HTML = Path(__file__).resolve().parent.parent / "corpus" / "aeb" / "html"
#: Tests on a real Ray instance: slow (start-up, worker processes); deprecation noise of Ray Data hidden.
SLOW = pytest.mark.slow
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*")
#: Result fields as the Ray columns hold them (``source`` is asked for with ``source_column``).
FIELDS = ("source", "text", "title", "pieces", "removals", "warnings")


# --------------------------------------------------------------------------- corpus


def seed_texts() -> dict[str, str]:
    """``corpus/seeds/*.txt`` by file name, exactly as stored (no newline translation)."""
    return {path.name: path.read_bytes().decode("utf-8") for path in sorted(SEEDS.glob("*.txt"))}


def aeb_pages() -> dict[str, bytes]:
    """``corpus/aeb/html/*.html.gz`` by file name, as the page bytes."""
    return {path.name: gzip.decompress(path.read_bytes()) for path in sorted(AEB_HTML.glob("*.html.gz"))}


def flatten(page: bytes) -> str:
    """A page as text-mode input: html-text with layout guessing (as the quality benchmark does)."""
    import html_text

    return html_text.extract_text(decode_html(page)[0], guess_layout=True)


@pytest.fixture(scope="module")
def corpus_texts() -> dict[str, str]:
    """Every document of the corpus as text: the seeds, and the AEB pages flattened."""
    texts = seed_texts()
    texts.update({name: flatten(page) for name, page in aeb_pages().items()})
    return texts


# --------------------------------------------------------------------------- Ray


@pytest.fixture(scope="module")
def ray_session() -> Iterator[Any]:
    """A real local Ray instance with 2 CPUs for this module, or a skip that prints why not."""
    from cleaner.integrations.ray import start_ray

    try:
        started = start_ray(num_cpus=2, object_store_memory=300 * 1024 * 1024)
    except Exception as exc:  # no Ray, no shared memory, no ports: skip, saying which
        print(f"Ray cannot start: {type(exc).__name__}: {exc}", file=sys.stderr)
        pytest.skip(f"Ray cannot start: {type(exc).__name__}: {exc}")
    import ray
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    yield ray
    if started:
        ray.shutdown()


def rows_by(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, Any]]:
    """Ray Data does not keep row order; index the output rows by a key column."""
    indexed = {row[key]: row for row in rows}
    assert len(indexed) == len(rows), f"duplicate {key!r} values in the output"
    return indexed


def local_row(result: cleaner.Result) -> dict[str, Any]:
    """What the Ray columns must hold for a local result: its JSON form, field for field."""
    data = result.to_dict()
    return {name: data[name] for name in FIELDS}


def ray_row(row: dict[str, Any]) -> dict[str, Any]:
    """The result fields of one Ray output row, as plain lists and dicts."""
    return {name: _plain(row[name]) for name in FIELDS}


def differences(row: dict[str, Any], result: cleaner.Result) -> list[str]:
    """The result fields on which a Ray row and a local result disagree (empty: identical)."""
    ray_values, local_values = ray_row(row), local_row(result)
    return [name for name in FIELDS if ray_values[name] != local_values[name]]


def mismatches(rows: dict[Any, dict[str, Any]], local: dict[str, cleaner.Result]) -> dict[str, list[str]]:
    """Per document whose Ray row and local result disagree, the fields that differ."""
    found = {name: differences(rows[name], result) for name, result in local.items()}
    return {name: fields for name, fields in found.items() if fields}


def describe(mismatched: dict[str, list[str]]) -> str:
    """A few mismatched documents with the fields that differ, for the failure message."""
    return "; ".join(f"{name}: {', '.join(fields)}" for name, fields in list(mismatched.items())[:5])


def _plain(value: Any) -> Any:
    """numpy arrays (from some Ray batch paths) to lists, recursively; other values unchanged."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


@SLOW
def test_text_corpus_equals_local(ray_session: Any, corpus_texts: dict[str, str]) -> None:
    """Every corpus document (seeds and flattened AEB pages) cleans on Ray exactly as locally."""
    from cleaner.integrations.ray import clean_dataset

    items = [{"name": name, "text": text} for name, text in corpus_texts.items()]
    ds = clean_dataset(ray_session.data.from_items(items), source_column="source", concurrency=2)
    rows = rows_by(ds.take_all(), "name")
    local = cleaner.Cleaner()
    assert set(rows) == set(corpus_texts)
    mismatched = mismatches(rows, {name: local.clean(text) for name, text in corpus_texts.items()})
    assert not mismatched, f"{len(mismatched)} of {len(rows)} documents differ from local: {describe(mismatched)}"
    assert all(row["error"] is None for row in rows.values())


@SLOW
def test_html_pages_equal_local(ray_session: Any) -> None:
    """AEB pages as HTML bytes (``html=True``) clean on Ray exactly as ``clean_html`` locally.

    Every page is compared in HTML mode by ``test_run_batch_equals_local``; here a spread of
    them checks the ``clean_dataset`` path (bytes column, ``source`` column) at less cost.
    """
    from cleaner.integrations.ray import clean_dataset

    pages = dict(list(aeb_pages().items())[::6])
    items = [{"name": name, "html": page} for name, page in pages.items()]
    ds = clean_dataset(
        ray_session.data.from_items(items), column="html", html=True, source_column="source", concurrency=2
    )
    rows = rows_by(ds.take_all(), "name")
    local = cleaner.Cleaner()
    assert set(rows) == set(pages)
    mismatched = mismatches(rows, {name: local.clean_html(page) for name, page in pages.items()})
    assert not mismatched, f"{len(mismatched)} of {len(rows)} pages differ from local: {describe(mismatched)}"
    assert all(rows[name]["html"] == page for name, page in pages.items()), "the input column is kept"


@SLOW
def test_bad_records_get_an_error_and_the_job_goes_on(ray_session: Any) -> None:
    """A record that cannot be cleaned gets its error in the error column; the others are cleaned."""
    from cleaner.integrations.ray import clean_dataset

    good = next(iter(aeb_pages().values()))
    items = [
        {"id": 1, "html": good},
        {"id": 2, "html": b"\x00\x01\x02 binary, not a page"},
        {"id": 3, "html": b"plain words without a single tag"},
        {"id": 4, "html": None},
    ]
    rows = rows_by(clean_dataset(ray_session.data.from_items(items), column="html", html=True).take_all(), "id")
    local = cleaner.Cleaner()
    assert rows[1]["error"] is None
    assert rows[1]["text"] == local.clean_html(good).text
    for key in (2, 3, 4):
        with pytest.raises(Exception) as raised:
            local.clean_html(items[key - 1]["html"])
        assert rows[key]["error"] == f"{type(raised.value).__name__}: {raised.value}"
        assert rows[key]["text"] is None and rows[key]["title"] is None
        assert len(rows[key]["pieces"]) == 0 and len(rows[key]["removals"]) == 0


@SLOW
def test_every_input_column_is_kept(ray_session: Any) -> None:
    """Columns other than the cleaned one come back untouched; ``text`` is replaced by the clean body."""
    from cleaner.integrations.ray import RESULT_COLUMNS, clean_dataset

    texts = list(seed_texts().values())
    items = [
        {"id": f"doc-{i}", "text": text, "metadata": {"url": f"https://example.org/{i}", "n": i}, "tags": ["a", "b"]}
        for i, text in enumerate(texts)
    ]
    rows = rows_by(clean_dataset(ray_session.data.from_items(items)).take_all(), "id")
    local = cleaner.Cleaner()
    for item in items:
        row = rows[item["id"]]
        assert set(row) == {"id", "text", "metadata", "tags", *RESULT_COLUMNS, "error"}
        assert _plain(row["metadata"]) == item["metadata"]
        assert _plain(row["tags"]) == item["tags"]
        assert row["text"] == local.clean(item["text"]).text
        # The Ray columns carry no page metadata yet (the row's "metadata" is the record's own).
        expected = dataclasses.replace(local.clean(item["text"]), metadata=cleaner.Metadata())
        assert cleaner.Result.from_dict({**row, "source": item["text"], "metadata": None}) == expected


@SLOW
def test_default_pool_leaves_cpus_for_reads(ray_session: Any, tmp_path: Path) -> None:
    """With the default pool, a dataset read from JSONL files (read tasks need CPUs too) finishes."""
    from cleaner.integrations.ray import clean_dataset

    texts = seed_texts()
    lines = [json.dumps({"id": name, "text": text, "metadata": {"n": 1}}) for name, text in texts.items()]
    (tmp_path / "part.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    found: list[dict[str, Any]] = []
    worker = threading.Thread(
        target=lambda: found.extend(clean_dataset(ray_session.data.read_json(str(tmp_path))).take_all()),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=90)
    assert not worker.is_alive(), "the job did not finish: the actor pool starved the reads"
    rows = rows_by(found, "id")
    local = cleaner.Cleaner()
    assert {name: rows[name]["text"] for name in texts} == {name: local.clean(t).text for name, t in texts.items()}


@SLOW
def test_config_crosses_to_the_actors(ray_session: Any) -> None:
    """A Config given to ``clean_dataset`` is the one each actor's Cleaner is built with."""
    from cleaner.integrations.ray import clean_dataset

    config = cleaner.Config(keep=frozenset(cleaner.LABELS) - {"body"})
    texts = seed_texts()
    items = [{"name": name, "text": text} for name, text in texts.items()]
    rows = rows_by(clean_dataset(ray_session.data.from_items(items), config=config).take_all(), "name")
    local = cleaner.Cleaner(config)
    assert all(rows[name]["text"] == local.clean(text).text for name, text in texts.items())


# --------------------------------------------------------------------------- run_batch (--engine ray)


@pytest.fixture(scope="module")
def input_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole corpus as batch inputs (seeds, AEB pages .html.gz), plus JSONL, .gz and broken files."""
    root = tmp_path_factory.mktemp("inputs")
    (root / "seeds").symlink_to(SEEDS, target_is_directory=True)
    (root / "aeb").symlink_to(AEB_HTML, target_is_directory=True)
    extra = root / "extra"
    extra.mkdir()
    texts = list(seed_texts().values())
    records = [json.dumps({"id": f"r{i}", "text": t, "metadata": {"n": i}}) for i, t in enumerate(texts)]
    records.insert(2, '{"id": "no-text", "metadata": {}}')
    records.insert(4, "this line is not JSON")
    (extra / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (extra / "seed.txt.gz").write_bytes(gzip.compress(texts[0].encode("utf-8")))
    (extra / "page.html").write_bytes(next(iter(aeb_pages().values())))
    (extra / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (extra / "latin1.txt").write_bytes("caf\u00e9 cr\u00e8me".encode("latin-1"))
    return root


def output_files(out: Path) -> dict[str, bytes]:
    """Every file under OUT by relative path, but the lock (it holds a pid) and the records (they name OUT)."""
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != ".cleaner.lock" and path.relative_to(out).parts[0] != ".cleaner"
    }


def report_figures(report: Any) -> dict[str, Any]:
    """A batch report without its timing."""
    figures = report.to_dict()
    figures.pop("seconds")
    return dict(figures)


def assert_same_outputs(ray_out: Path, local_out: Path) -> None:
    """Two OUT folders hold the same files byte for byte (``failures.jsonl`` in any line order)."""
    local_files, ray_files = output_files(local_out), output_files(ray_out)
    failures = "failures.jsonl"
    assert sorted(ray_files.pop(failures).splitlines()) == sorted(local_files.pop(failures).splitlines())
    assert set(ray_files) == set(local_files)
    differing = [name for name in local_files if ray_files[name] != local_files[name]]
    details = [_first_difference(name, ray_files[name], local_files[name]) for name in differing[:3]]
    assert not differing, f"{len(differing)} of {len(local_files)} outputs differ from local: {details}"


def _first_difference(name: str, ray: bytes, local: bytes) -> str:
    """Where two outputs part: the first differing field of a JSON result (its warnings too: a
    regex time limit hit on a loaded machine shows there), else the first differing byte."""
    try:
        ray_result = json.loads(gzip.decompress(ray) if name.endswith(".gz") else ray)
        local_result = json.loads(gzip.decompress(local) if name.endswith(".gz") else local)
        assert isinstance(ray_result, dict) and isinstance(local_result, dict)
    except (OSError, ValueError, AssertionError):
        at = next((i for i, (a, b) in enumerate(zip(ray, local, strict=False)) if a != b), min(len(ray), len(local)))
        return f"{name}: byte {at}"
    keys = [key for key in local_result if ray_result.get(key) != local_result[key]]
    first = keys[0] if keys else "?"
    return (
        f"{name}: fields {keys}; {first}: ray {str(ray_result.get(first))[:200]!r} "
        f"local {str(local_result.get(first))[:200]!r}; warnings ray {ray_result.get('warnings')} "
        f"local {local_result.get('warnings')}"
    )


@SLOW
def test_run_batch_equals_local(ray_session: Any, input_tree: Path, tmp_path: Path) -> None:
    """``--engine ray`` writes the local engine's outputs byte for byte on the whole corpus (HTML mode).

    JSON outputs hold every result field (source, text, title, pieces, removals, warnings).
    """
    from cleaner.batch import BatchOptions
    from cleaner.batch import run_batch as local_run_batch
    from cleaner.integrations.ray import run_batch

    local_report = local_run_batch([input_tree], tmp_path / "local", BatchOptions(format="json", jobs=1))
    ray_report = run_batch([input_tree], tmp_path / "ray", BatchOptions(format="json", jobs=2))
    assert_same_outputs(tmp_path / "ray", tmp_path / "local")
    assert report_figures(ray_report) == report_figures(local_report)
    assert local_report.files_failed == 2 and local_report.documents_failed == 2  # binary, latin-1; 2 records
    assert local_report.files_done == len(seed_texts()) + len(aeb_pages()) + 3


@SLOW
def test_run_batch_txt_and_resume(ray_session: Any, input_tree: Path, tmp_path: Path) -> None:
    """``--format txt`` equals local too; a rerun skips what is done and retries only failed files."""
    from cleaner.batch import BatchOptions, read_failures
    from cleaner.batch import run_batch as local_run_batch
    from cleaner.integrations.ray import run_batch

    inputs = [input_tree / "seeds", input_tree / "extra"]
    out = tmp_path / "ray"
    local_run_batch(inputs, tmp_path / "local", BatchOptions(format="txt", jobs=1))
    first = run_batch(inputs, out, BatchOptions(format="txt", jobs=2))
    assert_same_outputs(out, tmp_path / "local")
    before = output_files(out)
    second = run_batch(inputs, out, BatchOptions(format="txt", jobs=2))
    assert second.files_skipped == first.files_done and second.files_done == 0
    assert second.files_failed == first.files_failed == 2
    after = output_files(out)
    assert sorted(after.pop("failures.jsonl").splitlines()) == sorted(before.pop("failures.jsonl").splitlines())
    assert after == before
    assert len(read_failures(out)) == 4  # 2 files retried and failed again, 2 records kept


class CrashingTask(Task):
    """A task whose worker dies when it unpickles it, as a segfault or an OOM kill would end it."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return (os._exit, (3,))


@SLOW
def test_a_worker_crash_costs_only_its_file(ray_session: Any, tmp_path: Path) -> None:
    """A file that kills its Ray worker (twice) becomes a WorkerDied failure; the other files are cleaned."""
    from cleaner.batch import BatchOptions, Source
    from cleaner.integrations.ray import execute

    tasks: list[Task] = []
    for name in sorted(seed_texts()):
        source = Source(str(SEEDS / name), name, "txt")
        tasks.append(Task(source, str(tmp_path / name)))
    poison = Source(str(SEEDS / "poison.txt"), "poison.txt", "txt")
    tasks.insert(2, CrashingTask(poison, str(tmp_path / "poison.txt")))
    outcomes: list[Any] = []
    execute(tasks, BatchOptions(jobs=2), outcomes.append)
    by_path = {outcome.path: outcome for outcome in outcomes}
    assert len(outcomes) == len(by_path) == len(tasks)
    crashed = by_path.pop(poison.path)
    assert crashed.output is None and [f.error for f in crashed.failures] == ["WorkerDied"]
    assert all(outcome.output and not outcome.failures for outcome in by_path.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(seed_texts())


@SLOW
def test_cli_engine_ray_with_relative_paths(tmp_path: Path) -> None:
    """``cleaner clean seeds -o out --engine ray`` (its own local Ray) equals ``--engine local``."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    command = [sys.executable, "-m", "cleaner", "clean", "seeds", "--format", "json", "--force", "-q"]
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    env.pop("RAY_ADDRESS", None)
    local = subprocess.run([*command, "-o", "local", "--jobs", "1"], cwd=tmp_path, env=env, check=False)
    ray = subprocess.run(
        [*command, "-o", "ray", "--jobs", "1", "--engine", "ray"],
        cwd=tmp_path,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    if ray.returncode != 0 and "cannot start or reach" in ray.stderr:
        print(f"Ray cannot start: {ray.stderr.strip()}", file=sys.stderr)
        pytest.skip(f"Ray cannot start: {ray.stderr.strip()[-300:]}")
    assert local.returncode == 0 and ray.returncode == 0, ray.stderr[-2000:]
    assert output_files(tmp_path / "ray") == output_files(tmp_path / "local")
    assert len(output_files(tmp_path / "ray")) == len(seed_texts()) + 1  # and an empty failures.jsonl


# --------------------------------------------------------------------------- without Ray


def test_import_cleaner_never_imports_ray() -> None:
    """``import cleaner`` (and even the integration module itself) leaves Ray unimported."""
    code = "import sys, cleaner, cleaner.integrations.ray; sys.exit('ray' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    assert subprocess.run([sys.executable, "-c", code], env=env, check=False).returncode == 0


def test_missing_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Ray, the integration raises a CleanerError (and ImportError) naming the pip command."""
    from cleaner.integrations import ray as integration

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(integration.RayMissingError, match=r"pip install 'cleaner\[ray\]'") as raised:
        integration.require_ray()
    assert isinstance(raised.value, cleaner.CleanerError) and isinstance(raised.value, ImportError)


def test_run_batch_without_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``--engine ray`` without Ray installed fails with the pip command, before touching OUT."""
    from cleaner.batch import BatchOptions
    from cleaner.integrations import ray as integration

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(integration.RayMissingError, match=r"pip install 'cleaner\[ray\]'"):
        integration.run_batch([SEEDS], tmp_path / "out", BatchOptions(jobs=1))
    assert not (tmp_path / "out").exists()


def test_batches_in_other_formats_are_accepted() -> None:
    """``CleanBatch`` takes pandas and dict batches too (when a caller forgets ``batch_format``)."""
    pytest.importorskip("pyarrow")
    import pandas as pd

    from cleaner.integrations.ray import CleanBatch

    clean = CleanBatch(column="body")
    texts = list(seed_texts().values())[:2]
    for batch in ({"body": texts, "n": [1, 2]}, pd.DataFrame({"body": texts, "n": [1, 2]})):
        table = clean(batch)
        assert table.column("text").to_pylist() == [cleaner.clean(t).text for t in texts]
        assert table.column("n").to_pylist() == [1, 2]
        assert table.column("error").to_pylist() == [None, None]
