// The customer portal: one page, views addressed after '#'. Every call goes to /portal/api/...,
// which the service hands to its JSON API as the signed-in customer (the HttpOnly session cookie
// never reaches this script). The DOM is built with createElement and textContent only, so no
// text from the API is ever parsed as HTML.
'use strict';

(function () {
  const STRINGS = window.MP_STRINGS;
  let lang = chooseLanguage();
  let session = { signed_in: false };
  let renewing = null;

  // ---- language -----------------------------------------------------------------------------
  function chooseLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    const stored = localStorage.getItem('mp_lang');
    const pick = asked || stored || (navigator.language || 'en').slice(0, 2);
    return STRINGS[pick] ? pick : 'en';
  }
  function t(key, ...args) {
    const text = (STRINGS[lang] && STRINGS[lang][key]) || STRINGS.en[key] || key;
    return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
  }
  function money(amount, currency) {
    if (amount === undefined || amount === null || amount === '') return '';
    try {
      return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(Number(amount));
    } catch (e) {
      return amount + ' ' + currency;
    }
  }
  function date(text) {
    if (!text) return '';
    const d = new Date(text);
    return isNaN(d) ? text : d.toLocaleDateString(lang, { year: 'numeric', month: 'short', day: 'numeric' });
  }

  // ---- DOM ----------------------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  function field(id, labelText, control, hint) {
    control.id = id;
    if (hint) control.setAttribute('aria-describedby', id + '-hint');
    return h('div', {}, h('label', { for: id }, labelText), control,
      hint ? h('p', { class: 'hint', id: id + '-hint' }, hint) : null);
  }
  function notice(kind, text) {
    return h('div', { class: 'notice ' + kind, role: kind === 'bad' ? 'alert' : 'status' }, text || '');
  }
  function badge(status) {
    const ok = ['paid', 'active', 'running'];
    const warn = ['unpaid', 'pending', 'provisioning', 'processing', 'past_due', 'suspended'];
    const kind = ok.includes(status) ? 'ok' : warn.includes(status) ? 'warn' : status ? 'bad' : '';
    return h('span', { class: 'badge ' + kind }, t('status.' + status) !== 'status.' + status ? t('status.' + status) : status);
  }
  function table(caption, headers, rows, emptyText) {
    if (!rows.length) return h('p', { class: 'empty' }, emptyText);
    return h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col', class: x.num ? 'num' : null }, x.label)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) =>
        h('td', { 'data-label': headers[i].label, class: headers[i].num ? 'num' : null }, c)))))));
  }
  function show(title, ...content) {
    const main = document.getElementById('main');
    main.replaceChildren(h('h1', {}, title), ...content.flat().filter((c) => c !== null && c !== undefined && c !== false));
    document.title = title + ' · mPanel';
    main.focus();
  }

  // ---- calls --------------------------------------------------------------------------------
  async function request(method, url, body, extraHeaders) {
    const headers = Object.assign({ 'X-Requested-With': 'mpanel-portal' }, extraHeaders || {});
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (session.csrf_token && method !== 'GET') headers['X-CSRF-Token'] = session.csrf_token;
    const r = await fetch(url, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await r.json().catch(() => ({}));
    return { status: r.status, data };
  }
  // One renewal at a time: the page's calls wait for it instead of each spending the refresh token.
  function renew() {
    if (!renewing) {
      renewing = request('GET', '/portal/session').then((r) => {
        session = r.data.signed_in ? r.data : { signed_in: false };
        renewing = null;
        return session;
      });
    }
    return renewing;
  }
  async function api(method, path, body) {
    let r = await request(method, '/portal/api' + path, body);
    if (r.status === 401 && r.data.error && r.data.error.code === 'session_expired') {
      await renew();
      r = await request(method, '/portal/api' + path, body);
    }
    if (r.status === 401) {
      session = { signed_in: false };
      go('#/signin');
      throw new Error(t('error.signedOut'));
    }
    return r;
  }
  function errorText(r) {
    const e = r.data && r.data.error;
    if (!e) return t('error.generic', r.status);
    const known = t('code.' + e.code);
    return known !== 'code.' + e.code ? known : e.message;
  }
  function items(data) {
    return Array.isArray(data) ? data : (data.items || []);
  }

  // The result pages live outside /portal (where Stripe sends the customer back): their links
  // lead into the portal's page.
  function href(hash) {
    return /^\/portal\/?$/.test(location.pathname) ? hash : '/portal/' + hash;
  }

  // ---- chrome -------------------------------------------------------------------------------
  function renderChrome(route) {
    document.documentElement.lang = lang;
    const other = lang === 'de' ? 'en' : 'de';
    const langButton = document.getElementById('lang');
    langButton.textContent = t('lang.switch');
    langButton.setAttribute('lang', other);
    langButton.setAttribute('aria-label', t('lang.switchLabel'));
    document.getElementById('skip').textContent = t('nav.skip');
    document.getElementById('brand').setAttribute('aria-label', t('nav.home'));
    document.getElementById('brand').setAttribute('href', href('#/'));
    document.getElementById('foot').textContent = t('foot');
    const links = session.signed_in
      ? [['#/', 'nav.dashboard'], ['#/catalog', 'nav.catalog'], ['#/invoices', 'nav.invoices'],
        ['#/subscriptions', 'nav.subscriptions'], ['#/cloudpods', 'nav.cloudpods']]
      : [['#/catalog', 'nav.catalog'], ['#/signin', 'nav.signin'], ['#/signup', 'nav.signup']];
    const list = h('ul', {}, links.map(([hash, key]) => h('li', {},
      h('a', { href: href(hash), 'aria-current': route === hash.slice(1) ? 'page' : null }, t(key)))));
    if (session.signed_in)
      list.append(h('li', {}, h('button', { type: 'button', class: 'link', id: 'signout', onclick: signOut }, t('nav.signout'))));
    document.getElementById('nav').replaceChildren(list);
    document.getElementById('nav').setAttribute('aria-label', t('nav.label'));
  }

  // ---- views: before sign-in ----------------------------------------------------------------
  function signInView(message) {
    const status = notice(message ? 'ok' : 'bad', message || '');
    const email = h('input', { type: 'email', name: 'email', autocomplete: 'email', required: true });
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const submit = h('button', { class: 'btn', type: 'submit' }, t('signin.submit'));
    const form = h('form', { class: 'stack', novalidate: true, onsubmit: async (ev) => {
      ev.preventDefault();
      submit.disabled = true;
      const r = await request('POST', '/portal/session', { email: email.value.trim(), password: password.value });
      submit.disabled = false;
      if (r.status === 200) {
        await renew();
        go('#/');
        return;
      }
      status.className = 'notice bad';
      status.setAttribute('role', 'alert');
      status.textContent = r.status === 429 ? t('signin.throttled') : errorText(r);
    } }, field('email', t('field.email'), email), field('password', t('field.password'), password), submit);
    show(t('signin.title'), status, h('div', { class: 'card' }, form),
      h('p', {}, t('signin.noAccount') + ' ', h('a', { href: href('#/signup') }, t('nav.signup'))));
  }

  function signUpView() {
    const status = notice('bad', '');
    const name = h('input', { type: 'text', autocomplete: 'name', required: true });
    const email = h('input', { type: 'email', autocomplete: 'email', required: true });
    const password = h('input', { type: 'password', autocomplete: 'new-password', required: true, minlength: '10' });
    const countries = ['DE', 'AT', 'CH', 'NL', 'FR', 'BE', 'LU', 'IT', 'ES', 'PL', 'GB', 'US'];
    const country = h('select', { autocomplete: 'country' },
      countries.map((c) => h('option', { value: c }, new Intl.DisplayNames([lang], { type: 'region' }).of(c))));
    const submit = h('button', { class: 'btn', type: 'submit' }, t('signup.submit'));
    const fields = { name, email, password, country };
    const form = h('form', { class: 'stack', novalidate: true, onsubmit: async (ev) => {
      ev.preventDefault();
      for (const el of Object.values(fields)) el.removeAttribute('aria-invalid');
      submit.disabled = true;
      const r = await request('POST', '/portal/signup', { name: name.value.trim(), email: email.value.trim(),
        password: password.value, country: country.value, language: lang });
      submit.disabled = false;
      if (r.status === 201) {
        await renew();
        go('#/catalog');
        return;
      }
      const bad = r.data.error && fields[r.data.error.field];
      if (bad) { bad.setAttribute('aria-invalid', 'true'); bad.focus(); }
      status.textContent = errorText(r);
    } },
    field('name', t('field.name'), name), field('email', t('field.email'), email),
    field('password', t('field.password'), password, t('hint.password')),
    field('country', t('field.country'), country), submit);
    show(t('signup.title'), status, h('div', { class: 'card' }, form),
      h('p', {}, t('signup.haveAccount') + ' ', h('a', { href: href('#/signin') }, t('nav.signin'))));
  }

  async function signOut() {
    await request('DELETE', '/portal/session');
    session = { signed_in: false };
    go('#/signin', t('signout.done'));
  }

  // ---- catalog and checkout -----------------------------------------------------------------
  function priceLine(p) {
    return t('price.per', money(p.amount, p.currency), t('cycle.' + p.cycle));
  }
  async function catalogView() {
    const r = session.signed_in ? await api('GET', '/products') : { status: 401, data: {} };
    if (!session.signed_in) {
      show(t('catalog.title'), h('p', {}, t('catalog.signinFirst') + ' '),
        h('p', {}, h('a', { class: 'btn', href: '#/signin' }, t('nav.signin')), ' ',
          h('a', { class: 'btn secondary', href: '#/signup' }, t('nav.signup'))));
      return;
    }
    if (r.status !== 200) return show(t('catalog.title'), notice('bad', errorText(r)));
    const products = items(r.data);
    const byType = {};
    for (const p of products) (byType[p.type] = byType[p.type] || []).push(p);
    const sections = Object.keys(byType).sort().map((type) => h('section', { 'aria-labelledby': 'type-' + type },
      h('h2', { id: 'type-' + type }, t('type.' + type) !== 'type.' + type ? t('type.' + type) : type),
      h('div', { class: 'grid' }, byType[type].map((p) => h('article', { class: 'card' },
        h('h3', {}, p.name),
        p.description ? h('p', {}, p.description) : null,
        h('ul', {}, (p.prices || []).map((price) => h('li', { class: 'price' }, priceLine(price)))),
        h('a', { class: 'btn', href: '#/checkout/' + p.id, 'aria-label': t('catalog.orderNamed', p.name) }, t('catalog.order')))))));
    show(t('catalog.title'), sections.length ? sections : h('p', { class: 'empty' }, t('catalog.empty')));
  }

  async function checkoutView(productId) {
    const r = await api('GET', '/products/' + encodeURIComponent(productId));
    if (r.status !== 200) return show(t('checkout.title'), notice('bad', errorText(r)));
    const p = r.data;
    const status = notice('bad', '');
    const cycle = h('select', {}, (p.prices || []).map((price) => h('option', { value: price.cycle }, priceLine(price))));
    const quantity = h('input', { type: 'number', min: '1', max: '10', value: '1', inputmode: 'numeric' });
    const isPod = p.type === 'cloudpod';
    const hostname = h('input', { type: 'text', autocomplete: 'off', pattern: '[a-z0-9-]{1,63}', spellcheck: 'false' });
    const keys = h('textarea', { spellcheck: 'false', placeholder: 'ssh-ed25519 AAAA… you@laptop' });
    const submit = h('button', { class: 'btn', type: 'submit' }, t('checkout.submit'));
    const fields = { cycle, quantity, hostname, 'options.ssh_public_keys': keys };
    const form = h('form', { class: 'stack', novalidate: true, onsubmit: async (ev) => {
      ev.preventDefault();
      for (const el of Object.values(fields)) el.removeAttribute('aria-invalid');
      const body = { product_id: p.id, cycle: cycle.value, quantity: Number(quantity.value) || 1 };
      if (isPod && hostname.value.trim()) body.hostname = hostname.value.trim();
      if (isPod && keys.value.trim()) body.options = { ssh_public_keys: keys.value.trim() };
      submit.disabled = true;
      const out = await api('POST', '/checkout', body);
      submit.disabled = false;
      if (out.status === 201) {
        const password = out.data.access && out.data.access.root_password;
        if (password) sessionStorage.setItem('mp_root_password', password);
        go('#/invoices/' + out.data.invoice_id, t('checkout.placed'));
        return;
      }
      const bad = out.data.error && fields[out.data.error.field];
      if (bad) { bad.setAttribute('aria-invalid', 'true'); bad.focus(); }
      status.textContent = errorText(out);
    } },
    field('cycle', t('field.cycle'), cycle),
    isPod ? field('quantity', t('field.quantity'), quantity, t('hint.quantity')) : null,
    isPod ? field('hostname', t('field.hostname'), hostname, t('hint.hostname')) : null,
    isPod ? field('ssh-keys', t('field.sshKeys'), keys, t('hint.sshKeys')) : null,
    submit);
    show(t('checkout.titleNamed', p.name), status, p.description ? h('p', {}, p.description) : null,
      h('div', { class: 'card' }, form));
  }

  // ---- invoices and paying ------------------------------------------------------------------
  async function invoicesView() {
    const r = await api('GET', '/invoices');
    if (r.status !== 200) return show(t('invoices.title'), notice('bad', errorText(r)));
    const rows = items(r.data).map((inv) => [
      h('a', { href: '#/invoices/' + inv.id }, inv.number || t('invoice.draft')),
      date(inv.issue_date || inv.created_at), money(inv.total, inv.currency), badge(inv.status)]);
    show(t('invoices.title'), table(t('invoices.caption'),
      [{ label: t('col.number') }, { label: t('col.date') }, { label: t('col.total'), num: true }, { label: t('col.status') }],
      rows, t('invoices.empty')));
  }

  function lastFailure(inv) {
    const failed = (inv.payments || []).filter((p) => p.succeeded === false || p.decline_code);
    return failed.length ? failed[failed.length - 1] : null;
  }

  async function invoiceView(id, message) {
    const r = await api('GET', '/invoices/' + encodeURIComponent(id));
    if (r.status !== 200) return show(t('invoice.title'), notice('bad', errorText(r)));
    const inv = r.data;
    const status = notice(message ? 'ok' : 'bad', message || '');
    const password = sessionStorage.getItem('mp_root_password');
    const lines = (inv.items || []).map((l) => [l.description, String(l.quantity), money(l.unit_price, inv.currency),
      money(l.amount !== undefined ? l.amount : (l.gross || l.net), inv.currency)]);
    const pay = h('button', { class: 'btn', type: 'button', id: 'pay', onclick: async () => {
      pay.disabled = true;
      const out = await api('POST', '/invoices/' + encodeURIComponent(id) + '/pay', {});
      if (out.status === 200 || out.status === 201) {
        sessionStorage.setItem('mp_paying_invoice', id);
        location.assign(out.data.checkout_url);
        return;
      }
      pay.disabled = false;
      status.className = 'notice bad';
      status.textContent = errorText(out);
    } }, t('invoice.pay'));
    const failure = inv.status === 'unpaid' ? lastFailure(inv) : null;
    show(t('invoice.titleNumbered', inv.number || t('invoice.draft')), status,
      password ? h('div', { class: 'notice warn', role: 'status' }, t('invoice.rootPassword') + ' ', h('code', {}, password)) : null,
      failure ? notice('bad', t('result.failedReason', failure.decline_message || failure.decline_code)) : null,
      h('div', { class: 'card' }, h('dl', { class: 'facts' },
        h('dt', {}, t('col.status')), h('dd', {}, badge(inv.status)),
        h('dt', {}, t('col.date')), h('dd', {}, date(inv.issue_date || inv.created_at)),
        h('dt', {}, t('col.due')), h('dd', {}, date(inv.due_date)),
        h('dt', {}, t('col.total')), h('dd', { class: 'price' }, money(inv.total, inv.currency)),
        inv.paid_at ? [h('dt', {}, t('col.paidAt')), h('dd', {}, date(inv.paid_at))] : null)),
      table(t('invoice.lines'), [{ label: t('col.description') }, { label: t('col.quantity'), num: true },
        { label: t('col.unitPrice'), num: true }, { label: t('col.amount'), num: true }], lines, ''),
      h('div', { class: 'actions' }, inv.status === 'unpaid' ? pay : null,
        inv.number ? h('a', { class: 'btn secondary', href: '/portal/api/invoices/' + encodeURIComponent(id) + '/pdf' }, t('invoice.pdf')) : null,
        h('a', { href: '#/invoices' }, t('invoice.back'))));
  }

  // Where Stripe Checkout sends the customer back: the invoice as it really is now. The webhook
  // may not have arrived yet, so an unpaid invoice after a successful return is "processing" and
  // is asked for again for a while.
  async function resultView(cancelled) {
    const id = sessionStorage.getItem('mp_paying_invoice');
    if (!id) return show(t('result.title'), h('p', {}, t('result.unknown')), h('a', { href: href('#/invoices') }, t('nav.invoices')));
    const box = h('div', { 'aria-live': 'polite' });
    show(t('result.title'), box);
    const deadline = Date.now() + 30000;
    for (;;) {
      const r = await api('GET', '/invoices/' + encodeURIComponent(id));
      if (r.status !== 200) { box.replaceChildren(notice('bad', errorText(r))); return; }
      const inv = r.data;
      const failure = lastFailure(inv);
      const link = h('p', {}, h('a', { href: href('#/invoices/' + id) }, t('result.viewInvoice', inv.number || '')));
      let state;
      if (inv.status === 'paid') state = [h('p', { id: 'result-state' }, badge('paid')), notice('ok', t('result.paid', inv.number, money(inv.total, inv.currency)))];
      else if (failure) state = [h('p', { id: 'result-state' }, badge('failed')), notice('bad', t('result.failedReason', failure.decline_message || failure.decline_code)),
        h('p', {}, t('result.stillOpen', inv.number, money(inv.total, inv.currency)), ' ', badge(inv.status))];
      else if (cancelled) state = [h('p', { id: 'result-state' }, badge('unpaid')), notice('warn', t('result.cancelled'))];
      else state = [h('p', { id: 'result-state' }, badge('processing')), notice('warn', t('result.processing'))];
      box.replaceChildren(...state, link);
      // A decline is known from Stripe's webhook, which may come after the customer is back.
      const settled = inv.status === 'paid' || failure;
      if (settled || Date.now() > (cancelled ? deadline - 20000 : deadline)) {
        if (inv.status === 'paid') sessionStorage.removeItem('mp_paying_invoice');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  // ---- after sign-in ------------------------------------------------------------------------
  async function subscriptionsView() {
    const r = await api('GET', '/subscriptions');
    if (r.status !== 200) return show(t('subscriptions.title'), notice('bad', errorText(r)));
    const rows = items(r.data).map((s) => [
      (s.product && s.product.name) || s.description || s.product_id, t('cycle.' + s.cycle),
      money(s.unit_price, s.currency), date(s.current_period_end), badge(s.status)]);
    show(t('subscriptions.title'), table(t('subscriptions.caption'),
      [{ label: t('col.product') }, { label: t('field.cycle') }, { label: t('col.price'), num: true },
        { label: t('col.periodEnd') }, { label: t('col.status') }], rows, t('subscriptions.empty')));
  }

  async function cloudpodsView() {
    const r = await api('GET', '/cloudpods');
    if (r.status !== 200) return show(t('cloudpods.title'), notice('bad', errorText(r)));
    const pods = await Promise.all(items(r.data).map(async (p) => {
      const d = await api('GET', '/cloudpods/' + encodeURIComponent(p.id));
      return d.status === 200 ? d.data : p;
    }));
    const cards = pods.map((p) => {
      const address = p.ip_address || p.address || (p.addresses && p.addresses[0]) || '';
      const connect = p.access && p.access.connect;
      return h('article', { class: 'card pod', 'data-hostname': p.hostname },
        h('h2', {}, p.hostname), h('dl', { class: 'facts' },
          h('dt', {}, t('col.status')), h('dd', {}, badge(p.status)),
          h('dt', {}, t('col.address')), h('dd', { class: 'mono pod-address' }, address || t('cloudpods.noAddress')),
          p.template_name ? [h('dt', {}, t('col.template')), h('dd', {}, p.template_name)] : null),
        connect ? [h('h3', {}, t('cloudpods.connect')), h('pre', { class: 'connect' }, h('code', {}, connect)),
          h('p', { class: 'hint' }, t('cloudpods.connectHint'))] : null);
    });
    show(t('cloudpods.title'), cards.length ? cards : h('p', { class: 'empty' }, t('cloudpods.empty')));
  }

  async function dashboardView() {
    const [inv, subs, pods] = await Promise.all([api('GET', '/invoices'), api('GET', '/subscriptions'), api('GET', '/cloudpods')]);
    const open = items(inv.data).filter((i) => i.status === 'unpaid');
    const name = session.customer && session.customer.name;
    show(name ? t('dashboard.hello', name) : t('nav.dashboard'), h('div', { class: 'grid' },
      h('section', { class: 'card' }, h('h2', {}, t('nav.invoices')),
        h('p', {}, open.length ? t('dashboard.open', open.length) : t('dashboard.noneOpen')),
        h('a', { href: '#/invoices' }, t('dashboard.seeInvoices'))),
      h('section', { class: 'card' }, h('h2', {}, t('nav.subscriptions')),
        h('p', {}, t('dashboard.count', items(subs.data).length)), h('a', { href: '#/subscriptions' }, t('dashboard.seeSubscriptions'))),
      h('section', { class: 'card' }, h('h2', {}, t('nav.cloudpods')),
        h('p', {}, t('dashboard.count', items(pods.data).length)), h('a', { href: '#/cloudpods' }, t('dashboard.seeCloudpods'))),
      h('section', { class: 'card' }, h('h2', {}, t('nav.catalog')), h('a', { href: '#/catalog' }, t('dashboard.order')))));
  }

  // ---- routing ------------------------------------------------------------------------------
  let pendingMessage = null;
  function go(hash, message) {
    pendingMessage = message || null;
    if (location.pathname !== '/portal' && location.pathname !== '/portal/') {
      location.assign('/portal' + hash);
      return;
    }
    if (location.hash === hash) route(); else location.hash = hash;
  }

  async function route() {
    const message = pendingMessage;
    pendingMessage = null;
    const path = location.pathname.replace(/\/+$/, '');
    const hash = (location.hash || '#/').slice(1);
    const parts = hash.split('/').filter(Boolean);
    renderChrome(path.startsWith('/payments/') ? '' : hash);
    try {
      if (path === '/payments/success' || path === '/payments/cancel') {
        if (!session.signed_in) return signInView();
        return await resultView(path === '/payments/cancel');
      }
      if (parts[0] === 'signup') return signUpView();
      if (parts[0] === 'signin' || !session.signed_in && parts[0] !== 'catalog') return signInView(message);
      switch (parts[0]) {
        case 'catalog': return await catalogView();
        case 'checkout': return await checkoutView(parts[1] || '');
        case 'invoices': return parts[1] ? await invoiceView(parts[1], message) : await invoicesView();
        case 'subscriptions': return await subscriptionsView();
        case 'cloudpods': return await cloudpodsView();
        default: return await dashboardView();
      }
    } catch (e) {
      show(t('error.title'), notice('bad', e.message));
    }
  }

  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'de' ? 'en' : 'de';
    localStorage.setItem('mp_lang', lang);
    route();
  });
  document.getElementById('skip').addEventListener('click', (ev) => {
    ev.preventDefault();
    document.getElementById('main').focus();
  });
  window.addEventListener('hashchange', route);
  renew().then(route);
})();
