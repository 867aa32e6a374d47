// Enhancements only: every page works without this file.
(function () {
  'use strict';
  // A document's table of contents starts open where there is room beside the text.
  if (window.matchMedia && window.matchMedia('(min-width: 1000px)').matches) {
    document.querySelectorAll('.toc details').forEach(function (d) { d.open = true; });
  }
})();
