import type { CriteriaSet, CriterionGroup, LeafCriterion } from '@par-index/scoring';
import type { ActorRole, CommandContext } from './command-context';

export const NOW = '2023-03-01T08:00:00.000Z';

export const ACTOR_BY_ROLE: Record<ActorRole, string> = {
  unit_officer: 'user-officer-1',
  appraiser: 'user-appraiser-1',
  council: 'user-council-1',
  approver: 'user-approver-1',
  admin: 'user-admin-1',
  auditor: 'user-auditor-1',
};

/** the unit the unit officer of the fixtures acts for (the assessment fixtures' unit) */
export const OFFICER_UNIT = 'prov-binh-duong';

export function ctx(actorRole: ActorRole, now = NOW): CommandContext {
  return { now, actorId: ACTOR_BY_ROLE[actorRole], actorRole, unitIds: actorRole === 'unit_officer' ? [OFFICER_UNIT] : '*' };
}

export const planLeaf: LeafCriterion = {
  type: 'leaf',
  code: '1.1.1',
  name: 'PAR plan issued on time',
  max: 150,
  scoring: { kind: 'appraised' },
};
export const reportLeaf: LeafCriterion = {
  type: 'leaf',
  code: '1.1.2',
  name: 'PAR reports complete',
  max: 150,
  scoring: { kind: 'appraised' },
};
export const sipasLeaf: LeafCriterion = {
  type: 'leaf',
  code: '2.1',
  name: 'SIPAS satisfaction',
  max: 400,
  scoring: { kind: 'survey', survey: 'SIPAS', rule: { kind: 'linear', from: 0, to: 100 } },
};
export const grdpLeaf: LeafCriterion = {
  type: 'leaf',
  code: '2.2',
  name: 'GRDP growth',
  max: 300,
  scoring: {
    kind: 'indicator',
    indicator: 'GRDP',
    rule: {
      kind: 'bands',
      bands: [
        { min: 0, points: 100 },
        { min: 5, points: 300 },
      ],
    },
  },
};
export const apologyLeaf: LeafCriterion = {
  type: 'leaf',
  code: '2.3',
  name: 'Overdue procedures without written apology',
  max: 0,
  scoring: { kind: 'deduction', floor: -100 },
};

export const sampleFields: CriterionGroup[] = [
  {
    type: 'group',
    code: '1',
    name: 'Direction and implementation of PAR',
    max: 300,
    children: [{ type: 'group', code: '1.1', name: 'PAR planning', max: 300, children: [planLeaf, reportLeaf] }],
  },
  { type: 'group', code: '2', name: 'Impact of PAR', max: 700, children: [sipasLeaf, grdpLeaf, apologyLeaf] },
];

export const SET_CODE = 'PAR-2022-province';

export function sampleSet(version = 1, fields: CriterionGroup[] = sampleFields): CriteriaSet {
  return { code: SET_CODE, year: 2022, level: 'province', version, maxTotal: fields.reduce((s, f) => s + f.max, 0), fields };
}
