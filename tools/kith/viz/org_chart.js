// The org chart page's own script: draws kith's reports-to forest with
// d3-org-chart, finds people by name, and shows a profile summary in a side
// panel. Everything it needs is in the page; it makes no requests.
(function () {
  'use strict';
  const scriptStart = performance.now();
  const data = JSON.parse(document.getElementById('kith-data').textContent);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const people = data.nodes.filter((n) => n.kind === 'person');
  const large = people.length > data.large_threshold;

  const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => (
    { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  // Accent- and case-blind matching, so "jose" finds "José".
  const fold = (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

  // A small chart opens fully expanded; a large one shows two levels of
  // people (the synthetic root is level 0) and lets the reader open the
  // rest, so that the first paint stays quick however big the organisation
  // is. d3-org-chart's _expanded means "make this node visible".
  for (const n of data.nodes) n._expanded = large ? depthOf(n) <= 2 : true;
  function depthOf(node) {
    let depth = 0;
    for (let p = node; p.parentId != null && byId.has(p.parentId); p = byId.get(p.parentId)) depth++;
    return depth;
  }

  document.title = data.title;
  document.getElementById('chart-title').textContent = data.title;
  const unattached = data.nodes.filter((n) => n.parentId === '__kith_unattached__').length;
  document.getElementById('counts').textContent =
      `${people.length} people` + (unattached ? `, ${unattached} with no known manager` : '') +
      (data.as_of ? ` · as of ${data.as_of}` : '');

  const container = document.getElementById('chart');
  const chart = new d3.OrgChart()
      .container('#chart')
      .data(data.nodes)
      .svgHeight(container.clientHeight || window.innerHeight - 50)
      .nodeWidth(() => 230)
      .nodeHeight(() => 78)
      .childrenMargin(() => 44)
      .compactMarginBetween(() => 24)
      .duration(large ? 0 : 250)
      .nodeContent(cardHtml)
      .onNodeClick((node) => { if (node.data.kind === 'person') showProfile(node.data.id); })
      .render();
  if (large) chart.fit();

  function cardHtml(d) {
    const n = d.data;
    const classes = ['card', n.kind === 'person' ? 'person' : 'group'];
    if (n._highlighted) classes.push('highlighted');
    return `<div class="${classes.join(' ')}" data-id="${esc(n.id)}" data-highlighted="${n._highlighted ? 'true' : 'false'}"` +
        ` style="width:${d.width}px;height:${d.height}px">` +
        `<div class="name">${esc(n.name)}</div>` +
        (n.title ? `<div class="title">${esc(n.title)}</div>` : '') +
        (n.organization ? `<div class="org">${esc(n.organization)}</div>` : '') +
        (n.kind !== 'person' ? `<div class="title">${n._totalSubordinates ?? 0} people</div>` : '') +
        '</div>';
  }

  // ---- search ----
  const search = document.getElementById('search');
  const status = document.getElementById('search-status');
  function find(query) {
    const q = fold(query.trim());
    chart.clearHighlighting();
    if (!q) { status.textContent = ''; return; }
    const starts = [], contains = [];
    for (const p of people) {
      const name = fold(p.name);
      if (name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) starts.push(p);
      else if (name.includes(q)) contains.push(p);
    }
    const matches = starts.concat(contains);
    if (matches.length === 0) { status.textContent = 'nobody by that name'; return; }
    highlight(matches[0].id);
    status.innerHTML = `${matches.length} found: ` + matches.slice(0, 8).map((m) =>
        `<a data-id="${esc(m.id)}">${esc(m.name)}</a>`).join('') + (matches.length > 8 ? '…' : '');
  }
  function highlight(id) {
    chart.clearHighlighting();
    chart.setHighlighted(id).render();
    document.body.dataset.highlighted = id;
  }
  let pending = null;
  search.addEventListener('input', () => { clearTimeout(pending); pending = setTimeout(() => find(search.value), 150); });
  search.addEventListener('keydown', (e) => { if (e.key === 'Enter') { clearTimeout(pending); find(search.value); } });
  status.addEventListener('click', (e) => {
    const id = e.target.dataset && e.target.dataset.id;
    if (id) { highlight(id); showProfile(id); }
  });

  document.getElementById('expand-all').onclick = () => chart.expandAll().fit();
  document.getElementById('collapse').onclick = () => chart.collapseAll().fit();
  document.getElementById('fit').onclick = () => chart.fit();

  // ---- side panel ----
  const panel = document.getElementById('panel');
  function personLink(name) {
    return byId.has(name) ? `<span class="person-link" data-id="${esc(name)}">${esc(name)}</span>` : esc(name);
  }
  function section(title, items) {
    return items.length ? `<h3>${esc(title)}</h3><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';
  }
  function showProfile(id) {
    const node = byId.get(id);
    const p = data.profiles[id] || {};
    let html = `<button class="close" aria-label="Close">×</button><h2>${esc(node.name)}</h2>`;
    const role = [node.title, node.organization].filter(Boolean).join(', ');
    if (role) html += `<div>${esc(role)}</div>`;
    if (p.error) html += `<p class="problems">No profile: ${esc(p.error)}</p>`;
    if (p.meetings) {
      html += `<p>${p.meetings} meeting${p.meetings === 1 ? '' : 's'}` +
          (p.first ? `, first ${esc(p.first)}` : '') + (p.last ? `, last ${esc(p.last)}` : '') + '</p>';
    }
    if (node.evidence) {
      html += `<h3>Reports to ${esc(byId.get(node.parentId)?.name ?? '')}</h3><div class="quote">“${esc(node.evidence)}”</div>` +
          `<div class="path">${esc(node.evidencePath)}</div>`;
    }
    html += section('Managers', (p.managers || []).map(personLink));
    html += section('Reports', (p.reports || []).map(personLink));
    html += section('Top connections', (p.connections || []).map((c) =>
        `<span class="bar" style="width:${Math.round(4 + 60 * c.strength)}px"></span>${personLink(c.name)}` +
        ` <span class="path">${c.meetings} meeting${c.meetings === 1 ? '' : 's'}` +
        (c.reasons.length ? ` · ${esc(c.reasons.join(', '))}` : '') + '</span>'));
    html += section('Work', (p.employment || []).map((e) =>
        esc([e.role, e.organization].filter(Boolean).join(' at ')) + (e.status ? ` <span class="path">${esc(e.status)}` +
        (e.detail ? `, ${esc(e.detail)}` : '') + '</span>' : '')));
    html += section('Topics', (p.topics || []).map(esc));
    html += section('Also known as', (p.aliases || []).map(esc));
    html += section('E-mail', (p.emails || []).map(esc));
    if (p.open_tasks) html += `<h3>Open action items</h3><p>${p.open_tasks}</p>`;
    if (data.problems.length) html += section('Problems in the chart', data.problems.map(esc)).replace('<h3>', '<h3 class="problems">');
    panel.innerHTML = html;
    panel.classList.add('open');
    panel.dataset.person = id;
  }
  panel.addEventListener('click', (e) => {
    if (e.target.classList.contains('close')) { panel.classList.remove('open'); return; }
    const id = e.target.dataset && e.target.dataset.id;
    if (id) { highlight(id); showProfile(id); }
  });

  // A link may carry a search (#search=Name) or a person to open
  // (#person=Name), so a chart can be shared pointing at someone.
  function applyHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.has('search')) { search.value = params.get('search'); find(search.value); }
    if (params.has('person') && byId.has(params.get('person'))) {
      highlight(params.get('person'));
      showProfile(params.get('person'));
    }
  }
  window.addEventListener('hashchange', applyHash);
  applyHash();
  // Read by the browser test and the page-load benchmark: milliseconds from
  // navigation to the chart drawn, and of that, this script's share.
  document.body.dataset.renderMs = performance.now().toFixed(1);
  document.body.dataset.scriptMs = (performance.now() - scriptStart).toFixed(1);
  document.body.dataset.ready = 'true';
})();
