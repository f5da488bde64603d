"""Text from users is data, never markup or control: one rule at intake, one rule at output.

Intake (`model/reporting/upload.py`, `commit.withdraw`): a text a ministry sends is normalised to NFC with
its line breaks as "\\n"; a text holding a character of `REFUSED` is refused with a problem that names the
cell, the character and where it sits, and so is a text longer than its limit. Refused, not removed: the
characters are invisible in Excel, so removing them would publish a text nobody wrote (an ESC sequence
loses its ESC and leaves "[2J" behind), and a problem naming the cell lets the ministry fix its own text.
File names are reduced to a display name (`display_file_name`); the name as sent is kept only as bytes.

Output: whatever the store holds (the seed, rows stored before this rule) is shown and written as text.
`reveal` turns each refused character into a visible escape (ESC → "\\x1b", RLO → "\\u202e"): every
writer (.xlsx, .csv, .pptx, the template) and every terminal line goes through it, so nothing it writes
can fail on such a character, clear a screen or reverse a line. On a page, `html_text` is text inside an
HTML block and `markdown_text` is text in an element that reads Markdown: neither lets a character of the
text become a link, an image, a tag or formatting.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

# Controls other than tab and newline (C0, DEL, C1), the bidirectional controls (marks, embeddings,
# overrides, isolates: they reorder what is displayed), lone surrogates and the two noncharacters XML
# cannot hold. CR is not here: it is a line break, normalised to "\n" at intake and on the page.
REFUSED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

TEXT_LIMIT = 4_000  # 進捗 / 次年度以降の取組: the longest published cell (FY2020, all ministries) has 567
NOTE_LIMIT = 1_000  # KPI 備考, withdrawal reasons
FILE_NAME_LIMIT = 100  # a display name, extension included
EXCERPT_LIMIT = 40  # a value quoted back in a problem

_C0_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"}


# --- intake ---------------------------------------------------------------------------------------------
def line_breaks(text: str) -> str:
    """CRLF and CR (Excel on a Mac, some .ods) as "\\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def normalise(text: str) -> str:
    """What intake stores: NFC, line breaks as "\\n". (NFC, not NFKC: full-width characters stay.)"""
    return unicodedata.normalize("NFC", line_breaks(text))


def first_refused(text: str) -> tuple[int, str] | None:
    """(0-based index, character) of the first refused character, None when there is none."""
    found = REFUSED.search(text)
    return None if found is None else (found.start(), found.group())


def checked_text(text: str, field: str, limit: int = NOTE_LIMIT) -> str:
    """A short text a person types outside a spreadsheet (an account name, a reason, a comment): normalised,
    or AppError naming the refused character or the length (nothing is stored). `field` is the message id
    of the field's name."""
    from model.errors import AppError, Msg  # model.errors imports the messages, which import nothing of this

    text = normalise(text).strip()
    found = first_refused(text)
    if found is not None:
        raise AppError("err.text.control", field=Msg(field), position=found[0] + 1, char=char_label(found[1]))
    if len(text) > limit:
        raise AppError("err.text.too_long", field=Msg(field), n=len(text), limit=limit)
    return text


def char_label(ch: str) -> str:
    """A character as a reader can name it: "U+001B (ESC)", "U+202E (RIGHT-TO-LEFT OVERRIDE)"."""
    code = ord(ch)
    name = _C0_NAMES.get(code) or unicodedata.name(ch, "")
    return f"U+{code:04X}" + (f" ({name})" if name else "")


# --- file names -----------------------------------------------------------------------------------------
_NOT_IN_NAMES = frozenset(("Cc", "Cf", "Co", "Cn", "Zl", "Zp"))


def _name_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if category == "Cs":  # a byte of a command-line name that is not UTF-8 (surrogateescape)
        return "\ufffd"
    return "" if category in _NOT_IN_NAMES else ch


def display_file_name(sent: str, limit: int = FILE_NAME_LIMIT) -> str:
    """The name a sender gave a file, as it may be stored and shown: no folders (either separator), no
    control, format or bidirectional character (bytes that are not UTF-8 as U+FFFD), NFC, at most
    `limit` characters with the extension kept, never empty or hidden.
    "../../x/evil.xlsx" → "evil.xlsx", "請求書\\u202efdp.xlsx" → "請求書fdp.xlsx"."""
    name = sent.replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", "".join(map(_name_char, name))).strip()
    if name in ("", ".", ".."):
        return "upload"
    if name.startswith("."):  # nothing left before the extension: still a name, not a hidden file
        name = "upload" + name
    if len(name) > limit:
        suffix = PurePosixPath(name).suffix
        suffix = suffix if len(suffix) <= 10 else ""
        name = name[: limit - len(suffix) - 1] + "…" + suffix
    return name


def file_name_bytes(sent: str) -> bytes:
    """The name as sent, as bytes: a command-line name undecodable as UTF-8 comes back byte for byte
    (Python decodes it with surrogateescape), anything else as UTF-8."""
    try:
        return sent.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return sent.encode("utf-8", "surrogatepass")


# --- output ---------------------------------------------------------------------------------------------
def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def reveal(text: str) -> str:
    """`text` with every refused character as a visible escape ("\\x1b", "\\u202e"); tab, newline and CR
    stay. What writers and terminals get: a file can always be written, a terminal never obeys it."""
    return REFUSED.sub(lambda m: _escape(m.group()), text) if REFUSED.search(text) else text


def one_line(text: str, limit: int | None = None) -> str:
    """`reveal`ed, on one line (runs of tabs and line breaks as a space), cut to `limit` with "…"."""
    flat = re.sub(r"[\t\r\n]+", " ", reveal(text))
    return flat if limit is None or len(flat) <= limit else flat[: limit - 1] + "…"


def excerpt(value: object) -> str:
    """A value quoted back in a problem message: one line, at most EXCERPT_LIMIT characters."""
    return one_line("" if value is None else str(value), EXCERPT_LIMIT)


def json_safe(dumped: str) -> str:
    """JSON text (json.dumps with ensure_ascii=False) with the refused characters JSON leaves raw (DEL,
    C1, bidirectional controls, surrogates) as \\u escapes: the same data, nothing a terminal obeys."""
    return REFUSED.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


# Every ASCII character other than letters, digits and space is written as a character reference: in an
# HTML block nothing in it is a tag, and no Markdown or Streamlit syntax (links, images, emphasis, code,
# :material/…: icons, :color[…], $…$) can start from it. The text reads exactly the same.
_HTML = {ord(c): f"&#{ord(c)};" for c in map(chr, range(0x21, 0x7F)) if not c.isalnum()}
_HTML |= {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;", ord("'"): "&#x27;"}
_HTML |= {ord("\t"): "&#9;", ord("\n"): "<br>"}
_MARKDOWN = {**_HTML, ord(" "): "&#32;"}  # also no indented code block from leading spaces
# Markdown renderers turn bare addresses into links after parsing (character references do not stop
# them): a WORD JOINER (U+2060, invisible, no width) before "www.", a scheme's ":" and an e-mail's "@"
# keeps them text.
_AUTOLINK = re.compile(r"(?i)(?:\bwww(?=\.)|\b(?:https?|ftp|mailto|xmpp)(?=:)|(?=@))")
WORD_JOINER = "\u2060"


def html_text(text: str) -> str:
    """`text` for inside an HTML block of `st.markdown(…, unsafe_allow_html=True)` (a <div> or <p> on one
    line): characters as references, line breaks as <br>, refused characters revealed."""
    return line_breaks(reveal(text)).translate(_HTML)


def markdown_text(text: str) -> str:
    """`text` for a Streamlit element that reads Markdown (captions, messages, labels, st.table cells):
    on one line, every ASCII mark a character reference, bare addresses kept from becoming links."""
    return _AUTOLINK.sub(lambda m: m.group() + WORD_JOINER, one_line(text)).translate(_MARKDOWN)
