"""Rules: regexes kept as TOML data (one pack per label, one per language), validated when loaded."""

from .engine import RuleMatch, RuleSet
from .pack import BUILTIN_PACK_DIR, Rule, builtin_pack_paths, load_pack, load_packs

__all__ = [
    "BUILTIN_PACK_DIR",
    "Rule",
    "RuleMatch",
    "RuleSet",
    "builtin_pack_paths",
    "load_pack",
    "load_packs",
]
