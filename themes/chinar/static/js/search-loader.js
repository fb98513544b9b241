/*
 * Loads the search client (search.js, the data-src of this script's tag, and its styles, data-css) on the first use of the
 * header search box, so a page that is never searched does not download it. Every page has this
 * loader (a few hundred bytes); the search page loads search.js itself. Once loaded, search.js takes
 * over the box, including anything typed while it was on its way.
 */
(function () {
  'use strict';
  var me = document.currentScript, src = me && me.getAttribute('data-src');
  if (!src) return;
  var started = false;
  function load() {
    if (started) return;
    started = true;
    document.removeEventListener('focusin', onUse, true);
    document.removeEventListener('pointerdown', onUse, true);
    if (window.ChinarSearch || document.querySelector('script[data-search-client]')) return;
    var css = me.getAttribute('data-css');
    if (css && !document.querySelector('link[href="' + css + '"]')) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = css;
      document.head.appendChild(link);
    }
    var s = document.createElement('script');
    s.src = src;
    s.async = true;
    s.setAttribute('data-search-client', '');
    document.head.appendChild(s);
  }
  function onUse(ev) {
    if (ev.target && ev.target.closest && ev.target.closest('form.site-search')) load();
  }
  document.addEventListener('focusin', onUse, true);
  document.addEventListener('pointerdown', onUse, true);
  var active = document.activeElement;
  if (active && active.closest && active.closest('form.site-search')) load();
})();
