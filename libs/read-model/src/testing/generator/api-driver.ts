import { createHmac } from 'node:crypto';
import { parseAssessmentStreamName } from '@par-index/domain';
import type { CriteriaNode, CriterionGroup, LeafCriterion } from '@par-index/scoring';
import type { GeneratedPhase } from './generate';
import type { GeneratedActor, IssuedCommand } from './stream-recorder';

const pts = (hundredths: unknown) => (hundredths === null || hundredths === undefined ? null : Number(hundredths) / 100);
const RESULT = '{ revision projected }';
const UNIT_YEAR = '$unitId: String!, $year: Int!';
const AT = 'unitId: $unitId, year: $year';

function leafInput(leaf: LeafCriterion): Record<string, unknown> {
  const s = leaf.scoring;
  const base = { code: leaf.code, name: leaf.name, max: leaf.max / 100, kind: s.kind };
  if (s.kind === 'deduction') return { ...base, floor: s.floor / 100 };
  if (s.kind === 'appraised') return base;
  const rule =
    s.rule.kind === 'linear' ? s.rule : { kind: 'bands', bands: s.rule.bands.map((b) => ({ min: b.min, points: b.points / 100 })) };
  return { ...base, rule, ...(s.kind === 'survey' ? { survey: s.survey } : { indicator: s.indicator }) };
}

function fieldsInput(fields: CriterionGroup[]): unknown[] {
  return fields.map((field) => ({
    code: field.code,
    name: field.name,
    criteria: field.children.map((c: CriteriaNode) => ({
      code: c.code,
      name: c.name,
      leaves: (c as CriterionGroup).children.map((l) => leafInput(l as LeafCriterion)),
    })),
  }));
}

/** The GraphQL mutation (and its variables) that issues a generated command through the public API. */
export function toMutation(issued: IssuedCommand): { query: string; variables: Record<string, unknown> } {
  const c = issued.command;
  const target = parseAssessmentStreamName(issued.streamName);
  const at = target ? { unitId: target.unitId, year: target.year } : {};
  const m = (signature: string, call: string, variables: Record<string, unknown>) => ({
    query: `mutation(${signature}) { ${call} ${RESULT} }`,
    variables,
  });
  switch (c.type) {
    case 'DraftCriteriaSet':
      return m('$input: DraftCriteriaSetInput!', 'draftCriteriaSet(input: $input)', {
        input: { code: c.code, year: c.year, level: c.level, name: c.name },
      });
    case 'ReplaceCriteriaTree':
      return m('$input: CriteriaTreeInput!', 'replaceCriteriaTree(input: $input)', {
        input: { code: c.code, fields: fieldsInput(c.fields as CriterionGroup[]) },
      });
    case 'PublishCriteriaSet':
      return m('$code: String!', 'publishCriteriaSet(code: $code)', { code: c.code });
    case 'RegisterUnit':
      return m('$input: RegisterUnitInput!', 'registerUnit(input: $input)', {
        input: { unitId: c.unitId, name: c.name, level: c.level, group: c.group, region: c.region, parentId: c.parentId },
      });
    case 'OpenAssessment':
      return m(`${UNIT_YEAR}, $code: String!`, `openAssessment(${AT}, criteriaSetCode: $code)`, {
        unitId: c.unitId,
        year: c.year,
        code: c.criteriaSetCode,
      });
    case 'RecordSelfScore':
      return m(
        `${UNIT_YEAR}, $leafCode: String!, $points: Float!, $evidenceRefs: [String!], $note: String`,
        `recordSelfScore(${AT}, leafCode: $leafCode, points: $points, evidenceRefs: $evidenceRefs, note: $note)`,
        { ...at, leafCode: c.leafCode, points: pts(c.score), evidenceRefs: c.evidenceRefs, note: c.note },
      );
    case 'SubmitSelfAssessment':
      return m(UNIT_YEAR, `submitSelfAssessment(${AT})`, at);
    case 'RecordAppraisalScore':
      return m(
        `${UNIT_YEAR}, $leafCode: String!, $points: Float!, $reason: String`,
        `recordAppraisalScore(${AT}, leafCode: $leafCode, points: $points, reason: $reason)`,
        { ...at, leafCode: c.leafCode, points: pts(c.score), reason: c.reason },
      );
    case 'FileObjection':
      return m(
        `${UNIT_YEAR}, $objectionId: String!, $leafCode: String!, $kind: String!, $text: String!, $evidenceRefs: [String!], $proposedPoints: Float`,
        `fileObjection(${AT}, objectionId: $objectionId, leafCode: $leafCode, kind: $kind, text: $text, evidenceRefs: $evidenceRefs, proposedPoints: $proposedPoints)`,
        {
          ...at,
          objectionId: c.objectionId,
          leafCode: c.leafCode,
          kind: c.kind,
          text: c.text,
          evidenceRefs: c.evidenceRefs,
          proposedPoints: pts(c.proposedScore),
        },
      );
    case 'DecideObjection':
      return m(
        `${UNIT_YEAR}, $objectionId: String!, $outcome: String!, $reason: String!, $correctedPoints: Float`,
        `decideObjection(${AT}, objectionId: $objectionId, outcome: $outcome, reason: $reason, correctedPoints: $correctedPoints)`,
        { ...at, objectionId: c.objectionId, outcome: c.outcome, reason: c.reason, correctedPoints: pts(c.correctedScore) },
      );
    case 'RecordSurveyResult':
      return m(
        `${UNIT_YEAR}, $leafCode: String!, $rawValue: Float!, $sampleSize: Int!, $source: String!`,
        `recordSurveyResult(${AT}, leafCode: $leafCode, rawValue: $rawValue, sampleSize: $sampleSize, source: $source)`,
        { ...at, leafCode: c.leafCode, rawValue: c.rawValue, sampleSize: c.sampleSize, source: c.source },
      );
    case 'RecordIndicatorResult':
      return m(
        `${UNIT_YEAR}, $leafCode: String!, $rawValue: Float!, $source: String!`,
        `recordIndicatorResult(${AT}, leafCode: $leafCode, rawValue: $rawValue, source: $source)`,
        { ...at, leafCode: c.leafCode, rawValue: c.rawValue, source: c.source },
      );
    case 'FinaliseAppraisal':
      return m(UNIT_YEAR, `finaliseAppraisal(${AT})`, at);
    case 'ApproveAssessment':
      return m(`${UNIT_YEAR}, $ref: String!`, `approveAssessment(${AT}, decisionReference: $ref)`, { ...at, ref: c.decisionReference });
    case 'PublishAssessment':
      return m(UNIT_YEAR, `publishAssessment(${AT})`, at);
    case 'ReopenAssessment':
      return m(`${UNIT_YEAR}, $reason: String!`, `reopenAssessment(${AT}, reason: $reason)`, { ...at, reason: c.reason });
    default:
      throw new Error(`the API driver cannot issue ${c.type}`);
  }
}

/** An HS256 bearer token for a generated actor, signed with the API's secret (AUTH_JWT_SECRET or the embedded one). */
export function signActorToken(actor: GeneratedActor, secret: string, lifetimeSeconds = 8 * 3600): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: actor.actorId,
    roles: [actor.actorRole],
    units: actor.unitIds === '*' ? [] : [...actor.unitIds],
    iat: now,
    exp: now + lifetimeSeconds,
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * Replays generated phases through the public GraphQL API: each stream's commands in order, up to
 * `concurrency` streams at a time, phases one after another. Any GraphQL error stops the run.
 */
export async function driveApi(
  phases: Iterable<GeneratedPhase>,
  options: { url: string; secret: string; concurrency?: number; onPhase?: (phase: GeneratedPhase, commands: number) => void },
): Promise<{ commands: number; seconds: number }> {
  const tokens = new Map<string, string>();
  const tokenFor = (actor: GeneratedActor) => {
    const key = `${actor.actorId}/${actor.actorRole}`;
    if (!tokens.has(key)) tokens.set(key, signActorToken(actor, options.secret));
    return tokens.get(key)!;
  };
  const started = Date.now();
  let commands = 0;
  for (const phase of phases) {
    let next = 0;
    const worker = async () => {
      while (next < phase.chunks.length) {
        for (const issued of phase.chunks[next++]!.commands) {
          const response = await fetch(options.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(issued.actor)}` },
            body: JSON.stringify(toMutation(issued)),
          });
          const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
          if (body.errors?.length)
            throw new Error(
              `${issued.command.type} on ${issued.streamName}: ${body.errors[0]!.extensions?.code ?? ''} ${body.errors[0]!.message}`,
            );
          commands += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, phase.chunks.length) }, worker));
    options.onPhase?.(phase, commands);
  }
  return { commands, seconds: (Date.now() - started) / 1000 };
}
