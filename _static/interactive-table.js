/* Searchable, sortable, filterable report tables (aarsevaluering.tables.interactive).
 *
 * Every <table class="interactive-table"> gets, above it, a labelled search box and a labelled
 * drop-down for each header named in its data-filter-columns attribute ("Chapter|Class"), a sort
 * button in every header (aria-sort says the order), a line saying how many rows are shown (a live
 * status for screen readers), and a box of its own height (a focusable region) with the header kept
 * in view. Cells are read and written as text only: nothing of the table is parsed as HTML.
 * A table whose rows open (aarsevaluering.tables.expandable_table) holds one <tbody class="row-group">
 * per row: its first row is the one sorted and filtered, its details row moves and hides with it, and
 * a filter with no column of its name reads the group's data-facets. A link to an element inside a
 * closed group's details opens that group. A cell's data-sort, where given, is its sort key, and its
 * data-filter its value in a drop-down (a cell that adds a note under its value).
 * Offline: no library, no request. Jupyter Book adds every .js file in _static/ to each page.
 */
(() => {
  "use strict";

  const SPACES = /[\s\u00a0\u202f\u2009]/g;
  const cellText = (cell) => (cell ? cell.textContent.replace(/\s+/g, " ").trim() : "");

  /* A cell's text as a number ("−1 234.5", "0.2 %", "+3"), or null when it is not one. */
  const asNumber = (text) => {
    const plain = text.replace(SPACES, "").replace(/\u2212/g, "-").replace(/%$/, "");
    return /^[-+]?\d+(\.\d+)?$/.test(plain) ? parseFloat(plain) : null;
  };
  const isEmpty = (text) => text === "" || text === "\u2013";
  /* A count as the book writes numbers: thousands grouped by a no-break space ("1 452"). */
  const grouped3 = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

  let made = 0;

  function enhance(table) {
    if (table.dataset.interactive === "ready" || !table.tHead || !table.tBodies.length) return;
    table.dataset.interactive = "ready";
    const body = table.tBodies[0];
    // The items sorted and filtered: row groups (a row and its details), or else the body's rows.
    const grouped = [...table.tBodies].some((b) => b.classList.contains("row-group"));
    const rows = grouped ? [...table.tBodies].filter((b) => b.classList.contains("row-group")) : [...body.rows];
    const mainRow = (item) => (grouped ? item.rows[0] : item);
    const facets = (item) => {
      try { return JSON.parse(item.dataset.facets || "{}"); } catch { return {}; }
    };
    const filterValue = (item, filter) => {
      if (filter.column < 0) return String(facets(item)[filter.name] || "");
      const cell = mainRow(item).cells[filter.column];
      return cell && cell.dataset.filter !== undefined ? cell.dataset.filter : cellText(cell);
    };
    rows.forEach((row, index) => { row.dataset.order = String(index); });
    const headers = [...table.tHead.rows[table.tHead.rows.length - 1].cells];
    const names = headers.map(cellText);
    const title = table.caption ? cellText(table.caption) : "Table";
    const base = (table.id || `interactive-table-${++made}`) + "-";

    const controls = document.createElement("div");
    controls.className = "interactive-controls";
    const field = (labelText, control) => {
      const label = document.createElement("label");
      label.className = "interactive-field";
      const span = document.createElement("span");
      span.textContent = labelText;
      label.append(span, control);
      controls.append(label);
      return control;
    };

    const search = document.createElement("input");
    search.type = "search";
    search.id = base + "search";
    search.autocomplete = "off";
    field("Search this table", search);

    const filters = [];
    for (const name of (table.dataset.filterColumns || "").split("|").filter(Boolean)) {
      const column = names.indexOf(name);
      const filter = {column, name};
      const values = [...new Set(rows.map((row) => filterValue(row, filter)))]
        .filter((value) => value !== "")
        .sort((a, b) => a.localeCompare(b));
      if (!values.length) continue;
      const select = document.createElement("select");
      select.id = base + "filter-" + (column >= 0 ? column : name.toLowerCase().replace(/\W+/g, "-"));
      select.append(new Option("All", ""));
      for (const value of values) select.append(new Option(value, value));
      field(name, select);
      filters.push({...filter, select});
    }

    const status = document.createElement("p");
    status.className = "interactive-status";
    status.setAttribute("role", "status");

    const box = document.createElement("div");
    box.className = "interactive-box";
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", title);
    table.before(controls, status, box);
    box.append(table);

    const update = () => {
      const words = search.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const row of rows) {
        const text = row.textContent.toLowerCase();
        const visible = words.every((word) => text.includes(word))
          && filters.every((filter) => !filter.select.value || filterValue(row, filter) === filter.select.value);
        row.hidden = !visible;
        shown += visible ? 1 : 0;
      }
      status.textContent = shown === rows.length
        ? `${grouped3(rows.length)} rows`
        : `${grouped3(shown)} of ${grouped3(rows.length)} rows shown`;
    };
    search.addEventListener("input", update);
    filters.forEach(({select}) => select.addEventListener("change", update));

    headers.forEach((header, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "interactive-sort";
      button.append(...header.childNodes);
      header.append(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const order = header.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        headers.forEach((other) => other.setAttribute("aria-sort", "none"));
        header.setAttribute("aria-sort", order);
        const sortText = (row) => {
          const cell = mainRow(row).cells[column];
          return cell && cell.dataset.sort !== undefined ? cell.dataset.sort : cellText(cell);
        };
        const texts = rows.map(sortText);
        const numeric = texts.every((text) => isEmpty(text) || asNumber(text) !== null);
        const key = (row) => {
          const text = sortText(row);
          return numeric ? (isEmpty(text) ? null : asNumber(text)) : text;
        };
        const sign = order === "ascending" ? 1 : -1;
        const sorted = [...rows].sort((a, b) => {
          const x = key(a);
          const y = key(b);
          if (x === null || y === null) {  // empty cells last, whatever the order
            return x === y ? Number(a.dataset.order) - Number(b.dataset.order) : (x === null ? 1 : -1);
          }
          const compare = numeric ? x - y : String(x).localeCompare(String(y));
          return compare * sign || Number(a.dataset.order) - Number(b.dataset.order);
        });
        (grouped ? table : body).append(...sorted);
      });
    });
    update();
  }

  /* A link to something in a closed row's details (a finding's permalink) opens that row. */
  const reveal = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    const group = target && target.closest("tbody.row-group");
    const toggle = group && group.rows[0].querySelector("details");
    if (!toggle || toggle.open) return;
    toggle.open = true;
    group.hidden = false;
    target.scrollIntoView();
  };
  window.addEventListener("hashchange", reveal);

  const start = () => {
    document.querySelectorAll("table.interactive-table").forEach(enhance);
    reveal();
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
