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
  apply();
  if (!window.__qfA11yObserver) {
    let queued = false;
    window.__qfA11yObserver = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; apply(); });
    });
    window.__qfA11yObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  }
  window.__qfA11yApply = apply;
})();
