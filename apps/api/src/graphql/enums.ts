import { registerEnumType } from '@nestjs/graphql';
import { ACTOR_ROLES, ASSESSMENT_STATUSES } from '@par-index/domain';
import { ASSESSED_LEVELS } from '@par-index/scoring';

/**
 * Output enums of the schema. Value names are the strings the API has always returned (lowercase),
 * so responses stay byte-identical; arguments stay strings validated at the edge (typed
 * BAD_USER_INPUT errors instead of GraphQL validation failures).
 */
function enumOf<const T extends string>(
  values: readonly T[],
  name: string,
  description: string,
  valueDescriptions: Record<T, string>,
): Record<T, T> {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
  const valuesMap = Object.fromEntries(values.map((value) => [value, { description: valueDescriptions[value] }]));
  registerEnumType(enumObject, { name, description, valuesMap: valuesMap as never });
  return enumObject;
}

export const Level = enumOf(ASSESSED_LEVELS, 'Level', 'The level of administration a unit (and a criteria set) belongs to.', {
  province: 'a province or centrally run city',
  ministry: 'a ministry or ministry-level agency',
  department: 'a department of a province',
  district: 'a district of a province',
  commune: 'a commune of a district',
  central_agency: 'an agency under the government',
});

/** The workflow states of an assessment: the domain's one vocabulary (ASSESSMENT_STATUSES in libs/domain). */
export const AssessmentStatus = enumOf(ASSESSMENT_STATUSES, 'AssessmentStatus', 'Where an assessment is in the yearly workflow.', {
  self_assessment: 'opened: the unit records its self-assessment',
  appraisal:
    'self-assessment submitted, or reopened after approval or publication (a correction or a criteria revision): appraisal under way',
  appraisal_final: 'appraisal finalised, awaiting approval',
  approved: 'approved, not yet published',
  published: 'published: the public result',
});

export const Role = enumOf(ACTOR_ROLES, 'Role', 'A role a caller acts in (from its bearer token).', {
  unit_officer: "records its own units' self-assessments and objections",
  appraiser: 'appraises and finalises',
  council: 'decides objections',
  approver: 'approves and publishes',
  admin: 'manages criteria sets, units and assessments',
  auditor: 'reads everything, writes nothing',
});

export const LEAF_KINDS = ['appraised', 'survey', 'indicator', 'deduction'] as const;
export const LeafKind = enumOf(LEAF_KINDS, 'LeafKind', 'How a leaf (component criterion) is scored.', {
  appraised: 'self-scored, then appraised',
  survey: 'converted from a survey result (e.g. SIPAS)',
  indicator: 'converted from an indicator value',
  deduction: 'points taken away, down to a floor',
});

export const CriteriaNodeKind = enumOf(
  ['group', ...LEAF_KINDS] as const,
  'CriteriaNodeKind',
  'A node of a criteria tree: a group (field or criterion) or a leaf of some kind.',
  {
    group: 'a field or criterion grouping other nodes',
    appraised: 'an appraised leaf',
    survey: 'a survey leaf',
    indicator: 'an indicator leaf',
    deduction: 'a deduction leaf',
  },
);

export const ObjectionOutcome = enumOf(['upheld', 'rejected'] as const, 'ObjectionOutcome', "The council's decision on an objection.", {
  upheld: 'the objection was accepted (possibly with a corrected score)',
  rejected: 'the objection was turned down',
});

export const ObjectionKind = enumOf(
  ['explanation', 'objection'] as const,
  'ObjectionKind',
  'What a unit filed against an appraised score.',
  {
    explanation: 'a request for an explanation',
    objection: 'an objection asking for a different score',
  },
);

export const UnitStatus = enumOf(['active', 'merged', 'inactive'] as const, 'UnitStatus', 'Whether a unit is still assessed.', {
  active: 'assessed',
  merged: 'merged into another unit',
  inactive: 'deactivated',
});

export const CriteriaSetStatus = enumOf(['published', 'retired'] as const, 'CriteriaSetStatus', 'The state of a criteria-set version.', {
  published: 'in force: assessments may be opened against it',
  retired: 'superseded: no new assessments',
});

export const FieldDirection = enumOf(
  ['higher', 'lower', 'same', 'added', 'removed', 'not_comparable'] as const,
  'FieldDirection',
  "How a field's index moved against the previous year.",
  {
    higher: 'higher index',
    lower: 'lower index',
    same: 'the same index',
    added: 'new this year',
    removed: 'only in the previous year',
    not_comparable: 'no applicable maximum in one of the years',
  },
);

export const ChangeStatus = enumOf(
  ['changed', 'added', 'removed'] as const,
  'ChangeStatus',
  'Whether a node exists in both years compared.',
  {
    changed: 'in both years',
    added: 'only this year',
    removed: 'only in the previous year',
  },
);
