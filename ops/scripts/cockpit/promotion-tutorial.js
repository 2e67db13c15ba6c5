// Screenshots for docs/tutorial-change-a-promotion.md with headless Chromium (not part of ./mvnw verify): signs in to
// Cockpit as analyst and shows the decision definition argv[2] (an id from GET /api/models/order-pricing), then the
// versions as the hub's API lists them. OUT=<folder> says where the PNGs go; HUB=<base URL> which hub.
const { chromium } = require('playwright-core');
const base = process.env.HUB || 'http://localhost:8080';
const out = process.env.OUT || '.';
const decisionId = process.argv[2];
const shot = process.argv[3] || 'models-tutorial-cockpit-version-2.png';
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  if (decisionId) {
    await page.goto(base + '/camunda/app/cockpit/default/', { waitUntil: 'load' });
    await page.waitForSelector('input[placeholder="Username"]', { timeout: 60000 });
    await page.waitForTimeout(2000);
    // sign in through the endpoint Camunda's login form calls (as journey.js does)
    const login = await page.evaluate(async () => {
      const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')).split('=')[1];
      const answer = await fetch('/camunda/api/admin/auth/user/default/login/cockpit', { method: 'POST', credentials: 'same-origin',
        headers: { 'X-XSRF-TOKEN': token, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'analyst', password: 'analyst-dev-only' }) });
      return answer.status;
    });
    console.log('login', login);
    // Cockpit is slow under load: open the page again while it still shows its spinner
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.goto(base + '/camunda/app/cockpit/default/#/decision-definition/' + decisionId, { waitUntil: 'load' });
      await page.reload({ waitUntil: 'load' });
      const drawn = await page.waitForFunction(() => document.body.innerText.includes('CATEGORY-APPAREL-10'), null, { timeout: 90000 })
        .then(() => true, () => false);
      console.log('attempt', attempt, drawn);
      if (drawn) break;
    }
    // Cockpit draws the table with dmn-js; wait for its rule rows (the promotion codes) to show
    await page.waitForFunction(() => document.body.innerText.includes('CATEGORY-APPAREL-10'), null, { timeout: 120000 })
      .catch(() => console.log('no table drawn:', page.url()));
    await page.waitForTimeout(3000);
    console.log((await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 400));
    await page.screenshot({ path: out + '/' + shot });
  }
  const api = await browser.newContext({ viewport: { width: 1400, height: 700 }, httpCredentials: { username: 'analyst', password: 'analyst-dev-only' } });
  const json = await api.newPage();
  const answer = await api.request.get(base + '/api/models/order-pricing', { headers: { Accept: 'application/json' } });
  const versions = JSON.stringify(await answer.json(), null, 2);
  await json.setContent('<pre style="font: 14px monospace; padding: 12px">GET /api/models/order-pricing\n\n' + versions.replace(/</g, '&lt;') + '</pre>');
  await json.screenshot({ path: out + '/models-tutorial-versions.png', fullPage: true });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
