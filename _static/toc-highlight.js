// The page's contents (right-hand "Contents") mark the section the reader is in. The theme marks a heading
// only while it crosses the top third of the window, so a jump (Page Down, a link, a long section with no
// heading in view) left the mark on a section far above (designer's read, s11: stuck for half a chapter).
// Here the mark follows the last heading above that line after every scroll; the theme's own marking,
// when a heading crosses it, agrees with this one.
(function () {
  "use strict";
  function setUp() {
    const nav = document.getElementById("pst-page-toc-nav");
    if (!nav) return;
    const links = Array.from(nav.querySelectorAll("a.nav-link[href^='#']"));
    const entries = Array.from(nav.querySelectorAll("li.toc-entry"));
    const pairs = links
      .map((link) => {
        const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        const heading = target && (target.querySelector("h1,h2,h3,h4,h5,h6") || target);
        return heading ? [heading, link] : null;
      })
      .filter(Boolean);
    if (!pairs.length) return;
    const header = document.querySelector("#pst-header");
    let pending = false;
    function mark() {
      pending = false;
      const line = (header ? header.getBoundingClientRect().height : 0) + 0.3 * window.innerHeight;
      let current = pairs[0][1];
      for (const [heading, link] of pairs) {
        if (heading.getBoundingClientRect().top <= line) current = link;
      }
      for (const link of links) {
        link.classList.toggle("active", link === current);
        if (link === current) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      }
      for (const entry of entries) entry.classList.toggle("active", entry.contains(current));
    }
    window.addEventListener(
      "scroll",
      () => {
        if (!pending) {
          pending = true;
          window.requestAnimationFrame(mark);
        }
      },
      { passive: true },
    );
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
