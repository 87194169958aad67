// RefineSharp's browser helpers: token storage and cross-tab sign-in sync. Loaded by IJSRuntime "import".
// Every function fails soft where the browser refuses storage (private modes, disabled cookies).

function storageOf(kind) {
  try {
    return kind === "session" ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

export function getItem(kind, key) {
  try {
    const storage = storageOf(kind);
    return storage ? storage.getItem(key) : null;
  } catch {
    return null;
  }
}

// lockName (the token entry's refresh lock, localStorage only): the write waits its turn behind another tab's refresh
// and hands over to the next holder (see serialized below).
export function setItem(kind, key, value, lockName) {
  const storage = storageOf(kind);
  if (!storage) {
    throw new Error("Browser storage is not available.");
  }
  return serialized(lockName, () => storage.setItem(key, value));
}

// Compare-and-set in one synchronous function: writes value only while the entry still holds the expected tokens
// (by access token for plain JSON, or as the exact expected text for encrypted entries). Returns whether it wrote.
// Within one tab nothing comes between the read and the write. Across tabs that holds only under lockName: each
// renderer process compares against its own copy of localStorage, so a logout in another tab that has not reached
// this copy yet would be overwritten; with the lock, that logout waits for this write or this one sees the logout.
export function replaceItem(kind, key, expectedAccessToken, expectedText, value, lockName) {
  const storage = storageOf(kind);
  if (!storage) {
    throw new Error("Browser storage is not available.");
  }
  return serialized(lockName, () => compareAndSet(storage, key, expectedAccessToken, expectedText, value));
}

function compareAndSet(storage, key, expectedAccessToken, expectedText, value) {
  const current = storage.getItem(key);
  if (current === null) {
    return false;
  }
  let matches = false;
  if (typeof expectedText === "string") {
    matches = current === expectedText;
  } else if (typeof expectedAccessToken === "string" && expectedAccessToken.length > 0) {
    try {
      const parsed = JSON.parse(current);
      matches = parsed !== null && typeof parsed === "object" && parsed.accessToken === expectedAccessToken;
    } catch {
      matches = false;
    }
  }
  if (!matches) {
    return false;
  }
  storage.setItem(key, value);
  return true;
}

export function removeItem(kind, key, lockName) {
  const remove = () => {
    try {
      const storage = storageOf(kind);
      if (storage) {
        storage.removeItem(key);
      }
    } catch {
      // Nothing stored can be reached, so nothing is left behind either.
    }
  };
  return serialized(lockName, remove);
}

// Cross-tab mutual exclusion with the Web Locks API, for token refreshes: resolves true once the lock named `name` is
// held for the caller's `id` (until releaseLock(id), or at most holdLimitMs), false when Web Locks are unavailable
// (insecure context, old browser) or the request was withdrawn by releaseLock(id) before it was granted.
//
// The lock alone does not make the previous holder's writes visible: Chromium gives each renderer process its own
// copy of localStorage and tells the others of a write later, on a channel that does not wait for the lock, so a tab
// granted the lock right after another wrote renewed tokens and released it often still read the old ones, refreshed
// again and reused a rotated refresh token. Hence the hand-over: a holder, before it releases, counts one more in
// localStorage ("<name>#seq", written after the tokens, so delivered after them) and records that count in
// IndexedDB, whose reads are served by the browser process in commit order; the next holder waits, once granted,
// until its own copy of localStorage shows at least that count, and so the tokens written before it.
const heldLocks = new Map();
const HandOverWaitMs = 2000;

export function acquireLock(name, id, holdLimitMs) {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (!locks || typeof locks.request !== "function") {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const controller = new AbortController();
    let release = () => {};
    const held = new Promise((done) => {
      release = done;
    });
    let timer = null;
    const entry = {
      name,
      granted: false,
      handedOver: 0,
      async release() {
        if (heldLocks.get(id) !== entry) {
          return;
        }
        heldLocks.delete(id);
        if (timer !== null) {
          clearTimeout(timer);
        }
        if (!entry.granted) {
          controller.abort();
        } else {
          await handOver(name, entry.handedOver);
        }
        release();
      },
    };
    heldLocks.set(id, entry);
    locks
      .request(name, { mode: "exclusive", signal: controller.signal }, async () => {
        if (heldLocks.get(id) !== entry) {
          // Withdrawn while queued: let the next one in at once.
          resolve(false);
          return undefined;
        }
        entry.granted = true;
        timer = setTimeout(() => entry.release(), holdLimitMs);
        entry.handedOver = await catchUp(name);
        resolve(true);
        return held;
      })
      .catch(() => {
        heldLocks.delete(id);
        resolve(false);
      });
  });
}

export function releaseLock(id) {
  const entry = heldLocks.get(id);
  return entry ? entry.release() : undefined;
}

// A write of the token entry (sign-in, sign-out, a refresh's compare-and-set) under the entry's lock, so that writes
// from different tabs happen one after the other and each sees the one before (the hand-over). In a tab that holds
// the lock already (a refresh writing its result) it runs at once. Another tab's holder is waited for at most
// WriteWaitMs: a sign-out must not hang on a tab that froze while refreshing; after that it writes unserialized.
const WriteWaitMs = 3000;

async function serialized(lockName, write) {
  if (!lockName || heldByThisTab(lockName)) {
    return write();
  }
  const id = "write-" + Math.random().toString(36).slice(2);
  let timer = null;
  const gaveUp = new Promise((done) => {
    timer = setTimeout(done, WriteWaitMs);
  });
  await Promise.race([acquireLock(lockName, id, 60000), gaveUp]);
  clearTimeout(timer);
  try {
    return write();
  } finally {
    // Also withdraws a request still queued after the wait ran out (or releases it if it was granted meanwhile).
    await releaseLock(id);
  }
}

function heldByThisTab(name) {
  for (const entry of heldLocks.values()) {
    if (entry.name === name && entry.granted) {
      return true;
    }
  }
  return false;
}

function handOverKey(name) {
  return name + "#seq";
}

function localCount(name) {
  try {
    return Number(window.localStorage.getItem(handOverKey(name))) || 0;
  } catch {
    return 0;
  }
}

// `seen`: the count recorded when this holder was granted the lock (its own copy may still lag if the wait timed out).
async function handOver(name, seen) {
  try {
    const next = Math.max(localCount(name), seen) + 1;
    window.localStorage.setItem(handOverKey(name), String(next));
    await recordCount(name, next);
  } catch {
    // No storage: the next holder reads what it can, as it did before the hand-over existed.
  }
}

// Waits (at most HandOverWaitMs) until this tab's copy of localStorage has the last holder's writes; returns the count.
async function catchUp(name) {
  const target = await recordedCount(name);
  const deadline = performance.now() + HandOverWaitMs;
  while (target !== null && localCount(name) < target && performance.now() < deadline) {
    await new Promise((done) => setTimeout(done, 2));
  }
  return target ?? 0;
}

let countsDb = null;

function openCounts() {
  countsDb ??= new Promise((resolve) => {
    try {
      const open = indexedDB.open("refine-sharp-locks", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("counts");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(null);
      open.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return countsDb;
}

async function recordCount(name, count) {
  const db = await openCounts();
  if (!db) {
    return;
  }
  await new Promise((resolve) => {
    try {
      const tx = db.transaction("counts", "readwrite");
      tx.objectStore("counts").put(count, name);
      tx.oncomplete = tx.onerror = tx.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
}

async function recordedCount(name) {
  const db = await openCounts();
  if (!db) {
    return null;
  }
  return new Promise((resolve) => {
    try {
      const read = db.transaction("counts", "readonly").objectStore("counts").get(name);
      read.onsuccess = () => resolve(typeof read.result === "number" ? read.result : null);
      read.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

// Tells this tab's .NET side (dotnet.invokeMethodAsync("OnRemoteChange", reason)) when another tab of the same
// origin logs in or out (BroadcastChannel, or storage events where BroadcastChannel is missing) or changes one of
// the watched storage keys (the token entry). Returns { post(reason), dispose() }.
export function startSync(dotnet, channelName, watchedKeys) {
  const self = Math.random().toString(36).slice(2);
  const watched = new Set(watchedKeys || []);
  let channel = null;
  let disposed = false;

  const notify = (reason) => {
    if (!disposed) {
      dotnet.invokeMethodAsync("OnRemoteChange", String(reason)).catch(() => {});
    }
  };

  if (typeof BroadcastChannel === "function") {
    channel = new BroadcastChannel(channelName);
    channel.onmessage = (event) => {
      const message = event.data;
      if (message && message.from !== self) {
        notify(message.reason);
      }
    };
  }

  const onStorage = (event) => {
    if (event.key === null) {
      notify("storage-cleared");
    } else if (event.key === channelName) {
      if (!channel && event.newValue) {
        try {
          const message = JSON.parse(event.newValue);
          if (message.from !== self) {
            notify(message.reason);
          }
        } catch {
          // Not ours: ignore.
        }
      }
    } else if (watched.has(event.key)) {
      notify("storage");
    }
  };
  window.addEventListener("storage", onStorage);

  return {
    post(reason) {
      const message = { reason: String(reason), from: self, at: Date.now() };
      if (channel) {
        channel.postMessage(message);
        return;
      }
      try {
        window.localStorage.setItem(channelName, JSON.stringify(message));
      } catch {
        // Storage refused: other tabs will notice at their next check.
      }
    },
    dispose() {
      disposed = true;
      window.removeEventListener("storage", onStorage);
      if (channel) {
        channel.close();
        channel = null;
      }
    },
  };
}
