"""HTML mode's extra evidence: trafilatura's output, asked per block whether it kept that line."""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: Blocks of at least this many letters and digits count as kept when trafilatura's text contains them.
_SUBSTRING_CHARS = 12
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class ExtractorVotes:
    """trafilatura's output, asked per block: did it keep this line?"""

    lines: frozenset[str]
    text: str

    def kept(self, block_text: str) -> bool:
        key = word_key(block_text)
        if not key or key in self.lines:
            return bool(key)
        return len(key) >= _SUBSTRING_CHARS and key in self.text


def word_key(text: str) -> str:
    """The text's lower-cased letters and digits, run together.

    Two renderers differ in whitespace, table pipes, punctuation and split drop caps ("T he");
    the letters agree.
    """
    return "".join(_WORD.findall(text.lower()))
