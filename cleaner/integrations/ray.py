"""Ray Data integration: clean a Dataset on a cluster, and the ``--engine ray`` batch backend.

``CleanBatch`` is a callable class for ``Dataset.map_batches``: Ray builds one per actor, so
the rules compile once per actor, not once per batch. It keeps every input column and adds
the result columns (``text``, ``title``, ``pieces``, ``removals``, ``warnings``) and an
``error`` column; a record that cannot be cleaned gets its error there instead of failing
the job. Ray is imported only inside the functions, so ``import cleaner`` never imports it
and a missing Ray turns into a :class:`RayMissingError` that says how to install it.
"""

from __future__ import annotations

import logging
import os
import pickle
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import CleanerError
from ..model import Result
from ..pipeline import Cleaner
from .columns import RESULT_COLUMNS as RESULT_COLUMNS
from .columns import clean_outcome, outcome_columns

if TYPE_CHECKING:
    import pyarrow as pa
    from ray.data import Dataset

    from ..batch import BatchOptions, BatchReport, FileOutcome, Task

#: How to get what this module needs; printed whenever Ray is missing.
INSTALL_HINT = "pip install 'cleaner[ray]'"
#: Records per ``map_batches`` call: small enough to spread a few thousand documents over
#: every actor, large enough that the per-batch overhead (a few ms) stays under 1%.
DEFAULT_BATCH_SIZE = 32
#: Environment for a Ray started here: no usage reporting, nothing fetched from the network.
QUIET_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1"}
#: A local instance's workers run at the priority of the command that started them, as the
#: local engine's processes do; Ray's default (nice 15) gives their CPU to any other process.
LOCAL_ENV = {"RAY_worker_niceness": "0"}


class RayMissingError(CleanerError, ImportError):
    """Ray Data is not installed; the message says how to install it."""


def require_ray() -> ModuleType:
    """Import Ray and Ray Data, or raise :class:`RayMissingError` with the install command."""
    try:
        import pyarrow  # noqa: F401  (Ray Data's block format; part of the extra)
        import ray
        import ray.data
    except ImportError as exc:
        message = f"the Ray engine needs Ray Data, which is not installed ({exc}); install it with: {INSTALL_HINT}"
        raise RayMissingError(message) from exc
    return ray


def start_ray(
    address: str | None = None,
    *,
    num_cpus: int | None = None,
    object_store_memory: int | None = None,
    logging_level: int = logging.WARNING,
) -> bool:
    """Connect to the cluster at ``address``, or start a local Ray; return True if this call started it.

    ``address`` is what ``ray.init`` takes (``"auto"``, ``"HOST:6379"``, ``"ray://HOST:10001"``)
    to connect to a running cluster; ``None`` means ``RAY_ADDRESS`` when it is set, else a new
    local instance (``"local"``), never a cluster found by chance on this machine.

    An already initialised Ray is reused as is (and False returned), so a caller shuts down only
    what it started. ``num_cpus`` and ``object_store_memory`` apply only to a local instance:
    a running cluster has its own. A local instance's workers run at normal priority
    (``RAY_worker_niceness=0`` unless the environment says otherwise), like local processes.
    """
    ray = require_ray()
    if ray.is_initialized():
        return False
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)
    address = address or os.environ.get("RAY_ADDRESS") or "local"
    options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging_level}
    if address == "local":
        options.update(num_cpus=num_cpus, object_store_memory=object_store_memory)
        for key, value in LOCAL_ENV.items():
            os.environ.setdefault(key, value)
    elif address.startswith("ray://"):
        options = {}  # Ray Client forwards settings to the server's ray.init: send none
    try:
        ray.init(address=address, **options)
    except Exception as exc:  # ConnectionError, RuntimeError, ValueError...: all mean "no cluster"
        where = "a local Ray instance" if address == "local" else f"the Ray cluster at {address}"
        raise CleanerError(f"cannot start or reach {where}: {type(exc).__name__}: {exc}") from exc
    return True


class CleanBatch:
    """``Dataset.map_batches`` callable: one ``Cleaner`` per actor; adds result and error columns.

    Use with ``batch_format="pyarrow"`` (pandas and dict-of-arrays batches are converted).
    In text mode the column holds ``str``; in HTML mode ``str`` or ``bytes``. A record whose
    cleaning raises keeps its other columns, gets null ``text``/``title``, empty provenance and
    ``"ExceptionType: message"`` in the error column; the other records are unaffected.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        column: str = "text",
        html: bool = False,
        source_column: str | None = None,
        error_column: str = "error",
    ) -> None:
        self.cleaner = Cleaner(config)
        self.column = column
        self.html = html
        self.source_column = source_column
        self.error_column = error_column

    def __call__(self, batch: Any) -> pa.Table:
        """Clean the batch's ``column`` and return the batch with the result columns added."""
        table = _as_table(batch)
        if self.column not in table.column_names:
            raise CleanerError(f"no column {self.column!r} to clean; the dataset has {table.column_names}")
        outcomes = [self.clean_value(value) for value in table.column(self.column).to_pylist()]
        columns = result_arrays(outcomes, source_column=self.source_column, error_column=self.error_column)
        return _with_columns(table, columns)

    def clean_value(self, value: Any) -> Result | str:
        """Clean one value; an exception becomes its ``"Type: message"`` string instead of failing the job."""
        return clean_outcome(self.cleaner, value, html=self.html)


def clean_dataset(
    ds: Dataset,
    column: str = "text",
    *,
    config: Config | None = None,
    html: bool = False,
    source_column: str | None = None,
    error_column: str = "error",
    concurrency: int | tuple[int, int] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Dataset:
    """Clean ``ds[column]`` on Ray: every input column kept, result and error columns added (lazy).

    ``concurrency`` is the number of actors (one CPU each); a ``(min, max)`` pair makes an
    autoscaling pool; by default it autoscales from 1 to one actor per CPU of the cluster (a
    fixed pool that takes every CPU would starve the reads upstream). ``source_column`` adds
    ``Result.source``, which the offsets index: needed in HTML mode (the rendered page) or when
    the cleaned ``text`` replaces the input column.
    """
    require_ray()
    return ds.map_batches(
        CleanBatch,
        batch_format="pyarrow",
        batch_size=batch_size,
        compute=actor_pool(concurrency),
        num_cpus=1,
        fn_constructor_kwargs={
            "config": config,
            "column": column,
            "html": html,
            "source_column": source_column,
            "error_column": error_column,
        },
    )


def actor_pool(concurrency: int | tuple[int, int] | None) -> Any:
    """An ``ActorPoolStrategy``: fixed size, ``(min, max)`` autoscaling, or by default 1 to one per CPU.

    The default autoscales: a fixed pool of one actor per CPU would hold every CPU from the
    start and leave none to the reads that feed it (``read_json`` then never finishes).
    """
    ray = require_ray()
    from ray.data import ActorPoolStrategy

    if concurrency is None:
        if not ray.is_initialized():
            start_ray()
        concurrency = (1, max(1, int(ray.cluster_resources().get("CPU", 1))))
    if isinstance(concurrency, tuple):
        return ActorPoolStrategy(min_size=concurrency[0], max_size=concurrency[1])
    return ActorPoolStrategy(size=concurrency)


def result_arrays(
    outcomes: Iterable[Result | str],
    *,
    source_column: str | None = None,
    error_column: str = "error",
) -> dict[str, pa.Array]:
    """Arrow columns for results (or error strings), with fixed types so every block has one schema."""
    import pyarrow as pa

    columns = outcome_columns(outcomes, source_column=source_column, error_column=error_column)
    lists = {"pieces": pieces_type(), "removals": removals_type(), "warnings": pa.list_(pa.string())}
    types = {name: lists.get(name, pa.string()) for name in RESULT_COLUMNS}
    for name in (source_column, error_column):  # strings, whatever their names
        if name:
            types[name] = pa.string()
    return {name: pa.array(values, types[name]) for name, values in columns.items()}


def pieces_type() -> pa.DataType:
    """``pieces``: a list of ``[source, target, length]`` triples, as in the JSON form."""
    import pyarrow as pa

    return pa.list_(pa.list_(pa.int64()))


def removals_type() -> pa.DataType:
    """``removals``: a list of ``{start, end, label, rule, reason}`` structs, as in the JSON form."""
    import pyarrow as pa

    fields = [("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()), ("rule", pa.string())]
    return pa.list_(pa.struct([*fields, ("reason", pa.string())]))


def _as_table(batch: Any) -> pa.Table:
    """The batch as an Arrow table, whatever ``batch_format`` Ray was asked for."""
    import pyarrow as pa

    if isinstance(batch, pa.Table):
        return batch
    if isinstance(batch, dict):
        return pa.table({name: pa.array(list(values)) for name, values in batch.items()})
    return pa.Table.from_pandas(batch, preserve_index=False)


def _with_columns(table: pa.Table, columns: dict[str, pa.Array]) -> pa.Table:
    """Replace columns of the same name in place, append the others."""
    for name, array in columns.items():
        if name in table.column_names:
            table = table.set_column(table.column_names.index(name), name, array)
        else:
            table = table.append_column(name, array)
    return table


# --------------------------------------------------------------------------- the --engine ray backend

#: At most this many input files per block (Ray Data's unit of scheduling, retry and progress).
#: Each block costs an actor ~30 ms of Ray bookkeeping (measured: 16-file blocks left the actors
#: idle 15% of the time, 64-file blocks 2%); a few blocks per CPU still balance the load.
MAX_FILES_PER_BLOCK = 64
#: At most this many blocks per run: past it, blocks grow instead (the driver holds every block).
MAX_BLOCKS = 4096
#: Object store of a local instance started by ``run_batch``: only file names and per-file
#: counts cross it (workers read inputs and write outputs themselves).
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


def run_batch(
    inputs: Sequence[str | Path],
    out: str | Path,
    options: BatchOptions,
    address: str | None = None,
) -> BatchReport:
    """``cleaner clean PATH... -o OUT --engine ray``: the local engine's outputs, computed on Ray.

    The coordinating process does what the local engine does (lock OUT, walk the inputs, plan
    outputs, skip finished ones, keep ``failures.jsonl``); the files go to Ray Data as a dataset
    of tasks, and actors (one ``Cleaner`` each) clean them with the batch engine's own
    ``process_tasks``, so every output is byte for byte what the local engine writes. Workers read
    the inputs and write the outputs themselves: on a cluster of several machines, PATHs and OUT
    must be on storage every node mounts at the same path. Without ``address`` (and without
    ``RAY_ADDRESS``) a new local Ray with ``options.jobs`` CPUs is started, and stopped at the end;
    a Ray this process is already connected to is used as it is.
    """
    ray = require_ray()
    from ..batch import BatchRun
    from ..batch.runner import run_with_progress

    started = False
    try:
        with BatchRun(inputs, out, options) as run:
            if run.tasks:
                started = start_ray(
                    address,
                    num_cpus=options.jobs,
                    object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                    logging_level=logging.ERROR,  # the closing report says what matters
                )
            run_with_progress(run, options, execute)
    finally:
        if started:
            ray.shutdown()
    return run.report


def execute(tasks: Sequence[Task], options: BatchOptions, record: Callable[[FileOutcome], None]) -> None:
    """Run ``tasks`` on the Ray instance this process is connected to; ``record`` each outcome as it arrives.

    A batch whose actor dies (a crash or an out-of-memory kill) is retried once; if it fails
    again, its files are run one per task, and a file whose task dies too becomes a
    ``WorkerDied`` failure, as in the local engine. Other files are not affected.
    """
    if not tasks:
        return
    require_ray()
    import ray.data

    context = ray.data.DataContext.get_current()
    saved = (context.max_errored_blocks, context.enable_progress_bars)
    context.max_errored_blocks, context.enable_progress_bars = -1, False
    data_logger = logging.getLogger("ray.data")
    saved_level = data_logger.level
    data_logger.setLevel(logging.ERROR)
    try:
        done = _run_dataset(tasks, options, record)
        lost = [task for index, task in enumerate(tasks) if index not in done]
        for outcome in _run_alone(lost, options):
            record(outcome)
    finally:
        context.max_errored_blocks, context.enable_progress_bars = saved
        data_logger.setLevel(saved_level)


def _run_dataset(tasks: Sequence[Task], options: BatchOptions, record: Callable[[FileOutcome], None]) -> set[int]:
    """Stream the tasks through an actor pool; returns the indexes of the tasks that came back."""
    import ray
    import ray.data

    items = [{"index": index, "path": task.source.path, "task": pickle.dumps(task)} for index, task in enumerate(tasks)]
    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    per_block = max(1, min(MAX_FILES_PER_BLOCK, len(tasks) // (cpus * 4)))  # at least 4 blocks per CPU
    blocks = min(-(-len(tasks) // per_block), MAX_BLOCKS)
    ds = _map_files(ray.data.from_items(items, override_num_blocks=blocks), options, min(cpus, blocks))
    done: set[int] = set()
    try:
        for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
            table = _as_table(batch)
            for index, blob in zip(table.column("index").to_pylist(), table.column("outcome").to_pylist(), strict=True):
                done.add(index)
                record(pickle.loads(blob))
    except Exception as exc:  # the job itself failed (cluster lost, workers cannot import cleaner)
        message = f"the Ray job failed after {len(done)} of {len(tasks)} files: {type(exc).__name__}: {exc}"
        raise CleanerError(message + "; rerun the same command to finish (done files are skipped)") from exc
    return done


def _map_files(ds: Dataset, options: BatchOptions, actors: int) -> Dataset:
    """``ds.map_batches(CleanFiles)``, retrying a batch whose actor died once rather than forever.

    Ray Data retries such a batch without end by default, so a file that kills its worker would
    stall the run. ``max_task_retries`` has no named parameter yet (Ray warns that the generic
    keywords will go); when a Ray refuses it, the default applies.
    """
    arguments: dict[str, Any] = {
        "batch_format": "pyarrow",
        "batch_size": None,  # a whole block per call: the block is the unit of work
        "compute": actor_pool(actors),
        "num_cpus": 1,
        "fn_constructor_kwargs": {"options": options, "cwd": os.getcwd()},
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return ds.map_batches(CleanFiles, max_task_retries=1, **arguments)
    except TypeError:
        return ds.map_batches(CleanFiles, **arguments)


class CleanFiles:
    """``map_batches`` callable of :func:`run_batch`: each row is one input file, cleaned into its output.

    The actor works in the coordinating process's folder (``cwd``), so relative PATHs and OUT mean
    the same thing as on the command line, and the outputs name their inputs as the local engine does.
    """

    def __init__(self, options: BatchOptions, cwd: str | None = None) -> None:
        from ..batch.work import cleaner_for

        if cwd and os.path.isdir(cwd):
            os.chdir(cwd)
        self.options = options
        cleaner_for(options.config)  # compile the rules once, before the first batch

    def __call__(self, batch: pa.Table) -> pa.Table:
        """Clean every file of the batch; return each one's pickled ``FileOutcome`` by task index."""
        import pyarrow as pa

        from ..batch.work import process_tasks

        tasks = [pickle.loads(blob) for blob in batch.column("task").to_pylist()]
        outcomes = process_tasks(tasks, self.options)
        blobs = [pickle.dumps(outcome) for outcome in outcomes]
        return pa.table({"index": batch.column("index"), "outcome": pa.array(blobs, pa.binary())})


def _run_alone(tasks: Sequence[Task], options: BatchOptions) -> list[FileOutcome]:
    """Retry files one per Ray task, without retries, a few per CPU in flight.

    An exception in the task fails its file with that exception (as the local engine would);
    a task whose worker dies fails its file as ``WorkerDied``.
    """
    if not tasks:
        return []
    import ray

    remote = ray.remote(num_cpus=1, max_retries=0)(_process_in)
    limit = 4 * max(1, int(ray.cluster_resources().get("CPU", 1)))
    pending = list(reversed(tasks))
    in_flight: dict[Any, Task] = {}
    outcomes = []
    while pending or in_flight:
        while pending and len(in_flight) < limit:
            task = pending.pop()
            in_flight[remote.remote(task, options, os.getcwd())] = task
        ready, _ = ray.wait(list(in_flight), num_returns=1)
        task = in_flight.pop(ready[0])
        outcomes.append(_outcome_of(ready[0], task))
    return outcomes


def _outcome_of(ref: Any, task: Task) -> FileOutcome:
    """The outcome a retried file's task returned, or its failure."""
    import ray

    from ..batch import Failure, FileOutcome

    path = task.source.path
    try:
        return ray.get(ref)  # type: ignore[no-any-return]
    except ray.exceptions.RayTaskError as exc:  # the task raised: name the real exception
        cause = exc.cause if isinstance(getattr(exc, "cause", None), BaseException) else exc
        return FileOutcome(path, failures=[Failure.from_exception(path, cause)])
    except ray.exceptions.RayError as exc:
        message = f"the Ray worker died while cleaning this file ({type(exc).__name__})"
        return FileOutcome(path, failures=[Failure(path, "WorkerDied", message)])


def _process_in(task: Task, options: BatchOptions, cwd: str) -> FileOutcome:
    """One file in a Ray worker, from the coordinating process's folder (restored afterwards)."""
    from ..batch.work import process_task

    before = os.getcwd()
    os.chdir(cwd)
    try:
        return process_task(task, options)
    finally:
        os.chdir(before)
