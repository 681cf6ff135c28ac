import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@par-index/config/testing';

const run = promisify(execFile);
const MAIN = path.resolve(__dirname, '../dist/main.js');

describe('par-projector CLI (built, against a real PostgreSQL)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const projector = (...args: string[]) =>
    run(process.execPath, [MAIN, ...args], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        PROJECTOR_DATABASE_URL: db.roleUrls.projector,
        EVENTSTORE_URL: '',
        LOG_LEVEL: 'warn',
      },
    });

  it('given an empty store, when rebuilt, then it replays nothing and status shows every projection at the head', async () => {
    expect((await projector('rebuild')).stdout).toContain('rebuilt the read models from 0 events');
    const status = JSON.parse((await projector('status')).stdout) as { headPosition: string; checkpoints: Record<string, string> };
    expect(status.headPosition).toBe('-1');
    expect(Object.keys(status.checkpoints).sort()).toEqual(['assessments', 'criteria_sets', 'scorecards', 'units']);
  });

  it('given a bad setting, when started, then it fails with a clear message and exit code 1', async () => {
    await expect(run(process.execPath, [MAIN, 'status'], { env: { ...process.env, API_PORT: 'eighty' } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('API_PORT'),
    });
  });
});
