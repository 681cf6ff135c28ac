import {
  criteriaSetCode,
  criteriaSetDecider,
  criteriaSetStreamName,
  resolveCriteriaSet,
  unitDecider,
  unitStreamName,
  type CriteriaSetCommand,
  type CriteriaSetEvent,
  type CriteriaSetState,
  type ResolvedCriteriaSet,
  type UnitCommand,
  type UnitEvent,
  type UnitState,
} from '@par-index/domain';
import type { AssessedLevel } from '@par-index/scoring';
import { assessmentYear } from './assessment-script';
import { criteriaTree } from './criteria-tree';
import { nationUnits, type GeneratedUnit, type NationShape } from './nation';
import { StreamRecorder, type GeneratedActor, type StreamChunk } from './stream-recorder';

export interface GeneratorOptions extends NationShape {
  seed: number;
  /** assessment years, from `firstYear` on */
  years: number;
  firstYear?: number;
}

/** Chunks that may be appended in parallel; every phase must be appended before the next one starts. */
export interface GeneratedPhase {
  label: string;
  chunks: StreamChunk[];
}

const ADMIN: GeneratedActor = { actorId: 'admin-ministry', actorRole: 'admin', unitIds: '*' };

function criteriaSetChunk(
  seed: number,
  level: AssessedLevel,
  year: number,
  firstYear: number,
): { chunk: StreamChunk; resolved: ResolvedCriteriaSet } {
  const code = criteriaSetCode(year, level);
  const recorder = new StreamRecorder<CriteriaSetCommand, CriteriaSetEvent, CriteriaSetState>(
    criteriaSetDecider,
    criteriaSetStreamName(code),
    seed,
  );
  const fields = criteriaTree(level, year, firstYear);
  const name = `PAR Index ${year}: ${level}s`;
  recorder.run(ADMIN, `${year}-12-01T02:00:00.000Z`, (context) => ({ type: 'DraftCriteriaSet', code, year, level, name, context }));
  recorder.run(ADMIN, `${year}-12-01T03:00:00.000Z`, (context) => ({ type: 'ReplaceCriteriaTree', fields, context }), {
    type: 'ReplaceCriteriaTree',
    code,
    fields,
  });
  recorder.run(ADMIN, `${year}-12-02T02:00:00.000Z`, (context) => ({ type: 'PublishCriteriaSet', context }), {
    type: 'PublishCriteriaSet',
    code,
  });
  const resolved = resolveCriteriaSet(recorder.state);
  if (!resolved) throw new Error(`criteria set ${code} did not publish`);
  return { chunk: recorder.flush()!, resolved };
}

function registerChunk(seed: number, unit: GeneratedUnit, parent: GeneratedUnit | undefined, at: string): StreamChunk {
  const recorder = new StreamRecorder<UnitCommand, UnitEvent, UnitState>(unitDecider, unitStreamName(unit.unitId), seed);
  const { unitId, name, level, group, region } = unit;
  const parentRef = parent ? { unitId: parent.unitId, level: parent.level, active: true } : null;
  recorder.run(ADMIN, at, (context) => ({ type: 'RegisterUnit', unitId, name, level, group, region, parent: parentRef, context }), {
    type: 'RegisterUnit',
    unitId,
    name,
    level,
    group,
    region,
    parentId: parent?.unitId ?? null,
  });
  return recorder.flush()!;
}

/**
 * A seeded national data set, lazily, province by province (memory stays flat at any scale): the
 * criteria sets of every year and level, then each province's units (parents before children),
 * then each year's assessments, stage by stage. The same options always give the same events.
 */
export function* generateNation(options: GeneratorOptions): Generator<GeneratedPhase> {
  const { seed, years } = options;
  const firstYear = options.firstYear ?? 2023;
  if (!Number.isInteger(years) || years < 1 || years > 20) throw new RangeError(`years must be 1..20, got ${years}`);
  const levels: AssessedLevel[] = ['province', 'department', 'district', ...(options.communes ? (['commune'] as const) : [])];
  const sets = new Map<string, ResolvedCriteriaSet>();
  const setChunks: StreamChunk[] = [];
  for (let year = firstYear; year < firstYear + years; year += 1) {
    for (const level of levels) {
      const { chunk, resolved } = criteriaSetChunk(seed, level, year, firstYear);
      sets.set(`${year}/${level}`, resolved);
      setChunks.push(chunk);
    }
  }
  yield { label: 'criteria sets', chunks: setChunks };
  const registeredAt = `${firstYear}-11-01T02:00:00.000Z`;
  for (const units of nationUnits(seed, options)) {
    const byId = new Map(units.map((unit) => [unit.unitId, unit]));
    const province = units[0]!;
    yield { label: `${province.unitId}: province`, chunks: [registerChunk(seed, province, undefined, registeredAt)] };
    const depth = (unit: GeneratedUnit) => (unit.level === 'commune' ? 2 : 1);
    for (const level of [1, 2]) {
      const chunks = units
        .filter((u) => u.parentId !== null && depth(u) === level)
        .map((u) => registerChunk(seed, u, byId.get(u.parentId!), registeredAt));
      if (chunks.length > 0) yield { label: `${province.unitId}: units`, chunks };
    }
    for (let year = firstYear; year < firstYear + years; year += 1) {
      const scripts = units.map((unit) => assessmentYear(seed, unit, year, sets.get(`${year}/${unit.level}`)!));
      const stages = Math.max(...scripts.map((s) => s.length));
      for (let s = 0; s < stages; s += 1) {
        yield { label: `${province.unitId}: ${year} stage ${s + 1}`, chunks: scripts.flatMap((script) => (script[s] ? [script[s]!] : [])) };
      }
    }
  }
}
