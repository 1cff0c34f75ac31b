// Keyboard fixes of the kit's static pages and slides (loaded by every page dimples html /
// dimples slides write):
// - nbconvert gives every cell's input wrapper and output a tabindex="0": a Tab stop that does
//   nothing unless the box scrolls. Keep it only where the box (or a box inside it) scrolls.
// - a slide that scrolls takes the focus, so arrow keys can scroll it;
// - reveal.js hides past and future slides with aria-hidden, but Tab still reaches their links and
//   widgets: make every slide that is not the current one inert.
(function () {
  function scrolls(el) {
    var boxes = [el].concat([].slice.call(el.querySelectorAll('pre, .highlight, .jp-OutputArea-output')));
    return boxes.some(function (b) {
      return b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1;
    });
  }
  function tabStops() {
    document.querySelectorAll('.jp-Cell-inputWrapper, .jp-OutputArea-output, [data-dimples-tabindex]').forEach(function (el) {
      if (el.hasAttribute('tabindex') && !el.hasAttribute('data-dimples-tabindex')) {
        if (el.getAttribute('tabindex') !== '0') return;
        el.setAttribute('data-dimples-tabindex', '0');
      }
      if (!el.hasAttribute('data-dimples-tabindex')) return;
      if (scrolls(el)) el.setAttribute('tabindex', '0'); else el.removeAttribute('tabindex');
    });
  }
  function slides() {
    document.querySelectorAll('.reveal .slides section').forEach(function (s) {
      var off = !s.classList.contains('present');
      if (s.inert !== off) s.inert = off;
      // A slide taller than the screen scrolls (nbconvert's reveal_scroll): let the keyboard scroll it.
      var scroll = !off && /(auto|scroll)/.test(s.style.overflowY) && s.scrollHeight > s.clientHeight + 1;
      if (scroll && s.getAttribute('tabindex') !== '0') s.setAttribute('tabindex', '0');
      if (!scroll && s.getAttribute('tabindex') === '0') s.removeAttribute('tabindex');
    });
  }
  var queued = false;
  function fix() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; tabStops(); slides(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    fix();
    var reveal = document.querySelector('.reveal .slides');
    if (reveal) new MutationObserver(fix).observe(reveal, {subtree: true, attributes: true, attributeFilter: ['class']});
    // The widgets are drawn after the page loads (and change what scrolls): fix again as they arrive.
    new MutationObserver(fix).observe(document.body, {subtree: true, childList: true});
  });
  window.addEventListener('load', fix);
  window.addEventListener('resize', fix);
})();
