/* Run by tests/test_layout.py in each page: measures the article's tables, cells and figures and
   returns plain data (the Python tests judge it). Argument: [maxCellHeight, minSentenceChars]. */
([maxCellHeight, minSentenceChars]) => {
  const article = document.querySelector("article") || document.body;
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const text = (e) => (e.innerText || e.textContent || "").replace(/\s+/g, " ").trim();
  const clip = (s, n = 60) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
  const lines = (range) => {
    const tops = [];
    for (const r of range.getClientRects()) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      if (!tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
    }
    return tops.length;
  };
  // A number as the book prints it: sign, digit groups split by a (no-break, thin) space, decimals, %.
  const NUMBER = /(?<![\w.,−\-+±])[−\-+±]?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?:[ \u00a0\u202f]?%)?(?![\w])|(?<![\w.,−\-+±])[−\-+±]?\d+(?:\.\d+)?[ \u00a0\u202f]%/g;
  const WHOLE_NUMBER = /^\(?[−\-+±]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:[.,]\d+)?(?:[ \u00a0\u202f]?%)?\)?$/;
  const widths = new Map();  // font -> width of "0": measured once per font, not per cell (each probe is a layout)
  const charWidth = (cell) => {
    const style = getComputedStyle(cell);
    const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    if (!widths.has(font)) widths.set(font, probeWidth(cell));
    return widths.get(font);
  };
  const probeWidth = (cell) => {
    const probe = document.createElement("span");
    probe.textContent = "0000000000";
    probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
    cell.appendChild(probe);
    const width = probe.getBoundingClientRect().width / 10;
    probe.remove();
    return width;
  };
  const scroller = (table) => {
    for (let box = table.parentElement; box && box !== article; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (overflow === "auto" || overflow === "scroll" || overflow === "hidden" || overflow === "clip") return box;
    }
    return article;
  };
  const tables = [];
  article.querySelectorAll("table").forEach((table, index) => {
    if (!shown(table)) return;
    const caption = table.querySelector("caption");
    const header = table.querySelector("th");
    const name = caption && text(caption) ? text(caption) : header && text(header) ? "first header: " + text(header) : "";
    const box = scroller(table);
    const rect = table.getBoundingClientRect();
    const boxRect = box.getBoundingClientRect();
    const entry = {
      name: clip(name || "(no caption, no header)", 80), id: table.id || "", index: index + 1,
      width: Math.round(Math.max(rect.width, table.scrollWidth)), space: box.clientWidth,
      left: Math.round(rect.left - boxRect.left - box.clientLeft), right_of_viewport: Math.round(rect.right - document.documentElement.clientWidth),
      tall: [], narrow: [], spill: [], collide: [], wrapped: [],
    };
    for (const cell of table.querySelectorAll("td, th")) {
      if (!shown(cell)) continue;
      const r = cell.getBoundingClientRect();
      const words = text(cell);
      const what = clip(words, 40);
      if (r.height > maxCellHeight) entry.tall.push({cell: what, width: Math.round(r.width), height: Math.round(r.height)});
      const sentence = words.length >= 40 && words.split(" ").length >= 5;
      if (sentence) {
        const ch = charWidth(cell);
        const style = getComputedStyle(cell);
        const inner = r.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (inner < minSentenceChars * ch) entry.narrow.push({cell: what, width: Math.round(inner), chars: Math.round(inner / ch * 10) / 10});
      }
      if (cell.scrollWidth > cell.clientWidth + 1) {
        entry.spill.push({cell: what, content: cell.scrollWidth, box: cell.clientWidth});
      }
      const whole = document.createRange();
      whole.selectNodeContents(cell);
      if (WHOLE_NUMBER.test(words) && lines(whole) > 1) {
        entry.wrapped.push({cell: what, number: words, lines: lines(whole), width: Math.round(r.width)});
        continue;
      }
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(NUMBER)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const n = lines(range);
          if (n > 1) entry.wrapped.push({cell: what, number: match[0], lines: n, width: Math.round(r.width)});
        }
      }
    }
    for (const row of table.querySelectorAll("tr")) {
      let before = null;
      for (const cell of row.children) {
        if (!shown(cell) || !text(cell)) { before = null; continue; }
        const range = document.createRange();
        range.selectNodeContents(cell);
        const ink = range.getBoundingClientRect();
        if (before && ink.top < before.ink.bottom && before.ink.top < ink.bottom) {
          const gap = ink.left - before.ink.right;
          const least = 0.5 * charWidth(cell);
          if (gap < least) entry.collide.push({cell: clip(text(before.cell), 30) + " | " + clip(text(cell), 30), gap: Math.round(gap * 10) / 10, least: Math.round(least * 10) / 10});
        }
        before = {cell, ink};
      }
    }
    tables.push(entry);
  });
  const figures = [...article.querySelectorAll("img")].filter(shown).map((img) => ({
    src: img.currentSrc || img.src, alt: clip(img.alt || "", 60),
    natural: img.naturalWidth, width: Math.round(img.getBoundingClientRect().width * 10) / 10,
  }));
  return {tables, figures};
}
