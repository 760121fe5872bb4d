// Browser journeys through Kinerja with a real Chromium (playwright-core, no downloaded browsers).
//
//   node tests/e2e/browser.test.mjs /path/to/kinerja
//
// Environment: KINERJA_BIN (instead of the argument), E2E_OUT (screenshot folder, default build/e2e-screenshots),
// CHROMIUM (default /usr/bin/chromium). Each run makes its own demo database and server on a free port.
// Node 18 or newer; the journeys run in order and depend on each other (a → b → c), d is independent.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'web', 'package.json'));
const { chromium } = require('playwright-core');

const BIN = path.resolve(process.env.KINERJA_BIN || process.argv[2] || path.join(root, 'build', 'kinerja'));
const OUT = path.resolve(process.env.E2E_OUT || path.join(root, 'build', 'e2e-screenshots'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PASSWORD = 'kinerja-demo';
const OFFICE = 'kpu-kota-prabumulih';
const OFFICE_NAME = 'KPU Kota Prabumulih';
const IT_INDICATOR =
  'Persentase KPU Kota Prabumulih yang mampu merencanakan, membangun, dan mengembangkan sarana dan prasarana IT Pemilu/Pemilihan';
const UNIT = 'Subbagian Perencanaan, Data dan Informasi';
const MONTH_URL = `/kantor/${OFFICE}/realisasi?tahun=2024&bulan=12`;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let tmp; // demo database, evidence, browser profiles
let server; // the kinerja child process
let serverLog = '';
let base; // http://127.0.0.1:PORT
let shotNo = 0;
const contexts = [];
const consoleErrors = []; // reported at the end; they do not fail the run

// ---------------------------------------------------------------- helpers

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function shot(page, name) {
  shotNo += 1;
  const file = path.join(OUT, `${String(shotNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function startServer() {
  const db = path.join(tmp, 'demo.db');
  const demo = spawnSync(BIN, ['demo', '--db', db], { encoding: 'utf8' });
  assert.equal(demo.status, 0, `kinerja demo failed:\n${demo.stdout}\n${demo.stderr}`);
  server = spawn(BIN, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr.on('data', (d) => { serverLog += d; });
  const lines = readline.createInterface({ input: server.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([l]) => l),
    once(server, 'exit').then(([code]) => { throw new Error(`kinerja serve exited (${code}):\n${serverLog}`); }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('kinerja serve printed nothing in 30 s')), 30000)),
  ]);
  lines.on('line', (l) => { serverLog += l + '\n'; });
  const m = /Kinerja berjalan di (http:\/\/[^/\s]+)\//.exec(first);
  assert.ok(m, `unexpected first line from kinerja serve: ${first}`);
  base = m[1];
}

async function newBrowser(name) {
  const dir = fs.mkdtempSync(path.join(tmp, `profile-${name}-`));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
    baseURL: base,
  });
  context.setDefaultTimeout(30000);
  contexts.push(context);
  const page = context.pages()[0] || (await context.newPage());
  const where = () => new URL(page.url()).pathname;
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push({ where: where(), text: m.text() }); });
  page.on('pageerror', (e) => consoleErrors.push({ where: where(), text: e.message }));
  return { context, page };
}

async function login(page, user) {
  const resp = await page.goto('/masuk');
  assert.equal(resp.status(), 200);
  await page.getByLabel('Nama pengguna').fill(user);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await shot(page, `login-${user}`);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/masuk')),
    page.getByRole('button', { name: 'Masuk', exact: true }).click(),
  ]);
  await assertStyled(page);
  assert.match(await page.getByRole('navigation').innerText(), new RegExp(escapeRe(user)));
}

// Pico and app.css must be applied: the body's font is not the browser's default serif, the nav is a flex row.
async function assertStyled(page) {
  const style = await page.evaluate(() => ({
    font: getComputedStyle(document.body).fontFamily,
    nav: getComputedStyle(document.querySelector('nav')).display,
    sheets: document.styleSheets.length,
  }));
  assert.equal(style.sheets, 2, 'both stylesheets loaded');
  assert.equal(style.nav, 'flex', 'Pico styles applied');
  assert.doesNotMatch(style.font, /^"?Times/, 'Pico font applied');
}

// The dashboard row of an indicator and its achievement cell (Indikator, Target, Realisasi, Capaian, ...).
function dashboardRow(page, statement) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: statement, exact: true }) });
}
async function achievementOf(page, statement) {
  const row = dashboardRow(page, statement);
  assert.equal(await row.count(), 1, `one dashboard row for ${statement}`);
  return (await row.getByRole('cell').nth(3).innerText()).trim();
}

function monthlyRow(page, statement) {
  return page.getByRole('row').filter({ hasText: statement });
}

// A small valid PDF (one empty A4 page) with a correct cross-reference table.
function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null, // content stream, below
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const text = 'BT /F1 18 Tf 72 770 Td (Bukti dukung IT 2024-12) Tj ET';
  objects[3] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------- setup

before(async () => {
  assert.ok(fs.existsSync(BIN), `kinerja binary not found: ${BIN}`);
  assert.ok(fs.existsSync(CHROMIUM), `Chromium not found: ${CHROMIUM}`);
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of fs.readdirSync(OUT)) if (/^\d\d-.*\.png$/.test(f)) fs.rmSync(path.join(OUT, f));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kinerja-e2e-'));
  await startServer();
  console.log(`# server ${base}, screenshots in ${OUT}`);
});

after(async () => {
  // Grouped by message (CSP hashes left out); the 409 of the refused save is expected.
  const groups = new Map();
  for (const { where, text } of consoleErrors) {
    if (/status of 409/.test(text)) continue;
    const key = text.replace(/\('sha256-[^']*'\)/, '(…)').replace(/\s+/g, ' ').slice(0, 160);
    if (!groups.has(key)) groups.set(key, new Set());
    groups.get(key).add(where);
  }
  if (groups.size) console.log('# browser console errors (reported, not counted as failures):');
  for (const [text, pages] of groups) console.log(`#   ${text} — on ${[...pages].join(', ')}`);
  for (const c of contexts) await c.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    const exited = await Promise.race([once(server, 'exit').then(() => true), new Promise((r) => setTimeout(r, 5000, false))]);
    if (!exited) server.kill('SIGKILL');
  }
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  });

// ---------------------------------------------------------------- journeys

describe('Kinerja in the browser', { concurrency: false }, () => {
  it('a. operator records December, uploads evidence, sees the new achievement, submits the month', async () => {
    const { page } = await newBrowser('operator');
    await login(page, 'operator.rendatin');
    assert.equal(new URL(page.url()).pathname, `/kantor/${OFFICE}`);
    await assertStyled(page);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: OFFICE_NAME }).waitFor());
    const cells = dashboardRow(page, IT_INDICATOR).getByRole('cell');
    assert.equal((await cells.nth(1).innerText()).trim(), '90', 'target');
    assert.equal((await cells.nth(2).innerText()).trim(), '85', 'actual');
    assert.equal(await achievementOf(page, IT_INDICATOR), '94,44');
    await shot(page, 'dashboard-before');

    // The monthly form, through the dashboard's button and the month picker.
    await Promise.all([page.waitForURL(/\/realisasi\?tahun=2024$/),
      page.getByRole('button', { name: 'Realisasi bulanan' }).click()]);
    await page.getByRole('heading', { name: 'Realisasi bulanan' }).waitFor();
    await page.getByLabel('Tahun').fill('2024');
    await page.getByLabel('Bulan').selectOption({ label: 'Desember' });
    // With htmx the picker swaps the page's main part in place: a marker set on the window survives.
    await page.evaluate(() => { window.kinerjaNoReload = true; });
    let [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET' && r.url().includes('/realisasi?')),
      page.getByRole('button', { name: 'Tampilkan' }).click(),
    ]);
    assert.equal(resp.status(), 200);
    assert.equal(new URL(resp.url()).search, '?tahun=2024&bulan=12');
    await page.waitForURL(/\?tahun=2024&bulan=12$/);
    assert.match(await page.locator('hgroup').innerText(), /Desember 2024/);
    assert.equal(await page.evaluate(() => window.kinerjaNoReload), true, 'htmx swapped the page in place');
    assert.equal(resp.request().headers()['hx-request'], 'true', 'the picker went through htmx');
    const row = monthlyRow(page, IT_INDICATOR);
    assert.equal(await row.count(), 1);
    const value = row.getByLabel('Realisasi');
    const note = row.getByLabel('Catatan');
    assert.equal(await value.inputValue(), '85');
    await shot(page, 'monthly-form');

    await value.fill('90');
    await note.fill('Server cadangan dan jaringan TPS selesai dipasang');
    [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/realisasi')),
      page.getByRole('button', { name: 'Simpan realisasi' }).click(),
    ]);
    assert.equal(resp.status(), 303);
    await page.waitForURL(/tersimpan=1/);
    await page.getByRole('status').filter({ hasText: '1 realisasi tersimpan.' }).waitFor();
    assert.equal(await monthlyRow(page, IT_INDICATOR).getByLabel('Realisasi').inputValue(), '90');
    assert.equal(await monthlyRow(page, IT_INDICATOR).getByLabel('Catatan').inputValue(),
      'Server cadangan dan jaringan TPS selesai dipasang');
    assert.match(await monthlyRow(page, IT_INDICATOR).innerText(), /oleh operator\.rendatin/);
    await shot(page, 'monthly-saved');

    // Evidence: a real PDF for the indicator just saved.
    const pdf = tinyPdf();
    await page.getByLabel('Indikator').selectOption({ label: IT_INDICATOR });
    await page.getByLabel(/^Berkas/).setInputFiles({ name: 'bukti-it-desember.pdf', mimeType: 'application/pdf', buffer: pdf });
    [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/bukti')),
      page.getByRole('button', { name: 'Unggah' }).click(),
    ]);
    assert.equal(resp.status(), 303, `upload answered ${resp.status()}`);
    await page.waitForURL((u) => u.search === '?tahun=2024&bulan=12');
    const link = monthlyRow(page, IT_INDICATOR).getByRole('link', { name: 'bukti-it-desember.pdf' });
    await link.waitFor();
    assert.match(await monthlyRow(page, IT_INDICATOR).innerText(), /bukti-it-desember\.pdf\s*\(\d+ B\)/);
    await shot(page, 'evidence-uploaded');
    // The link serves the same bytes back, as an attachment.
    const dl = await page.request.get(await link.getAttribute('href'));
    assert.equal(dl.status(), 200);
    assert.equal(dl.headers()['content-type'], 'application/pdf');
    assert.match(dl.headers()['content-disposition'], /attachment; filename="bukti-it-desember\.pdf"/);
    assert.deepEqual(Buffer.from(await dl.body()), pdf);

    // The dashboard now counts 90 against the target 90.
    resp = await page.goto(`/kantor/${OFFICE}`);
    assert.equal(resp.status(), 200);
    assert.equal(await achievementOf(page, IT_INDICATOR), '100,00');
    assert.equal((await dashboardRow(page, IT_INDICATOR).getByRole('cell').nth(2).innerText()).trim(), '90');
    await shot(page, 'dashboard-after');

    // Submit the month for the unit.
    await page.goto(MONTH_URL);
    const unit = page.locator('article.unit-status').filter({ hasText: UNIT });
    assert.match(await unit.innerText(), /Terbuka/);
    [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/bulan')),
      unit.getByRole('button', { name: 'Ajukan bulan ini' }).click(),
    ]);
    assert.equal(resp.status(), 303);
    await unit.filter({ hasText: 'Diajukan' }).waitFor();
    assert.match(await unit.innerText(), /operator\.rendatin/);
    assert.equal(await page.getByRole('button', { name: 'Ajukan bulan ini' }).count(), 0);
    await shot(page, 'month-submitted');
  });

  it('b. head approves, locks the month, and a plain save is refused with the typed value kept', async () => {
    const { page } = await newBrowser('head');
    await login(page, 'head.prabumulih');
    assert.equal(new URL(page.url()).pathname, `/kantor/${OFFICE}`);
    await shot(page, 'head-dashboard');

    let resp = await page.goto(MONTH_URL);
    assert.equal(resp.status(), 200);
    const unit = page.locator('article.unit-status').filter({ hasText: UNIT });
    assert.match(await unit.innerText(), /Diajukan/);
    await shot(page, 'head-monthly');

    [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/bulan')),
      unit.getByRole('button', { name: 'Setujui' }).click(),
    ]);
    assert.equal(resp.status(), 303);
    await page.waitForLoadState('load');
    await unit.filter({ hasText: 'Disetujui' }).waitFor();
    assert.match(await unit.innerText(), /head\.prabumulih/);
    await shot(page, 'head-approved');

    [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/bulan')),
      page.getByRole('button', { name: 'Kunci bulan Desember 2024' }).click(),
    ]);
    assert.equal(resp.status(), 303);
    await page.waitForLoadState('load');
    await page.locator('hgroup').filter({ hasText: 'bulan dikunci' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Kunci bulan/ }).count(), 0);
    await shot(page, 'head-locked');

    // A plain save: the browser itself asks for the correction reason first (the field is required) ...
    const value = monthlyRow(page, IT_INDICATOR).getByLabel('Realisasi');
    await value.fill('95');
    const reason = page.getByLabel(/^Alasan koreksi/);
    assert.equal(await reason.inputValue(), '');
    let posts = 0;
    const countPosts = (r) => { if (r.method() === 'POST') posts += 1; };
    page.on('request', countPosts);
    await page.getByRole('button', { name: 'Simpan realisasi' }).click();
    assert.equal(await reason.evaluate((el) => el.validity.valueMissing), true);
    await page.waitForTimeout(500);
    page.off('request', countPosts);
    assert.equal(posts, 0, 'the browser sends nothing while the reason is missing');
    assert.equal(new URL(page.url()).search, '?tahun=2024&bulan=12');

    // ... and the server refuses it too when the form skips the browser's check.
    await page.locator('form[action$="/realisasi"][method="post"]').evaluate((f) => { f.noValidate = true; });
    [resp] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/realisasi')),
      page.getByRole('button', { name: 'Simpan realisasi' }).click(),
    ]);
    assert.equal(resp.status(), 409);
    await page.waitForURL((u) => u.pathname.endsWith('/realisasi') && u.search === '');
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /dikunci/);
    assert.match(await alert.innerText(), /koreksi/);
    assert.equal(await monthlyRow(page, IT_INDICATOR).getByLabel('Realisasi').inputValue(), '95');
    await shot(page, 'head-save-refused');

    // Nothing was stored: a fresh load still shows 90.
    await page.goto(MONTH_URL);
    assert.equal(await monthlyRow(page, IT_INDICATOR).getByLabel('Realisasi').inputValue(), '90');
    await shot(page, 'head-monthly-reloaded');
  });

  it('c. the province reviewer sees the office in the overview and opens it', async () => {
    const { page } = await newBrowser('reviewer');
    await login(page, 'reviewer.sumsel');
    assert.equal(new URL(page.url()).pathname, '/ikhtisar');
    const resp = await page.goto('/ikhtisar?tahun=2024');
    assert.equal(resp.status(), 200);
    await page.getByRole('heading', { name: 'Ikhtisar satker' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: OFFICE_NAME, exact: true }) });
    assert.equal(await row.count(), 1);
    const cells = row.getByRole('cell');
    assert.match((await cells.nth(1).innerText()).trim(), /^\d{1,3},\d\d$/, 'achievement with a decimal comma');
    assert.match((await cells.nth(5).innerText()).trim(), /^(sudah|belum melapor)$/);
    assert.ok(await page.getByRole('row').filter({ hasText: 'KPU Provinsi Sumatera Selatan' }).count() >= 1);
    await shot(page, 'reviewer-overview');
    console.log(`# overview: ${OFFICE_NAME} ${(await row.innerText()).replace(/\s+/g, ' ').trim()}`);

    await Promise.all([page.waitForURL(new RegExp(`/kantor/${OFFICE}`)),
      row.getByRole('link', { name: OFFICE_NAME, exact: true }).click()]);
    await page.getByRole('heading', { level: 1, name: OFFICE_NAME }).waitFor();
    assert.equal(await achievementOf(page, IT_INDICATOR), '100,00');
    assert.equal(await page.getByRole('button', { name: 'Realisasi bulanan' }).count(), 0, 'a reviewer does not record');
    await shot(page, 'reviewer-office');
  });

  it('d. on a 1 Mbit/s connection the dashboard paints within 2 s and moves under 100 KB', async () => {
    const { context, page } = await newBrowser('slow');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 100, downloadThroughput: 125000, uploadThroughput: 125000,
    });
    await cdp.send('Network.clearBrowserCache');
    await login(page, 'head.prabumulih');
    await shot(page, 'slow-dashboard-after-login');
    // The dashboard again, with nothing cached: the cost of a first visit.
    await cdp.send('Network.clearBrowserCache');
    const started = Date.now();
    const resp = await page.goto(`/kantor/${OFFICE}`, { waitUntil: 'load' });
    const loadMs = Date.now() - started;
    assert.equal(resp.status(), 200);
    await page.getByRole('heading', { level: 1, name: OFFICE_NAME }).waitFor();
    const m = await page.evaluate(async () => {
      // Paint entries arrive just after the paint; give them a moment.
      for (let i = 0; i < 50 && performance.getEntriesByType('paint').length === 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      const paints = Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime]));
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource').map((r) => ({ name: r.name, size: r.transferSize }));
      return { paints, nav: nav.transferSize, resources };
    });
    const firstPaint = m.paints['first-paint'] ?? m.paints['first-contentful-paint'];
    const bytes = m.nav + m.resources.reduce((s, r) => s + r.size, 0);
    console.log(`# slow connection: first-paint ${m.paints['first-paint']?.toFixed(0)} ms, ` +
      `first-contentful-paint ${m.paints['first-contentful-paint']?.toFixed(0)} ms, load ${loadMs} ms`);
    console.log(`# slow connection: transferred ${bytes} bytes (${(bytes / 1024).toFixed(1)} KB): document ${m.nav}, ` +
      m.resources.map((r) => `${new URL(r.name).pathname} ${r.size}`).join(', '));
    await shot(page, 'slow-dashboard');
    assert.ok(firstPaint !== undefined, `no paint entries: ${JSON.stringify(m.paints)}`);
    assert.equal(m.resources.length, 3, 'pico.min.css, app.css, htmx.min.js');
    assert.ok(m.resources.every((r) => r.size > 0), 'the cache was cleared; every resource came over the network');
    assert.ok(firstPaint < 2000, `first paint ${firstPaint} ms`);
    assert.ok(bytes < 100 * 1024, `transferred ${bytes} bytes`);
  });

  it('e. the planner writes the Kata Pengantar and downloads the LKj draft; the PDF carries it', async () => {
    const { page } = await newBrowser('planner');
    await login(page, 'planner.prabumulih');
    await page.goto(`/kantor/${OFFICE}`);
    await page.getByRole('button', { name: 'Laporan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan' }).waitFor();
    const lkj = page.locator('#laporan-lkj');
    assert.match(await lkj.innerText(), /20 galat/);
    await shot(page, 'reports');
    await page.getByRole('link', { name: 'Narasi LKj' }).click();
    const text = 'Puji syukur kami panjatkan; laporan ini disusun dari data Kinerja.';
    await page.getByLabel(/Kata Pengantar/).fill(text);
    await shot(page, 'narratives');
    await Promise.all([page.waitForURL(/tersimpan=1/), page.getByRole('button', { name: 'Simpan narasi' }).click()]);
    assert.match(await page.getByRole('status').innerText(), /1 bagian narasi tersimpan/);
    await page.goto(`/kantor/${OFFICE}/laporan?tahun=2024`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#laporan-lkj').getByRole('button', { name: 'PDF (draf)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `lkj-2024-${OFFICE}-draf.pdf`);
    const file = path.join(OUT, 'lkj-download.pdf');
    await download.saveAs(file);
    assert.equal(fs.readFileSync(file).subarray(0, 4).toString(), '%PDF');
    const pdfText = spawnSync('pdftotext', ['-layout', file, '-']).stdout.toString();
    assert.match(pdfText, /Puji syukur kami panjatkan/);
    assert.match(pdfText, /Sangat Berhasil/); // 94,44 became 100,00 in step a
    assert.match(pdfText, /DRAFT/);
  });

  it('f. the OKU Selatan planner uploads the RKT seed, corrects the malformed budget, checks again and stores it', async () => {
    const db = path.join(tmp, 'demo.db');
    const added = spawnSync(BIN, ['user', 'add', '--db', db, '--login', 'planner.okus', '--role', 'planner',
      '--satker', 'kpu-kab-oku-selatan', '--password-stdin'], { input: `${PASSWORD}\n`, encoding: 'utf8' });
    assert.equal(added.status, 0, added.stderr);
    const { page } = await newBrowser('planner-okus');
    await login(page, 'planner.okus');
    await page.getByRole('button', { name: 'Impor dokumen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impor dokumen' }).waitFor();
    const seed = path.resolve(root, '..', 'shared', 'seeds', 'rkt-2024-kpu-kab-oku-selatan.txt');
    await page.getByLabel('Berkas').setInputFiles(seed);
    await shot(page, 'import-upload');
    await Promise.all([page.waitForURL(/\/impor$/), page.getByRole('button', { name: 'Unggah dan periksa' }).click()]);
    await page.getByRole('heading', { level: 2, name: 'Rencana Kinerja Tahunan' }).waitFor();
    const aside = page.locator('.import-findings');
    assert.match(await aside.innerText(), /malformed-number/);
    assert.match(await page.locator('.import-summary').innerText(), /1 galat/);
    // The finding points at its row, which shows it beside the values.
    const row = page.locator('#baris-40');
    assert.match(await row.getAttribute('class'), /flagged/);
    assert.match(await row.innerText(), /ribuan/);
    await shot(page, 'import-preview');
    await page.locator('input[value="2.57.212.000"]').fill('2.057.212.000');
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/impor') && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Periksa ulang' }).click()]);
    await page.getByRole('heading', { level: 2, name: 'Rencana Kinerja Tahunan' }).waitFor();
    assert.match(await page.locator('.import-summary').innerText(), /0 galat/);
    assert.equal(await page.locator('input[value="2.057.212.000"]').count(), 1, 'the typed value is kept');
    await shot(page, 'import-rechecked');
    await Promise.all([page.waitForURL(/impor=disimpan/), page.getByRole('button', { name: 'Simpan', exact: true }).click()]);
    assert.match(await page.getByRole('status').innerText(), /Dokumen diimpor: \d+ baris tersimpan/);
    await shot(page, 'import-stored');
    // Stored: the same document with the same correction again changes nothing, and the page says so.
    await page.goto('/kantor/kpu-kab-oku-selatan/impor');
    await page.getByLabel('Berkas').setInputFiles(seed);
    await Promise.all([page.waitForURL(/\/impor$/), page.getByRole('button', { name: 'Unggah dan periksa' }).click()]);
    await page.locator('input[value="2.57.212.000"]').fill('2.057.212.000');
    await Promise.all([page.waitForURL(/impor=sama/), page.getByRole('button', { name: 'Simpan', exact: true }).click()]);
    assert.match(await page.getByRole('status').innerText(), /sudah pernah diimpor, tidak ada perubahan/);
  });

  it('the server stayed up and logged no errors', () => {
    assert.equal(server.exitCode, null, `kinerja serve exited early:\n${serverLog}`);
    assert.doesNotMatch(serverLog, /AddressSanitizer|LeakSanitizer|runtime error:|kinerja: 500/, serverLog);
  });
});
