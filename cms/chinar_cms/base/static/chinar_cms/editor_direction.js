/*
 * Text direction in Wagtail's create/edit forms (pages and snippets), whatever the admin's language.
 *
 * Every text input and textarea of the form gets dir="auto": the browser lays it out from the first
 * strong character typed, so Urdu (Arabic script) reads right to left and English left to right.
 * An empty field has no such character (browsers then lay it out left to right, even inside a
 * dir="rtl" container), so while it is empty it gets the content locale's direction instead:
 * right to left in the locales listed in the script's data-rtl-locales (Urdu), left to right
 * otherwise. Fields added later (StreamField blocks, inline panels) are handled as they appear.
 * Draftail (rich text) already chooses a direction per paragraph and is left alone.
 * Loaded by chinar_cms/base/wagtail_hooks.py through the insert_editor_js hook.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const rtlLocales = ((script && script.dataset.rtlLocales) || "").split(/\s+/).filter(Boolean);
  const FIELDS = 'textarea, input:not([type]), input[type="text"], input[type="search"]';
  const FORM = "form[data-edit-form]";
  const MARK = "data-chinar-dir"; // fields whose dir is ours (a widget's own dir is kept)

  function contentLocale() {
    const config = document.getElementById("wagtail-config");
    try {
      return (config && JSON.parse(config.textContent).ACTIVE_CONTENT_LOCALE) || "";
    } catch (_error) {
      return "";
    }
  }

  const locale = contentLocale().toLowerCase();
  const emptyDir = rtlLocales.includes(locale) || rtlLocales.includes(locale.split("-")[0]) ? "rtl" : "ltr";

  function setDirection(field) {
    if (field.hasAttribute("dir") && !field.hasAttribute(MARK)) return;
    if (!field.closest(FORM)) return;
    field.setAttribute(MARK, "");
    field.dir = field.value.trim() ? "auto" : emptyDir;
  }

  function scan(root) {
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    if (root.matches(FIELDS)) setDirection(root);
    root.querySelectorAll(FIELDS).forEach(setDirection);
  }

  function onEdit(event) {
    const field = event.target;
    if (field instanceof Element && field.matches(FIELDS)) setDirection(field);
  }

  function start() {
    document.querySelectorAll(FORM).forEach(scan);
    new MutationObserver((mutations) => {
      mutations.forEach((mutation) => mutation.addedNodes.forEach(scan));
    }).observe(document.body, { childList: true, subtree: true });
    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", onEdit, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
