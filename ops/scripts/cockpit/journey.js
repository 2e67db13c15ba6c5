// Manual check of the plugin's order journey with headless Chromium (not part of ./mvnw verify): signs in to Cockpit as
// operator, looks up the order argv[2] (RH-…, WEB:SHOP-1 or its id), opens its first running instance in Cockpit.
const { chromium } = require('playwright-core');
const base = process.env.HUB || 'http://localhost:8080';
const query = process.argv[2];
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(base + '/camunda/app/cockpit/default/', { waitUntil: 'load' });
  await page.waitForSelector('input[placeholder="Username"]', { timeout: 60000 });
  // sign in through the endpoint Camunda's login form calls (the form sends nothing when clicked in headless Chromium
  // here); Cockpit is slow under load, so try again while it still shows its login page
  for (let attempt = 1; attempt <= 4; attempt++) {
    await page.waitForTimeout(2000);
    const login = await page.evaluate(async () => {
      const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
      const answer = await fetch('/camunda/api/admin/auth/user/default/login/cockpit', { method: 'POST', credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'operator', password: 'operator-dev-only' }) });
      return answer.status;
    });
    await page.goto(base + '/camunda/app/cockpit/default/#/retail-hub/orders', { waitUntil: 'load' });
    await page.reload({ waitUntil: 'load' });
    const signedIn = await page.waitForSelector('.retail-hub-journey input', { timeout: 30000 }).then(() => true, () => false);
    console.log('login', attempt, login, signedIn);
    if (signedIn) break;
  }
  try { await page.waitForSelector('.retail-hub-journey input', { timeout: 30000 }); } catch (e) { await page.screenshot({ path: (process.env.OUT || '.') + '/failed-journey.png' }); console.log('errors', errors, page.url()); throw e; }
  await page.fill('.retail-hub-journey input', query);
  await page.click('.retail-hub-journey button');
  await page.waitForSelector('.retail-hub-journey-result table, .retail-hub-journey-result .alert', { timeout: 30000 });
  await page.waitForTimeout(500);
  console.log((await page.locator('.retail-hub-journey-result').innerText()).replace(/\n+/g, ' | ').slice(0, 1500));
  await page.screenshot({ path: (process.env.OUT || '.') + '/cockpit-order-journey.png' });
  const link = page.locator('.retail-hub-journey-result a').first();
  if (await link.count()) {
    console.log('first instance link:', await link.getAttribute('href'));
    await link.click();
    await page.waitForTimeout(8000);
    console.log('opened:', page.url(), (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300));
    await page.screenshot({ path: (process.env.OUT || '.') + '/cockpit-order-journey-instance.png' });
  }
  console.log('console errors:', errors.slice(0, 5));
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
