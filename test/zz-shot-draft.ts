import { openTestApp, postForm } from './support/app.js';
import { launchBrowser, startServer } from './support/browser.js';
import { getProgramme } from '../src/app/programmes/get-programme.js';
const t = await openTestApp('sqlite');
const [b, s] = await Promise.all([launchBrowser(), startServer(t.app)]);
await postForm(t.app, '/program/nytt', { from: 'sup-2035' });
const p = (await getProgramme(t.ctx, 'sup-2035-utkast')).programme;
const g = p.focusAreas[0]!.goals[0]!;
const page = await (await b.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
async function shots(name: string, path: string | null, width = 1100) {
  await page.setViewportSize({ width, height: 900 });
  if (path) await page.goto(s.url + path);
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < h && i < 12; y += 1400, i++) await page.screenshot({ path: `/tmp/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, h - y) } });
}
const which = process.argv[2] ?? 'ed';
if (which === 'ed') await shots('ed', '/program/sup-2035-utkast/redigera');
if (which === 'goal') await shots('goal', `/program/sup-2035-utkast/mal/${g.id}`);
if (which === 'ed320') {
  await page.goto(s.url + '/program/sup-2035-utkast/redigera');
  await page.fill('#name', ''); await page.fill('#targetYear', 'tjugo');
  await page.getByRole('button', { name: 'Spara programmets uppgifter' }).click();
  await page.waitForLoadState();
  await shots('ed320', null, 320);
}
if (which === 'refused') { await page.goto(s.url + '/program/sup-2035-utkast'); await page.getByRole('button', { name: 'Föreslå programmet' }).click(); await page.waitForLoadState(); await shots('refused', null); }
if (which === 'conflict') {
  await page.goto(s.url + `/program/sup-2035-utkast/mal/${g.id}`);
  await postForm(t.app, '/program/sup-2035-utkast/redigera', { version: String(p.version), name: 'X' });
  await page.fill('#title', 'Min nya lydelse');
  await page.getByRole('button', { name: 'Spara målet' }).click(); await page.waitForLoadState(); await shots('conflict', null);
}
await b.close(); await s.close(); await t.close();
