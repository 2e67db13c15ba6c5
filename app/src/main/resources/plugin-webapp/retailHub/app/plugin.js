// The retail hub in Cockpit (Camunda 7 front-end plugin API, an ES module loaded by Cockpit): a dashboard tile with
// the hub's figures, a "Dead letters" page where operators replay or discard what the hub set aside, an "Order
// journey" page and a "Consistency" page with the islands' latest reconciliation, its trend and its mismatches. Every call
// goes to the plugin's own resources (OperatorDeskResource) with Cockpit's session and CSRF token; the roles are
// checked there, so a page an analyst opens shows reasons without payloads and no buttons.

const PLUGIN = 'retailHub';
const PAGE = '#/retail-hub/dead-letters';
const JOURNEY = '#/retail-hub/orders';
const CONSISTENCY = '#/retail-hub/consistency';
const INCIDENTS = '#/processes';

function deskUrl(api, path) {
  return `${api.cockpitApi}/plugin/${PLUGIN}/${api.engine}/${path}`;
}

async function call(api, path, options = {}) {
  const response = await fetch(deskUrl(api, path), {
    credentials: 'same-origin',
    ...options,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken, ...(options.headers || {}) }
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  }
  return body;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'onclick' || name === 'onchange' || name === 'onsubmit') {
      node[name] = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child ?? ''))));
  return node;
}

function figures(title, counts, empty) {
  const entries = Object.entries(counts);
  return element('div', { class: 'col-sm-6' },
    element('h4', {}, title),
    entries.length === 0 ? element('p', { class: 'text-muted' }, empty)
      : element('table', { class: 'table table-condensed cam-table' },
        element('tbody', {}, entries.map(([name, n]) => element('tr', {}, element('td', {}, name), element('td', { class: 'text-right' }, String(n)))))));
}

async function renderTile(node, api) {
  node.replaceChildren(element('section', { class: 'retail-hub-dashboard' },
    element('h3', { class: 'section-title' }, 'Retail hub'), element('p', {}, 'Loading…')));
  try {
    const data = await call(api, 'dashboard');
    const open = Object.values(data.openDeadLetters).reduce((a, b) => a + b, 0);
    node.replaceChildren(element('section', { class: 'retail-hub-dashboard' },
      element('h3', { class: 'section-title' }, 'Retail hub'),
      element('div', { class: 'row' },
        figures('Open dead letters per source', data.openDeadLetters, 'none'),
        figures('Orders received in the last hour, by state', data.ordersLastHour, 'no orders in the last hour')),
      islandsHealth(data),
      element('p', {}, element('a', { href: PAGE, class: 'btn btn-default' }, `Dead letters (${open} open)`), ' ',
        element('a', { href: JOURNEY, class: 'btn btn-default' }, 'Order journey'), ' ',
        element('a', { href: CONSISTENCY, class: 'btn btn-default retail-hub-consistency-link' }, 'Consistency'))));
  } catch (failure) {
    node.replaceChildren(element('section', {}, element('h3', { class: 'section-title' }, 'Retail hub'),
      element('p', { class: 'text-danger' }, `The hub's figures cannot be shown: ${failure.message}`)));
  }
}

// --- consistency: the tile's second row and the "Consistency" page ---

function millis(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function linkedRows(id, title, rows, empty, href) {
  return element('div', { class: 'col-sm-4', id },
    element('h4', {}, element('a', { href }, title)),
    rows.length === 0 ? element('p', { class: 'text-muted' }, empty)
      : element('table', { class: 'table table-condensed cam-table' },
        element('tbody', {}, rows.map(([name, value]) => element('tr', { 'data-name': name },
          element('td', {}, element('a', { href }, name)), element('td', { class: 'text-right' }, value))))));
}

function islandsHealth(data) {
  const kinds = Object.entries(data.consistencyPerKind || {}).map(([kind, percent]) => [kind, `${Number(percent).toFixed(2)} %`]);
  const lag = Object.entries(data.cdcLag || {}).map(([island, l]) => [island, `${millis(l.maxMillis)} (mean ${millis(l.meanMillis)})`]);
  return element('div', { class: 'row retail-hub-islands' },
    linkedRows('retail-hub-tile-consistency', 'Consistency per kind', kinds, 'no reconciliation yet', CONSISTENCY),
    linkedRows('retail-hub-tile-cdc-lag', 'Change capture lag per island, last minutes', lag, 'no captured change on this instance yet', `${CONSISTENCY}?section=lag`),
    element('div', { class: 'col-sm-4', id: 'retail-hub-tile-incidents' },
      element('h4', {}, element('a', { href: INCIDENTS }, 'Open incidents')),
      element('p', { class: `retail-hub-big ${data.openIncidents > 0 ? 'text-danger' : 'text-success'}` },
        element('a', { href: INCIDENTS }, String(data.openIncidents ?? 0)))));
}

const KIND_COLOURS = { ARTICLE: '#1f77b4', PRICE: '#ff7f0e', STOCK: '#2ca02c', CUSTOMER: '#d62728', overall: '#333' };

// one line per kind and the overall line over the last runs, 0-100 %, oldest on the left
function trendChart(trend) {
  const width = 560, height = 160, left = 36, bottom = 20;
  const x = i => left + (trend.length < 2 ? 0 : i * (width - left - 10) / (trend.length - 1));
  const y = p => 8 + (100 - Number(p)) * (height - bottom - 8) / 100;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'retail-hub-trend-chart');
  svg.setAttribute('role', 'img');
  const line = (points, colour, name) => {
    const path = document.createElementNS(svg.namespaceURI, 'polyline');
    path.setAttribute('points', points.map(([i, p]) => `${x(i)},${y(p)}`).join(' '));
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', colour);
    path.setAttribute('stroke-width', name === 'overall' ? '3' : '1.5');
    path.setAttribute('data-kind', name);
    svg.append(path);
    points.forEach(([i, p]) => {
      const dot = document.createElementNS(svg.namespaceURI, 'circle');
      [['cx', x(i)], ['cy', y(p)], ['r', name === 'overall' ? 4 : 3], ['fill', colour]].forEach(([a, v]) => dot.setAttribute(a, String(v)));
      svg.append(dot);
    });
  };
  [0, 50, 100].forEach(p => {
    const label = document.createElementNS(svg.namespaceURI, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(y(p) + 4));
    label.setAttribute('font-size', '11');
    label.textContent = `${p} %`;
    const rule = document.createElementNS(svg.namespaceURI, 'line');
    [['x1', left], ['x2', width - 10], ['y1', y(p)], ['y2', y(p)], ['stroke', '#ddd']].forEach(([a, v]) => rule.setAttribute(a, String(v)));
    svg.append(rule, label);
  });
  const kinds = [...new Set(trend.flatMap(run => run.kinds.map(k => k.kind)))];
  kinds.forEach(kind => line(trend.flatMap((run, i) => run.kinds.filter(k => k.kind === kind).map(k => [i, k.percent])), KIND_COLOURS[kind] || '#999', kind));
  line(trend.map((run, i) => [i, run.percent]), KIND_COLOURS.overall, 'overall');
  const legend = element('p', { class: 'retail-hub-legend' }, ['overall', ...kinds].map(name =>
    element('span', { style: `color:${KIND_COLOURS[name] || '#999'}` }, `■ ${name} `)));
  return [svg, legend];
}

function percentCell(percent) {
  const p = Number(percent);
  return element('td', { class: `text-right ${p >= 99.5 ? 'text-success' : p >= 95 ? 'text-warning' : 'text-danger'}` }, `${p.toFixed(2)} %`);
}

async function renderConsistency(node, api) {
  const state = { kind: '' };
  const show = async () => {
    let data;
    try {
      data = await call(api, `consistency${state.kind ? `?kind=${state.kind}` : ''}`);
    } catch (failure) {
      node.replaceChildren(element('div', { class: 'alert alert-danger' }, failure.message));
      return;
    }
    const latest = data.latest;
    // Tasklist beside Cockpit (…/app/cockpit/<engine>/ → …/app/tasklist/<engine>/), on its duplicate-customer filter
    const tasklist = `../../tasklist/${api.engine}/#/?filter=${data.decisions.tasklistFilterId}`;
    const kindSelect = element('select', { id: 'retail-hub-consistency-kind', class: 'form-control input-sm',
      onchange: e => { state.kind = e.target.value; show(); } },
    element('option', { value: '' }, 'every kind'),
    Object.keys(data.mismatchCounts).map(kind => element('option', { value: kind }, `${kind} (${data.mismatchCounts[kind]})`)));
    kindSelect.value = state.kind;
    const summary = latest == null ? element('p', { id: 'retail-hub-consistency-overall', class: 'text-muted' },
      'No reconciliation has run yet (it runs every hour; an operator can start one: POST /api/consistency/reconciliations).')
      : element('div', { id: 'retail-hub-consistency-overall', class: 'row' },
        element('div', { class: 'col-sm-4' },
          element('p', { class: 'retail-hub-big' }, `${Number(latest.percent).toFixed(2)} %`),
          element('p', {}, `${latest.consistent} of ${latest.records} records agree in every island`),
          element('p', { class: 'text-muted' }, `${latest.stage === 'AFTER_REPAIR' ? 'after repair' : 'as found'}, `
            + `${new Date(latest.createdAt).toLocaleString()}; repaired ${latest.repaired}, decisions ${latest.decisions}`)),
        element('div', { class: 'col-sm-8' },
          element('table', { id: 'retail-hub-consistency-kinds', class: 'table table-condensed cam-table' },
            element('thead', {}, element('tr', {}, ['Kind', 'Records', 'Consistent', '%', 'Mismatches'].map(h => element('th', {}, h)))),
            element('tbody', {}, latest.kinds.map(k => element('tr', { 'data-kind': k.kind },
              element('td', {}, k.kind), element('td', { class: 'text-right' }, String(k.records)),
              element('td', { class: 'text-right' }, String(k.consistent)), percentCell(k.percent),
              element('td', { class: 'text-right' }, String(data.mismatchCounts[k.kind] ?? 0))))))));
    const trendRuns = data.trend.slice(-8).reverse();
    const kinds = latest ? latest.kinds.map(k => k.kind) : [];
    const lag = Object.entries(data.captureLag);
    node.replaceChildren(element('div', { id: 'retail-hub-consistency', class: 'retail-hub-consistency', style: 'padding:15px' },
      element('h2', {}, 'Consistency'),
      element('p', { class: 'text-muted' }, 'How far the islands (POS, ERP, CRM) agree with the hub, from the hourly reconciliation: '
        + 'a record is consistent when every island that keeps it holds the same value.'
        + (data.personalData ? ' Customer details are shown with personal data masked.' : ' Customers\' keys and details are hidden for your role.')),
      element('section', { id: 'retail-hub-consistency-decisions', class: `alert ${data.decisions.open > 0 ? 'alert-warning' : 'alert-success'}` },
        data.decisions.open > 0 ? `${data.decisions.open} duplicate customer decision${data.decisions.open === 1 ? '' : 's'} waiting in Tasklist. `
          : 'No duplicate customer decision is waiting. ',
        data.decisions.tasklistFilterId
          ? element('a', { id: 'retail-hub-tasklist-link', href: tasklist, target: '_blank', rel: 'noopener' }, 'Open the "Customer duplicates" list in Tasklist')
          : element('span', { class: 'text-muted' }, 'Operators decide them in Tasklist.')),
      element('h3', {}, 'Latest report'), summary,
      element('section', { id: 'retail-hub-consistency-trend' },
        element('h3', {}, `Trend over the last ${data.trend.length} run${data.trend.length === 1 ? '' : 's'}`),
        data.trend.length === 0 ? element('p', { class: 'text-muted' }, 'no runs yet') : [
          ...trendChart(data.trend),
          element('table', { class: 'table table-condensed cam-table retail-hub-trend-table' },
            element('thead', {}, element('tr', {}, ['Run', 'Stage', 'Overall', ...kinds].map(h => element('th', {}, h)))),
            element('tbody', {}, trendRuns.map(run => element('tr', { 'data-report': String(run.id) },
              element('td', {}, new Date(run.createdAt).toLocaleString()), element('td', {}, run.stage), percentCell(run.percent),
              kinds.map(kind => { const k = run.kinds.find(x => x.kind === kind); return k ? percentCell(k.percent) : element('td', {}, '–'); })))))]),
      element('section', { id: 'retail-hub-consistency-mismatches-section' },
        element('h3', {}, 'Mismatches of the latest report'),
        element('form', { class: 'form-inline' }, 'Kind ', kindSelect),
        element('table', { id: 'retail-hub-consistency-mismatches', class: 'table table-condensed cam-table' },
          element('thead', {}, element('tr', {}, ['Kind', 'Record', 'What differs'].map(h => element('th', {}, h)))),
          element('tbody', {}, data.mismatches.length === 0 ? element('tr', {}, element('td', { colspan: '3' }, 'No mismatches.'))
            : data.mismatches.map(m => element('tr', { 'data-kind': m.kind },
              element('td', {}, m.kind),
              element('td', {}, m.key ?? element('em', { class: 'text-muted' }, 'hidden for your role')),
              element('td', {}, m.detail ?? element('em', { class: 'text-muted' }, 'hidden for your role'))))))),
      element('section', { id: 'retail-hub-consistency-lag' },
        element('h3', {}, 'Change capture lag per island'),
        lag.length === 0 ? element('p', { class: 'text-muted' }, 'No captured change applied on this hub instance since it started '
          + '(change capture runs on the leading instance).')
          : element('table', { class: 'table table-condensed cam-table' },
            element('thead', {}, element('tr', {}, ['Island', 'Changes applied', 'Mean since start', 'Max, last minutes'].map(h => element('th', {}, h)))),
            element('tbody', {}, lag.map(([island, l]) => element('tr', { 'data-island': island },
              element('td', {}, island), element('td', { class: 'text-right' }, String(l.changes)),
              element('td', { class: 'text-right' }, millis(l.meanMillis)), element('td', { class: 'text-right' }, millis(l.maxMillis)))))))));
    if (window.location.hash.indexOf('section=lag') > -1) {
      document.getElementById('retail-hub-consistency-lag')?.scrollIntoView();
    }
  };
  await show();
}

async function renderPage(node, api) {
  const state = { source: '', open: true, message: '' };
  const show = async () => {
    const query = `dead-letters?open=${state.open}${state.source ? `&source=${state.source}` : ''}`;
    let data;
    try {
      data = await call(api, query);
    } catch (failure) {
      node.replaceChildren(element('div', { class: 'alert alert-danger' }, failure.message));
      return;
    }
    const act = (letter, action, body) => async () => {
      try {
        await call(api, `dead-letters/${letter.source.toLowerCase()}/${letter.id}/${action}`, { method: 'POST', body: JSON.stringify(body || {}) });
        state.message = `${letter.source.toLowerCase()}/${letter.id}: ${action === 'replay' ? 'replayed' : 'discarded'}`;
      } catch (failure) {
        state.message = `${letter.source.toLowerCase()}/${letter.id}: ${failure.message}`;
      }
      show();
    };
    const rows = data.letters.map(letter => {
      const reason = element('input', { type: 'text', class: 'form-control input-sm', placeholder: 'reason to discard', maxlength: '500' });
      const resolution = letter.resolvedBy ? `by ${letter.resolvedBy}${letter.note ? `: ${letter.note}` : ''}` : '';
      const actions = !data.canHandle || letter.status !== 'OPEN' ? element('td', {}, resolution)
        : element('td', { class: 'retail-hub-actions' },
          element('button', { class: 'btn btn-primary btn-sm', onclick: act(letter, 'replay') }, 'Replay'), ' ',
          reason,
          element('button', {
            class: 'btn btn-default btn-sm',
            onclick: () => reason.value.trim() ? act(letter, 'discard', { reason: reason.value.trim() })() : reason.focus()
          }, 'Discard'));
      return element('tr', { 'data-letter': `${letter.source.toLowerCase()}/${letter.id}` },
        element('td', {}, `${letter.source.toLowerCase()}/${letter.id}`),
        element('td', {}, new Date(letter.receivedAt).toLocaleString()),
        element('td', {}, letter.origin),
        element('td', {}, letter.reason),
        element('td', {}, letter.payload == null ? element('em', { class: 'text-muted' }, 'hidden for your role')
          : element('pre', {}, letter.payload)),
        element('td', {}, letter.status),
        actions);
    });
    const sourceSelect = element('select', { class: 'form-control input-sm', onchange: e => { state.source = e.target.value; show(); } },
      element('option', { value: '' }, 'every source'), element('option', { value: 'channel' }, 'channel'), element('option', { value: 'island' }, 'island'));
    sourceSelect.value = state.source;
    const openBox = element('input', { type: 'checkbox', onchange: e => { state.open = !e.target.checked; show(); } });
    openBox.checked = !state.open;
    node.replaceChildren(element('div', { class: 'retail-hub-dead-letters', style: 'padding:15px' },
      element('h2', {}, 'Dead letters'),
      element('p', { class: 'text-muted' }, 'Messages the hub set aside, newest first. Fix the cause (article, store, master data), then replay; '
        + 'or discard with a reason. Both are recorded in the hub\'s audit trail. Payloads are shown with personal data masked.'),
      element('form', { class: 'form-inline' }, 'Source ', sourceSelect, ' ', element('label', {}, openBox, ' include replayed and discarded')),
      state.message ? element('div', { class: 'alert alert-info', role: 'status' }, state.message) : '',
      element('table', { class: 'table cam-table' },
        element('thead', {}, element('tr', {}, ['Letter', 'Received', 'Origin', 'Reason', 'Payload', 'State', ''].map(h => element('th', {}, h)))),
        element('tbody', {}, rows.length ? rows : element('tr', {}, element('td', { colspan: '7' }, 'No dead letters.'))))));
  };
  await show();
}

async function renderJourney(node, api) {
  const input = element('input', { type: 'search', class: 'form-control', name: 'order', style: 'width:28em',
    placeholder: 'order number RH-…, channel:external id (WEB:SHOP-1) or id' });
  const result = element('div', { class: 'retail-hub-journey-result' });
  const search = async event => {
    event.preventDefault();
    let order;
    try {
      order = await call(api, `orders/journey?q=${encodeURIComponent(input.value.trim())}`);
    } catch (failure) {
      result.replaceChildren(element('div', { class: 'alert alert-warning' }, failure.message));
      return;
    }
    const cockpitLink = step => step.processInstanceId
      ? element('a', { href: `#/process-instance/${step.processInstanceId}/runtime` }, 'running: open in Cockpit') : '';
    result.replaceChildren(
      element('h3', {}, `${order.orderNumber || 'no order number yet'} · ${order.channel} ${order.externalId} · ${order.status}`),
      element('p', { class: 'text-muted' }, `id ${order.id}, store ${order.storeId}, received ${new Date(order.receivedAt).toLocaleString()}`),
      element('table', { class: 'table cam-table' },
        element('thead', {}, element('tr', {}, ['Time', 'Kind', 'What', 'Detail', ''].map(h => element('th', {}, h)))),
        element('tbody', {}, order.steps.map(step => element('tr', {},
          element('td', {}, step.at ? new Date(step.at).toLocaleString() : ''),
          element('td', {}, step.kind), element('td', {}, step.what), element('td', {}, step.detail || ''),
          element('td', {}, cockpitLink(step)))))));
  };
  node.replaceChildren(element('div', { class: 'retail-hub-journey', style: 'padding:15px' },
    element('h2', {}, 'Order journey'),
    element('p', { class: 'text-muted' }, 'One order from its channel message on: status history, process instances (finished ones too), reservations '
      + 'and goods movements to the ERP, payment and provider answers, the ERP\'s delivery and the events it published, in time order.'),
    element('form', { class: 'form-inline', onsubmit: search }, input, ' ', element('button', { type: 'submit', class: 'btn btn-primary' }, 'Show')),
    result));
}

export default [
  {
    id: 'retailHub.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node, { api }) => { renderTile(node, api); }
  },
  {
    id: 'retailHub.deadLetters.route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/retail-hub/dead-letters', label: 'Dead letters' },
    render: (node, { api }) => { renderPage(node, api); }
  },
  {
    id: 'retailHub.journey.route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/retail-hub/orders', label: 'Order journey' },
    render: (node, { api }) => { renderJourney(node, api); }
  },
  {
    id: 'retailHub.consistency.route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/retail-hub/consistency', label: 'Consistency' },
    render: (node, { api }) => { renderConsistency(node, api); }
  },
  {
    id: 'retailHub.consistency.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 6,
    properties: { pagePath: CONSISTENCY, label: 'Consistency', checkActive: path => path.indexOf(CONSISTENCY) > -1 }
  },
  {
    id: 'retailHub.journey.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 4,
    properties: { pagePath: JOURNEY, label: 'Order journey', checkActive: path => path.indexOf(JOURNEY) > -1 }
  },
  {
    id: 'retailHub.deadLetters.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { pagePath: PAGE, label: 'Dead letters', checkActive: path => path.indexOf(PAGE) > -1 }
  }
];
