// The participants' page's own script: forms that survive the server being away, and live
// updates (server-sent events first; polling once a second when they keep failing).
"use strict";
// Sending forms: by fetch, so a form sent while the facilitator's computer is away is
// kept (in this browser's storage) and sent when it answers again, not lost to an error page.
(function () {
  var KEY = "fac-pending";
  var offline = document.getElementById("offline");
  var pendingNote = document.getElementById("pending");
  var refused = document.getElementById("refused");
  var retryTimer = null;
  if (refused) {
    refused.querySelector("button").addEventListener("click", function () { refused.hidden = true; });
  }

  function pending() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }

  function keep(list) {
    try {
      if (list.length) { window.localStorage.setItem(KEY, JSON.stringify(list)); } else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* private mode: the form stays only as long as this page */ }
    if (pendingNote) { pendingNote.hidden = list.length === 0; }
    if (list.length && retryTimer === null) { retryTimer = window.setInterval(retry, 2000); }
    if (!list.length && retryTimer !== null) { window.clearInterval(retryTimer); retryTimer = null; }
  }

  // Show what the server answered, as the browser would have after a plain form post; the
  // live part (asked for with X-Live-Part) is swapped in without loading the page again.
  function arrive(response, text, item) {
    if (refused) { refused.hidden = true; }
    if (!response.ok && response.status !== 401 && refusedInPlace(text)) { return; }
    if (response.ok && response.headers.get("X-Live-Part") === "1" && window.facilitatorSwap) {
      window.facilitatorSwap(text, item.sent || null);
      return;
    }
    if (response.ok && response.redirected) {
      var url = new URL(response.url);
      if (url.pathname === window.location.pathname && url.search === window.location.search) {
        // As after a plain post: the page from the top, or at the part the answer names.
        window.history.scrollRestoration = "manual";
        window.history.replaceState(null, "", response.url);
        window.location.reload();
      } else {
        window.location.assign(response.url);
      }
      return;
    }
    var doc = new DOMParser().parseFromString(text, "text/html");
    document.title = doc.title;
    document.body.replaceWith(doc.body);  // a message page: it needs no script
  }

  // A refusal on the party's page: its sentence over the page, which stays as it was (what
  // was typed in the other forms, and in this one, is not lost); the page then catches up.
  function refusedInPlace(text) {
    if (!refused || !document.getElementById("live")) { return false; }
    var said = new DOMParser().parseFromString(text, "text/html").querySelector(".notice .big");
    if (!said) { return false; }
    refused.querySelector("p").textContent = said.textContent;
    refused.hidden = false;
    if (window.facilitatorRefresh) { window.facilitatorRefresh(); }
    return true;
  }

  // The fields of a sent form: what was typed there is sent, and not kept over the new part.
  function sentFields(form) {
    var ids = [];
    var names = [];
    for (var i = 0; i < form.elements.length; i++) {
      if (form.elements[i].id) { ids.push(form.elements[i].id); }
      if (form.elements[i].name) { names.push(form.elements[i].name); }
    }
    var activity = form.querySelector("input[name=activity]");
    return { ids: ids, names: names, key: activity ? activity.value : "" };
  }

  // A random id for one sending of a form (getRandomValues works on plain http too).
  function sendingId() {
    var words = window.crypto.getRandomValues(new Uint32Array(2));
    return Array.prototype.map.call(words, function (w) { return ("0000000" + w.toString(16)).slice(-8); }).join("");
  }

  var sending = false;
  function retry() {
    var list = pending();
    if (!list.length || sending) { return; }
    sending = true;
    var item = list[0];
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    if (window.facilitatorSwap) { headers["X-Live-Part"] = "1"; }
    fetch(item.action, {
      method: "POST", body: item.body, credentials: "same-origin", redirect: "follow", headers: headers
    }).then(function (response) {
      return response.text().then(function (text) {
        sending = false;
        if (offline) { offline.hidden = true; }
        var rest = pending().slice(1);
        keep(rest);
        if (rest.length) { retry(); } else { arrive(response, text, item); }
      });
    }).catch(function () {
      sending = false;
      if (offline) { offline.hidden = false; }
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || (form.getAttribute("method") || "").toLowerCase() !== "post") { return; }
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) { data.append(event.submitter.name, event.submitter.value); }
    // The form's own `once` (a double tap is one sending); the server applies a sending once,
    // also when it is sent again because no answer came.
    if (!data.get("once")) { data.set("once", sendingId()); }
    var body = new URLSearchParams(data).toString();
    var item = { action: form.getAttribute("action"), body: body, sent: sentFields(form) };
    keep(pending().concat([item]));
    retry();
  });

  window.facilitatorRetry = retry;  // the live part calls it when the server answers again
  keep(pending());
  retry();
})();

// Live updates: when the session changes, the server sends the live part (or says to fetch
// it again) and it is swapped in, keeping whatever the person is typing.
(function () {
  var live = document.getElementById("live");
  if (!live) { return; }
  var offline = document.getElementById("offline");
  function back() {
    if (offline) { offline.hidden = true; }
    if (window.facilitatorRetry) { window.facilitatorRetry(); }
  }
  var shown = currentVersion();
  var busy = false;
  var again = false;
  var pollTimer = null;

  function currentVersion() {
    var root = document.getElementById("live-root");
    return root ? Number(root.getAttribute("data-version")) : -1;
  }

  // What the person has typed or chosen but not sent, by form field.
  function typed() {
    var kept = [];
    var fields = live.querySelectorAll("textarea, input[type=text], select, input[type=radio]");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (!f.id && f.type !== "radio") { continue; }
      if (f.type === "radio") {
        if (f.checked && f.defaultChecked !== true) { kept.push({ radio: f.name, value: f.value, form: formKey(f) }); }
      } else if (f.value !== f.defaultValue || f === document.activeElement) {
        kept.push({ id: f.id, value: f.value, focus: f === document.activeElement });
      }
    }
    return kept;
  }

  // Without the version and the forms' `once`s (new in every part the server renders).
  function withoutVersion(html) {
    return html.replace(/ data-version="[^"]*"/, "").replace(/ name="once" value="[0-9a-f]*"/g, "");
  }

  function formKey(field) {
    var activity = field.form && field.form.querySelector("input[name=activity]");
    return activity ? activity.value : "";
  }

  function restore(kept) {
    kept.forEach(function (k) {
      if (k.radio) {
        var radios = live.querySelectorAll("input[type=radio][name='" + k.radio + "']");
        for (var i = 0; i < radios.length; i++) {
          if (radios[i].value === k.value && formKey(radios[i]) === k.form) { radios[i].checked = true; }
        }
        return;
      }
      var f = document.getElementById(k.id);
      if (!f) { return; }
      f.value = k.value;
      if (k.focus) { f.focus(); }
    });
  }

  // Only swap when something shown changed: a swap under a finger loses its tap (the
  // version also moves for changes this page shows the same, e.g. right after our own).
  // Which of the page's foldable parts ("what do the rungs mean?") the person opened.
  function openDetails() {
    var all = live.querySelectorAll("details");
    var open = [];
    for (var i = 0; i < all.length; i++) { if (all[i].open) { open.push(i); } }
    return open;
  }

  function reopen(open) {
    var all = live.querySelectorAll("details");
    open.forEach(function (i) { if (all[i]) { all[i].open = true; } });
  }

  function wasSent(kept, sent) {
    if (kept.id) { return sent.ids.indexOf(kept.id) >= 0; }
    return kept.form === sent.key && sent.names.indexOf(kept.radio) >= 0;
  }

  // `sent`: the fields of the form this part answers (their typing is not kept). `newest`:
  // the part was just asked for (/live), so it is the newest whatever its version says.
  function swap(html, sent, newest) {
    var incoming = document.createElement("template");
    incoming.innerHTML = html;
    var root = incoming.content.getElementById("live-root");
    var version = root ? Number(root.getAttribute("data-version")) : -1;
    // An older part than the one shown: a form's answer the stream's news overtook, or a
    // server that started again and counts from the start. Never go back to it unseen: ask
    // for the newest (a sent form's part is still shown first, to clear what was sent).
    var older = !newest && version >= 0 && shown >= 0 && version < shown;
    if (older && !sent) { refresh(); return; }
    if (older) { window.setTimeout(refresh, 0); }
    if (!sent && withoutVersion(incoming.innerHTML) === withoutVersion(live.innerHTML)) {
      var current = document.getElementById("live-root");
      if (current) { current.setAttribute("data-version", String(version)); }
      shown = version;
      return;
    }
    var kept = typed().filter(function (k) { return !sent || !wasSent(k, sent); });
    var opened = openDetails();
    live.innerHTML = html;
    restore(kept);
    reopen(opened);
    shown = currentVersion();
  }

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch("/live", { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (response.status === 401) { window.location.reload(); return null; }
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html === null || html === undefined) { return; }
      back();
      swap(html, null, true);
    }).catch(function () {
      if (offline) { offline.hidden = false; }
    }).then(function () {
      busy = false;
      if (again) { again = false; refresh(); }
    });
  }

  function onVersion(version) {
    if (version < 0) { window.location.reload(); return; }
    if (version !== shown) { refresh(); }
  }

  function poll() {
    if (pollTimer !== null) { return; }
    pollTimer = window.setInterval(function () {
      fetch("/version", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
        return r.json();
      }).then(function (data) {
        back();
        onVersion(Number(data.version));
      }).catch(function () {
        if (offline) { offline.hidden = false; }
      });
    }, 1000);
  }

  window.facilitatorSwap = swap;  // the answer to a sent form is the live part too
  window.facilitatorRefresh = refresh;  // after a refusal: the page as the room is now
  if (!window.EventSource) { poll(); return; }
  var failures = 0;
  var source = new EventSource("/events");
  source.onmessage = function (event) {
    failures = 0;
    back();
    onVersion(Number(event.data));
  };
  source.addEventListener("live", function (event) {  // the live part itself: no fetch
    failures = 0;
    back();
    swap(event.data);
  });
  source.addEventListener("gone", function () { source.close(); window.location.reload(); });
  source.onerror = function () {
    failures += 1;
    if (offline) { offline.hidden = false; }
    if (failures >= 3) { source.close(); poll(); }
  };
})();
