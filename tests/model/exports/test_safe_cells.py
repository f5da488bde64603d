"""Formula-like text is neutralised in every cell the project writes; CSV is UTF-8 with a BOM."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from model.exports.safe import csv_bytes, frame_csv_bytes, neutralise, neutralise_frame


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+81-3-1234", "'+81-3-1234"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("\r=cmd", "'\r=cmd"),
        ("○進捗 =1+1", "○進捗 =1+1"),
        ("量子", "量子"),
        ("", ""),
        (-2, -2),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_neutralise_prefixes_only_formula_like_text(value: object, expected: object) -> None:
    """Text starting with = + - @ tab or CR gets an apostrophe; other values pass unchanged."""
    assert neutralise(value) == expected


def test_csv_has_a_bom_and_neutralised_cells() -> None:
    """The bytes start with the UTF-8 BOM, Japanese survives, formula-like cells are text."""
    data = csv_bytes([["量子", '=HYPERLINK("x")'], ["@A1", None]], header=["取組", "-進捗"])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["取組", "'-進捗"], ["量子", '\'=HYPERLINK("x")'], ["'@A1", ""]]


def test_frame_helpers_neutralise_text_columns_and_names() -> None:
    """A DataFrame written as CSV keeps numbers and neutralises text and column names."""
    df = pd.DataFrame({"=name": ["=a", "b"], "n": [-1, 2]})
    clean = neutralise_frame(df)
    assert list(clean.columns) == ["'=name", "n"]
    assert clean["'=name"].tolist() == ["'=a", "b"]
    text = frame_csv_bytes(df).decode("utf-8-sig")
    assert text.splitlines() == ["'=name,n", "'=a,-1", "b,2"]
