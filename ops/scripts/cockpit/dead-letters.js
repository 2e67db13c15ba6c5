// Manual check of the hub's Cockpit plugin with headless Chromium (not part of ./mvnw verify: build machines lack it).
// Signs in to Cockpit as a DEV-ONLY user, looks at the dashboard tile and the dead-letters page and, as operator, replays
// the letter whose row contains argv[3] and discards the one containing argv[4]; screenshots go to $OUT.
// NODE_PATH=<dir with playwright-core> node dead-letters.js operator SHOP-1 'garbled' (HUB=http://localhost:8080)
const { chromium } = require('playwright-core');
const base = process.env.HUB || 'http://localhost:8080';
const out = process.env.OUT || '.';
const user = process.argv[2] || 'operator';
const replayText = process.argv[3] || '';
const discardText = process.argv[4] || '';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(base + '/camunda/app/cockpit/default/', { waitUntil: 'load' });
  // sign in through the endpoint Camunda's login form calls (the form sends nothing when clicked in headless Chromium
  // here); Cockpit is slow under load, so try again while it still shows its login page
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.waitForTimeout(2000);
    const login = await page.evaluate(async ([name]) => {
      const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
      const answer = await fetch('/camunda/api/admin/auth/user/default/login/cockpit', { method: 'POST', credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: name, password: name + '-dev-only' }) });
      return answer.status;
    }, [user]);
    await page.goto(base + '/camunda/app/cockpit/default/#/dashboard', { waitUntil: 'load' });
    await page.reload({ waitUntil: 'load' }); // a change of the hash alone keeps the app that saw no user
    const signedIn = await page.waitForSelector('.retail-hub-dashboard', { timeout: 30000 }).then(() => true, () => false);
    console.log('login', user, attempt, login, signedIn);
    if (signedIn) break;
  }
  page.on('response', r => { if (r.status() >= 400) errors.push(r.status() + ' ' + r.url()); });
  try {
    await page.waitForSelector('.retail-hub-dashboard', { timeout: 30000 });
  } catch (e) {
    await page.screenshot({ path: `${out}/failed-${user}.png`, fullPage: true });
    console.log('no tile; errors:', errors);
    throw e;
  }
  await page.waitForSelector('.retail-hub-dashboard table, .retail-hub-dashboard .text-danger', { timeout: 30000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/cockpit-dashboard-${user}.png`, fullPage: true });
  console.log('dashboard tile:', (await page.locator('.retail-hub-dashboard').innerText()).replace(/\n+/g, ' | '));
  console.log('nav link:', await page.locator('a[href="#/retail-hub/dead-letters"]').count());
  await page.goto(base + '/camunda/app/cockpit/default/#/retail-hub/dead-letters', { waitUntil: 'load' });
  await page.waitForSelector('.retail-hub-dead-letters', { timeout: 30000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${out}/cockpit-dead-letters-${user}.png`, fullPage: true });
  const rows = page.locator('.retail-hub-dead-letters tbody tr');
  console.log('rows:', await rows.count(), 'replay buttons:', await page.locator('button:has-text("Replay")').count());
  console.log('first row:', (await rows.first().innerText()).replace(/\s+/g, ' ').slice(0, 300));
  if (replayText) {
    const row = page.locator('.retail-hub-dead-letters tbody tr', { hasText: replayText }).first();
    await row.locator('button:has-text("Replay")').click();
    await page.waitForSelector('.retail-hub-dead-letters [role="status"]', { timeout: 30000 });
    console.log('after replay:', await page.locator('[role="status"]').innerText());
    await page.locator('[role="status"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${out}/cockpit-dead-letters-replayed.png` });
  }
  if (discardText) {
    const row = page.locator('.retail-hub-dead-letters tbody tr', { hasText: discardText }).first();
    await row.locator('input').fill('test message of the shop, not a customer order');
    await row.locator('button:has-text("Discard")').click();
    await page.waitForFunction(t => (document.querySelector('[role="status"]') || {}).innerText?.includes('discarded'), discardText, { timeout: 30000 });
    console.log('after discard:', await page.locator('[role="status"]').innerText());
    await page.locator('input[type="checkbox"]').check();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/cockpit-dead-letters-resolved.png` });
  }
  console.log('console errors:', errors.slice(0, 5));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
