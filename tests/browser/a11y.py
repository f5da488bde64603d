"""The accessibility crawl: every page a user can reach from the sidebar, in both languages, logged out and as
each role, at desktop width and at 320 px; axe-core (the copy bundled by axe-playwright-python) on each, and
the page's visible text for the language checks. One server, one browser, one session per role and language:
pages are reached by the sidebar's links (a page load would be a new, logged-out session).

`python -m tests.browser.a11y [OUT.json]` runs the crawl outside pytest (to record the results by hand)."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from model.messages import t

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "docs" / "accessibility" / "axe-results.json"
FORMAT = 1  # the results file's format; the statement page refuses any other
WIDTHS = (1440, 320)
LANGS = ("ja", "en")
PASSWORD = "kibou-no-ryoushi-2030"
# (role, account name, ministry): None is a reader who is not logged in.
ROLES: list[tuple[str, str | None, str | None]] = [
    ("anonymous", None, None),
    ("secretariat", "sec1", None),
    ("editor", "mext1", "MEXT"),
    ("viewer", "view1", None),
]
# WCAG 2.0/2.1 A and AA: what JIS X 8341-3:2016 level AA asks (it is identical to WCAG 2.0), plus the
# 2.1 AA rules axe knows, plus axe's best practices reported for information (not counted as failures).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SERIOUS = ("serious", "critical")


@dataclass
class PageResult:
    role: str
    lang: str
    width: int
    path: str  # url path of the page ("" for the default page)
    title: str  # the page's title as the sidebar shows it
    violations: list[dict[str, Any]] = field(default_factory=list)  # rule id, impact, nodes, help
    texts: list[list[str]] = field(default_factory=list)  # [text, lang of its element] (first width only)
    html_lang: str = ""


def settle(page: Page, timeout: float = 90, quiet: float = 0.5) -> None:
    """Wait until the script run is over (no stale element, no running indicator) and the page has stopped
    growing (count of drawn charts + height the same for `quiet` seconds)."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        now = page.evaluate(
            """() => { const m = document.querySelector('[data-testid="stMain"]');
                       return [document.querySelectorAll('.js-plotly-plot .main-svg').length,
                               m ? m.scrollHeight : 0,
                               document.querySelectorAll('[data-stale="true"]').length,
                               document.querySelectorAll('[data-testid="stStatusWidget"]').length]; }"""
        )
        if now != last or now[2]:
            last, since = now, time.monotonic()
        elif time.monotonic() - since > quiet:
            return
        time.sleep(0.15)


# Every text a reader meets (visible text nodes and the names read aloud: aria-label, placeholder, title),
# each with the language of its element (`lang` of the nearest ancestor that has one).
TEXTS_JS = """() => {
  const out = [];
  const langOf = (el) => (el.closest('[lang]') || document.documentElement).getAttribute('lang') || '';
  const hidden = (el) => !!el.closest('[aria-hidden="true"], script, style, noscript, template')
    || !el.getClientRects().length;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent.trim();
    if (text && n.parentElement && !hidden(n.parentElement)) out.push([text, langOf(n.parentElement)]);
  }
  for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (el.closest('[aria-hidden="true"]')) continue;
    for (const a of ['aria-label', 'placeholder', 'title']) {
      const v = (el.getAttribute(a) || '').trim();
      if (v) out.push([v, langOf(el)]);
    }
  }
  return out;
}"""


# Streamlit's own English (widgets, menus, the uploader, the skip link) that must not show in Japanese mode.
STREAMLIT_ENGLISH = (
    "Upload", "Browse files", "Drag and drop", "per file", "Choose an option", "Choose options",
    "No options to select", "None", "Deploy", "Rerun", "Clear cache", "Record a screencast", "Running...",
    "Skip to main content", "Show password", "Hide password", "Press Enter to apply", "Select all",
    "No results", "Download as CSV", "Fullscreen", "Collapse sidebar", "Expand sidebar", "Copy to clipboard",
    "Clear all", "Clear value", "Made with Streamlit", "View less", "more",
)  # fmt: skip
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
# Japanese that English mode shows on purpose: the language switch names Japanese in Japanese, and the
# search box's example is of Japanese words (the texts searched are Japanese).
JAPANESE_ALLOWED = {"日本語", "言語 / Language", t("filter.search_ph", "en")}
_CHUNKS = re.compile(r"\u3000|\s+·\s+|:\s+|\s{2,}")
_LEAD = re.compile(r"^(?:[0-9][\w-]*\s+|[○●・↪ⅰ-ⅿ①-⑳]\s*|<Goal>\s*)+")


def source_corpus(snap: Any) -> str:
    """Every text of the store's data (reference tables and follow-up texts): Japanese the English screen
    shows as quoted source text (a follow-up entry, an action's title, a deadline as written)."""
    from model.schemas import TABLES

    parts: list[str] = []
    frames = [snap.table(name) for name in TABLES if name != "kpi_observations"] + [snap.kpi_observations()]
    frames += [snap.followup(int(fy)) for fy in snap.table("bullets")["fiscal_year"].dropna().unique()]
    for frame in frames:
        for col in frame.columns:
            parts += [v for v in frame[col].tolist() if isinstance(v, str)]
    return "\n".join(parts)


def wrong_language(result: PageResult, corpus: str) -> list[str]:
    """Texts of the page in the wrong language: Streamlit's English in Japanese mode; in English mode,
    Japanese that is neither marked lang="ja" nor quoted from the store's data (`corpus`)."""
    found = []
    for text, lang in result.texts:
        if result.lang == "ja":
            found += [
                f"{word!r} in {text[:60]!r}"
                for word in STREAMLIT_ENGLISH
                if re.search(rf"\b{re.escape(word)}(?!\w)", text)
            ]
        elif JAPANESE.search(text) and not lang.startswith("ja") and text not in JAPANESE_ALLOWED:
            for chunk in _CHUNKS.split(text):
                chunk = _LEAD.sub("", chunk.strip()).strip("【】（）() ")
                if JAPANESE.search(chunk) and chunk not in corpus:
                    found.append(f"{chunk[:60]!r} in {text[:80]!r}")
    return found


def axe_version() -> str:
    script = Axe().axe_script
    found = re.search(r"axe v([\d.]+)", script[:200])
    return found.group(1) if found else "unknown"


def _violations(page: Page) -> list[dict[str, Any]]:
    """axe-core on the page as it is now; the script is put into the document once (the app moves between
    its pages without loading a new document)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(Axe().axe_script)
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    found = page.evaluate("o => axe.run(document, o).then(r => r.violations)", options)
    out = []
    for v in found:
        out.append(
            {
                "id": v["id"],
                "impact": v.get("impact") or "minor",
                "nodes": len(v["nodes"]),
                "help": v["help"],
                "targets": [str(n["target"][-1]) for n in v["nodes"][:3]],
            }
        )
    return sorted(out, key=lambda v: v["id"])


def log_in(page: Page, lang: str, name: str) -> None:
    page.get_by_label(t("ui.login.name", lang), exact=True).fill(name)
    page.get_by_label(t("ui.login.password", lang), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=t("ui.login.submit", lang)).click()
    page.get_by_text(t("ui.login.logout", lang)).first.wait_for()


def set_language(page: Page, lang: str) -> None:
    """The sidebar's language switch (the session keeps it across pages)."""
    label = "English" if lang == "en" else "日本語"
    radio = page.locator('[data-testid="stSidebar"] [role="radiogroup"] label').filter(has_text=label)
    radio.click()
    page.locator('[data-testid="stSidebarNav"] a').first.filter(has_text=t("page.overview", lang)).wait_for()
    settle(page)


def nav_links(page: Page) -> list[tuple[str, str]]:
    """(url path, title) of every page link in the sidebar, in order; "" is the default page."""
    links = page.locator('[data-testid="stSidebarNav"] a')
    out = []
    for i in range(links.count()):
        href = str(links.nth(i).get_attribute("href") or "")
        path = href.split("?")[0].split("//", 1)[-1].rstrip("/").partition("/")[2]
        # The icon's ligature name is text too ("dashboard\n\n概要"): the title is the last line.
        out.append((path, links.nth(i).inner_text().strip().splitlines()[-1]))
    return out


def role_dependent_pages() -> set[str]:
    """The pages whose content depends on who is logged in: their scripts ask for the current user."""
    return {p.stem for p in (ROOT / "dashboard" / "views").glob("*.py") if "current_user" in p.read_text()}


def goto(page: Page, index: int, path: str) -> None:
    """Follow the sidebar's `index`-th link (to `path`) unless the page is already there."""
    here = page.evaluate("() => location.pathname.replace(/^\\/|\\/$/g, '')")
    if here != path:
        page.locator('[data-testid="stSidebarNav"] a').nth(index).click()
        page.wait_for_function("p => location.pathname.replace(/^\\/|\\/$/g, '') === p", arg=path)
    settle(page)


def crawl(
    browser: Browser, base: str, roles: list[tuple[str, str | None, str | None]] = ROLES
) -> list[PageResult]:
    """Every page a reader who is not logged in sees, and as each role every page whose content depends on
    the role (plus the default page, for the account box in the sidebar), in both languages at both widths."""
    results: list[PageResult] = []
    dependent = role_dependent_pages()
    anonymous_pages: set[str] = set()
    for role, name, _ministry in roles:
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(f"{base}/login?lang={LANGS[0]}")
        page.wait_for_selector('[data-testid="stSidebarNav"]')
        settle(page)
        if name is not None:
            log_in(page, LANGS[0], name)
            settle(page)
        for lang in LANGS:
            if lang != LANGS[0]:
                set_language(page, lang)
            for i, (path, title) in enumerate(nav_links(page)):
                if name is None:
                    anonymous_pages.add(path)
                elif path and path in anonymous_pages and path not in dependent:
                    continue  # the same page as a reader's: checked logged out
                goto(page, i, path)
                for width in WIDTHS:
                    if width != WIDTHS[0]:
                        page.set_viewport_size({"width": width, "height": 900})
                        settle(page, quiet=0.4)
                    results.append(
                        PageResult(
                            role=role,
                            lang=lang,
                            width=width,
                            path=path,
                            title=title,
                            violations=_violations(page),
                            texts=page.evaluate(TEXTS_JS) if width == WIDTHS[0] else [],
                            html_lang=str(page.evaluate("() => document.documentElement.lang")),
                        )
                    )
                page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        context.close()
    return results


def summary(results: list[PageResult], seconds: float) -> dict[str, Any]:
    """The results file: per page (path, role, language, width) the violations by impact and rule."""
    return {
        "format": FORMAT,
        "date": dt.date.today().isoformat(),
        "tool": {"name": "axe-core", "version": axe_version(), "runner": "axe-playwright-python + Chromium"},
        "standard": "JIS X 8341-3:2016",
        "level": "AA",
        "tags": TAGS,
        "seconds": round(seconds, 1),
        "checks": [
            {
                "page": r.path or "overview",
                "title": r.title,
                "role": r.role,
                "lang": r.lang,
                "width": r.width,
                "html_lang": r.html_lang,
                "violations": [{k: v[k] for k in ("id", "impact", "nodes", "help")} for v in r.violations],
            }
            for r in results
        ],
    }


if __name__ == "__main__":  # pragma: no cover - a manual run
    import sys
    import tempfile

    from playwright.sync_api import sync_playwright

    from model.auth import User, add_user, operator
    from model.reporting.rounds import open_round
    from model.store import open_store
    from tests.browser.conftest import CHROMIUM_ARGS, serve_dashboard

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    db = Path(tempfile.mkdtemp()) / "a11y.sqlite3"
    store = open_store(f"sqlite:///{db}")
    store.init()
    open_round(store, 2021, User("setup", "secretariat"))
    for _role, name, ministry in ROLES:
        if name:
            add_user(store, name, _role, password=PASSWORD, ministry_code=ministry, by=operator())
    store.engine.dispose()
    start = time.monotonic()
    with serve_dashboard(db) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        found = crawl(browser, url)
        browser.close()
    data = summary(found, time.monotonic() - start)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    texts = {f"{r.role}/{r.lang}/{r.path}": r.texts for r in found if r.texts}
    out.with_suffix(".texts.json").write_text(
        json.dumps(texts, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"{out}: {len(found)} checks in {time.monotonic() - start:.0f} s")
