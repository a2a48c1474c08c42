"""Corpus formats beyond plain files: compression, WET/WARC, Parquet, dolma's layout, remote paths.

One module per job: ``compression`` (codecs by suffix), ``inputs`` and ``remote`` (opening a
file, locally or through fsspec), ``warc`` and ``parquet`` (readers; Parquet writes too),
``provenance`` (what ``--provenance`` keeps), ``outputs`` (an input's output and rejects,
atomically) and ``dolma`` (``--format dolma``). The optional libraries are extras; a run that
needs a missing one stops before cleaning anything, naming the extra (:func:`require_readers`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..discover import Source


def require_readers(sources: Iterable[Source]) -> None:
    """Raise a CleanerError naming the extra when a source needs a library that is not installed."""
    from .compression import zstandard_module
    from .parquet import pyarrow
    from .remote import filesystem, is_remote
    from .warc import fastwarc

    sources = list(sources)
    needed = {source.kind for source in sources} | {f"codec:{source.compression}" for source in sources}
    if needed & {"wet", "warc"}:
        fastwarc()
    if "parquet" in needed:
        pyarrow()
    if "codec:zst" in needed:
        zstandard_module()
    remote = next((source.path for source in sources if is_remote(source.path)), None)
    if remote is not None:
        filesystem(remote)
