import {
  assessmentDecider,
  assessmentStreamName,
  type AssessmentCommand,
  type AssessmentEvent,
  type AssessmentState,
  type ResolvedCriteriaSet,
} from '@par-index/domain';
import { listLeaves, type LeafCriterion } from '@par-index/scoring';
import type { GeneratedUnit } from './nation';
import { SeededRandom } from './random';
import { StreamRecorder, type GeneratedActor, type StreamChunk } from './stream-recorder';

const CORRECTION_REASONS = [
  'Evidence does not cover the whole year',
  'Plan issued after the deadline',
  'Report incomplete: two districts missing',
  'Target met only in part',
  'Evidence refers to the previous year',
];
const UPHELD = 'The council accepts the additional evidence';
const REJECTED = 'The evidence was already considered by the appraisal';

/** The generator's clock: instants strictly increasing from a start, advanced by whole minutes. */
class Clock {
  private ms: number;
  constructor(start: string) {
    this.ms = Date.parse(start);
  }
  tick(random: SeededRandom, maxMinutes: number): string {
    this.ms += random.int(1, maxMinutes) * 60_000;
    return new Date(this.ms).toISOString();
  }
  jumpTo(instant: string): void {
    this.ms = Math.max(this.ms, Date.parse(instant));
  }
}

const step25 = (value: number) => Math.round(value / 25) * 25;

/** Most scores near the maximum, about 1 % zero-point leaves, weaker units a little lower. */
function selfScoreFor(leaf: LeafCriterion, skill: number, random: SeededRandom): number | null {
  if (leaf.scoring.kind === 'survey' || leaf.scoring.kind === 'indicator') return null;
  if (leaf.scoring.kind === 'deduction') return random.chance(0.15) ? -step25(random.int(50, 200)) : null;
  if (random.chance(0.01)) return 0;
  if (random.chance(0.72)) return leaf.max;
  return Math.max(0, Math.min(leaf.max, step25(leaf.max * (skill - random.next() * 0.35))));
}

/**
 * One unit's year, as the stages a national campaign goes through (appended stage by stage across
 * a province so streams interleave in the log): self-assessment, appraisal with corrections and
 * objections, approval and publication, and for a few units a reopening with a correction.
 */
export function assessmentYear(seed: number, unit: GeneratedUnit, year: number, resolved: ResolvedCriteriaSet): StreamChunk[] {
  const random = SeededRandom.derive(seed, `assessment-${unit.unitId}-${year}`);
  const recorder = new StreamRecorder<AssessmentCommand, AssessmentEvent, AssessmentState>(
    assessmentDecider,
    assessmentStreamName(unit.unitId, year),
    seed,
  );
  const clock = new Clock(`${year + 1}-01-05T01:00:00.000Z`);
  const officer: GeneratedActor = { actorId: `officer-${unit.unitId}`, actorRole: 'unit_officer', unitIds: [unit.unitId] };
  const appraiser: GeneratedActor = { actorId: `appraiser-${unit.provinceId}-${random.int(1, 3)}`, actorRole: 'appraiser', unitIds: '*' };
  const council: GeneratedActor = { actorId: `council-${unit.provinceId}`, actorRole: 'council', unitIds: '*' };
  const approver: GeneratedActor = { actorId: `approver-${unit.provinceId}`, actorRole: 'approver', unitIds: '*' };
  const run = (actor: GeneratedActor, maxMinutes: number, request: Record<string, unknown> & { type: string }) =>
    recorder.run(
      actor,
      clock.tick(random, maxMinutes),
      (context) => ({ ...request, context, criteriaSet: resolved }) as unknown as AssessmentCommand,
      request,
    );
  const chunks: StreamChunk[] = [];
  const stage = () => {
    const chunk = recorder.flush();
    if (chunk) chunks.push(chunk);
  };
  const leaves = listLeaves(resolved.set);
  const skill = 0.75 + random.next() * 0.25;

  // 1. self-assessment
  const admin: GeneratedActor = { actorId: 'admin-ministry', actorRole: 'admin', unitIds: '*' };
  const assessed = { unitId: unit.unitId, level: unit.level, group: unit.group, active: true };
  recorder.run(
    admin,
    clock.tick(random, 60),
    (context) => ({ type: 'OpenAssessment', unitId: unit.unitId, year, unit: assessed, criteriaSet: resolved, context }),
    {
      type: 'OpenAssessment',
      unitId: unit.unitId,
      year,
      criteriaSetCode: resolved.set.code,
    },
  );
  const selfScores = new Map<string, number>();
  for (const leaf of leaves) {
    const score = selfScoreFor(leaf, skill, random);
    if (score === null) continue;
    if (random.chance(0.03) && score > 0)
      run(officer, 240, {
        type: 'RecordSelfScore',
        leafCode: leaf.code,
        score: step25(score / 2),
        evidenceRefs: [`draft-${leaf.code}.pdf`],
        note: 'draft',
      });
    run(officer, 240, {
      type: 'RecordSelfScore',
      leafCode: leaf.code,
      score,
      evidenceRefs: [`${unit.unitId}/${year}/${leaf.code}.pdf`],
      note: random.chance(0.1) ? 'see annex' : null,
    });
    selfScores.set(leaf.code, score);
  }
  run(officer, 600, { type: 'SubmitSelfAssessment' });
  stage();

  // 2. results, appraisal, objections, finalisation
  clock.jumpTo(`${year + 1}-03-01T01:00:00.000Z`);
  for (const leaf of leaves) {
    const s = leaf.scoring;
    if (s.kind === 'survey')
      run(appraiser, 30, {
        type: 'RecordSurveyResult',
        leafCode: leaf.code,
        rawValue: Math.round((s.survey === 'SIPAS' ? 68 + random.next() * 28 : 62 + random.next() * 36) * 100) / 100,
        sampleSize: random.int(300, 1200),
        source: `${s.survey} ${year} national survey`,
      });
    if (s.kind === 'indicator')
      run(appraiser, 30, {
        type: 'RecordIndicatorResult',
        leafCode: leaf.code,
        rawValue: Math.round(random.next() * 120) / 10,
        source: `Statistics office ${year}`,
      });
  }
  const lowered: string[] = [];
  for (const leaf of leaves) {
    if (leaf.scoring.kind !== 'appraised' && !(leaf.scoring.kind === 'deduction' && selfScores.has(leaf.code))) continue;
    const self = selfScores.get(leaf.code) ?? 0;
    let score = self;
    if (leaf.scoring.kind === 'appraised' && self > 0 && random.chance(0.13))
      score = Math.max(0, step25(self * (0.5 + random.next() * 0.3)));
    else if (leaf.scoring.kind === 'appraised' && self < leaf.max && random.chance(0.05)) score = leaf.max;
    if (score < self) lowered.push(leaf.code);
    run(appraiser, 90, {
      type: 'RecordAppraisalScore',
      leafCode: leaf.code,
      score,
      reason: score === self ? null : random.pick(CORRECTION_REASONS),
    });
  }
  if (lowered.length > 0 && random.chance(0.3)) {
    const leafCode = random.pick(lowered);
    const objectionId = `obj-${unit.unitId}-${year}-1`;
    run(officer, 600, {
      type: 'FileObjection',
      objectionId,
      leafCode,
      kind: 'objection',
      text: 'The decision was issued on time; see the attached register.',
      evidenceRefs: [`${unit.unitId}/${year}/objection-1.pdf`],
      proposedScore: selfScores.get(leafCode) ?? null,
    });
    const upheld = random.chance(0.5);
    run(council, 2000, {
      type: 'DecideObjection',
      objectionId,
      outcome: upheld ? 'upheld' : 'rejected',
      reason: upheld ? UPHELD : REJECTED,
      correctedScore: upheld ? (selfScores.get(leafCode) ?? null) : null,
    });
  }
  run(appraiser, 600, { type: 'FinaliseAppraisal' });
  stage();

  // 3. approval and publication
  clock.jumpTo(`${year + 1}-05-15T01:00:00.000Z`);
  run(approver, 600, { type: 'ApproveAssessment', decisionReference: `QD-${year}-${unit.unitId}` });
  run(approver, 600, { type: 'PublishAssessment' });
  stage();

  // 4. a few published results are reopened and corrected
  if (random.chance(0.04)) {
    clock.jumpTo(`${year + 1}-09-01T01:00:00.000Z`);
    const leaf = random.pick(leaves.filter((l) => l.scoring.kind === 'appraised'));
    run(approver, 600, { type: 'ReopenAssessment', reason: `Complaint upheld by the ministry: evidence for ${leaf.code} was overlooked` });
    run(appraiser, 600, {
      type: 'RecordAppraisalScore',
      leafCode: leaf.code,
      score: leaf.max,
      reason: 'Correction after reopening: evidence found in the archive',
    });
    run(appraiser, 600, { type: 'FinaliseAppraisal' });
    run(approver, 600, { type: 'ApproveAssessment', decisionReference: `QD-${year}-${unit.unitId}-r2` });
    run(approver, 600, { type: 'PublishAssessment' });
    stage();
  }
  return chunks;
}
