// RefineSharp's JavaScript initializer (Blazor loads "<assembly>.lib.module.js" of every library on start).
//
// The static sign-in forms are marked data-enhance (docs/adr/0012-enhanced-sign-in-post.md): where scripts run,
// blazor.web.js sends the post with fetch and merges the answer into the page, so a sign-in loads no second document.
// Two things a plain post had for free are kept here:
// - While the post runs, the submit button is disabled and the form says aria-busy, as the interactive form does (a
//   plain post has the browser's own loading indicator; a fetch has none). The merged answer brings the server's
//   markup back, which has neither attribute.
// - When the fetch gets no answer at all (the network or the server is down), blazor.web.js only rejects a promise and
//   the page would stay as it was, silently. Then the same form is sent once more as a plain post, so the browser shows
//   what it shows without scripts: the app's answer, or its own "cannot be reached" page.

let pending = null;

// Listens on the window, after blazor.web.js's listener on the document: a submit it took over is default-prevented by
// then; one it left alone (not enhanced) goes on as a plain post, with the browser's own loading indicator.
function onSubmit(event) {
  const form = event.target;
  if (!event.defaultPrevented || !(form instanceof HTMLFormElement)
    || !form.hasAttribute("data-refine-auth-form") || !form.hasAttribute("data-enhance")) {
    return;
  }

  const button = event.submitter instanceof HTMLButtonElement ? event.submitter : null;
  pending = { form, button };
  form.setAttribute("aria-busy", "true");
  button?.setAttribute("disabled", "");
}

function settle() {
  const current = pending;
  pending = null;
  if (current) {
    current.form.removeAttribute("aria-busy");
    current.button?.removeAttribute("disabled");
  }
  return current;
}

function onUnhandledRejection(event) {
  if (!pending) {
    return;
  }

  const { form } = settle();
  // Only a network failure (fetch rejects with a TypeError) is sent again; any other error leaves the form usable.
  if (event.reason instanceof TypeError && form.isConnected) {
    form.removeAttribute("data-enhance");
    form.submit();
  }
}

/** Blazor Web App hook: runs once blazor.web.js has started, on static and interactive pages alike. */
export function afterWebStarted(blazor) {
  window.addEventListener("submit", onSubmit);
  window.addEventListener("unhandledrejection", onUnhandledRejection);
  blazor.addEventListener("enhancedload", () => {
    settle();
  });
}
