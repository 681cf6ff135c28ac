import { spawn } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';
import { claimsFor, newTestSecret, signHs256 } from '../testing/test-tokens.test-support';
import { DEMO_QUERIES } from './demo-queries';

const MAIN = path.resolve(__dirname, '../../dist/main.js');
const SECRET = newTestSecret();
const AUDITOR = signHs256(claimsFor({ role: 'auditor', sub: 'e2e-auditor' }), SECRET);

interface Started {
  url: string;
  stdout: () => string;
  stop(): Promise<void>;
}

const URL_LINE = /GraphQL API: (\S+)/;
const WELCOME_END = /PAR_DEMO=false turns the demo off/;

/** The built API as its own process; resolves once its output matches `until` (by default its URL). */
function startApi(databaseUrl: string, demo: string, until: RegExp = URL_LINE): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: '0',
      LOG_LEVEL: 'warn',
      EVENTSTORE_URL: '',
      PAR_DEMO: demo,
      AUTH_JWT_SECRET: SECRET,
      AUTH_JWKS_URL: '',
      AUTH_ISSUER: '',
      AUTH_AUDIENCE: '',
      // production mode needs the hash-chain key; no anchor files from a test process
      EVENTSTORE_HMAC_KEY: 'demo-e2e-test-key-0123456789abcdef',
      EVENTSTORE_ANCHOR_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const match = URL_LINE.exec(stdout);
      if (match && until.test(stdout)) {
        resolve({
          url: match[1]!,
          stdout: () => stdout,
          stop: () =>
            new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM')))),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`API exited with ${code}: ${stderr}`)));
  });
}

/** anonymous unless a token is given: the first two demo queries must work without one */
async function query<T>(url: string, text: string, token?: string): Promise<T> {
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization },
    body: JSON.stringify({ query: text }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

type History = {
  assessmentHistory: { type: string; data: Record<string, unknown> & { outcome?: string }; occurredAt: string }[];
  verifyAuditTrail: { ok: boolean; eventsChecked: number };
};

describe('demo data on first start (PAR_DEMO=true on an external test database)', () => {
  let database: TestDatabase;
  let api: Started;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApi(database.url, 'true', WELCOME_END);
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it('loads once, then prints the URL and the three example queries', () => {
    expect(api.stdout()).toMatch(/Demo data loaded: \d+ commands/);
    for (const { query: text } of DEMO_QUERIES) expect(api.stdout()).toContain(text);
  });

  it("query 1: the 2024 departments ranking with each unit's move since 2023", async () => {
    type Ranked = { rank: number; index: number; previousRank: number | null; rankChange: number | null; scoreChange: number | null };
    const { ranking } = await query<{ ranking: { rows: Ranked[]; statistics: { average: number } } }>(api.url, DEMO_QUERIES[0]!.query);
    const rows = ranking.rows;
    expect(rows).toHaveLength(10);
    expect(rows[0]!.index).toBeGreaterThan(rows[9]!.index);
    for (const row of rows) expect(row.rankChange).toBe(row.previousRank! - row.rank);
    expect(rows.some((row) => row.rankChange! > 0)).toBe(true);
    expect(ranking.statistics.average).toBeGreaterThan(0);
  });

  it('query 2: a published scorecard with its fields, sources, rank in a group of 20 and its change since 2023', async () => {
    type Card = {
      status: string;
      groupSize: number;
      fields: unknown[];
      bySource: { source: string }[];
      change: { fieldsHigher: number; fieldsLower: number; fields: { direction: string }[] };
    };
    const { scorecard } = await query<{ scorecard: Card }>(api.url, DEMO_QUERIES[1]!.query);
    expect(scorecard.status).toBe('published');
    expect(scorecard.groupSize).toBe(20);
    expect(scorecard.fields).toHaveLength(7);
    expect(scorecard.bySource.map((s) => s.source).sort()).toEqual(['appraisal', 'survey:SIPAS']);
    expect(scorecard.change.fields).toHaveLength(7);
    expect(scorecard.change.fieldsHigher + scorecard.change.fieldsLower).toBeGreaterThan(0);
  });

  it('query 3: the audit timeline shows the publication, the reopening and the correction, and the chain verifies', async () => {
    const data = await query<History>(api.url, DEMO_QUERIES[2]!.query, AUDITOR);
    const types = data.assessmentHistory.map((e) => e.type);
    const published = types.indexOf('AssessmentPublished');
    const reopened = types.indexOf('AssessmentReopened');
    expect(published).toBeGreaterThan(0);
    expect(reopened).toBeGreaterThan(published);
    const correction = data.assessmentHistory.slice(reopened).find((e) => e.type === 'AppraisalScoreRecorded')!;
    expect(correction.data).toMatchObject({ correction: true, reason: expect.stringContaining('inspection') });
    expect(types.at(-1)).toBe('AssessmentPublished');
    expect(data.verifyAuditTrail.ok).toBe(true);
  });

  it('the objection story: rejected in 2023, upheld in 2024', async () => {
    const decisions = async (year: number) => {
      const { assessmentHistory } = await query<History>(
        api.url,
        `{ assessmentHistory(unitId: "sl-department-of-justice", year: ${year}) { type data occurredAt } }`,
        AUDITOR,
      );
      return assessmentHistory.filter((e) => e.type === 'ObjectionDecided').map((e) => e.data.outcome);
    };
    expect(await decisions(2023)).toEqual(['rejected']);
    expect(await decisions(2024)).toEqual(['upheld']);
  });

  it('a second start finds the demo loaded and appends nothing', async () => {
    const before = (await query<History>(api.url, '{ verifyAuditTrail { ok eventsChecked } }', AUDITOR)).verifyAuditTrail.eventsChecked;
    await api.stop();
    api = await startApi(database.url, 'true');
    expect(api.stdout()).not.toContain('Demo data loaded');
    expect((await query<History>(api.url, '{ verifyAuditTrail { ok eventsChecked } }', AUDITOR)).verifyAuditTrail.eventsChecked).toBe(
      before,
    );
  }, 120_000);
});

describe('PAR_DEMO=false', () => {
  it('starts empty', async () => {
    const database = await createTestDatabase();
    const api = await startApi(database.url, 'false');
    try {
      expect(api.stdout()).not.toContain('Demo data');
      expect((await query<History>(api.url, '{ verifyAuditTrail { ok eventsChecked } }', AUDITOR)).verifyAuditTrail.eventsChecked).toBe(0);
    } finally {
      await api.stop();
      await database.drop();
    }
  }, 120_000);
});
