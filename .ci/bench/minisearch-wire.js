// The JavaScript alternative, as a site developer would wire it: MiniSearch
// over the page's <details> sections; typing opens the matching sections,
// closes the others, marks the matched words and says how many sections match.
(() => {
  const sections = [...document.querySelectorAll('#sections details')];
  const index = new MiniSearch({ fields: ['title', 'text'], storeFields: [] });
  index.addAll(sections.map((d, id) => ({ id, title: d.querySelector('summary').textContent, text: d.textContent })));
  const input = document.getElementById('search');
  const status = document.getElementById('status');

  function unmark() {
    for (const m of document.querySelectorAll('#sections mark')) m.replaceWith(...m.childNodes);
    document.getElementById('sections').normalize();
  }

  function mark(root, terms) {
    const pattern = new RegExp(`\\b(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
    // A section's own text: nested sections are marked as sections of their own.
    const own = { acceptNode: (n) => (n.parentElement.closest('details') === root ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, own);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const parts = document.createDocumentFragment();
      let at = 0;
      for (const m of text.matchAll(pattern)) {
        const end = text.slice(m.index).search(/\W|$/) + m.index;
        parts.append(text.slice(at, m.index));
        const el = document.createElement('mark');
        el.textContent = text.slice(m.index, end);
        parts.append(el);
        at = end;
      }
      parts.append(text.slice(at));
      node.replaceWith(parts);
    }
  }

  input.addEventListener('input', () => {
    const query = input.value.trim();
    unmark();
    if (!query) {
      for (const d of sections) d.open = false;
      status.textContent = '';
      return;
    }
    const results = index.search(query, { prefix: true, fuzzy: 0.2 });
    const hit = new Set(results.map((r) => r.id));
    sections.forEach((d, i) => { d.open = hit.has(i); });
    const terms = [...new Set(results.flatMap((r) => r.terms))];
    for (const r of results) mark(sections[r.id], terms);
    status.textContent = results.length ? `${results.length} sections match` : 'No matches';
  });
  window.__searchReady = true;
})();
