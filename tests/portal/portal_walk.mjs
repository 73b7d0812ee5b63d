// Walks the customer portal as a customer in Debian's chromium: sign up, order a CloudPod with an
// SSH key, pay with the Stripe emulator's 4242 card, the result page, the paid invoice, the
// active subscription, the running pod with its address; a declined card; sign-out. On every
// page: axe-core finds no serious or critical violation, no CSP violation is reported, and the
// first load transfers under 200 KB. Screenshots in English and German, desktop and phone width.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const workDir = process.argv[2];
const require = createRequire(path.join(workDir, 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const base = process.env.PORTAL_URL;
const shots = process.env.SHOT_DIR;
const sshKey = process.env.SSH_PUBLIC_KEY;
const email = `walker-${Date.now()}@example.com`;
const password = 'correct horse battery staple';
const LIMIT = 200 * 1024;
const problems = [];

function check(ok, what) {
  if (!ok) problems.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
      problems.push('CSP violation: ' + msg.text());
  });
  page.on('pageerror', (err) => problems.push('page error: ' + err.message));
}

async function newContext(options = {}) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  watch(page);
  return { context, page };
}

async function settled(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.getElementById('loading'));
}

async function axe(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `axe: ${name} has no serious or critical violation` +
    (bad.length ? ': ' + bad.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`).join('; ') : ''));
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
}

async function heading(page) {
  return (await page.locator('h1').first().textContent()).trim();
}

// ---- sign up -------------------------------------------------------------------------------
const { context, page } = await newContext();
try {
await page.goto(base + '/portal/#/signup');
await settled(page);
await axe(page, 'sign up');
await shot(page, 'signup-en');
await page.getByLabel('Full name').fill('Grace Hopper');
await page.getByLabel('Email address').fill(email);
await page.getByLabel('Password').fill(password);
await page.getByLabel('Country').selectOption('DE');
await page.getByRole('button', { name: 'Create account' }).click();
await page.waitForURL(/#\/catalog$/);
await page.getByRole('heading', { name: 'CloudPods' }).waitFor();
check((await heading(page)) === 'Order', 'signed up and landed on the catalog');
await axe(page, 'catalog');
await shot(page, 'catalog-en');

// ---- order a CloudPod with an SSH key --------------------------------------------------------
await page.getByRole('link', { name: 'Order CloudPod Mini' }).first().click();
await page.getByLabel('SSH public keys').waitFor();
await axe(page, 'checkout');
await page.getByLabel('Billing cycle').selectOption('monthly');
await page.getByLabel('Quantity').fill('1');
await page.getByLabel('SSH public keys').fill(sshKey);
await shot(page, 'checkout-en');
await page.getByRole('button', { name: 'Place order' }).click();
await page.waitForURL(/#\/invoices\/[0-9a-f-]{36}$/);
await page.getByRole('button', { name: 'Pay now' }).waitFor();
const invoiceHash = new URL(page.url()).hash;
check(await page.getByText('unpaid').first().isVisible(), 'the new invoice is unpaid');
await axe(page, 'invoice (unpaid)');
await shot(page, 'invoice-unpaid-en');

// ---- pay with 4242 on Stripe Checkout (the emulator) -----------------------------------------
await page.getByRole('button', { name: 'Pay now' }).click();
await page.waitForURL(/\/c\/pay\//);
await page.locator('input[name=card]').fill('4242 4242 4242 4242');
await page.getByRole('button', { name: 'Pay' }).click();
await page.waitForURL(/\/payments\/success\?session_id=/);
await page.locator('#result-state .badge.ok').waitFor({ timeout: 30000 });
check((await page.locator('#result-state').textContent()).trim() === 'paid', 'the result page shows the invoice paid');
await axe(page, 'payment result (paid)');
await shot(page, 'result-paid-en');
await page.getByRole('link', { name: /View invoice/ }).click();
await page.waitForURL(/\/portal\/?#\/invoices\//);
await page.getByRole('heading', { name: /Invoice/ }).waitFor();
await settled(page);
check(await page.locator('.badge.ok', { hasText: 'paid' }).first().isVisible(), 'the invoice is paid');
check(!(await page.getByRole('button', { name: 'Pay now' }).count()), 'a paid invoice has no Pay button');
await shot(page, 'invoice-paid-en');

// ---- the subscription and the running pod --------------------------------------------------
// Waits for the condition (a loaded machine is slow), asking the page again each second.
let subscriptionActive = false;
for (let i = 0; i < 60 && !subscriptionActive; ++i) {
  await page.goto(base + '/portal/#/subscriptions');
  if (i > 0) await page.reload();
  await settled(page);
  subscriptionActive = (await page.locator('td .badge.ok', { hasText: 'active' }).count()) > 0;
  if (!subscriptionActive) await page.waitForTimeout(1000);
}
check(subscriptionActive, 'the subscription is active');
await axe(page, 'subscriptions');
await shot(page, 'subscriptions-en');

let podReady = false;
for (let i = 0; i < 90 && !podReady; ++i) {
  await page.goto(base + '/portal/#/cloudpods');
  await page.reload();
  await settled(page);
  const status = await page.locator('article.pod .badge').first().textContent().catch(() => '');
  const address = await page.locator('article.pod .pod-address').first().textContent().catch(() => '');
  podReady = status === 'active' && /^\d+\.\d+\.\d+\.\d+$/.test(address.trim());
  if (!podReady) await page.waitForTimeout(1000);
}
check(podReady, 'the pod is active with an address');
const podName = await page.locator('article.pod h2').first().textContent();
check(/\S/.test(podName), `the pod shows its name (${podName})`);
check(await page.locator('pre.connect').first().isVisible(), 'the pod says how to connect');
await axe(page, 'cloudpods');
await shot(page, 'cloudpods-en');

await page.goto(base + '/portal/#/');
await settled(page);
await axe(page, 'overview');
await shot(page, 'overview-en');

// ---- a declined card -------------------------------------------------------------------------
await page.goto(base + '/portal/#/catalog');
await settled(page);
await page.getByRole('link', { name: 'Order CloudPod Mini' }).first().click();
await page.getByLabel('SSH public keys').fill(sshKey);
await page.getByRole('button', { name: 'Place order' }).click();
await page.waitForURL(/#\/invoices\/[0-9a-f-]{36}$/);
await page.getByRole('button', { name: 'Pay now' }).click();
await page.waitForURL(/\/c\/pay\//);
await page.locator('input[name=card]').fill('4000 0000 0000 0002');
await page.getByRole('button', { name: 'Pay' }).click();
await page.locator('#decline').waitFor();
check(/declined/i.test(await page.locator('#decline').textContent()), 'Stripe Checkout shows the decline');
await page.locator('#back').click();
await page.waitForURL(/\/payments\/cancel/);
await page.locator('#result-state .badge.bad').waitFor({ timeout: 30000 });
const declineText = await page.locator('.notice.bad:not(:empty)').first().textContent();
check(/declined/i.test(declineText), `the result page shows the decline (${declineText.trim()})`);
check(await page.locator('main .badge.warn', { hasText: 'unpaid' }).isVisible(), 'the result page shows the invoice still unpaid');
await axe(page, 'payment result (declined)');
await shot(page, 'result-declined-en');
await page.getByRole('link', { name: /View invoice/ }).click();
await page.getByRole('button', { name: 'Pay now' }).waitFor();
check(await page.locator('dd .badge', { hasText: 'unpaid' }).isVisible(), 'the declined invoice is still unpaid');
check(/declined/i.test(await page.locator('.notice.bad:not(:empty)').first().textContent()), 'the invoice shows why the payment failed');
await page.goto(base + '/portal/#/invoices');
await settled(page);
await axe(page, 'invoices');
await shot(page, 'invoices-en');

// ---- German, and phone width ------------------------------------------------------------------
const state = await context.storageState();
await page.getByRole('button', { name: 'Auf Deutsch anzeigen' }).click();
await page.getByRole('heading', { name: 'Rechnungen' }).waitFor();
check((await page.getAttribute('html', 'lang')) === 'de', 'the page says it is German');
await axe(page, 'invoices (de)');
await shot(page, 'invoices-de');
for (const [route, name] of [['#/cloudpods', 'cloudpods'], ['#/subscriptions', 'subscriptions'], ['#/catalog', 'catalog'], [invoiceHash, 'invoice-paid']]) {
  await page.goto(base + '/portal/' + route);
  await settled(page);
  await axe(page, name + ' (de)');
  await shot(page, name + '-de');
}
for (const lang of ['en', 'de']) {
  const phone = await browser.newContext({ storageState: state, viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: lang });
  const p = await phone.newPage();
  watch(p);
  for (const [route, name] of [['#/', 'overview'], ['#/cloudpods', 'cloudpods'], ['#/invoices', 'invoices'], [invoiceHash, 'invoice-paid'], ['#/catalog', 'catalog']]) {
    await p.goto(`${base}/portal/?lang=${lang}${route}`);
    await settled(p);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `phone ${lang} ${name}: no sideways scrolling (${overflow}px)`);
    await axe(p, `${name} (phone, ${lang})`);
    await shot(p, `${name}-phone-${lang}`);
  }
  await phone.close();
}

// ---- first-load transfer per page, cold cache --------------------------------------------
for (const [route, name] of [['/portal/#/signin', 'sign in'], ['/portal/#/', 'overview'], ['/portal/#/catalog', 'catalog'],
  ['/portal/#/invoices', 'invoices'], ['/portal/' + invoiceHash, 'invoice'], ['/portal/#/subscriptions', 'subscriptions'],
  ['/portal/#/cloudpods', 'cloudpods'], ['/payments/success?session_id=cs_test', 'payment result']]) {
  const cold = await browser.newContext({ storageState: name === 'sign in' ? undefined : state });
  const p = await cold.newPage();
  const sizes = [];
  p.on('requestfinished', (req) => sizes.push(req.sizes().then((s) => s.responseBodySize + s.responseHeadersSize + s.requestHeadersSize + s.requestBodySize)));
  await p.goto(base + route);
  await settled(p);
  const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  check(total > 0 && total < LIMIT, `first load of ${name}: ${(total / 1024).toFixed(1)} KB (< 200 KB)`);
  await cold.close();
}

// ---- sign out ------------------------------------------------------------------------------
await page.goto(base + '/portal/?lang=en#/');
await settled(page);
await page.getByRole('button', { name: /Abmelden|Sign out/ }).click();
await page.getByRole('heading', { name: /Anmelden|Sign in/ }).waitFor();
await settled(page);
await axe(page, 'sign in (after sign-out)');
await shot(page, 'signin-signed-out');
const after = await page.evaluate(() => fetch('/portal/api/invoices').then((r) => r.status));
check(after === 401, `after sign-out the API answers 401 (${after})`);
// The cookie saved before signing out no longer works: the session was revoked, not just forgotten.
const replay = await browser.newContext({ storageState: state });
const replayStatus = await (await replay.newPage()).request.get(base + '/portal/api/invoices').then((r) => r.status());
check(replayStatus === 401, `a copy of the old cookie is refused (${replayStatus})`);
await replay.close();

} catch (e) {
  // What the page showed when a step gave up, for the log and as a picture.
  await page.screenshot({ path: path.join(shots, 'failure.png'), fullPage: true }).catch(() => {});
  console.error(`FAIL at ${page.url()}: ${e.message}\n--- page text ---\n` +
    (await page.locator('body').innerText().catch(() => '')));
  problems.push(e.message.split('\n')[0]);
}
await browser.close();
if (problems.length) {
  console.error('\nportal browser walk FAILED:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log('portal browser walk passed');
