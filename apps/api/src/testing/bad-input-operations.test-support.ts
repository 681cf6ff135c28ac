import type { ArgKind } from './bad-input-values.test-support';
import type { TestActor } from './test-tokens.test-support';

/**
 * Every mutation and query with a valid set of arguments against the corpus fixture (see
 * BAD_INPUT_SETUP) and the kind of each argument. A case replaces one argument (or one field of
 * an input object) with a bad value.
 */
export interface ArgSpec {
  type: string;
  valid: unknown;
  kind?: ArgKind;
  /** for input objects: the kind of each field, and which fields are required */
  fields?: Record<string, { kind: ArgKind; required: boolean }>;
}
export interface OperationSpec {
  field: string;
  operation: 'mutation' | 'query';
  actor: TestActor;
  args: Record<string, ArgSpec>;
  selection: string;
}

export const OFFICER: TestActor = { role: 'unit_officer', units: ['u1', 'u2', 'u3'], sub: 'corpus-officer' };

const leaf = (code: string, max: number, extra = '') => `{code:"${code}", name:"Leaf ${code}", max:${max}, kind:"appraised"${extra}}`;
export const TREE = `[
  {code:"F1", name:"Direction", criteria:[{code:"F1.1", name:"Plan", leaves:[${leaf('A1', 1.5)}, ${leaf('A2', 2)}]}]},
  {code:"F8", name:"Impact", criteria:[{code:"F8.1", name:"Surveys and indicators", leaves:[
    {code:"S1", name:"SIPAS", max:10, kind:"survey", survey:"SIPAS", rule:{kind:"linear", from:50, to:100}},
    {code:"I1", name:"GRDP", max:3, kind:"indicator", indicator:"GRDP", rule:{kind:"bands", bands:[{min:0, points:1}, {min:5, points:3}]}}]}]}]`;
const VALID_FIELDS = [
  {
    code: 'F1',
    name: 'Direction',
    criteria: [{ code: 'F1.1', name: 'Plan', leaves: [{ code: 'A1', name: 'Leaf A1', max: 1.5, kind: 'appraised' }] }],
  },
];

/** Setup mutations (admin unless an actor is given): a published set, units u1..u4, u1 in self-assessment, u2 in appraisal. */
export const BAD_INPUT_SETUP: [string, TestActor?][] = [
  [`mutation { draftCriteriaSet(input:{code:"PAR", year:2024, level:"province", name:"PAR 2024"}) { revision } }`],
  [`mutation { replaceCriteriaTree(input:{code:"PAR", fields:${TREE}}) { revision } }`],
  [`mutation { publishCriteriaSet(code:"PAR") { revision } }`],
  [`mutation { draftCriteriaSet(input:{code:"DRAFT-SET", year:2024, level:"province", name:"Draft"}) { revision } }`],
  ...['u1', 'u2', 'u3', 'u4'].map((id): [string] => [
    `mutation { registerUnit(input:{unitId:"${id}", name:"Unit ${id}", level:"province", group:"provinces"}) { revision } }`,
  ]),
  ...['u1', 'u2'].map((id): [string] => [`mutation { openAssessment(unitId:"${id}", year:2024, criteriaSetCode:"PAR") { revision } }`]),
  [`mutation { recordSelfScore(unitId:"u2", year:2024, leafCode:"A1", points:1.5) { revision } }`, OFFICER],
  [`mutation { recordSelfScore(unitId:"u2", year:2024, leafCode:"A2", points:2) { revision } }`, OFFICER],
  [`mutation { submitSelfAssessment(unitId:"u2", year:2024) { revision } }`, OFFICER],
  [`mutation { recordAppraisalScore(unitId:"u2", year:2024, leafCode:"A1", points:1.5) { revision } }`, 'appraiser'],
  [
    `mutation { fileObjection(unitId:"u2", year:2024, objectionId:"o1", leafCode:"A1", kind:"objection", text:"too low") { revision } }`,
    OFFICER,
  ],
];

const S = (valid: unknown, kind: ArgKind, required = true): ArgSpec => ({ type: required ? 'String!' : 'String', valid, kind });
const I = (valid: unknown, kind: ArgKind, required = true): ArgSpec => ({ type: required ? 'Int!' : 'Int', valid, kind });
const F = (valid: unknown, kind: ArgKind, required = true): ArgSpec => ({ type: required ? 'Float!' : 'Float', valid, kind });
const unitYear = (unitId: string) => ({ unitId: S(unitId, 'id'), year: I(2024, 'year') });
const REFS: ArgSpec = { type: '[String!]', valid: ['doc-1'], kind: 'refs' };
const REVISION = S(null, 'revision', false);

const mutation = (field: string, actor: TestActor, args: Record<string, ArgSpec>): OperationSpec => ({
  field,
  operation: 'mutation',
  actor,
  args,
  selection: '{ revision }',
});

export const OPERATIONS: OperationSpec[] = [
  mutation('draftCriteriaSet', 'admin', {
    input: {
      type: 'DraftCriteriaSetInput!',
      valid: { code: 'NEW-SET', year: 2024, level: 'province', name: 'New' },
      fields: {
        code: { kind: 'id', required: true },
        year: { kind: 'year', required: true },
        level: { kind: 'choice', required: true },
        name: { kind: 'name', required: true },
      },
    },
  }),
  mutation('replaceCriteriaTree', 'admin', {
    input: {
      type: 'CriteriaTreeInput!',
      valid: { code: 'DRAFT-SET', fields: VALID_FIELDS },
      fields: { code: { kind: 'id', required: true }, fields: { kind: 'tree', required: true } },
    },
    expectedRevision: REVISION,
  }),
  mutation('publishCriteriaSet', 'admin', { code: S('DRAFT-SET', 'id') }),
  mutation('reviseCriteriaSet', 'admin', {
    input: {
      type: 'CriteriaTreeInput!',
      valid: { code: 'PAR', fields: VALID_FIELDS },
      fields: { code: { kind: 'id', required: true }, fields: { kind: 'tree', required: true } },
    },
    reason: S('methodology change', 'text'),
  }),
  mutation('retireCriteriaSet', 'admin', { code: S('PAR', 'id'), reason: S('superseded', 'text') }),
  mutation('registerUnit', 'admin', {
    input: {
      type: 'RegisterUnitInput!',
      valid: { unitId: 'u9', name: 'Unit 9', level: 'province', group: 'provinces', region: 'North', parentId: null },
      fields: {
        unitId: { kind: 'id', required: true },
        name: { kind: 'name', required: true },
        level: { kind: 'choice', required: true },
        group: { kind: 'id', required: true },
        region: { kind: 'name', required: false },
        parentId: { kind: 'id', required: false },
      },
    },
  }),
  mutation('renameUnit', 'admin', { unitId: S('u1', 'id'), name: S('Unit one', 'name') }),
  mutation('moveUnitToGroup', 'admin', { unitId: S('u1', 'id'), group: S('cities', 'id') }),
  mutation('mergeUnit', 'admin', { unitId: S('u4', 'id'), intoId: S('u3', 'id') }),
  mutation('deactivateUnit', 'admin', { unitId: S('u4', 'id'), reason: S('dissolved', 'text') }),
  mutation('openAssessment', 'admin', {
    ...unitYear('u3'),
    criteriaSetCode: S('PAR', 'id'),
    criteriaSetVersion: I(null, 'version', false),
  }),
  mutation('recordSelfScore', OFFICER, {
    ...unitYear('u1'),
    leafCode: S('A1', 'id'),
    points: F(1, 'points'),
    evidenceRefs: REFS,
    note: S(null, 'text', false),
    expectedRevision: REVISION,
  }),
  mutation('submitSelfAssessment', OFFICER, unitYear('u1')),
  mutation('recordAppraisalScore', 'appraiser', {
    ...unitYear('u2'),
    leafCode: S('A2', 'id'),
    points: F(2, 'points'),
    reason: S(null, 'text', false),
    expectedRevision: REVISION,
  }),
  mutation('fileObjection', OFFICER, {
    ...unitYear('u2'),
    objectionId: S('o2', 'id'),
    leafCode: S('A2', 'id'),
    kind: S('explanation', 'choice'),
    text: S('context', 'text'),
    evidenceRefs: REFS,
    proposedPoints: F(null, 'points', false),
  }),
  mutation('decideObjection', 'council', {
    ...unitYear('u2'),
    objectionId: S('o1', 'id'),
    outcome: S('rejected', 'choice'),
    reason: S('no basis', 'text'),
    correctedPoints: F(null, 'points', false),
  }),
  mutation('recordSurveyResult', 'appraiser', {
    ...unitYear('u1'),
    leafCode: S('S1', 'id'),
    rawValue: F(75, 'rawValue'),
    sampleSize: I(100, 'count'),
    source: S('SIPAS report', 'text'),
  }),
  mutation('recordIndicatorResult', 'appraiser', {
    ...unitYear('u1'),
    leafCode: S('I1', 'id'),
    rawValue: F(6, 'indicator'),
    source: S('GSO', 'text'),
  }),
  mutation('moveAssessmentToCriteriaVersion', 'admin', {
    ...unitYear('u1'),
    reason: S('revision 2', 'text'),
    version: I(null, 'version', false),
  }),
  {
    field: 'moveAssessmentsToCriteriaVersion',
    operation: 'mutation',
    actor: 'admin',
    args: { criteriaSetCode: S('PAR', 'id'), reason: S('revision 2', 'text'), version: I(null, 'version', false) },
    selection: '{ failed { code } }',
  },
  mutation('finaliseAppraisal', 'appraiser', unitYear('u2')),
  mutation('approveAssessment', 'approver', { ...unitYear('u2'), decisionReference: S('QD-1', 'name') }),
  mutation('publishAssessment', 'approver', unitYear('u2')),
  mutation('reopenAssessment', 'approver', { ...unitYear('u2'), reason: S('correction', 'text') }),
  { field: 'scorecard', operation: 'query', actor: 'admin', args: unitYear('u1'), selection: '{ total }' },
  {
    field: 'ranking',
    operation: 'query',
    actor: 'admin',
    args: { year: I(2024, 'year'), level: S('province', 'choice'), group: S('provinces', 'id'), first: I(10, 'page', false) },
    selection: '{ live }',
  },
  {
    field: 'assessmentHistory',
    operation: 'query',
    actor: 'admin',
    args: { ...unitYear('u1'), asOf: S(null, 'instant', false) },
    selection: '{ type }',
  },
  {
    field: 'auditTimeline',
    operation: 'query',
    actor: 'admin',
    args: { ...unitYear('u1'), leafCode: S(null, 'id', false) },
    selection: '{ eventType }',
  },
  {
    field: 'scorecardAsOf',
    operation: 'query',
    actor: 'admin',
    args: { ...unitYear('u1'), asOf: S('2099-01-01T00:00:00Z', 'instant') },
    selection: '{ total }',
  },
  {
    field: 'rankingAsOf',
    operation: 'query',
    actor: 'admin',
    args: {
      year: I(2024, 'year'),
      level: S('province', 'choice'),
      group: S('provinces', 'id'),
      asOf: S('2099-01-01T00:00:00Z', 'instant'),
      first: I(10, 'page', false),
    },
    selection: '{ unitId }',
  },
  mutation('markLeafNotApplicable', OFFICER, {
    ...unitYear('u1'),
    leafCode: S('A1', 'id'),
    reason: S('no such activity this year', 'text'),
  }),
  mutation('markLeafApplicable', OFFICER, { ...unitYear('u1'), leafCode: S('A1', 'id'), reason: S('it applies after all', 'text') }),
  {
    field: 'verifyAuditTrail',
    operation: 'query',
    actor: 'admin',
    args: { streamName: S('assessment-u1-2024', 'id', false) },
    selection: '{ ok }',
  },
];
