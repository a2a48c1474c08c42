"""Parquet files (pyarrow, the ``[parquet]`` extra): a text column cleaned, every other column passed through.

Reading goes one row group at a time, in batches, so memory follows the row group, not the
file; a row group that cannot be decoded fails alone (one failure naming its rows). The output
has the input's schema with the text column holding the clean body and one struct column
``cleaner`` added (``title``, ``pieces`` and ``removals`` as ``list<struct>``, ``warnings``;
what ``--provenance`` keeps), so Arrow, DuckDB or Polars can filter on ``cleaner.removals.label``.
It is compressed with the input's codec unless ``--compress`` says ``gz``, ``zst`` or ``none``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from ...errors import CleanerError, InputError
from ...model import Result
from ..discover import Source
from ..failures import Failure
from ..readers import Document, Fields, record_document
from .inputs import open_raw
from .provenance import record_fields

#: Rows per read batch, and per written row group at most.
BATCH_ROWS = 256
ROW_GROUP_ROWS = 1024
#: Parquet codec for each ``--compress`` value (bz2 and xz have none: the input's codec stays).
CODECS = {"gz": "gzip", "zst": "zstd", "none": "none"}


def pyarrow() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, or a CleanerError naming the extra."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise CleanerError("Parquet files need pyarrow: pip install 'cleaner[parquet]'") from exc
    return pa, pq


def _open(raw: IO[bytes]) -> Any:
    pa, pq = pyarrow()
    try:
        return pq.ParquetFile(raw)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"not a readable Parquet file: {exc}") from exc


def read_parquet(source: Source, fields: Fields) -> Iterator[Document | Failure]:
    """The rows of a Parquet file as documents, in order; the text column must exist."""
    pa, _ = pyarrow()
    with open_raw(source.path) as raw:
        parquet = _open(raw)
        names = parquet.schema_arrow.names
        if fields.text_name(names) not in names:
            raise InputError(f"no column {fields.shown()}; its columns: {', '.join(names)} (choose with --text-field)")
        row = 0
        for group in range(parquet.num_row_groups):
            rows = parquet.metadata.row_group(group).num_rows
            try:
                batches = list(parquet.iter_batches(batch_size=BATCH_ROWS, row_groups=[group]))
            except (pa.ArrowException, OSError) as exc:
                message = f"rows {row + 1}-{row + rows} (row group {group}) cannot be decoded: {exc}"
                yield Failure(source.path, "InputError", message, row + 1, None, "row")
                row += rows
                continue
            for batch in batches:
                for record in batch.to_pylist():
                    row += 1
                    yield record_document(source, row, record, fields, "row")


def input_codec(source: Source) -> str:
    """The codec of the input's first column chunk (``snappy`` for a file without rows)."""
    with open_raw(source.path) as raw:
        metadata = _open(raw).metadata
    if metadata.num_row_groups == 0 or metadata.num_columns == 0:
        return "snappy"
    return str(metadata.row_group(0).column(0).compression).lower()


def input_schema(source: Source) -> Any:
    """The Arrow schema of the input file."""
    with open_raw(source.path) as raw:
        return _open(raw).schema_arrow


def cleaner_type(level: str, rejects: bool = False) -> Any:
    """The fields of the ``cleaner`` struct at provenance ``level`` (and ``rejected`` in a rejects file)."""
    pa, _ = pyarrow()
    fields = [pa.field("title", pa.string())]
    if level != "none":
        piece = pa.struct([("source", pa.int64()), ("target", pa.int64()), ("length", pa.int64())])
        removal = [("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()), ("rule", pa.string())]
        if level == "full":
            removal.append(("reason", pa.string()))
        fields += [
            pa.field("pieces", pa.list_(piece)),
            pa.field("removals", pa.list_(pa.struct(removal))),
            pa.field("warnings", pa.list_(pa.string())),
        ]
    if rejects:
        fields.append(pa.field("rejected", pa.string()))
    return fields


class ParquetOutput:
    """Rows written to ``handle`` as Parquet, a row group per :data:`ROW_GROUP_ROWS` rows."""

    def __init__(
        self,
        handle: IO[bytes],
        source: Source,
        text_fields: tuple[str, ...],
        level: str,
        compress: str | None,
        rejects: bool = False,
    ) -> None:
        pa, pq = pyarrow()
        self._pa = pa
        self.level = level
        schema = input_schema(source)
        if schema.get_field_index("cleaner") >= 0:  # cleaning a cleaned file replaces its provenance
            schema = schema.remove(schema.get_field_index("cleaner"))
        self.text_field = Fields(text_fields).text_name(schema.names)
        index = schema.get_field_index(self.text_field)
        schema = schema.set(index, pa.field(self.text_field, pa.string()))
        self.schema = schema.append(pa.field("cleaner", pa.struct(cleaner_type(level, rejects))))
        codec = CODECS.get(compress or "") or input_codec(source)
        self._writer = pq.ParquetWriter(handle, self.schema, compression=codec)
        self._rows: list[dict[str, Any]] = []

    def write(self, doc: Document, result: Result, extra: dict[str, Any] | None = None) -> None:
        """Add one cleaned row (``extra`` goes into its ``cleaner`` struct)."""
        assert doc.record is not None
        row = dict(doc.record)
        row[self.text_field] = result.text
        row["cleaner"] = {**record_fields(result, self.level, html=False, structs=True), **(extra or {})}
        self._rows.append(row)
        if len(self._rows) >= ROW_GROUP_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the rows buffered so far as one row group."""
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self.schema))
            self._rows = []

    def close(self) -> None:
        """Flush and write the footer (the file is valid only after this)."""
        self.flush()
        self._writer.close()
