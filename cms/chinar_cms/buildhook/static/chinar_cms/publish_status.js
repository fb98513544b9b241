// The page editor's "on the site" bar: where the page being edited stands on the public site (live since
// HH:MM with its address, waiting, being built, or why the update failed). The CMS renders the bar in the
// editor's language; this script puts it above the form and refreshes it while the page is on its way.
(function () {
  "use strict";
  var script = document.currentScript;
  var match = window.location.pathname.match(/\/pages\/(\d+)\/edit\/?$/);
  if (!script || !match) return;
  var url = script.dataset.statusUrl.replace(/\/0\/$/, "/" + match[1] + "/");
  var holder = document.createElement("div");
  holder.id = "chinar-publish-status";
  var pending = ["queued", "building", "retrying"];

  function place() {
    var anchor = document.querySelector("form#page-edit-form") || document.querySelector("main form");
    if (anchor && !holder.isConnected) anchor.parentNode.insertBefore(holder, anchor);
  }

  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "XMLHttpRequest" } })
      .then(function (response) {
        var state = response.headers.get("X-Chinar-Publish-State");
        return response.text().then(function (html) { return [state, html]; });
      })
      .then(function (result) {
        holder.innerHTML = result[1];
        place();
        if (pending.indexOf(result[0]) !== -1) window.setTimeout(refresh, 2000);
      })
      .catch(function () { window.setTimeout(refresh, 10000); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();
