// The retail hub in Cockpit (Camunda 7 front-end plugin API, an ES module loaded by Cockpit): a dashboard tile with
// the hub's figures and a "Dead letters" page where operators replay or discard what the hub set aside. Every call
// goes to the plugin's own resources (OperatorDeskResource) with Cockpit's session and CSRF token; the roles are
// checked there, so a page an analyst opens shows reasons without payloads and no buttons.

const PLUGIN = 'retailHub';
const PAGE = '#/retail-hub/dead-letters';
const JOURNEY = '#/retail-hub/orders';

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
      element('p', {}, element('a', { href: PAGE, class: 'btn btn-default' }, `Dead letters (${open} open)`), ' ',
        element('a', { href: JOURNEY, class: 'btn btn-default' }, 'Order journey'))));
  } catch (failure) {
    node.replaceChildren(element('section', {}, element('h3', { class: 'section-title' }, 'Retail hub'),
      element('p', { class: 'text-danger' }, `The hub's figures cannot be shown: ${failure.message}`)));
  }
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
    element('p', { class: 'text-muted' }, 'One order\'s status history, process instances (finished ones too), payment and provider answers, '
      + 'and the events it published, in time order.'),
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
