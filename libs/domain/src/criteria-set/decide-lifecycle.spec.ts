import { applyCriteriaDiff, diffCriteriaSets, type CriterionGroup } from '@par-index/scoring';
import { deciderSpec } from '../shared/decider-spec.test-support';
import { ctx, NOW, planLeaf, reportLeaf, sampleFields, sampleSet, SET_CODE } from '../shared/fixtures.test-support';
import { criteriaSetDecider } from './decider';
import type { CriteriaSetEvent } from './events';
import { resolveCriteriaSet } from './state';

const spec = deciderSpec(criteriaSetDecider);
const admin = ctx('admin');
const by = 'user-admin-1';

const drafted: CriteriaSetEvent = {
  type: 'CriteriaSetDrafted',
  data: { code: SET_CODE, year: 2022, level: 'province', name: 'Provincial PAR Index 2022', version: 1, at: NOW, by },
};
const treeReplaced: CriteriaSetEvent = { type: 'CriteriaTreeReplaced', data: { fields: sampleFields, at: NOW, by } };
const published: CriteriaSetEvent = {
  type: 'CriteriaSetPublished',
  data: { version: 1, name: 'Provincial PAR Index 2022', criteriaSet: sampleSet(1), at: NOW, by },
};
const retired: CriteriaSetEvent = { type: 'CriteriaSetRetired', data: { lastVersion: 1, reason: 'superseded', at: NOW, by } };

const draftCommand = {
  type: 'DraftCriteriaSet',
  context: admin,
  code: SET_CODE,
  year: 2022,
  level: 'province',
  name: 'Provincial PAR Index 2022',
} as const;

/** the sample tree with leaf 1.1.2 worth 1.00 more (field 1 and criterion 1.1 follow) */
const revisedFields: CriterionGroup[] = [
  {
    ...sampleFields[0],
    max: 400,
    children: [{ type: 'group', code: '1.1', name: 'PAR planning', max: 400, children: [planLeaf, { ...reportLeaf, max: 250 }] }],
  },
  sampleFields[1],
];

describe('DraftCriteriaSet', () => {
  it('drafts version 1 of a new set', () => {
    spec.given([]).when(draftCommand).then([drafted]);
  });
  it('is a no-op when the same draft is replayed', () => {
    spec.given([drafted]).when(draftCommand).thenNothing();
  });
  it('rejects a different header on an existing set', () => {
    spec
      .given([drafted])
      .when({ ...draftCommand, name: 'Other' })
      .thenError('CRITERIA_SET_ALREADY_DRAFTED');
  });
  it.each([
    ['year out of range', { year: 1999 }],
    ['unknown level', { level: 'village' }],
    ['code with spaces', { code: 'PAR 2022' }],
    ['blank name', { name: '  ' }],
  ])('rejects %s', (_label, patch) => {
    spec
      .given([])
      .when({ ...draftCommand, ...(patch as object) } as typeof draftCommand)
      .thenError('VALIDATION_FAILED');
  });
  it('is for admins only', () => {
    spec
      .given([])
      .when({ ...draftCommand, context: ctx('appraiser') })
      .thenError('FORBIDDEN_FOR_ROLE', { allowedRoles: ['admin'] });
  });
  it('rejects a context without a valid timestamp', () => {
    spec
      .given([])
      .when({ ...draftCommand, context: { ...admin, now: '1 March 2023' } })
      .thenError('VALIDATION_FAILED');
  });
});

describe('PublishCriteriaSet', () => {
  it('freezes the validated draft as version 1, carrying the full set', () => {
    spec.given([drafted, treeReplaced]).when({ type: 'PublishCriteriaSet', context: admin }).then([published]);
  });
  it('rejects an invalid draft with the issues in details', () => {
    const error = spec.given([drafted]).when({ type: 'PublishCriteriaSet', context: admin }).thenError('INVALID_CRITERIA_SET');
    expect((error.details?.issues as unknown[]).length).toBeGreaterThan(0);
  });
  it('rejects a draft with an empty criterion', () => {
    const addEmpty: CriteriaSetEvent = { type: 'CriterionAdded', data: { parentCode: '1', nodeCode: '1.9', name: 'Empty', at: NOW, by } };
    spec.given([drafted, treeReplaced, addEmpty]).when({ type: 'PublishCriteriaSet', context: admin }).thenError('INVALID_CRITERIA_SET');
  });
  it('is a no-op once published (replay)', () => {
    spec.given([drafted, treeReplaced, published]).when({ type: 'PublishCriteriaSet', context: admin }).thenNothing();
  });
  it('needs a draft', () => {
    spec.given([]).when({ type: 'PublishCriteriaSet', context: admin }).thenError('CRITERIA_SET_NOT_DRAFTED');
  });
  it('cannot publish a retired set', () => {
    spec.given([drafted, retired]).when({ type: 'PublishCriteriaSet', context: admin }).thenError('CRITERIA_SET_RETIRED');
  });
});

describe('ReviseCriteriaSet', () => {
  const revise = { type: 'ReviseCriteriaSet', context: admin, reason: 'SIPAS method changed', fields: revisedFields } as const;

  it('appends version 2 with the reason, the full set and the diff', () => {
    spec
      .given([drafted, treeReplaced, published])
      .when(revise)
      .then([
        {
          type: 'CriteriaSetRevised',
          data: {
            version: 2,
            previousVersion: 1,
            reason: 'SIPAS method changed',
            criteriaSet: sampleSet(2, revisedFields),
            diff: diffCriteriaSets(sampleSet(1), sampleSet(2, revisedFields)),
            at: NOW,
            by,
          },
        },
      ]);
  });
  it("records the revision as libs/scoring's diff, which turns version 1 into version 2", () => {
    const [event] = criteriaSetDecider.decide(revise, spec.given([drafted, treeReplaced, published]).state);
    const diff = (event as Extract<CriteriaSetEvent, { type: 'CriteriaSetRevised' }>).data.diff;
    expect(diff.changed.map((change) => [change.code, change.max])).toEqual([
      ['1', { from: 300, to: 400 }],
      ['1.1', { from: 300, to: 400 }],
      ['1.1.2', { from: 150, to: 250 }],
    ]);
    expect(applyCriteriaDiff(sampleSet(1), diff)).toEqual(sampleSet(2, revisedFields));
  });
  it('keeps every version readable after a revision', () => {
    const state = spec.given([drafted, treeReplaced, published]).when(revise).thenState();
    expect(resolveCriteriaSet(state)?.set.version).toBe(2);
    expect(resolveCriteriaSet(state, 1)?.set).toEqual(sampleSet(1));
    expect(resolveCriteriaSet(state, 3)).toBeUndefined();
  });
  it('is a no-op when the revision that made the latest version is replayed', () => {
    const revisedEvents = criteriaSetDecider.decide(revise, spec.given([drafted, treeReplaced, published]).state);
    spec
      .given([drafted, treeReplaced, published, ...revisedEvents])
      .when(revise)
      .thenNothing();
  });
  it('rejects a revision that changes nothing', () => {
    spec
      .given([drafted, treeReplaced, published])
      .when({ ...revise, fields: sampleFields })
      .thenError('VALIDATION_FAILED');
  });
  it('rejects a revised tree whose declared maxima do not add up', () => {
    const broken = [{ ...revisedFields[0], max: 999 }, revisedFields[1]];
    spec
      .given([drafted, treeReplaced, published])
      .when({ ...revise, fields: broken })
      .thenError('INVALID_CRITERIA_SET');
  });
  it('requires a reason', () => {
    spec
      .given([drafted, treeReplaced, published])
      .when({ ...revise, reason: '' })
      .thenError('VALIDATION_FAILED');
  });
  it('rejects a malformed tree', () => {
    spec
      .given([drafted, treeReplaced, published])
      .when({ ...revise, fields: [{ code: 'x' }] as never })
      .thenError('VALIDATION_FAILED');
  });
  it('cannot revise a draft', () => {
    spec.given([drafted, treeReplaced]).when(revise).thenError('CRITERIA_SET_NOT_PUBLISHED');
  });
  it('cannot revise a retired set', () => {
    spec.given([drafted, treeReplaced, published, retired]).when(revise).thenError('CRITERIA_SET_RETIRED');
  });
  it('cannot revise a set that does not exist', () => {
    spec.given([]).when(revise).thenError('CRITERIA_SET_NOT_DRAFTED');
  });
});

describe('RetireCriteriaSet', () => {
  const retire = { type: 'RetireCriteriaSet', context: admin, reason: 'superseded' } as const;
  it('retires a published set, naming its last version', () => {
    spec.given([drafted, treeReplaced, published]).when(retire).then([retired]);
  });
  it('retires an unpublished draft', () => {
    spec
      .given([drafted])
      .when(retire)
      .then([{ type: 'CriteriaSetRetired', data: { lastVersion: null, reason: 'superseded', at: NOW, by } }]);
  });
  it('is a no-op when already retired', () => {
    spec.given([drafted, retired]).when(retire).thenNothing();
  });
  it('needs an existing set', () => {
    spec.given([]).when(retire).thenError('CRITERIA_SET_NOT_DRAFTED');
  });
  it('requires a reason', () => {
    spec
      .given([drafted])
      .when({ ...retire, reason: ' ' })
      .thenError('VALIDATION_FAILED');
  });
  it('marks the resolved set as retired for assessments', () => {
    const state = spec.given([drafted, treeReplaced, published]).when(retire).thenState();
    expect(resolveCriteriaSet(state)).toEqual({ set: sampleSet(1), retired: true });
  });
});
