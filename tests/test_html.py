"""HTML mode: str and bytes in, encodings detected (and warned about when guessed), bad input refused."""

from __future__ import annotations

import codecs

import pytest

import cleaner
from cleaner import InputError, Result
from cleaner.html import decode_html, render_html

PARAGRAPHS = [
    "The café’s owner said “we’re open again” on Monday, after the naïve plan to close for the summer failed.",
    "Prices rose by 5 € this week — déjà vu for the regulars, who remember the last increase très bien.",
    "The council will review the lease in June, when the current agreement with the owner runs out.",
]


def page(head: str = "") -> str:
    """A small article page; ``head`` goes into <head> (e.g. a charset declaration)."""
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>Café reopens</title></head>\n"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\n"
        f"<article><h1>Café reopens after a summer of doubt</h1>\n{body}</article>\n"
        "<footer>© 2024 Example News</footer></body></html>"
    )


def check_pieces(result: Result) -> None:
    for piece in result.pieces:
        assert (
            result.source[piece.source : piece.source + piece.length]
            == result.text[piece.target : piece.target + piece.length]
        )


def test_clean_html_on_str(default_cleaner: cleaner.Cleaner) -> None:
    result = default_cleaner.clean_html(page())
    assert isinstance(result, Result)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.source, "source is the page rendered to text"
    assert "<p>" not in result.source
    assert PARAGRAPHS[0] in result.text
    assert result.warnings == ()
    check_pieces(result)


def test_module_level_clean_html_is_the_same_code_path(default_cleaner: cleaner.Cleaner) -> None:
    assert cleaner.clean_html(page()) == default_cleaner.clean_html(page())


def test_clean_html_on_utf8_bytes_equals_str(default_cleaner: cleaner.Cleaner) -> None:
    from_bytes = default_cleaner.clean_html(page().encode("utf-8"))
    assert from_bytes == default_cleaner.clean_html(page())
    assert "naïve" in from_bytes.source
    assert from_bytes.warnings == ()


def test_utf8_bom_is_honoured() -> None:
    text, warnings = decode_html(codecs.BOM_UTF8 + page().encode("utf-8"))
    assert text == page()
    assert warnings == []


def test_utf16_with_bom_is_decoded() -> None:
    text, warnings = decode_html(page().encode("utf-16"))
    assert text == page()
    assert warnings == []


@pytest.mark.parametrize(
    "declaration",
    ['<meta charset="iso-8859-1">', "<meta http-equiv='Content-Type' content='text/html; charset=latin-1'>"],
    ids=["meta charset", "http-equiv"],
)
def test_declared_latin1_bytes(default_cleaner: cleaner.Cleaner, declaration: str) -> None:
    html = page(declaration).replace("’", "'").replace("“", '"').replace("”", '"').replace("€", "EUR")
    html = html.replace("—", "-")
    result = default_cleaner.clean_html(html.encode("latin-1"))
    assert "The café's owner said \"we're open again\"" in result.source
    assert "déjà vu" in result.source and "très bien" in result.source
    assert result.warnings == (), "a declared charset that decodes is not a guess"


def test_undeclared_cp1252_bytes_warn_about_the_guess(default_cleaner: cleaner.Cleaner) -> None:
    result = default_cleaner.clean_html(page().encode("cp1252"))
    assert result.warnings, "a guessed encoding must be reported"
    assert any("guess" in warning.lower() for warning in result.warnings)
    assert "council will review the lease" in result.source


def test_undeclared_cp1252_bytes_are_decoded_as_cp1252() -> None:
    """windows-1252 is the web's default for undeclared Western pages (WHATWG); no mojibake."""
    text, warnings = decode_html(page().encode("cp1252"))
    assert "the naïve plan" in text
    assert "“we’re open again”" in text
    assert any("guess" in w.lower() and "1252" in w for w in warnings)


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        b"\x1f\x8b\x08\x00" + bytes(100),
        b"<html>\x00\x00\x00\x00</html>",
    ],
    ids=["all bytes", "png", "gzip", "NULs in html"],
)
def test_binary_bytes_are_an_input_error(default_cleaner: cleaner.Cleaner, data: bytes) -> None:
    with pytest.raises(InputError, match=r"(?i)binary"):
        default_cleaner.clean_html(data)


@pytest.mark.parametrize(
    "text",
    [
        "Just some plain text. No markup here at all.",
        "Line one\nLine two\n\nA paragraph of text that looks like an article but has no tags.",
        "",
        "   \n\t",
        "a < b and b > c, so 3<4 is true",
    ],
    ids=["sentence", "lines", "empty", "whitespace", "angle brackets"],
)
def test_plain_text_is_an_input_error_saying_not_html(default_cleaner: cleaner.Cleaner, text: str) -> None:
    for value in (text, text.encode("utf-8")):
        with pytest.raises(InputError, match=r"(?i)not (look like )?html"):
            default_cleaner.clean_html(value)


def test_input_error_is_a_value_error(default_cleaner: cleaner.Cleaner) -> None:
    with pytest.raises(ValueError):
        default_cleaner.clean_html("no tags here")


@pytest.mark.parametrize("value", [None, 42, ["<p>x</p>"]])
def test_wrong_type_is_a_type_error(default_cleaner: cleaner.Cleaner, value: object) -> None:
    with pytest.raises(TypeError):
        default_cleaner.clean_html(value)  # type: ignore[arg-type]


def test_clean_rejects_bytes_and_points_to_clean_html(default_cleaner: cleaner.Cleaner) -> None:
    with pytest.raises(TypeError, match="clean_html"):
        default_cleaner.clean(b"<p>bytes</p>")  # type: ignore[arg-type]


def test_fragment_without_html_element_is_accepted(default_cleaner: cleaner.Cleaner) -> None:
    result = default_cleaner.clean_html("<p>" + PARAGRAPHS[2] + "</p>")
    assert PARAGRAPHS[2] in result.source
    check_pieces(result)


def test_render_without_extractor_has_no_votes() -> None:
    rendered = render_html(page(), use_extractor=False)
    assert rendered.votes is None
    assert PARAGRAPHS[1] in rendered.text


def test_render_with_extractor_votes_for_article_lines() -> None:
    rendered = render_html(page(), use_extractor=True)
    assert rendered.votes is not None
    assert rendered.votes.kept(PARAGRAPHS[0])
    assert not rendered.votes.kept("© 2024 Example News")


def test_use_trafilatura_false_still_cleans() -> None:
    result = cleaner.Cleaner(cleaner.Config(use_trafilatura=False)).clean_html(page())
    assert PARAGRAPHS[1] in result.source
    check_pieces(result)


def test_elements_a_browser_never_shows_are_not_rendered() -> None:
    # Microdata copies of the headline and publisher, hidden by an inline style or the attribute.
    hidden = (
        '<div style="display: none;" itemscope><div itemprop="name">ExamplePublisher</div></div>after the div'
        "<p hidden>A hidden paragraph.</p>"
        '<p style="color: red; VISIBILITY:hidden">An invisible paragraph.</p>'
        '<p style="display:block">A shown paragraph.</p>'
        "<noscript>Please enable JavaScript.</noscript><template><p>A template.</p></template>"
    )
    text = render_html(page().replace("</article>", hidden + "</article>"), use_extractor=False).text
    assert all(p in text for p in PARAGRAPHS)
    assert "after the div" in text and "A shown paragraph." in text
    assert "ExamplePublisher" not in text and "hidden paragraph" not in text and "invisible" not in text
    assert "JavaScript" not in text and "template" not in text


def test_a_page_hidden_until_its_scripts_reveal_it_is_still_rendered() -> None:
    # An anti-flicker wrapper: the page's scripts show it once loaded; a big inline script beside it.
    script = '<script>var state = "' + "x" * 50_000 + '";</script>'
    html = page().replace("<body>", f'<body>{script}<div style="display:none">').replace("</body>", "</div></body>")
    text = render_html(html, use_extractor=False).text
    assert all(p in text for p in PARAGRAPHS)


def test_render_matches_html_text_on_its_own_parse() -> None:
    # The shared tree, cleaned in place, renders as html-text renders the page string itself
    # (its own parser, a deep copy cleaned), forms and scripts included.
    import html_text

    html = page().replace(
        "</article>",
        "<form><label>Name</label><input value='x'><textarea>Say</textarea></form><script>x=1</script></article>",
    )
    assert render_html(html).text == html_text.extract_text(html, guess_layout=True)


def test_render_after_a_failed_clean_is_the_uncleaned_page(monkeypatch: pytest.MonkeyPatch) -> None:
    # html-text renders the page uncleaned when its cleaner fails (an lxml bug): a cleaner that
    # fails half-way through the shared tree must not leave its half-done work in the text.
    import html_text
    from lxml_html_clean import Cleaner

    def failing(self: Cleaner, doc: object) -> None:
        for element in list(doc.iter("p")):  # type: ignore[attr-defined]
            element.drop_tree()
        raise AssertionError("half-way")

    expected = html_text.etree_to_text(html_text.parse_html(page()), guess_layout=True)
    monkeypatch.setattr(Cleaner, "__call__", failing)
    text = render_html(page()).text
    assert PARAGRAPHS[0] in text
    assert text == expected


def test_parsed_elements_have_lxml_html_classes() -> None:
    # The parsers look element classes up in C, with lxml.html's classes for the same tags.
    import lxml.html

    from cleaner.html_parse import extractor_tree, renderer_tree

    form = "<form><input><LABEL>x</LABEL><select></select><textarea></textarea></form>"
    html = f"<html><body><!-- c -->{form}<p>y</p></body></html>"
    expected = [type(e) for e in lxml.html.fromstring(html, parser=lxml.html.HTMLParser(remove_comments=True)).iter()]
    assert [type(e) for e in extractor_tree(html).iter()] == expected
    assert [type(e) for e in renderer_tree(html).iter()] == [type(e) for e in lxml.html.fromstring(html).iter()]
    assert lxml.html.FormElement in expected


def test_a_block_of_code_keeps_its_line_breaks() -> None:
    """html-text collapses all whitespace; a ``<pre>`` is rendered with its own line breaks, so a
    block of code stays one line per line of code (and text with the page's private-use icon
    characters still renders as it is)."""
    code = "SELECT name, city FROM readers\nWHERE city = 'Boston'\nORDER BY name;"
    highlighted = "for item in items:\n    <span class='k'>print</span>(item.name)\n\n\n"
    html = page().replace(
        "</article>",
        f"<pre><code>{code}</code></pre><p>Icons \ue000 stay.</p><pre>{highlighted}</pre><pre>one line</pre></article>",
    )
    text = render_html(html).text
    assert code in text
    assert "for item in items:\n    print(item.name)\n" in text
    assert "Icons \ue000 stay." in text and "one line" in text
    assert "\ue001" not in text
    result = cleaner.clean_html(html)
    assert "WHERE city = 'Boston'\nORDER BY name;" in result.text
    # A page that holds every private-use character leaves no marker free: html-text's rendering.
    crowded = html.replace("Icons \ue000 stay.", "".join(map(chr, range(0xE000, 0xF900))))
    assert "SELECT name, city FROM readers WHERE city" in render_html(crowded).text
