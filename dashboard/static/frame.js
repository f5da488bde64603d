// The dashboard's page frame (issue 14), run on every script run by dashboard/ui.py page_frame().
// window.__qfA11y = {lang, uploader: {drop, limit, browse, upload}} is set just before this script.
// Streamlit offers no option for any of these, so they are applied to its DOM and re-applied (by one
// MutationObserver) whenever Streamlit redraws a part of the page.
// No HTML tag may appear in this file, not even in a comment: Streamlit drops the whole script then.
(function () {
  const cfg = window.__qfA11y;
  function apply() {
    const root = document.documentElement;
    if (root.lang !== cfg.lang) root.lang = cfg.lang;
    // The sidebar's page list: Streamlit puts each section's list items in a div directly inside the list
    // (invalid list markup; screen readers announce no list). The list becomes a plain container and each
    // section a list of its own.
    document.querySelectorAll('ul[data-testid="stSidebarNavItems"]').forEach((ul) => {
      if (ul.getAttribute("role") !== "none") ul.setAttribute("role", "none");
      for (const child of ul.children) {
        if (child.tagName === "DIV" && child.getAttribute("role") !== "list") child.setAttribute("role", "list");
      }
    });
    // The file uploader's own texts, which Streamlit writes in English whatever the language.
    document.querySelectorAll('[data-testid="stFileUploaderDropzoneInstructions"]').forEach((box) => {
      const spans = box.querySelectorAll("span");
      if (spans.length && spans[0].textContent !== cfg.uploader.drop) spans[0].textContent = cfg.uploader.drop;
      const small = box.querySelector("small");
      if (small && small.textContent !== cfg.uploader.limit) small.textContent = cfg.uploader.limit;
    });
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"] button').forEach((b) => {
      const text = b.querySelector("span:not([data-testid]) , p") || b;
      if (b.textContent.trim() && !b.textContent.includes(cfg.uploader.browse)) {
        // keep an icon element if there is one, replace the words
        for (const node of b.childNodes) {
          if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) node.textContent = cfg.uploader.browse;
        }
        if (!b.textContent.includes(cfg.uploader.browse)) text.textContent = cfg.uploader.browse;
      }
    });
  }
  function more() {
    // Material icons are drawn from their ligature names ("upload_file"): a screen reader would read the
    // name aloud next to the label, so they are hidden from it (the label says what the control does).
    document.querySelectorAll('[data-testid="stIconMaterial"]').forEach((icon) => {
      if (icon.getAttribute("aria-hidden") !== "true") icon.setAttribute("aria-hidden", "true");
    });
    // Names Streamlit gives its controls in English (aria-label, title, placeholder): read aloud, or shown.
    for (const attr of ["aria-label", "title", "placeholder"]) {
      document.querySelectorAll("[" + attr + "]").forEach((el) => {
        const said = cfg.names[el.getAttribute(attr)];
        if (said) el.setAttribute(attr, said);
      });
    }
    // A region that scrolls sideways (a wide table at 320 px) must be reachable by keyboard to be read.
    document.querySelectorAll('[data-testid="stMain"] div, [data-testid="stMain"] table').forEach((el) => {
      if (el.scrollWidth > el.clientWidth + 1 && !el.hasAttribute("tabindex")) {
        const style = getComputedStyle(el);
        if (style.overflowX === "auto" || style.overflowX === "scroll") el.setAttribute("tabindex", "0");
      }
    });
    // Streamlit's "Running..." while a script runs, in English whatever the language.
    document.querySelectorAll('[data-testid="stStatusWidget"]').forEach((box) => {
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.textContent.trim() === "Running..." && cfg.running) node.textContent = cfg.running;
      }
    });
    // Streamlit's skip link, in English whatever the language.
    document.querySelectorAll('a[href="#main-content"], a[href^="#stMain"], [data-testid="stSkipLink"]').forEach((a) => {
      if (a.textContent !== cfg.skip) a.textContent = cfg.skip;
    });
  }
  // On English pages, text that is Japanese (action titles, ministries' reports, names from the seeds) is
  // marked lang="ja" on its element, so that a screen reader reads it as Japanese (JIS X 8341-3 3.1.2).
  // An element whose own text is at least half Japanese characters counts as Japanese; mixed lines stay
  // English. Attributes only: the elements are Streamlit's, and their children are left as they are.
  const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/g;
  function languageOfParts() {
    const main = document.querySelector('[data-testid="stAppViewContainer"]');
    if (!main) return;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || seen.has(el)) continue;
      seen.add(el);
      let own = "";
      for (const child of el.childNodes) if (child.nodeType === Node.TEXT_NODE) own += child.textContent;
      own = own.replace(/\s+/g, "");
      const ja = (own.match(JAPANESE) || []).length;
      const wanted = cfg.lang === "en" && own.length > 0 && ja * 2 >= own.length;
      if (wanted && el.getAttribute("lang") !== "ja") {
        el.setAttribute("lang", "ja");
        el.dataset.qfLang = "auto";
      } else if (!wanted && el.dataset.qfLang === "auto") {
        el.removeAttribute("lang");
        delete el.dataset.qfLang;
      }
    }
  }
  const applyAll = () => { apply(); more(); languageOfParts(); };
  applyAll();
  if (!window.__qfA11yObserver) {
    let queued = false;
    window.__qfA11yObserver = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; window.__qfA11yApply(); });
    });
    window.addEventListener("resize", () => window.__qfA11yApply());
    window.__qfA11yObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
  window.__qfA11yApply = applyAll;
})();
