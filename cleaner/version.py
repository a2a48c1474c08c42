"""The package version, in a module of its own so that any module can read it during import."""

__version__ = "0.1.0"
