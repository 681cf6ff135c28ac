import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startRunningApi, type RunningApi } from '../testing/running-api.test-support';

const CHROMIUM = '/usr/bin/chromium';
// Debian's chromium, kept quiet: no first-run, sync, component or background requests of its own.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (!existsSync(CHROMIUM)) {
  const line = `SKIPPED: browser test — install chromium (${CHROMIUM} is missing; apt-get install -y chromium)`;
  process.stderr.write(`\n*** ${line} ***\n\n`);
  console.warn(line);
  describe.skip(`offline GraphiQL in a browser (${line})`, () => {
    it('needs Debian chromium', () => undefined);
  });
} else {
  describe('offline GraphiQL in a real headless chromium', () => {
    let api: RunningApi;
    let userDataDir: string;
    let context: BrowserContext;
    const requested: string[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      api = await startRunningApi();
      userDataDir = mkdtempSync(path.join(tmpdir(), 'par-index-chromium-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      // Every request is recorded; anything not for our own server is refused, so a CDN
      // dependency would both show up here and leave the page blank.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        requested.push(url);
        return new URL(url).hostname === '127.0.0.1' ? route.continue() : route.abort();
      });
    }, 120_000);

    afterAll(async () => {
      await context?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      await api?.stop();
    });

    async function editorValue(page: Page, selector: string): Promise<string> {
      return page.$eval(selector, (element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    }

    it('loads from our own server only, and a query typed into the editor returns data', async () => {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const response = await page.goto(api.url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('par-index GraphiQL');

      const queryEditor = '.graphiql-query-editor .CodeMirror';
      await page.waitForSelector(queryEditor);
      await page.click(`${queryEditor} .CodeMirror-lines`);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText('{ __typename }');
      expect(await editorValue(page, queryEditor)).toBe('{ __typename }');

      await page.click('.graphiql-execute-button');
      const resultEditor = '.graphiql-response .CodeMirror';
      await page.waitForFunction(
        (selector) => {
          // runs in the page: `document` is the browser's (this project compiles without the DOM lib)
          const page = globalThis as unknown as { document: { querySelector(s: string): { CodeMirror?: { getValue(): string } } | null } };
          const element = page.document.querySelector(selector);
          return element?.CodeMirror?.getValue().includes('__typename') ?? false;
        },
        resultEditor,
      );
      expect(JSON.parse(await editorValue(page, resultEditor))).toEqual({ data: { __typename: 'Query' } });

      const hosts = new Set(requested.map((url) => new URL(url).host));
      expect([...hosts]).toEqual([new URL(api.url).host]);
      expect(requested.some((url) => url.endsWith('/graphiql/assets/graphiql.min.js'))).toBe(true);
      expect(pageErrors).toEqual([]);
    }, 120_000);
  });
}
