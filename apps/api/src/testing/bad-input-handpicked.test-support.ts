import { OFFICER } from './bad-input-operations.test-support';
import type { Expected } from './bad-input-values.test-support';
import type { TestActor } from './test-tokens.test-support';

/** A request as raw as a client can make it: any body, any headers, any method. */
export interface RawCase {
  name: string;
  /** null: anonymous; otherwise signed as this actor */
  actor: TestActor | null;
  method?: 'GET' | 'POST';
  /** for GET: the query string; for POST: the raw body */
  body: string;
  headers?: Record<string, string>;
  expected: Expected;
}

const e = (status: number, code: string): Expected => ({ status, codes: [code] });
const json = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });
const m = (name: string, actor: TestActor | null, mutation: string, expected: Expected, headers?: Record<string, string>): RawCase => ({
  name,
  actor,
  body: json(`mutation { ${mutation} { revision } }`),
  expected,
  headers,
});
const q = (name: string, query: string, expected: Expected, actor: TestActor | null = 'admin'): RawCase => ({
  name,
  actor,
  body: json(query),
  expected,
});

/** State rules and not-founds: typed domain codes with their statuses. */
export const DOMAIN_CASES: RawCase[] = [
  m(
    'a self-score above the leaf maximum',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:9)',
    e(400, 'SCORE_ABOVE_MAXIMUM'),
  ),
  m('a negative self-score', OFFICER, 'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:-1)', e(400, 'SCORE_BELOW_FLOOR')),
  m('an unknown leaf', OFFICER, 'recordSelfScore(unitId:"u1", year:2024, leafCode:"ZZ", points:1)', e(404, 'LEAF_NOT_FOUND')),
  m(
    'a leaf coded "constructor" that does not exist',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"constructor", points:1)',
    e(404, 'LEAF_NOT_FOUND'),
  ),
  m(
    'a self-score on a survey leaf',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"S1", points:1)',
    e(400, 'LEAF_KIND_MISMATCH'),
  ),
  m(
    'a self-score after submission',
    OFFICER,
    'recordSelfScore(unitId:"u2", year:2024, leafCode:"A1", points:1)',
    e(409, 'SELF_SCORING_CLOSED'),
  ),
  m(
    'a stale expectedRevision',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:1, expectedRevision:"7")',
    e(409, 'CONCURRENCY_CONFLICT'),
  ),
  m(
    'a self-score for a unit the officer does not act for',
    { role: 'unit_officer', units: ['u2'] },
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:1)',
    e(403, 'FORBIDDEN_FOR_UNIT'),
  ),
  m(
    'a self-score for an assessment never opened',
    OFFICER,
    'recordSelfScore(unitId:"u3", year:2024, leafCode:"A1", points:1)',
    e(409, 'ASSESSMENT_NOT_OPEN'),
  ),
  m(
    'a self-score by an appraiser',
    'appraiser',
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:1)',
    e(403, 'FORBIDDEN_FOR_ROLE'),
  ),
  m('a command without a token', null, 'renameUnit(unitId:"u1", name:"x")', e(401, 'UNAUTHENTICATED')),
  m('a command with a forged token', null, 'renameUnit(unitId:"u1", name:"x")', e(401, 'UNAUTHENTICATED'), {
    authorization: 'Bearer not.a.jwt',
  }),
  m(
    'an idempotency key of 500 characters',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:1)',
    e(400, 'BAD_USER_INPUT'),
    { 'idempotency-key': 'k'.repeat(500) },
  ),
  m(
    'an expectedRevision literal "abc"',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:1, expectedRevision:"abc")',
    e(400, 'BAD_USER_INPUT'),
  ),
  m(
    'points 1e308 as a literal',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:1e308)',
    e(400, 'VALIDATION_FAILED'),
  ),
  m(
    'points 1e999 (infinite) as a literal',
    OFFICER,
    'recordSelfScore(unitId:"u1", year:2024, leafCode:"A1", points:1e999)',
    e(400, 'VALIDATION_FAILED'),
  ),
  m('renaming a unit never registered', 'admin', 'renameUnit(unitId:"nobody", name:"x")', e(404, 'UNIT_NOT_REGISTERED')),
  m(
    'registering a registered unit differently',
    'admin',
    'registerUnit(input:{unitId:"u1", name:"Other", level:"province", group:"provinces"})',
    e(409, 'UNIT_ALREADY_REGISTERED'),
  ),
  m('merging a unit into itself', 'admin', 'mergeUnit(unitId:"u1", intoId:"u1")', e(400, 'MERGE_INTO_SELF')),
  m(
    'drafting an existing set',
    'admin',
    'draftCriteriaSet(input:{code:"PAR", year:2024, level:"province", name:"again"})',
    e(409, 'CRITERIA_SET_ALREADY_DRAFTED'),
  ),
  m('publishing a set never drafted', 'admin', 'publishCriteriaSet(code:"NOPE")', e(404, 'CRITERIA_SET_NOT_DRAFTED')),
  m(
    'replacing the tree of a published set',
    'admin',
    'replaceCriteriaTree(input:{code:"PAR", fields:[{code:"F1", name:"F", criteria:[{code:"C", name:"C", leaves:[{code:"L", name:"L", max:1, kind:"appraised"}]}]}]})',
    e(409, 'CRITERIA_SET_FROZEN'),
  ),
  m(
    'a leaf worth 1e308 points',
    'admin',
    'replaceCriteriaTree(input:{code:"DRAFT-SET", fields:[{code:"F1", name:"F", criteria:[{code:"C", name:"C", leaves:[{code:"L", name:"L", max:1e308, kind:"appraised"}]}]}]})',
    e(400, 'VALIDATION_FAILED'),
  ),
  m(
    'a leaf of an unknown kind',
    'admin',
    'replaceCriteriaTree(input:{code:"DRAFT-SET", fields:[{code:"F1", name:"F", criteria:[{code:"C", name:"C", leaves:[{code:"L", name:"L", max:1, kind:"bogus"}]}]}]})',
    e(400, 'BAD_USER_INPUT'),
  ),
  m(
    'a survey leaf without a rule',
    'admin',
    'replaceCriteriaTree(input:{code:"DRAFT-SET", fields:[{code:"F1", name:"F", criteria:[{code:"C", name:"C", leaves:[{code:"L", name:"L", max:1, kind:"survey", survey:"S"}]}]}]})',
    e(400, 'VALIDATION_FAILED'),
  ),
  m(
    'a criterion without leaves',
    'admin',
    'replaceCriteriaTree(input:{code:"DRAFT-SET", fields:[{code:"F1", name:"F", criteria:[{code:"C", name:"C", leaves:[]}]}]})',
    e(400, 'BAD_USER_INPUT'),
  ),
  m(
    'opening against a version never published',
    'admin',
    'openAssessment(unitId:"u3", year:2024, criteriaSetCode:"PAR", criteriaSetVersion:99)',
    e(409, 'CRITERIA_SET_NOT_PUBLISHED'),
  ),
  m(
    'opening against a set never drafted',
    'admin',
    'openAssessment(unitId:"u3", year:2024, criteriaSetCode:"NOPE")',
    e(409, 'CRITERIA_SET_NOT_PUBLISHED'),
  ),
  m(
    'deciding an objection never filed',
    'council',
    'decideObjection(unitId:"u2", year:2024, objectionId:"o9", outcome:"rejected", reason:"r")',
    e(404, 'OBJECTION_NOT_FOUND'),
  ),
  m(
    'deciding an objection named "constructor"',
    'council',
    'decideObjection(unitId:"u2", year:2024, objectionId:"constructor", outcome:"rejected", reason:"r")',
    e(404, 'OBJECTION_NOT_FOUND'),
  ),
  m(
    'rejecting an objection with a corrected score',
    'council',
    'decideObjection(unitId:"u2", year:2024, objectionId:"o1", outcome:"rejected", reason:"r", correctedPoints:1)',
    e(400, 'VALIDATION_FAILED'),
  ),
  m(
    'objecting to a leaf never appraised',
    OFFICER,
    'fileObjection(unitId:"u2", year:2024, objectionId:"o5", leafCode:"A2", kind:"objection", text:"t")',
    e(409, 'NO_APPRAISAL_TO_OBJECT'),
  ),
  m(
    'an appraisal that differs without a reason',
    'appraiser',
    'recordAppraisalScore(unitId:"u2", year:2024, leafCode:"A2", points:1)',
    e(400, 'APPRAISAL_REASON_REQUIRED'),
  ),
  m('finalising with an objection pending', 'appraiser', 'finaliseAppraisal(unitId:"u2", year:2024)', e(409, 'OBJECTIONS_PENDING')),
  m(
    'approving an appraisal not final',
    'approver',
    'approveAssessment(unitId:"u2", year:2024, decisionReference:"QD-9")',
    e(409, 'APPRAISAL_NOT_FINAL'),
  ),
  m('publishing an assessment not approved', 'approver', 'publishAssessment(unitId:"u2", year:2024)', e(409, 'ASSESSMENT_NOT_APPROVED')),
  m(
    'submitting an incomplete self-assessment',
    OFFICER,
    'submitSelfAssessment(unitId:"u1", year:2024)',
    e(409, 'SELF_ASSESSMENT_INCOMPLETE'),
  ),
  m(
    'a survey result on an appraised leaf',
    'appraiser',
    'recordSurveyResult(unitId:"u1", year:2024, leafCode:"A1", rawValue:50, sampleSize:10, source:"s")',
    e(400, 'LEAF_KIND_MISMATCH'),
  ),
  q('verifying a stream that does not exist', '{ verifyAuditTrail(streamName:"no-such-stream") { ok } }', e(404, 'NOT_FOUND')),
  q('whole-store verification by an appraiser', '{ verifyAuditTrail { ok } }', e(403, 'FORBIDDEN_FOR_ROLE'), 'appraiser'),
  q('the audit trail without a token', '{ assessmentHistory(unitId:"u1", year:2024) { type } }', e(401, 'UNAUTHENTICATED'), null),
];

const many = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');

/** The HTTP layer and the GraphQL request layer. */
export const HTTP_CASES: RawCase[] = [
  { name: 'malformed JSON', actor: 'admin', body: '{"query": ', expected: e(400, 'BAD_REQUEST') },
  {
    name: 'a 2 MB body',
    actor: 'admin',
    body: json(`{ ranking(year:2024, level:"province", group:"${'g'.repeat(2_000_000)}") { live } }`),
    expected: e(413, 'PAYLOAD_TOO_LARGE'),
  },
  {
    name: 'a 20 KB header',
    actor: 'admin',
    body: json('{ verifyAuditTrail { ok } }'),
    headers: { 'x-padding': 'p'.repeat(20_000) },
    expected: e(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE'),
  },
  { name: 'a JSON array (batching)', actor: 'admin', body: '[]', expected: e(400, 'BAD_REQUEST') },
  { name: 'a JSON string', actor: 'admin', body: '"query"', expected: e(400, 'BAD_REQUEST') },
  { name: 'a query that is a number', actor: 'admin', body: '{"query": 5}', expected: e(400, 'BAD_REQUEST') },
  { name: 'an empty object', actor: 'admin', body: '{}', expected: e(400, 'BAD_REQUEST') },
  {
    name: 'variables that are a string',
    actor: 'admin',
    body: JSON.stringify({ query: '{ verifyAuditTrail { ok } }', variables: 'x' }),
    expected: e(400, 'BAD_REQUEST'),
  },
  {
    name: 'text/plain (CSRF guard)',
    actor: 'admin',
    body: json('{ verifyAuditTrail { ok } }'),
    headers: { 'content-type': 'text/plain' },
    expected: e(400, 'BAD_REQUEST'),
  },
  {
    name: 'an unsupported charset',
    actor: 'admin',
    body: json('{ verifyAuditTrail { ok } }'),
    headers: { 'content-type': 'application/json; charset=ebcdic' },
    expected: e(415, 'UNSUPPORTED_MEDIA_TYPE'),
  },
  {
    name: 'a mutation over GET',
    actor: 'admin',
    method: 'GET',
    body: `query=${encodeURIComponent('mutation { publishCriteriaSet(code:"DRAFT-SET") { revision } }')}`,
    expected: e(405, 'BAD_REQUEST'),
  },
  {
    name: 'an operationName not in the document',
    actor: 'admin',
    body: json('query A { verifyAuditTrail { ok } }', { operationName: 'B' }),
    expected: e(400, 'OPERATION_RESOLUTION_FAILURE'),
  },
  {
    name: 'an operationName for an anonymous operation',
    actor: 'admin',
    body: json('{ verifyAuditTrail { ok } }', { operationName: 'B' }),
    expected: e(400, 'OPERATION_RESOLUTION_FAILURE'),
  },
  {
    name: 'two operations and no operationName',
    actor: 'admin',
    body: json('query A { verifyAuditTrail { ok } } query B { verifyAuditTrail { ok } }'),
    expected: e(400, 'OPERATION_RESOLUTION_FAILURE'),
  },
  {
    name: 'an operationName that is a number',
    actor: 'admin',
    body: json('query A { verifyAuditTrail { ok } }', { operationName: 7 }),
    expected: e(400, 'BAD_REQUEST'),
  },
  q('a syntax error', '{ ranking(', e(400, 'GRAPHQL_PARSE_FAILED')),
  q('a lone surrogate escape in a literal', '{ scorecard(unitId:"\\uD800", year:2024) { total } }', e(400, 'GRAPHQL_PARSE_FAILED')),
  q('a NUL escape in a literal', '{ scorecard(unitId:"a\\u0000b", year:2024) { total } }', e(400, 'BAD_USER_INPUT')),
  q('an unknown field', '{ nope }', e(400, 'GRAPHQL_VALIDATION_FAILED')),
  q('a wrong literal type', '{ ranking(year:"2024", level:"province", group:"provinces") { live } }', e(400, 'GRAPHQL_VALIDATION_FAILED')),
  q('an undeclared variable', '{ ranking(year:$y, level:"province", group:"provinces") { live } }', e(400, 'GRAPHQL_VALIDATION_FAILED')),
  q(
    'a 1000-row page with nested field scores',
    '{ ranking(year:2024, level:"province", group:"provinces", first:1000) { rows { unit { id name } points index rank fields { code points rank } } } }',
    e(400, 'QUERY_TOO_COMPLEX'),
  ),
  q(
    'whole-store verification twice under aliases',
    '{ a: verifyAuditTrail { ok } b: verifyAuditTrail { ok } }',
    e(400, 'QUERY_TOO_COMPLEX'),
  ),
  q(
    'whole-store verification twice through a fragment',
    'query { ...V ...W } fragment V on Query { a: verifyAuditTrail { ok } } fragment W on Query { b: verifyAuditTrail { ok } }',
    e(400, 'QUERY_TOO_COMPLEX'),
  ),
  q(
    '200 aliased stream verifications',
    `{ ${many(200, (i) => `v${i}: verifyAuditTrail(streamName:"assessment-u1-2024") { ok }`)} }`,
    e(400, 'QUERY_TOO_COMPLEX'),
  ),
  q(
    '300 aliased histories',
    `{ ${many(300, (i) => `h${i}: assessmentHistory(unitId:"u1", year:2024) { type }`)} }`,
    e(400, 'QUERY_TOO_COMPLEX'),
  ),
  q(
    'a query of 3,000 fields',
    `{ scorecard(unitId:"u1", year:2024) { ${many(3000, (i) => `t${i}: total`)} } }`,
    e(400, 'QUERY_TOO_COMPLEX'),
  ),
];
