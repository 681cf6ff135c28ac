import type { CommandBus } from '@nestjs/cqrs';
import type { Logger, ParConfig } from '@par-index/config';
import { assessmentStreamName } from '@par-index/domain';
import type { EventStore } from '@par-index/eventstore';
import { waitForCheckpoints } from '@par-index/read-model';
import type { DataSource } from 'typeorm';
import { ExecuteAssessmentCommand } from '../commands/assessment/assessment.command';
import { newEnvelope } from '../commands/command-envelope';
import { ExecuteCriteriaSetCommand } from '../commands/criteria-set/criteria-set.command';
import { ExecuteUnitCommand } from '../commands/unit/unit.command';
import { demoPlan, type DemoPhase, type DemoStep } from './demo-plan';

export interface DemoDependencies {
  config: ParConfig;
  embeddedDatabase: boolean;
  eventStore: EventStore;
  readModel: DataSource;
  projectionNames: readonly string[];
  commandBus: CommandBus;
  logger: Logger;
  /** the in-process projector: paused during the load, then it catches up in batches (far faster than event by event) */
  projector?: { stop(): Promise<void>; start(): Promise<void> };
}

export type DemoOutcome = { loaded: true; commands: number; seconds: number } | { loaded: false; reason: string };

const KEY_PREFIX = 'demo:';
const TRACKS_SIDE_BY_SIDE = 8;

function toCommand(step: DemoStep) {
  // the demo's actors act for every unit ('*'): a fixed system identity, not a token's
  const envelope = newEnvelope({
    ...step.actor,
    unitIds: '*',
    now: step.now,
    idempotencyKey: `${KEY_PREFIX}${step.key}`,
    correlationId: `${KEY_PREFIX}${step.key}`,
  });
  switch (step.kind) {
    case 'criteriaSet':
      return new ExecuteCriteriaSetCommand(step.code, step.request, envelope);
    case 'unit':
      return new ExecuteUnitCommand(step.unitId, step.request, envelope);
    case 'assessment':
      return new ExecuteAssessmentCommand(
        step.unitId,
        step.year,
        step.request,
        envelope,
        step.criteriaSetCode ? { code: step.criteriaSetCode } : undefined,
      );
  }
}

/**
 * Why (not) to load: only into an empty store (or to finish a demo load that was interrupted, which
 * is safe because every step has a fixed idempotency key), never over someone's own data.
 */
async function decide(deps: DemoDependencies): Promise<{ load: true } | { load: false; reason: string }> {
  if (deps.config.demo === 'false') return { load: false, reason: 'PAR_DEMO=false' };
  if (deps.config.demo === 'auto' && !deps.embeddedDatabase)
    return { load: false, reason: 'external database (PAR_DEMO=true loads it there)' };
  const [first] = await deps.eventStore.readAll({ maxCount: 1 });
  if (!first) return { load: true };
  if (!first.metadata.idempotencyKey.startsWith(KEY_PREFIX)) return { load: false, reason: 'the event store already holds other data' };
  return (await isComplete(deps)) ? { load: false, reason: 'already loaded' } : { load: true };
}

async function isComplete(deps: DemoDependencies): Promise<boolean> {
  const last = demoPlan().at(-1)!.at(-1)!.at(-1)!;
  if (last.kind !== 'assessment') return false;
  const events = await deps.eventStore.readStream(assessmentStreamName(last.unitId, last.year));
  return events.some((event) => event.metadata.idempotencyKey === `${KEY_PREFIX}${last.key}`);
}

async function runPhase(bus: CommandBus, phase: DemoPhase): Promise<number> {
  let next = 0;
  let sent = 0;
  const worker = async () => {
    for (let track = phase[next++]; track; track = phase[next++]) {
      for (const step of track) {
        await bus.execute(toCommand(step));
        sent += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(TRACKS_SIDE_BY_SIDE, phase.length) }, worker));
  return sent;
}

/** Loads the demo province through the real command handlers (fixed demo actors, fixed moments). */
export async function loadDemoIfFirstStart(deps: DemoDependencies, progress: (line: string) => void): Promise<DemoOutcome> {
  const verdict = await decide(deps);
  if (!verdict.load) return { loaded: false, reason: verdict.reason };
  const plan = demoPlan();
  const total = plan.reduce((sum, phase) => sum + phase.reduce((s, track) => s + track.length, 0), 0);
  progress(`Loading the demo data (first start): ${total} commands through the command handlers…`);
  const started = Date.now();
  let commands = 0;
  await deps.projector?.stop();
  try {
    for (const phase of plan) commands += await runPhase(deps.commandBus, phase);
  } finally {
    await deps.projector?.start();
  }
  const head = await deps.eventStore.headPosition();
  const wait = await waitForCheckpoints(deps.readModel, deps.projectionNames, head, 120_000);
  if (!wait.projected) deps.logger.warn({ head: head.toString(), reason: wait.reason }, 'demo loaded, the read models are not caught up');
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  progress(`Demo data loaded: ${commands} commands in ${seconds} s.`);
  return { loaded: true, commands, seconds };
}
