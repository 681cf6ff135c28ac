import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startRunningApi, type RunningApi } from '../testing/running-api.test-support';

const CHROMIUM = '/usr/bin/chromium';
const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT_EDITOR = '.graphiql-response .CodeMirror';
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

    async function typeInto(page: Page, editor: string, text: string): Promise<void> {
      await page.click(`${editor} .CodeMirror-lines`);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(text);
      expect(await editorValue(page, editor)).toBe(text);
    }

    /** Runs the query in the editor and answers the result once the result pane shows `expected`. */
    async function run(page: Page, expected: string): Promise<unknown> {
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(
        ([selector, text]) => {
          // runs in the page: `document` is the browser's (this project compiles without the DOM lib)
          const browser = globalThis as unknown as {
            document: { querySelector(s: string): { CodeMirror?: { getValue(): string } } | null };
          };
          return browser.document.querySelector(selector!)?.CodeMirror?.getValue().includes(text!) ?? false;
        },
        [RESULT_EDITOR, expected],
      );
      return JSON.parse(await editorValue(page, RESULT_EDITOR));
    }

    async function openIde(): Promise<Page> {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const response = await page.goto(api.url, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await page.title()).toBe('par-index GraphiQL');
      await page.waitForSelector(QUERY_EDITOR);
      return page;
    }

    it('loads from our own server only, and a query typed into the editor returns data', async () => {
      const page = await openIde();
      await typeInto(page, QUERY_EDITOR, '{ __typename }');
      expect(await run(page, '__typename')).toEqual({ data: { __typename: 'Query' } });

      const hosts = new Set(requested.map((url) => new URL(url).host));
      expect([...hosts]).toEqual([new URL(api.url).host]);
      expect(requested.some((url) => url.endsWith('/graphiql/assets/graphiql.min.js'))).toBe(true);
      expect(pageErrors).toEqual([]);
    }, 120_000);

    it('sends a bearer token pasted into the Headers tab', async () => {
      const page = await openIde();
      await page.getByRole('button', { name: 'Headers' }).click();
      await typeInto(page, HEADERS_EDITOR, JSON.stringify({ Authorization: `Bearer ${api.tokenFor('auditor')}` }));
      await typeInto(page, QUERY_EDITOR, '{ verifyAuditTrail { ok } }');
      expect(await run(page, 'verifyAuditTrail')).toEqual({ data: { verifyAuditTrail: { ok: true } } });
      expect(new Set(requested.map((url) => new URL(url).host))).toEqual(new Set([new URL(api.url).host]));
      expect(pageErrors).toEqual([]);
    }, 120_000);
  });
}
