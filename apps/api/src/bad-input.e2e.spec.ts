import { generatedCases } from './testing/bad-input-cases.test-support';
import { DOMAIN_CASES, HTTP_CASES, type RawCase } from './testing/bad-input-handpicked.test-support';
import { BAD_INPUT_SETUP } from './testing/bad-input-operations.test-support';
import type { Expected } from './testing/bad-input-values.test-support';
import { startRunningApi, type RunningApi, type TestActor } from './testing/running-api.test-support';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null;
}

describe('bad input corpus: every refusal is typed, has its HTTP status and appends nothing (real API, real PostgreSQL)', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startRunningApi();
    for (const [mutation, actor] of BAD_INPUT_SETUP) {
      const result = await api.gql(mutation, actor ?? 'admin');
      if (result.errors) throw new Error(`setup failed: ${mutation} → ${JSON.stringify(result.errors)}`);
    }
  });
  afterAll(() => api.stop());

  async function send(
    actor: TestActor | null,
    body: string,
    headers: Record<string, string> = {},
    method: 'GET' | 'POST' = 'POST',
  ): Promise<Answer> {
    const authorization: Record<string, string> = actor === null ? {} : { authorization: `Bearer ${api.tokenFor(actor)}` };
    const response =
      method === 'GET'
        ? await fetch(`${api.url}?${body}`, { headers: { 'apollo-require-preflight': 'true', ...authorization, ...headers } })
        : await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization, ...headers }, body });
    const text = await response.text();
    let parsed: Answer['body'];
    try {
      parsed = JSON.parse(text) as Answer['body'];
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed };
  }

  async function expectRefused(answer: () => Promise<Answer>, expected: Expected): Promise<void> {
    const before = await api.countEvents();
    const { status, body } = await answer();
    const code = body?.errors?.[0]?.extensions?.code;
    expect({ status, code }).toEqual({
      status: expected.status,
      code: expect.stringMatching(new RegExp(`^(${expected.codes.join('|')})$`)),
    });
    expect(status).not.toBe(500);
    expect(body?.errors?.every((error) => error.extensions?.code !== 'INTERNAL_SERVER_ERROR')).toBe(true);
    // never an echo of a large input
    expect(body?.errors?.every((error) => error.message.length <= 400)).toBe(true);
    expect(JSON.stringify(body?.errors ?? []).length).toBeLessThan(4000);
    expect(await api.countEvents()).toBe(before);
  }

  const generated = generatedCases();
  const all = generated.length + DOMAIN_CASES.length + HTTP_CASES.length;

  it(`holds at least 250 cases (has ${all})`, () => {
    expect(all).toBeGreaterThanOrEqual(250);
  });

  describe('generated: every argument of every mutation and query × the bad values of its kind', () => {
    it.each(generated.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      await expectRefused(() => send(c.actor, JSON.stringify(c.body)), c.expected);
    });
  });

  const raw = (cases: RawCase[]) => cases.map((c) => [`${c.name} → ${c.expected.status} ${c.expected.codes.join('|')}`, c] as const);

  describe('hand-picked: state rules, not-founds, identity', () => {
    it.each(raw(DOMAIN_CASES))('%s', async (_, c) => {
      await expectRefused(() => send(c.actor, c.body, c.headers, c.method), c.expected);
    });
  });

  describe('hand-picked: the HTTP and GraphQL request layers', () => {
    it.each(raw(HTTP_CASES))('%s', async (_, c) => {
      await expectRefused(() => send(c.actor, c.body, c.headers, c.method), c.expected);
    });
  });
});
