// Nurture dashboard: plain JS over the admin API. The token lives in sessionStorage and goes
// out as a Bearer header, so no cookie can be replayed by another site (no CSRF surface).
(function () {
  'use strict';

  const main = document.getElementById('main');
  const TOKEN_KEY = 'nurture.token';

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k.startsWith('on')) el.addEventListener(k.substring(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    });
    children.flat().forEach(c => {
      if (c === null || c === undefined) return;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return el;
  }

  function svg(tag, attrs, ...children) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
    children.forEach(c => el.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return el;
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ 'Authorization': 'Bearer ' + sessionStorage.getItem(TOKEN_KEY) },
        body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      body: body !== undefined ? JSON.stringify(body) : undefined
    });
    if (response.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      location.hash = '#login';
      throw new Error('Please log in again');
    }
    const data = response.status === 204 ? null : await response.json();
    if (!response.ok) {
      const error = new Error((data && (data.detail || data.title)) || ('HTTP ' + response.status));
      error.field = data && data.field;
      throw error;
    }
    return data;
  }

  function when(instant) {
    return instant ? new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  }

  function confirmAction(text) {
    const dialog = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent = text;
    return new Promise(resolve => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.returnValue = '';
      dialog.showModal();
    });
  }

  function table(headers, rows) {
    return h('table', {}, h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, c))))));
  }

  function page(title, ...content) {
    main.replaceChildren(h('h1', {}, title), ...content);
  }

  function failed(error) {
    main.append(h('p', { class: 'error', role: 'alert' }, error.message));
  }

  // --- login -------------------------------------------------------------------------------

  function login() {
    document.getElementById('nav').hidden = true;
    const input = h('input', { id: 'token', type: 'password', autocomplete: 'current-password', placeholder: 'Admin token' });
    const message = h('p', { class: 'error', role: 'alert' });
    const form = h('form', { class: 'panel login', onsubmit: async e => {
      e.preventDefault();
      const token = input.value.trim();
      const answer = await fetch('/api/clock', { headers: { 'Authorization': 'Bearer ' + token } });
      if (answer.ok) {
        sessionStorage.setItem(TOKEN_KEY, token);
        if (location.hash === '#overview') route(); else location.hash = '#overview';
      } else {
        message.textContent = 'That token was not accepted.';
      }
    } }, h('label', { for: 'token' }, 'Admin token'), input, h('button', { id: 'login', type: 'submit' }, 'Log in'), message);
    main.replaceChildren(h('h1', {}, 'Log in'), form);
  }

  // --- overview ----------------------------------------------------------------------------

  async function overview() {
    page('Overview', h('p', { class: 'muted' }, 'Loading…'));
    const [upcoming, live, funnel] = await Promise.all([api('GET', '/api/reports/upcoming'),
      api('GET', '/api/reports/enrollments'), api('GET', '/api/reports/funnel')]);
    const totalLive = live.sequences.reduce((n, s) => n + s.active + s.paused, 0);
    page('Overview',
      h('div', { class: 'cards' },
        h('div', { class: 'card' }, h('div', { class: 'n', id: 'sends-today' }, upcoming.today), 'sends left today'),
        h('div', { class: 'card' }, h('div', { class: 'n', id: 'sends-week' }, upcoming.week), 'sends in 7 days'),
        h('div', { class: 'card' }, h('div', { class: 'n' }, totalLive), 'live enrollments')),
      h('h2', {}, 'Funnel, last 90 days'),
      h('div', { class: 'panel', id: 'funnel' }, funnelChart(funnel.sequences), funnelTable(funnel.sequences)),
      h('h2', {}, 'What each step cost: free text and templates'),
      h('div', { class: 'panel', id: 'sends' }, sendsTable(funnel.sequences),
        h('p', { class: 'muted' }, 'Free text goes inside WhatsApp\'s 24 h window and costs nothing; Meta bills each template ',
          'by its category (utility or marketing), as it was when the step was sent.')),
      h('h2', {}, 'Did Nurture help? Booked with messages against the holdout'),
      h('div', { class: 'panel', id: 'lift' }, liftChart(funnel), liftTable(funnel),
        h('p', { class: 'muted' }, 'The bar is the extra bookings per 100 enrolled; the line, the range it likely lies in (95%). ',
          'A verdict needs at least 30 enrolled in each arm. See "What the verdict means" in docs/holdouts.md.')),
      h('h2', {}, 'Active enrollments by sequence'),
      h('div', { class: 'panel' }, table(['Sequence', 'Active', 'Paused'],
        live.sequences.map(s => [s.sequence, s.active, s.paused]))),
      h('h2', {}, 'Upcoming sends'),
      h('div', { class: 'panel' }, upcoming.steps.length === 0 ? h('p', { class: 'muted' }, 'Nothing due in the next 7 days.')
        : table(['When', 'Contact', 'Sequence', 'Step'], upcoming.steps.map(s => [when(s.dueAt),
          h('a', { href: '#contact/' + encodeURIComponent(s.contactExternalId) }, s.contactName || s.contactExternalId),
          s.sequence, s.stepNo + ' ' + s.objective]))));
  }

  const STAGES = [['enrolled', '#9aa5b1'], ['messaged', '#2680c2'], ['replied', '#1f9d55'], ['booked', '#5b47a8'],
    ['optedOut', '#b42318'], ['movedToDrip', '#e4a11b']];

  function funnelChart(sequences) {
    const max = Math.max(1, ...sequences.map(s => s.enrolled));
    const rowHeight = 16, group = STAGES.length * rowHeight + 18, width = 640, left = 100;
    const height = sequences.length * group + 24;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, style: 'max-width:100%;height:auto', role: 'img',
      'aria-label': 'Funnel per sequence' });
    sequences.forEach((s, i) => {
      const y0 = i * group + 12;
      chart.append(svg('text', { x: 0, y: y0 + 12, 'font-weight': 600 }, s.sequence));
      STAGES.forEach(([stage, colour], j) => {
        const y = y0 + j * rowHeight;
        const w = Math.round((width - left - 150) * s[stage] / max);
        chart.append(svg('rect', { x: left, y, width: Math.max(w, 1), height: rowHeight - 3, fill: colour }));
        chart.append(svg('text', { x: left + Math.max(w, 1) + 4, y: y + 11 }, `${s[stage]} ${stage}`));
      });
    });
    return chart;
  }

  // The lift per sequence and overall: the difference in points, its 95% interval as a whisker.
  function liftRows(funnel) {
    return funnel.sequences.filter(s => s.lift.control.enrolled > 0).map(s => [s.sequence, s.lift])
      .concat([['all', funnel.lift]]);
  }

  function liftChart(funnel) {
    const rows = liftRows(funnel);
    const ends = rows.flatMap(([, l]) => l.interval ? [Math.abs(l.interval.lower), Math.abs(l.interval.upper)] : [1]);
    const span = Math.max(5, ...ends);
    const width = 640, left = 100, right = 200, rowHeight = 26, height = rows.length * rowHeight + 30;
    const mid = left + (width - left - right) / 2, scale = (width - left - right) / 2 / span;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, style: 'max-width:100%;height:auto',
      role: 'img', 'aria-label': 'Lift per sequence with its interval' });
    chart.append(svg('line', { x1: mid, x2: mid, y1: 0, y2: height - 18, stroke: '#52606d' }));
    chart.append(svg('text', { x: mid - 4, y: height - 4 }, '0'));
    chart.append(svg('text', { x: left, y: height - 4 }, `-${Math.round(span)} pts`));
    chart.append(svg('text', { x: width - right - 40, y: height - 4 }, `+${Math.round(span)} pts`));
    rows.forEach(([name, l], i) => {
      const y = i * rowHeight + 6;
      chart.append(svg('text', { x: 0, y: y + 13, 'font-weight': 600 }, name));
      if (l.differencePoints !== null) {
        const x = mid + Math.min(0, l.differencePoints) * scale;
        chart.append(svg('rect', { x, y, width: Math.max(1, Math.abs(l.differencePoints) * scale), height: 16,
          fill: l.verdict === 'likely helps' ? '#1f9d55' : l.verdict === 'likely hurts' ? '#b42318' : '#9aa5b1' }));
        chart.append(svg('line', { x1: mid + l.interval.lower * scale, x2: mid + l.interval.upper * scale,
          y1: y + 8, y2: y + 8, stroke: '#1f2933', 'stroke-width': 2 }));
      }
      chart.append(svg('text', { x: width - right + 8, y: y + 13 }, l.verdict));
    });
    return chart;
  }

  function liftTable(funnel) {
    const arm = a => a.bookedPercent === null ? '—' : `${a.booked}/${a.enrolled} (${a.bookedPercent}%)`;
    const range = l => l.interval ? `${l.differencePoints} (${l.interval.lower} to ${l.interval.upper})` : '—';
    return table(['Sequence', 'Booked with messages', 'Booked held out', 'Extra bookings per 100 (95% range)', 'Verdict'],
      liftRows(funnel).map(([name, l]) => [name, arm(l.treatment), arm(l.control), range(l), l.verdict]));
  }

  // Per step that sent anything: free text against templates by Meta category.
  function sendsTable(sequences) {
    const rows = sequences.flatMap(s => s.steps.filter(st => st.messaged > 0).map(st => [s.sequence,
      st.stepNo + ' ' + st.objective, st.messaged, st.freeText, st.template, st.templateUtility, st.templateMarketing]));
    return rows.length === 0 ? h('p', { class: 'muted' }, 'Nothing sent in the period.')
      : table(['Sequence', 'Step', 'Sent', 'Free text', 'Templates', 'Utility', 'Marketing'], rows);
  }

  function funnelTable(sequences) {
    const pct = x => Math.round(x * 1000) / 10 + '%';
    return table(['Sequence', 'Enrolled', 'Messaged', 'Replied', 'Booked', 'Opted out', 'To drip'],
      sequences.map(s => [s.sequence, s.enrolled, s.messaged, `${s.replied} (${pct(s.rates.replied)})`,
        `${s.booked} (${pct(s.rates.booked)})`, s.optedOut, s.movedToDrip]));
  }

  // --- contacts ----------------------------------------------------------------------------

  function contacts(query) {
    const input = h('input', { id: 'q', type: 'search', placeholder: 'Name, e-mail or phone', value: query || '' });
    const results = h('div', { class: 'panel', id: 'results' });
    const search = async () => {
      const found = await api('GET', '/api/contacts?q=' + encodeURIComponent(input.value));
      results.replaceChildren(found.contacts.length === 0 ? h('p', { class: 'muted' }, 'No contact found.')
        : table(['Name', 'E-mail', 'Status', 'Enrollment'], found.contacts.map(c => [
          h('a', { href: '#contact/' + encodeURIComponent(c.externalId) }, c.name || c.externalId),
          c.email || '', c.status, c.activeEnrollment ? c.activeEnrollment.sequence + ' (' + c.activeEnrollment.status + ')' : ''])));
    };
    page('Contacts', h('form', { class: 'row', onsubmit: e => { e.preventDefault(); search().catch(failed); } },
      input, h('button', { id: 'search', type: 'submit' }, 'Search')), results);
    if (query) search().catch(failed);
  }

  // The zone the contact's messages are timed in, and where it came from when not their own.
  function zoneText(c) {
    if (!c.timezone) return null;
    return c.timezoneSource && c.timezoneSource !== 'contact' ? `${c.timezone} (from ${c.timezoneSource})` : c.timezone;
  }

  async function contact(key) {
    const path = '/api/contacts/' + encodeURIComponent(key);
    const [c, timeline] = await Promise.all([api('GET', path), api('GET', path + '/timeline')]);
    const enrollment = c.activeEnrollment;
    const act = (label, text, call, cls) => h('button', { type: 'button', class: cls, 'data-action': label.toLowerCase().replace(' ', '-'),
      onclick: async () => {
        if (await confirmAction(text)) {
          try { await call(); await contact(key); } catch (err) { failed(err); }
        }
      } }, label);
    const actions = [];
    if (enrollment && enrollment.status === 'active') {
      actions.push(act('Pause', `Pause ${c.name || key}'s ${enrollment.sequence} sequence?`,
        () => api('POST', `/api/enrollments/${enrollment.id}/pause`)));
    }
    if (enrollment && enrollment.status === 'paused') {
      actions.push(act('Resume', `Resume ${c.name || key}'s ${enrollment.sequence} sequence?`,
        () => api('POST', `/api/enrollments/${enrollment.id}/resume`)));
    }
    if (enrollment) {
      actions.push(act('Cancel', `Cancel ${c.name || key}'s ${enrollment.sequence} sequence? Pending steps will not be sent.`,
        () => api('POST', `/api/enrollments/${enrollment.id}/cancel`), 'secondary'));
    }
    if (c.status !== 'opted_out') {
      actions.push(act('Opt out', `Opt ${c.name || key} out of every message? No trigger will enroll them again.`,
        () => api('POST', path + '/opt-out'), 'danger'));
    }
    page(c.name || key,
      h('div', { class: 'panel' },
        h('p', {}, [c.email, c.phone, zoneText(c)].filter(Boolean).join(' · ')),
        h('p', {}, 'Status: ', h('span', { class: 'badge', id: 'contact-status' }, c.status),
          ' Enrollment: ', h('span', { class: 'badge', id: 'enrollment-status' },
            enrollment ? `${enrollment.sequence} v${enrollment.version} ${enrollment.status}` : 'none'),
          enrollment && enrollment.arm === 'control'
            ? h('span', { class: 'badge', id: 'enrollment-arm' }, 'held out: sent nothing') : null),
        (c.tags || []).length ? h('p', { class: 'muted' }, 'Tags: ' + c.tags.join(', ')) : null,
        h('div', { class: 'row' }, actions)),
      h('h2', {}, 'Preferences'),
      h('div', { class: 'panel' }, (c.preferences || []).length === 0 ? h('p', { class: 'muted' }, 'Nothing learned yet.')
        : table(['Preference', 'Value', 'Confidence', 'Evidence'], c.preferences.map(p =>
          [p.key, p.value, Math.round(p.confidence * 100) + '%', p.evidenceCount]))),
      h('h2', {}, 'Timeline'),
      h('ul', { class: 'timeline panel', id: 'timeline' }, timeline.entries.map(entry)));
  }

  function entry(e) {
    const head = h('div', {}, h('span', { class: 'muted' }, when(e.at)), ' ');
    let body = null;
    switch (e.kind) {
      case 'trigger': head.append(`Trigger ${e.trigger} from ${e.source}: ${e.outcome}`); break;
      case 'enrollment': head.append(`Enrolled in ${e.sequence} v${e.version} `, h('span', { class: 'badge' }, e.status),
        e.arm === 'control' ? ' (control arm: held out, sent nothing)' : '', e.endReason ? ` (${e.endReason})` : ''); break;
      case 'step':
        head.append(`${e.sequence} step ${e.stepNo} · ${e.objective} `, h('span', { class: 'badge ' + e.status }, e.status),
          e.channel ? ` via ${e.channel}` : '', e.status === 'scheduled' ? ` · due ${when(e.dueAt)}` : '');
        if (e.reason) head.append(h('div', { class: 'muted' }, 'Why: ' + e.reason));
        if (e.composer) head.append(h('div', { class: 'muted' }, 'Composer: ' + e.composer + (e.composerReason ? ' (' + e.composerReason + ')' : '')));
        if (e.content) body = h('div', { class: 'content' }, e.content);
        break;
      case 'message_in':
        head.append('Message in', e.channel ? ` (${e.channel})` : '');
        if (e.decision) head.append(h('div', { class: 'muted' }, 'Decided: ' + e.decision));
        body = h('div', { class: 'content' }, e.content);
        break;
      case 'message_out': head.append('Message out', e.channel ? ` (${e.channel})` : ''); body = h('div', { class: 'content' }, e.content); break;
      case 'preference': head.append(`Learned ${e.key} = ${e.value} (${Math.round(e.confidence * 100)}% after ${e.evidenceCount}): ${e.reason}`); break;
      default: head.append(e.kind);
    }
    return h('li', { class: e.kind }, head, body);
  }

  // --- sequences ---------------------------------------------------------------------------

  async function sequences() {
    const data = await api('GET', '/api/sequences');
    page('Sequences', h('div', { class: 'panel' }, table(['Sequence', 'Version', 'Steps', 'Tone', ''],
      data.sequences.map(s => [s.key, `v${s.version} of ${s.versions.length}`,
        s.steps.map(st => st.objective).join(' → '), s.tone,
        h('a', { href: '#sequence/' + s.key, 'data-edit': s.key }, 'Edit')]))));
  }

  async function sequence(key, shownVersion) {
    const current = await api('GET', '/api/sequences/' + key);
    const shown = shownVersion ? await api('GET', `/api/sequences/${key}/versions/${shownVersion}`) : current;
    const tone = h('input', { id: 'tone', value: shown.tone, size: 40 });
    const sendAt = h('input', { id: 'sendAt', type: 'time', value: shown.sendAt.substring(0, 5) });
    const description = h('input', { id: 'description', value: shown.description || '', size: 50 });
    const holdout = h('input', { id: 'holdoutPercent', type: 'number', min: 0, max: 50, value: shown.holdoutPercent, size: 4 });
    const rows = h('tbody', { id: 'steps' });
    const addRow = step => {
      const objective = h('select', { class: 'objective' }, current.objectives.map(o => h('option', { value: o, selected: o === step.objective }, o)));
      const kind = h('select', { class: 'kind' }, h('option', { value: 'day', selected: step.day !== null }, 'day'),
        h('option', { value: 'delay', selected: step.day === null }, 'delay'));
      const value = h('input', { class: 'when', value: step.day !== null ? step.day : step.delay, size: 8 });
      // A step's variants (A/B) are kept as they are; they are edited through the API.
      const variants = step.variants || [];
      const tested = variants.length ? [h('span', { class: 'muted variants' },
        ' A/B: ' + variants.map(v => v.name + ' ' + v.objective + (v.tone ? ' (' + v.tone + ')' : '')).join(', '))] : [];
      const tr = h('tr', {}, h('td', {}, objective, ...tested), h('td', {}, kind), h('td', {}, value),
        h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => tr.remove() }, 'Remove')));
      tr.variants = variants;
      rows.append(tr);
    };
    shown.steps.forEach(addRow);
    const message = h('p', { id: 'save-result', role: 'status' });
    const draft = () => ({ tone: tone.value, sendAt: sendAt.value, description: description.value,
      holdoutPercent: Number(holdout.value),
      steps: [...rows.children].map(tr => {
        const kind = tr.querySelector('.kind').value, value = tr.querySelector('.when').value.trim();
        const step = { objective: tr.querySelector('.objective').value };
        step[kind] = kind === 'day' ? Number(value) : value;
        if (tr.variants.length) step.variants = tr.variants;
        return step;
      }) });
    const save = async e => {
      e.preventDefault();
      const steps = draft().steps;
      if (!(await confirmAction(`Save these ${steps.length} steps as a new version of ${key}? Contacts in flight keep their version.`))) return;
      try {
        const saved = await api('PUT', '/api/sequences/' + key,
          { tone: tone.value, sendAt: sendAt.value, description: description.value,
            holdoutPercent: Number(holdout.value), steps });
        await sequence(key);
        document.getElementById('save-result').textContent = saved.version === current.version
          ? `Nothing changed: still version ${saved.version}.` : `Saved as version ${saved.version}.`;
      } catch (err) {
        message.className = 'error';
        message.textContent = (err.field ? err.field + ': ' : '') + err.message;
      }
    };
    const previewContact = h('input', { id: 'preview-contact', placeholder: 'Contact id (external id)' });
    const previewResult = h('div', { id: 'preview' });
    const preview = async e => {
      e.preventDefault();
      try {
        const p = await api('POST', `/api/sequences/${key}/preview`,
          { contactExternalId: previewContact.value.trim(), draft: draft() });
        previewResult.replaceChildren(table(['Step', 'Planned', 'Channel', 'Message'],
          p.steps.map(s => [s.stepNo + ' ' + s.objective, when(s.plannedAt), s.channel, h('div', { class: 'content' }, s.content)])));
      } catch (err) {
        previewResult.replaceChildren(h('p', { class: 'error' }, (err.field ? err.field + ': ' : '') + err.message));
      }
    };
    page(`Sequence ${key}`,
      h('div', { class: 'panel' }, 'Versions: ', current.versions.map(v =>
        h('a', { href: `#sequence/${key}/${v}`, style: 'margin-right:.5rem' }, v === shown.version ? `[v${v}]` : `v${v}`)),
        h('span', { class: 'muted' }, ` (current v${current.version}; the editor starts from v${shown.version})`)),
      h('form', { class: 'panel', id: 'editor', onsubmit: save },
        h('div', { class: 'row' }, h('label', {}, 'Tone ', tone), h('label', {}, 'Send at ', sendAt)),
        h('div', { class: 'row' }, h('label', {}, 'Description ', description)),
        h('div', { class: 'row' }, h('label', {}, 'Hold out (% sent nothing, to measure the effect) ', holdout)),
        h('table', {},
          h('thead', {}, h('tr', {}, ['Objective', 'Timing', 'Day or delay (PT2H)', ''].map(x => h('th', {}, x)))), rows),
        h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', id: 'add-step',
          onclick: () => addRow({ objective: current.objectives[0], day: 1, delay: null }) }, 'Add step'),
          h('button', { type: 'submit', id: 'save' }, 'Save new version')), message),
      h('h2', {}, 'Preview for a real contact'),
      h('form', { class: 'panel', onsubmit: preview },
        h('p', { class: 'muted' }, 'Shows the planned times and messages of the steps above, before saving; nothing is sent or stored.'),
        h('div', { class: 'row' }, previewContact, h('button', { type: 'submit', id: 'preview-button' }, 'Preview')), previewResult));
  }

  // --- routing -----------------------------------------------------------------------------

  async function route() {
    const [name, ...args] = decodeURIComponent(location.hash.substring(1)).split('/');
    if (!sessionStorage.getItem(TOKEN_KEY) || name === 'login') return login();
    document.getElementById('nav').hidden = false;
    document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === '#' + (name === 'contact' ? 'contacts' : name === 'sequence' ? 'sequences' : name)));
    try {
      switch (name) {
        case 'contacts': return contacts(args[0]);
        case 'contact': return await contact(args.join('/'));
        case 'sequences': return await sequences();
        case 'sequence': return await sequence(args[0], args[1]);
        default: return await overview();
      }
    } catch (err) {
      failed(err);
    }
  }

  document.getElementById('logout').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    location.hash = '#login';
  });
  window.addEventListener('hashchange', route);
  route();
})();
