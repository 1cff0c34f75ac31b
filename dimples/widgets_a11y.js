// Accessibility of the kit's widgets, where ipywidgets 8 leaves gaps (carried by every widget of the
// kit, like its style rules, so it runs in JupyterLab, Notebook 7, nbviewer, the static pages and slides).
// Idempotent: installs one MutationObserver per page, then fixes every .dimples-widget it sees:
// - slider handles (role=slider) named by their description, aria-valuetext = the label shown;
// - toggle buttons expose aria-pressed, their group is named by its description;
// - a quiz's radios share one name (one Tab stop, arrows choose) in a radiogroup named by the question;
// - a quiz's feedback stack is a polite live region from the start.
(function () {
  if (window.__dimplesA11y) { window.__dimplesA11y(document); return; }
  var n = 0;
  function id(el, p) { if (!el.id) el.id = 'dimples-' + p + '-' + (++n); return el.id; }
  function set(el, k, v) { if (el.getAttribute(k) !== v) el.setAttribute(k, v); }
  function text(el) { return el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : ''; }
  function fix(root) {
    var ws = root.querySelectorAll ? root.querySelectorAll('.dimples-widget') : [];
    for (var i = 0; i < ws.length; i++) {
      var w = ws[i];
      w.querySelectorAll('.widget-slider').forEach(function (s) {
        var h = s.querySelector('[role=slider]'); if (!h) return;
        var lab = s.querySelector('.widget-label');
        if (text(lab)) set(h, 'aria-labelledby', id(lab, 'label'));
        var out = s.querySelector('.widget-readout');
        if (text(out)) set(h, 'aria-valuetext', text(out));
      });
      w.querySelectorAll('.widget-toggle-buttons').forEach(function (g) {
        var lab = g.querySelector('.widget-label');
        set(g, 'role', 'group');
        if (text(lab)) set(g, 'aria-labelledby', id(lab, 'label'));
        g.querySelectorAll('button').forEach(function (b) {
          set(b, 'aria-pressed', b.classList.contains('mod-active') ? 'true' : 'false');
        });
      });
      var q = w.querySelector('.dimples-question');
      w.querySelectorAll('.widget-radio-box').forEach(function (box) {
        set(box, 'role', 'radiogroup');
        if (q) set(box, 'aria-labelledby', id(q, 'question'));
        var name = box.getAttribute('data-dimples-name') || id(box, 'radios');
        set(box, 'data-dimples-name', name);
        box.querySelectorAll('input[type=radio]').forEach(function (r) { set(r, 'name', name); });
      });
      w.querySelectorAll('.dimples-feedback').forEach(function (f) {
        set(f, 'role', 'status'); set(f, 'aria-live', 'polite'); set(f, 'aria-atomic', 'true');
      });
    }
  }
  window.__dimplesA11y = fix;
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    Promise.resolve().then(function () { pending = false; fix(document); });
  }).observe(document.documentElement, {subtree: true, childList: true, characterData: true,
                                        attributes: true, attributeFilter: ['class', 'aria-valuenow', 'aria-valuetext']});
  fix(document);
})();
