"""Untrusted text made safe to show to a person: :func:`printable`.

Container names, labels, messages, file paths and host names come from the host being audited,
which may be hostile. Every human-facing output (the terminal table, ``dockerbench diff``,
Markdown, HTML, CSV, JUnit, one-line errors) passes such text through :func:`printable`, so it
cannot drive the terminal (clear the screen, set colours or the window title), hide or reorder
text (bidi overrides), or crash an encoder (lone surrogates). The machine formats (JSON, SARIF,
snapshots, ``diff --format json``) keep the exact text: the JSON encoder escapes U+0000–U+001F
and :func:`json_printable` the rest, so they are safe to ``cat`` too.

A neutralised character is shown as its Python string-literal escape, exactly as ``repr()``
writes it, so a reader sees what is there:

=====================================================  =========================================
character                                              shown as
=====================================================  =========================================
tab, newline, carriage return                          ``\\t`` ``\\n`` ``\\r`` (tab and newline
                                                       are kept as they are with
                                                       ``multiline=True``)
other C0 controls U+0000–U+001F, DEL U+007F,           ``\\xNN``, two lower-case hex digits:
C1 controls U+0080–U+009F (CSI U+009B, OSC U+009D …)   ``\\x1b``, ``\\x07``, ``\\x00``, ``\\x9b``
bidi controls U+061C, U+200E, U+200F, U+202A–U+202E,   ``\\uNNNN``, four lower-case hex digits:
U+2066–U+2069; line/paragraph separators U+2028,       ``\\u202e``
U+2029; lone surrogates U+D800–U+DFFF
=====================================================  =========================================

Everything else (letters of every script, emoji, a literal backslash) is left alone, so the
escaping is for display only and not reversible: a name that already contains the four
characters ``\\x1b`` looks the same as one with a real ESC. Strong right-to-left letters
(Arabic, Hebrew) are legitimate text and kept; the HTML report isolates each untrusted value
(``<bdi>``) so their direction cannot spread to the text around it.
"""

from __future__ import annotations

import re

#: Bidirectional formatting characters (Unicode UAX #9): embeddings, overrides, isolates, marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_OTHER = "\u2028\u2029\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}{_OTHER}]")
_UNSAFE_MULTILINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}{_OTHER}]")
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    short = _SHORT.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, multiline: bool = False) -> str:
    """``text`` (``str()`` of any value) with every control, bidi and separator character
    replaced by its visible escape (``"\\x1b[2J"`` for ESC [2J); ``multiline=True`` keeps tab
    and newline where the output can show them."""
    return (_UNSAFE_MULTILINE if multiline else _UNSAFE).sub(_escape, str(text))


_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")


def json_printable(json_text: str) -> str:
    """JSON text with DEL, the C1 controls, the bidi controls and U+2028/U+2029 written as
    ``\\uNNNN`` escapes (JSON encoders escape only U+0000–U+001F): the same document, a parser
    reads back the exact strings, and ``cat report.json`` cannot drive the terminal. These
    characters can only occur inside JSON strings, where such an escape is always valid."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)
