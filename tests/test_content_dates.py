"""Dates that are the article's (``engine.content_dates``): a date under each version heading of
release notes. A page's own dateline, under its headline, still goes, also when the headline
names a version or a reading time stands under it."""

from __future__ import annotations

import cleaner


def _removed(result: cleaner.Result) -> set[str]:
    return {result.source[r.start : r.end] for r in result.removals}


def _changelog(releases: list[tuple[str, str, list[str]]], menu: str, title: str, intro: str) -> str:
    parts = [menu, title, intro]
    for version, date, notes in releases:
        parts.append(f"{version}\n{date}")
        parts.append("\n".join(notes))
    return "\n\n".join(parts) + "\n"


def test_each_release_keeps_its_date() -> None:
    """German and Spanish release notes: every release's date between its version heading and
    its notes is kept, in the page's language."""
    pages = {
        "de": (
            "Produkt\nPreise\nHilfe",
            "Versionshinweise",
            "Hier finden Sie alle Änderungen an der App, die neuesten zuerst, mit dem Datum jeder Version.",
            [
                ("Version 4.2.0", "3. März 2026", ["Neue Kalenderansicht für Teams.", "Schnellere Suche in Notizen."]),
                (
                    "Version 4.1.1",
                    "12. Februar 2026",
                    ["Die Synchronisierung blieb bei langsamen Verbindungen hängen."],
                ),
                ("Version 4.1.0", "28. Januar 2026", ["Erinnerungen lassen sich jetzt wiederholen.", "Dunkler Modus."]),
            ],
        ),
        "es": (
            "Producto\nPrecios\nAyuda",
            "Notas de la versión",
            "Aquí encontrarás todos los cambios de la aplicación, los más recientes primero, "
            "con la fecha de cada versión.",
            [
                (
                    "Versión 7.4.0",
                    "3 de marzo de 2026",
                    ["Los cuadernos compartidos muestran quién edita.", "Exportación a PDF."],
                ),
                ("Versión 7.3.2", "12 de febrero de 2026", ["La sincronización podía quedarse bloqueada al 99 %."]),
                (
                    "Versión 7.3.0",
                    "28 de enero de 2026",
                    ["Atajo de teclado para duplicar una nota.", "Plantillas nuevas."],
                ),
            ],
        ),
    }
    for language, (menu, title, intro, releases) in pages.items():
        result = cleaner.clean(_changelog(releases, menu, title, intro))
        for version, date, notes in releases[1:]:  # (the first stands under the headline)
            for line in (version, date, *notes):
                assert line in result.text, (language, line)


def test_a_dateline_under_a_headline_naming_a_version_still_goes() -> None:
    """One version named once (a news story on a release) makes no release notes: the story's
    dateline is removed as before."""
    text = (
        "News\nReviews\nDeals\n\nAndroid 15.1 arrives with a new battery saver\n\nMarch 3, 2026\n\n"
        "Google has started rolling out Android 15.1 to its Pixel phones, and the update brings a battery "
        "saver that learns which apps you use at night.\n\nThe update also fixes a bug that drained the "
        "battery when the phone was connected to a car over Bluetooth for a long time.\n"
    )
    result = cleaner.clean(text)
    assert "March 3, 2026" in _removed(result)
    assert result.title == "Android 15.1 arrives with a new battery saver"


def test_a_bylines_date_over_a_reading_time_still_goes() -> None:
    """A news story's date over one reading-time line is its dateline, removed."""
    text = (
        "Cronaca\nPolitica\nSport\n\nI campi che hanno spento le luci\n\n2 dicembre 2026 - 07:30\n"
        "Tempo di lettura: 6 minuti\n\nDopo vent'anni di lampioni e capannoni, un gruppo di agricoltori "
        "ha spento le luci dei campi per riportare il buio alle lucciole e agli uccelli migratori.\n\n"
        "Il progetto è partito da tre aziende e oggi coinvolge quaranta ettari tra le colline e il fiume.\n"
    )
    result = cleaner.clean(text)
    assert "2 dicembre 2026 - 07:30" in _removed(result)
