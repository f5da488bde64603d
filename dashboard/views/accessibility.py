"""ウェブアクセシビリティ方針: the target level, the scope, and the results of the accessibility test as it
last recorded them (dashboard/statement.py reads docs/accessibility/axe-results.json)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import statement
from dashboard.state import lang, msg
from dashboard.ui import date_label

st.title(msg("a11y.page"))
st.write(msg("a11y.policy"))

try:
    data = statement.load_results()
except statement.ResultsError as err:
    st.warning(msg("a11y.missing", path="docs/accessibility/axe-results.json", problem=str(err)))
    st.stop()

pages = statement.per_page(data, lang())
widths = sorted({int(c["width"]) for c in data["checks"]}, reverse=True)
width_text = " / ".join(f"{w} px" for w in widths)

st.header(msg("a11y.level.title"))
st.write(msg("a11y.level"))
st.header(msg("a11y.scope.title"))
st.write(msg("a11y.scope", widths=width_text))

st.header(msg("a11y.results.title"))
tool = data["tool"]
st.write(
    msg(
        "a11y.results.meta",
        date=date_label(pd.Timestamp(data["date"]).date()),
        tool=tool["name"],
        version=tool["version"],
        runner=tool.get("runner", ""),
        tags=", ".join(data["tags"]),
        pages=len(pages),
        checks=len(data["checks"]),
    )
)
serious = int(pages["serious"].sum())
if serious:
    st.error(msg("a11y.results.verdict_ng", n=serious))
else:
    st.success(msg("a11y.results.verdict_ok"))


def _result(row: pd.Series) -> str:
    if row["serious"]:
        return msg("a11y.result.fail")
    return msg("a11y.result.notes") if row["other"] else msg("a11y.result.pass")


def _roles(roles: list[str]) -> str:
    return ("・" if lang() == "ja" else ", ").join(
        msg(f"ui.role.{r}") if r != "anonymous" else msg("a11y.role.anonymous") for r in roles
    )


table = pd.DataFrame(
    {
        msg("a11y.col.page"): pages["title"],
        msg("a11y.col.result"): [_result(r) for _, r in pages.iterrows()],
        msg("a11y.col.serious"): pages["serious"].astype(str),
        msg("a11y.col.other"): pages["other"].map(
            lambda o: ("、" if lang() == "ja" else ", ").join(f"{k}: {n}" for k, n in o.items()) if o else "—"
        ),
        msg("a11y.col.checks"): [
            msg(
                "a11y.checks",
                n=r["checks"],
                roles=_roles(r["roles"]),
                langs=" / ".join(r["langs"]),
                widths=" / ".join(f"{w} px" for w in r["widths"]),
            )
            for _, r in pages.iterrows()
        ],
    }
)
# st.table: a real HTML table, read cell by cell by screen readers; every text wraps.
st.table(table.set_index(msg("a11y.col.page")))

helps = statement.rule_help(data)
if helps:
    st.subheader(msg("a11y.rules.title"))
    st.markdown("\n".join(f"- `{rule}`: {text}" for rule, text in helps.items()))

st.header(msg("a11y.method.title"))
st.write(msg("a11y.method"))
