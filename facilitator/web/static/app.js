// Live updates for the participants' page: when the session changes, fetch the live
// part again and swap it in, keeping whatever the person is typing. Server-sent events
// first; polling once a second when they are not available or keep failing.
"use strict";
(function () {
  var live = document.getElementById("live");
  if (!live) { return; }
  var offline = document.getElementById("offline");
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

  function withoutVersion(html) {
    return html.replace(/ data-version="[^"]*"/, "");
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

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch("/live", { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (response.status === 401) { window.location.reload(); return null; }
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html === null || html === undefined) { return; }
      if (offline) { offline.hidden = true; }
      // Only swap when something shown changed: a swap under a finger loses its tap (the
      // version also moves for changes this page shows the same, e.g. right after our own).
      var incoming = document.createElement("template");
      incoming.innerHTML = html;
      var root = incoming.content.getElementById("live-root");
      var version = root ? Number(root.getAttribute("data-version")) : -1;
      if (withoutVersion(incoming.innerHTML) === withoutVersion(live.innerHTML)) {
        var current = document.getElementById("live-root");
        if (current) { current.setAttribute("data-version", String(version)); }
        shown = version;
        return;
      }
      var kept = typed();
      live.innerHTML = html;
      restore(kept);
      shown = currentVersion();
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
        if (offline) { offline.hidden = true; }
        onVersion(Number(data.version));
      }).catch(function () {
        if (offline) { offline.hidden = false; }
      });
    }, 1000);
  }

  if (!window.EventSource) { poll(); return; }
  var failures = 0;
  var source = new EventSource("/events");
  source.onmessage = function (event) {
    failures = 0;
    if (offline) { offline.hidden = true; }
    onVersion(Number(event.data));
  };
  source.addEventListener("gone", function () { source.close(); window.location.reload(); });
  source.onerror = function () {
    failures += 1;
    if (offline) { offline.hidden = false; }
    if (failures >= 3) { source.close(); poll(); }
  };
})();
