// The in-page probe, installed with addInitScript in every document before the app's own scripts. It only observes:
// a MutationObserver (with load events and a 50 ms fallback poll for changes no mutation signals) notes, on the page's
// own clock, the first moment that
//   - the login form is usable: the email input matches, is enabled, writable and has a box (and the app's
//     interactivity marker matches, when the app needs script before its form works)            -> form
//   - the interactivity marker matches                                                          -> interactive
//   - the signed-in content is there with a box                                                  -> ready
// The harness awaits the promises below instead of polling from Node (Playwright's waitFor* back-off would add tens of
// ms of quantisation). A capture-phase click listener notes when the browser dispatches a click on the submit or the
// logout control (single-page steps re-arm the mark first, see rearm); the moment is copied to sessionStorage when the document goes away, so the next document can tell
// how long the whole step took.
export function probe(cfg) {
  if (window.__bench) return;
  const st = (window.__bench = { marks: {} });
  const waiters = {};
  const arm = (name) => {
    delete st.marks[name];
    st[name] = new Promise((resolve) => (waiters[name] = resolve));
  };
  for (const name of ["form", "interactive", "ready"]) arm(name);
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
  };
  const tests = {
    interactive: () => !!cfg.interactiveSelector && !!document.querySelector(cfg.interactiveSelector),
    form: () => {
      if (cfg.formNeedsInteractive && cfg.interactiveSelector && !document.querySelector(cfg.interactiveSelector)) return false;
      const el = document.querySelector(cfg.emailSelector);
      return !!el && !el.matches(":disabled") && !el.readOnly && shown(el);
    },
    ready: () => {
      const el = document.querySelector(cfg.readySelector);
      return !!el && shown(el);
    },
  };
  const clicks = () => {
    const out = { ...(st.clicks || {}) };
    try {
      for (const k of ["login", "logout"]) {
        const v = Number(sessionStorage.getItem("__bench_click_" + k));
        if (v && !(k in out)) out[k] = v;
      }
    } catch {}
    return out;
  };
  let mo, poll;
  const check = (via) => {
    let open = 0;
    for (const name of Object.keys(tests)) {
      if (st.marks[name]) continue;
      if (tests[name]()) {
        const at = performance.now();
        st.marks[name] = { at, epoch: performance.timeOrigin + at, via, url: location.href, clicks: clicks() };
        waiters[name](st.marks[name]);
      } else open++;
    }
    if (!open) {
      mo && mo.disconnect();
      clearInterval(poll);
    }
  };
  const watch = () => {
    mo = new MutationObserver(() => check("mutation"));
    mo.observe(document, { childList: true, subtree: true, attributes: true });
    poll = setInterval(() => check("poll"), 50);
  };
  watch();
  // Before a step that stays in this document (a single-page app's logout), the harness re-arms the mark it awaits;
  // it must not be there at that moment (the step has not happened yet).
  st.rearm = (name) => {
    arm(name);
    mo.disconnect();
    clearInterval(poll);
    watch();
  };
  document.addEventListener("DOMContentLoaded", () => check("domcontentloaded"));
  window.addEventListener("load", () => check("load"));
  window.addEventListener(
    "click",
    (e) => {
      if (!(e.target instanceof Element)) return;
      const now = performance.timeOrigin + performance.now();
      st.clicks = st.clicks || {};
      if (e.target.closest(cfg.submitSelector)) st.clicks.login = now;
      if (cfg.logoutSelector && e.target.closest(cfg.logoutSelector)) st.clicks.logout = now;
    },
    true,
  );
  window.addEventListener("pagehide", () => {
    try {
      for (const [k, v] of Object.entries(st.clicks || {})) sessionStorage.setItem("__bench_click_" + k, String(v));
    } catch {}
  });
}
