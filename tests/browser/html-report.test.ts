/**
 * The HTML board report in a real browser: Debian's Chromium, driven by
 * playwright-core. It loads the demo report from disk, checks that nothing
 * but the file itself is requested and nothing is logged as an error, counts
 * the charts and their points against the JSON of the same run, and keeps a
 * screenshot and an A4 PDF in tests/browser/__output__/ for people to look at.
 *
 * Without /usr/bin/chromium the tests are skipped, unless
 * CSC_KPI_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 * `.ci/browser` installs it from Debian. Browsers are never downloaded.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/** Debian's Chromium; CSC_KPI_CHROMIUM names another build (or a missing one, to try the skip). */
const CHROMIUM = process.env.CSC_KPI_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT = join(ROOT, 'tests/browser/__output__');
const DEMO_INPUTS = [
  'scorecard',
  '--data',
  join(ROOT, 'fixtures/demo'),
  '--as-at',
  '2021-05-10',
  '--targets',
  join(ROOT, 'fixtures/targets/improvement-plan-2021.yaml'),
];
const DEMO = [...DEMO_INPUTS, '--from', '2020-04', '--to', '2021-05'];

const required = process.env.CSC_KPI_REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);

if (!available && !required) {
  console.warn(`csc-kpi browser tests skipped: ${CHROMIUM} not found (install it with .ci/browser; set CSC_KPI_REQUIRE_BROWSER=1 to make this a failure)`);
}

if (!available && required) {
  describe('HTML report in Chromium', () => {
    it(`needs ${CHROMIUM} because CSC_KPI_REQUIRE_BROWSER=1`, () => {
      expect.fail(`CSC_KPI_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: run .ci/browser (apt-get install chromium) first`);
    });
  });
}

describe.skipIf(!available)(`HTML report in Chromium${available ? '' : ` (skipped: ${CHROMIUM} not found)`}`, () => {
  let work: string;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'csc-kpi-browser-'));
    // A fresh profile every run: no cache, no state from earlier runs.
    profile = mkdtempSync(join(tmpdir(), 'csc-kpi-chromium-'));
    mkdirSync(OUTPUT, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
      offline: true,
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  interface Visit {
    readonly page: Page;
    readonly requests: string[];
    readonly failed: string[];
    readonly errors: string[];
    readonly dialogs: string[];
  }

  async function open(file: string): Promise<Visit> {
    const page = await context.newPage();
    const visit: Visit = { page, requests: [], failed: [], errors: [], dialogs: [] };
    page.on('request', (r) => visit.requests.push(r.url()));
    page.on('requestfailed', (r) => visit.failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') visit.errors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => visit.errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      visit.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return visit;
  }

  it('shows the demo report with one chart per measure, requests nothing and logs no error', async () => {
    const file = join(work, 'board.html');
    const html = await runCli([...DEMO, '--format', 'html', '--out', file]);
    expect(html.code, html.stderr).toBe(0);
    const json = await runCli([...DEMO, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const results = (JSON.parse(json.stdout) as { results: { metric: string; numerator: number | null; value: number | null }[] }).results;
    const metrics = [...new Set(results.map((r) => r.metric))];

    const { page, requests, failed, errors } = await open(file);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);

    // The stylesheet applied: the CSP allows it by hash, and nothing else.
    expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('1100px');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en-GB');
    expect(await page.title()).toMatch(/scorecard as at 10 May 2021$/);
    expect(await page.locator('script').count()).toBe(0);

    // One chart per computable measure, one point per month with a value.
    const computable = metrics.filter((m) => results.some((r) => r.metric === m && r.numerator !== null));
    expect(await page.locator('svg.chart').count()).toBe(computable.length);
    for (const metric of metrics) {
      const chart = page.locator(`svg.chart[data-measure="${metric}"]`);
      if (!computable.includes(metric)) {
        expect(await chart.count(), metric).toBe(0);
        await expect(page.locator(`[data-not-computable="${metric}"]`).textContent()).resolves.toMatch(/Not computable/);
        continue;
      }
      expect(await chart.count(), metric).toBe(1);
      const expected = results.filter((r) => r.metric === metric && r.value !== null).length;
      expect(await chart.locator('circle.point').count(), metric).toBe(expected);
      // Accessible name and description from the SVG's own <title> and <desc>.
      expect(await chart.getAttribute('role'), metric).toBe('img');
      const title = await chart.locator(':scope > title').textContent();
      expect(title, metric).toMatch(/\S/);
      expect(await chart.locator(':scope > desc').textContent(), metric).toMatch(/^Monthly values, Apr 2020 to May 2021: /);
      // Drawn inside its box, at a readable size.
      const box = await chart.boundingBox();
      expect(box!.width, metric).toBeGreaterThan(400);
    }
    // Step lines where the improvement plan sets a target.
    for (const metric of ['contacts_1wd', 'assessments_45wd', 'core_groups_in_time', 'cp_over_9m_avg_days', 'supervision_in_time', 'caseload_avg']) {
      expect(await page.locator(`svg.chart[data-measure="${metric}"] g.targets path.target-step`).count(), metric).toBeGreaterThan(0);
    }
    expect(await page.locator('svg.chart[data-measure="caseload_avg"] g.comparators line.comparator').count()).toBe(3);

    // The headline has one row per measure, each with a RAG word.
    expect(await page.locator('table.headline tbody tr').count()).toBe(metrics.length);
    // Nothing wider than the window.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1280);

    await page.screenshot({ path: join(OUTPUT, 'board.png'), fullPage: true });
    // In greyscale, for anyone checking that nothing depends on colour.
    await page.evaluate("document.documentElement.style.filter = 'grayscale(1)'");
    await page.screenshot({ path: join(OUTPUT, 'board-greyscale.png'), fullPage: true });
    await page.evaluate("document.documentElement.style.filter = ''");

    // It prints to A4: several pages, page size 595 x 842 points.
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(OUTPUT, 'board.pdf'), pdf);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const boxes = text.match(/\/MediaBox \[[^\]]*\]/g) ?? [];
    expect(boxes.length).toBeGreaterThan(3);
    expect(boxes.every((b) => /^\/MediaBox \[0 0 595\.9\d* 842\.8\d*\]$/.test(b)), boxes.join(', ')).toBe(true);
    await page.close();
  });

  it('keeps a hostile team name inert in the breakdown', async () => {
    const data = join(work, 'hostile');
    mkdirSync(data, { recursive: true });
    const team = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    writeFileSync(
      join(data, 'contacts.csv'),
      `contact_id,child_id,contact_date,decision_date,team\nC1,1,2021-01-29,2021-02-01,"${team}"\nC2,2,2021-02-01,2021-02-01,Front Door\n`,
    );
    writeFileSync(join(data, 'cases.csv'), `case_id,child_id,start_date,worker,team\nK1,1,2020-06-01,SW1,"${team}"\nK2,2,2020-06-01,SW2,Front Door\n`);
    const file = join(work, 'hostile.html');
    const r = await runCli(['scorecard', '--data', data, '--from', '2021-01', '--to', '2021-02', '--as-at', '2021-02-10', '--by', 'team', '--format', 'html', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain(team);

    const { page, requests, errors, dialogs } = await open(file);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator('script, img').count()).toBe(0);
    // The name shows as text in the breakdown table.
    expect(await page.locator('.breakdown th[scope="row"]', { hasText: team }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('has a Content-Security-Policy that refuses remote loads', async () => {
    const file = join(work, 'csp.html');
    expect((await runCli([...DEMO_INPUTS, '--period', '2021-04', '--format', 'html', '--out', file])).code).toBe(0);
    const { page, requests, failed } = await open(file);
    // Try to load an image from elsewhere: the policy refuses it (Chromium
    // reports the attempt as a request that failed with "csp").
    const violation = await page.evaluate(`new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      const img = document.createElement('img');
      img.src = 'http://127.0.0.1:9/probe.png';
      document.body.append(img);
    })`);
    expect(violation).toBe('img-src');
    await expect.poll(() => failed).toEqual(['http://127.0.0.1:9/probe.png: csp']);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual(['http://127.0.0.1:9/probe.png']);
    await page.close();
  });
});
