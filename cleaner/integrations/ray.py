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
from collections.abc import Iterable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import CleanerError
from ..model import Result
from ..pipeline import Cleaner

if TYPE_CHECKING:
    import pyarrow as pa
    from ray.data import Dataset

#: How to get what this module needs; printed whenever Ray is missing.
INSTALL_HINT = "pip install 'cleaner[ray]'"
#: The columns added for every record, in order (the error column comes last).
RESULT_COLUMNS: tuple[str, ...] = ("text", "title", "pieces", "removals", "warnings")
#: Records per ``map_batches`` call: small enough to spread a few thousand documents over
#: every actor, large enough that the per-batch overhead (a few ms) stays under 1%.
DEFAULT_BATCH_SIZE = 32
#: Environment for a Ray started here: no usage reporting, nothing fetched from the network.
QUIET_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1"}


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
) -> bool:
    """Connect to the cluster at ``address``, or start a local Ray; return True if this call started it.

    An already initialised Ray is reused as is (and False returned), so a caller shuts down only
    what it started. ``num_cpus`` and ``object_store_memory`` apply only to a local instance:
    a running cluster has its own.
    """
    ray = require_ray()
    if ray.is_initialized():
        return False
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)
    options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.WARNING}
    if address is None:
        options.update(num_cpus=num_cpus, object_store_memory=object_store_memory)
    try:
        ray.init(address=address, **options)
    except Exception as exc:  # ConnectionError, RuntimeError, ValueError...: all mean "no cluster"
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
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
        try:
            return self.cleaner.clean_html(value) if self.html else self.cleaner.clean(value)
        except Exception as exc:  # one bad record must never fail a job of millions
            return f"{type(exc).__name__}: {exc}"


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
    autoscaling pool, which suits autoscaling clusters; by default one actor per CPU of the
    cluster. ``source_column`` adds ``Result.source``, which the offsets index: needed in HTML
    mode (the rendered page) or when the cleaned ``text`` replaces the input column.
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
    """An ``ActorPoolStrategy``: fixed size, ``(min, max)`` autoscaling, or one actor per cluster CPU."""
    ray = require_ray()
    from ray.data import ActorPoolStrategy

    if isinstance(concurrency, tuple):
        return ActorPoolStrategy(min_size=concurrency[0], max_size=concurrency[1])
    if concurrency is None:
        if not ray.is_initialized():
            start_ray()
        concurrency = max(1, int(ray.cluster_resources().get("CPU", 1)))
    return ActorPoolStrategy(size=concurrency)


def result_arrays(
    outcomes: Iterable[Result | str],
    *,
    source_column: str | None = None,
    error_column: str = "error",
) -> dict[str, pa.Array]:
    """Arrow columns for results (or error strings), with fixed types so every block has one schema."""
    import pyarrow as pa

    rows = list(outcomes)
    done = [row for row in rows if isinstance(row, Result)]
    failed = [isinstance(row, str) for row in rows]

    def column(values: list[Any], kind: pa.DataType, empty: Any) -> pa.Array:
        """One value per row: ``values`` in order for the cleaned rows, ``empty`` for failed ones."""
        it = iter(values)
        return pa.array([empty if bad else next(it) for bad in failed], kind)

    columns = {
        "text": column([r.text for r in done], pa.string(), None),
        "title": column([r.title for r in done], pa.string(), None),
        "pieces": column([[p.to_list() for p in r.pieces] for r in done], pieces_type(), []),
        "removals": column([[x.to_dict() for x in r.removals] for r in done], removals_type(), []),
        "warnings": column([list(r.warnings) for r in done], pa.list_(pa.string()), []),
    }
    if source_column:
        columns[source_column] = column([r.source for r in done], pa.string(), None)
    columns[error_column] = pa.array([row if isinstance(row, str) else None for row in rows], pa.string())
    return columns


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
