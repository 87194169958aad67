// RefineSharp's JavaScript initializer (Blazor loads "<assembly>.lib.module.js" of every library on start).
//
// The static sign-in forms are marked data-enhance: where scripts run, blazor.web.js sends the post with fetch and
// merges the answer into the page, so a sign-in does not load a second document. When that fetch gets no answer at all
// (the network or the server is down) blazor.web.js only rejects a promise and the page stays as it was, silently.
// Then this sends the same form once more as a plain post: the browser shows what it shows without scripts (its own
// "cannot be reached" page, or the app's answer if the network came back). Only a network failure (a TypeError from
// fetch) of a RefineSharp form that this page submitted enhanced is retried, and only once per submit.

let pendingForm = null;

function onSubmit(event) {
  const form = event.target;
  pendingForm = form instanceof HTMLFormElement && form.hasAttribute("data-refine-auth-form") && form.hasAttribute("data-enhance")
    ? form
    : null;
}

function onUnhandledRejection(event) {
  const form = pendingForm;
  if (!form || !(event.reason instanceof TypeError) || !form.isConnected) {
    return;
  }

  pendingForm = null;
  form.removeAttribute("data-enhance");
  form.submit();
}

/** Blazor Web App hook: runs once blazor.web.js has started, on static and interactive pages alike. */
export function afterWebStarted(blazor) {
  document.addEventListener("submit", onSubmit, true);
  window.addEventListener("unhandledrejection", onUnhandledRejection);
  blazor.addEventListener("enhancedload", () => {
    pendingForm = null;
  });
}
