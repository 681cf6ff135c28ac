// Appends per second through the full command path of the API: the real AssessmentCommandHandler
// reads the criteria-set and assessment streams, folds, decides RecordSelfScore, and appends with
// the expected revision — with 1 and 8 concurrent writers, against an embedded PostgreSQL.
// Run: npm run bench -- command-path   (or: node --expose-gc bench/command-path.bench.mjs)
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { startEmbeddedPostgres, findFreePort } = require('@par-index/config');
const { createEventStore } = require('@par-index/eventstore');
const { AssessmentCommandHandler, ExecuteAssessmentCommand } = require('../apps/api/dist/commands/assessment/assessment.command.js');
const { UnitCommandHandler, ExecuteUnitCommand } = require('../apps/api/dist/commands/unit/unit.command.js');
const { CriteriaSetCommandHandler, ExecuteCriteriaSetCommand } = require('../apps/api/dist/commands/criteria-set/criteria-set.command.js');
const { newEnvelope } = require('../apps/api/dist/commands/command-envelope.js');

const LEAVES = 90;
const SET = 'PAR-2024-district';
const fields = Array.from({ length: 9 }, (_, f) => {
  const leaves = Array.from({ length: LEAVES / 9 }, (_, l) => ({
    type: 'leaf',
    code: `F${f}.L${l}`,
    name: `Leaf ${f}.${l}`,
    max: 100,
    scoring: { kind: 'appraised' },
  }));
  return { type: 'group', code: `F${f}`, name: `Field ${f}`, max: 100 * leaves.length, children: leaves };
});
const actor = (role) => newEnvelope({ actorId: `bench-${role}`, actorRole: role, unitIds: '*' });

async function scenario(infra, writers, unitsPerWriter, label) {
  const units = new AssessmentCommandHandler(infra);
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let u = 0; u < unitsPerWriter; u += 1) {
        const unitId = `${label}-w${w}-u${u}`;
        for (let leaf = 0; leaf < LEAVES; leaf += 1) {
          const code = `F${Math.floor(leaf / 10)}.L${leaf % 10}`;
          const t0 = performance.now();
          await units.execute(
            new ExecuteAssessmentCommand(
              unitId,
              2024,
              { type: 'RecordSelfScore', leafCode: code, score: (leaf * 7) % 101, evidenceRefs: [], note: null },
              actor('unit_officer'),
            ),
          );
          latencies.push(performance.now() - t0);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2);
  return {
    writers,
    commands: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50ms: Number(pct(0.5)),
    p99ms: Number(pct(0.99)),
  };
}

async function prepare(infra, label, writers, unitsPerWriter) {
  const unitHandler = new UnitCommandHandler(infra);
  const assessments = new AssessmentCommandHandler(infra);
  for (let w = 0; w < writers; w += 1) {
    for (let u = 0; u < unitsPerWriter; u += 1) {
      const unitId = `${label}-w${w}-u${u}`;
      await unitHandler.execute(
        new ExecuteUnitCommand(
          unitId,
          { type: 'RegisterUnit', unitId, name: unitId, level: 'district', group: 'bench', region: null, parentId: 'bench-province' },
          actor('admin'),
        ),
      );
      await assessments.execute(new ExecuteAssessmentCommand(unitId, 2024, { type: 'OpenAssessment' }, actor('admin'), { code: SET }));
    }
  }
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'par-bench-cmd-'));
const pg = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
const eventStore = createEventStore({ databaseUrl: pg.url });
const infra = { eventStore };
try {
  const sets = new CriteriaSetCommandHandler(infra);
  await sets.execute(
    new ExecuteCriteriaSetCommand(
      SET,
      { type: 'DraftCriteriaSet', code: SET, year: 2024, level: 'district', name: 'bench' },
      actor('admin'),
    ),
  );
  await sets.execute(new ExecuteCriteriaSetCommand(SET, { type: 'ReplaceCriteriaTree', fields }, actor('admin')));
  await sets.execute(new ExecuteCriteriaSetCommand(SET, { type: 'PublishCriteriaSet' }, actor('admin')));
  await new UnitCommandHandler(infra).execute(
    new ExecuteUnitCommand(
      'bench-province',
      {
        type: 'RegisterUnit',
        unitId: 'bench-province',
        name: 'Bench',
        level: 'province',
        group: 'provinces',
        region: null,
        parentId: null,
      },
      actor('admin'),
    ),
  );
  await prepare(infra, 'one', 1, 10);
  await prepare(infra, 'eight', 8, 5);
  const one = await scenario(infra, 1, 10, 'one');
  console.log(
    `1 writer : ${one.commands} RecordSelfScore commands, ${one.perSecond} commands/s (p50 ${one.p50ms} ms, p99 ${one.p99ms} ms)`,
  );
  const eight = await scenario(infra, 8, 5, 'eight');
  console.log(
    `8 writers: ${eight.commands} RecordSelfScore commands, ${eight.perSecond} commands/s (p50 ${eight.p50ms} ms, p99 ${eight.p99ms} ms)`,
  );
  globalThis.gc?.();
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
  console.log(
    JSON.stringify({
      bench: 'command-path',
      leavesPerAssessment: LEAVES,
      oneWriter: one,
      eightWriters: eight,
      heapMb,
      figures: [
        {
          key: 'command.path1',
          label: 'RecordSelfScore through the command handler (read, fold, decide, append), 1 writer (ceiling: raw appends)',
          value: one.perSecond,
          unit: 'commands/s',
          better: 'higher',
          ref: 'eventstore.append1',
        },
        {
          key: 'command.path8',
          label: 'the same, 8 writers (ceiling: raw appends, 8 writers)',
          value: eight.perSecond,
          unit: 'commands/s',
          better: 'higher',
          ref: 'eventstore.append8',
        },
      ],
    }),
  );
} finally {
  await eventStore.close();
  await pg.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
