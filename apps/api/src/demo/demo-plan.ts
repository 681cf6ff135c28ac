import type { ActorRole, CriteriaSetCommand } from '@par-index/domain';
import { listLeaves, type Hundredths, type LeafCriterion } from '@par-index/scoring';
import type { AssessmentRequest } from '../commands/assessment/assessment.command';
import type { UnitRequest } from '../commands/unit/unit.command';
import { DEMO_LEVELS, demoCriteriaSet, type DemoCriteriaSet } from './demo-criteria-sets';
import { demoUnits, type DemoUnit } from './demo-units';

type WithoutContext<T> = T extends unknown ? Omit<T, 'context'> : never;
type Target =
  | { kind: 'criteriaSet'; code: string; request: WithoutContext<CriteriaSetCommand> }
  | { kind: 'unit'; unitId: string; request: UnitRequest }
  | { kind: 'assessment'; unitId: string; year: number; request: AssessmentRequest; criteriaSetCode?: string };

/** One command of the demo, as the fixed demo actor of its role sends it at a fixed moment. */
export type DemoStep = Target & { key: string; now: string; actor: { actorId: string; actorRole: ActorRole } };
/** Steps of a track run in order; the tracks of a phase may run side by side; phases run in order. */
export type DemoPhase = DemoStep[][];

export const DEMO_YEARS = [2023, 2024] as const;
const ADMIN = { actorId: 'demo-admin', actorRole: 'admin' } as const;
const APPRAISER = { actorId: 'demo-appraisal-council', actorRole: 'appraiser' } as const;
const COUNCIL = { actorId: 'demo-council-chair', actorRole: 'council' } as const;
const APPROVER = { actorId: 'demo-provincial-chairman', actorRole: 'approver' } as const;
const officer = (unitId: string) => ({ actorId: `demo-officer-${unitId}`, actorRole: 'unit_officer' as const });

/** mulberry32: a small seeded generator, so every start builds the same demo. */
function random(seedText: string): () => number {
  let seed = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quarter = (points: number): Hundredths => Math.round(points / 25) * 25;
const REASONS = [
  'Evidence shows the plan was issued after the deadline',
  'Report covers only part of the year',
  'Inspection found two procedures resolved late',
  'Online service usage below the set target',
  'No written proof of follow-up was attached',
];
/** the leaves of a demo set (listLeaves reads only the tree) */
const leavesOf = (set: DemoCriteriaSet) => listLeaves({ ...set, version: 1, maxTotal: 10_000 });

/** A track's calendar: each step at the given day (08:00 UTC) or a minute after the step before. */
function calendar(year: number): (monthDay: string) => string {
  let t = 0;
  return (monthDay) => new Date((t = Math.max(t + 60_000, Date.parse(`${year}-${monthDay}T08:00:00.000Z`)))).toISOString();
}

interface Story {
  /** the first appraised leaf is self-scored at its maximum and marked down by the appraisal */
  markedDown?: boolean;
  /** and the unit objects to that mark-down; the council decides */
  objection?: { upheld: boolean };
}

function assessmentTrack(unit: DemoUnit, set: DemoCriteriaSet, year: number, story: Story): DemoStep[] {
  const rand = random(`${unit.unitId}/${year}`);
  const quality = 0.8 + random(unit.unitId)() * 0.17 + (rand() - 0.5) * 0.08;
  const leaves = leavesOf(set);
  const appraised = leaves.filter((l) => l.scoring.kind === 'appraised');
  const steps: DemoStep[] = [];
  const at = calendar(year + 1);
  let day = '01-05';
  const add = (key: string, actor: DemoStep['actor'], request: AssessmentRequest, criteriaSetCode?: string) =>
    steps.push({
      kind: 'assessment',
      unitId: unit.unitId,
      year,
      request,
      criteriaSetCode,
      key: `${unit.unitId}/${year}/${key}`,
      now: at(day),
      actor,
    });

  add('open', ADMIN, { type: 'OpenAssessment' }, set.code);
  day = '01-10';
  const self = new Map<string, Hundredths>();
  const contested = story.markedDown ? appraised[0]! : undefined;
  for (const leaf of appraised) {
    const r = rand();
    const score = leaf === contested ? leaf.max : r < 0.012 ? 0 : r < quality ? leaf.max : quarter(leaf.max * (0.5 + rand() * 0.4));
    self.set(leaf.code, score);
    add(`self/${leaf.code}`, officer(unit.unitId), {
      type: 'RecordSelfScore',
      leafCode: leaf.code,
      score,
      evidenceRefs: [`evidence/${unit.unitId}/${year}/${leaf.code}.pdf`],
      note: null,
    });
  }
  day = '01-31';
  add('submit', officer(unit.unitId), { type: 'SubmitSelfAssessment' });
  day = '02-15';
  for (const leaf of appraised) {
    const own = self.get(leaf.code)!;
    const corrected = leaf === contested || (own > 0 && rand() < 0.12);
    const score = corrected ? Math.max(0, own - Math.max(25, quarter(leaf.max * (0.25 + rand() * 0.5)))) : own;
    const reason = score !== own ? REASONS[Math.floor(rand() * REASONS.length)]! : null;
    add(`appraisal/${leaf.code}`, APPRAISER, { type: 'RecordAppraisalScore', leafCode: leaf.code, score, reason });
  }
  if (contested && story.objection) {
    day = '02-25';
    const objectionId = `${unit.unitId}-${year}-1`;
    add('objection', officer(unit.unitId), {
      type: 'FileObjection',
      objectionId,
      leafCode: contested.code,
      kind: 'objection',
      text: 'The plan was issued on time: the dated decision is attached',
      evidenceRefs: [`evidence/${unit.unitId}/${year}/objection-1.pdf`],
      proposedScore: self.get(contested.code)!,
    });
    day = '03-02';
    add(
      'objection/decision',
      COUNCIL,
      story.objection.upheld
        ? {
            type: 'DecideObjection',
            objectionId,
            outcome: 'upheld',
            reason: 'The dated decision proves the plan was issued on time',
            correctedScore: self.get(contested.code)!,
          }
        : {
            type: 'DecideObjection',
            objectionId,
            outcome: 'rejected',
            reason: 'The attached decision is dated after the deadline',
            correctedScore: null,
          },
    );
  }
  day = '03-05';
  for (const leaf of leaves.filter(
    (l): l is LeafCriterion & { scoring: { kind: 'survey'; survey: string } } => l.scoring.kind === 'survey',
  )) {
    const base = leaf.scoring.survey === 'SIPAS' ? 62 + 36 * quality : 48 + 50 * quality;
    const rawValue = Math.min(99.5, Math.round((base + (rand() - 0.5) * 8) * 100) / 100);
    add(`survey/${leaf.code}`, APPRAISER, {
      type: 'RecordSurveyResult',
      leafCode: leaf.code,
      rawValue,
      sampleSize: 150 + Math.floor(rand() * 450),
      source: `${leaf.scoring.survey} ${year} survey`,
    });
  }
  day = '03-10';
  add('finalise', APPRAISER, { type: 'FinaliseAppraisal' });
  day = '03-20';
  add('approve', APPROVER, { type: 'ApproveAssessment', decisionReference: `Decision ${year + 1}/QD-UBND-${unit.level}` });
  day = '03-25';
  add('publish', APPROVER, { type: 'PublishAssessment' });
  return steps;
}

/** A published result corrected months later: reopen, corrected appraisal with reason, approve again. */
function correctionTrack(unit: DemoUnit, set: DemoCriteriaSet, year: number): DemoStep[] {
  const leaf = leavesOf(set).find((l) => l.scoring.kind === 'appraised')!;
  const at = calendar(year + 1);
  const step = (key: string, actor: DemoStep['actor'], request: AssessmentRequest): DemoStep => ({
    kind: 'assessment',
    unitId: unit.unitId,
    year,
    request,
    key: `${unit.unitId}/${year}/correction/${key}`,
    now: at('06-12'),
    actor,
  });
  return [
    step('reopen', APPROVER, { type: 'ReopenAssessment', reason: 'Inspection found the unit was wrongly marked down on its PAR plan' }),
    step('appraisal', APPRAISER, {
      type: 'RecordAppraisalScore',
      leafCode: leaf.code,
      score: leaf.max,
      reason: 'Corrected after the June inspection: the plan was issued on time',
    }),
    step('finalise', APPRAISER, { type: 'FinaliseAppraisal' }),
    step('approve', APPROVER, { type: 'ApproveAssessment', decisionReference: `Decision ${year + 1}/QD-UBND-correction` }),
    step('publish', APPROVER, { type: 'PublishAssessment' }),
  ];
}

/** The corrected unit and the objections of the story (see README "Demo data"). */
export const DEMO_STORY = { correctedUnitId: 'sl-department-of-health', correctedYear: 2023, objectionUnitId: 'sl-department-of-justice' };

export function demoPlan(): DemoPhase[] {
  const units = demoUnits();
  const sets = DEMO_YEARS.flatMap((year) => DEMO_LEVELS.map((level) => demoCriteriaSet(level, year)));
  const setFor = (unit: DemoUnit, year: number) => sets.find((s) => s.level === unit.level && s.year === year)!;
  const criteria: DemoPhase = sets.map((set) => {
    const at = calendar(set.year - 1);
    const step = (key: string, request: WithoutContext<CriteriaSetCommand>): DemoStep => ({
      kind: 'criteriaSet',
      code: set.code,
      request,
      key: `${set.code}/${key}`,
      now: at('11-01'),
      actor: ADMIN,
    });
    return [
      step('draft', { type: 'DraftCriteriaSet', code: set.code, year: set.year, level: set.level, name: set.name }),
      step('tree', { type: 'ReplaceCriteriaTree', fields: set.fields }),
      step('publish', { type: 'PublishCriteriaSet' }),
    ];
  });
  const register = (unit: DemoUnit): DemoStep[] => [
    {
      kind: 'unit',
      unitId: unit.unitId,
      key: `${unit.unitId}/register`,
      now: '2022-10-01T08:00:00.000Z',
      actor: ADMIN,
      request: {
        type: 'RegisterUnit',
        unitId: unit.unitId,
        name: unit.name,
        level: unit.level,
        group: unit.group,
        region: unit.region,
        parentId: unit.parentId,
      },
    },
  ];
  const cycle = (year: number): DemoPhase =>
    units.map((unit) => {
      const story: Story =
        unit.unitId === DEMO_STORY.objectionUnitId
          ? { markedDown: true, objection: { upheld: year === 2024 } }
          : unit.unitId === DEMO_STORY.correctedUnitId && year === DEMO_STORY.correctedYear
            ? { markedDown: true }
            : {};
      return assessmentTrack(unit, setFor(unit, year), year, story);
    });
  const corrected = units.find((u) => u.unitId === DEMO_STORY.correctedUnitId)!;
  return [
    criteria,
    [register(units[0]!)],
    units.slice(1).map(register),
    cycle(2023),
    cycle(2024),
    // last and alone: its final step marks the whole demo as loaded (see load-demo.ts)
    [correctionTrack(corrected, setFor(corrected, DEMO_STORY.correctedYear), DEMO_STORY.correctedYear)],
  ];
}
