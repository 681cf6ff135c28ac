import type { LeafCriterion } from '@par-index/scoring';
import { deciderSpec } from '../shared/decider-spec.test-support';
import { apologyLeaf, ctx, NOW, planLeaf, sampleFields, sampleSet, SET_CODE } from '../shared/fixtures.test-support';
import { criteriaSetDecider } from './decider';
import type { CriteriaSetEvent } from './events';

const spec = deciderSpec(criteriaSetDecider);
const admin = ctx('admin');
const by = 'user-admin-1';

const drafted: CriteriaSetEvent = {
  type: 'CriteriaSetDrafted',
  data: { code: SET_CODE, year: 2022, level: 'province', name: 'Provincial PAR Index 2022', version: 1, at: NOW, by },
};
const fieldAdded: CriteriaSetEvent = { type: 'FieldAdded', data: { nodeCode: '1', name: 'Direction', at: NOW, by } };
const criterionAdded: CriteriaSetEvent = {
  type: 'CriterionAdded',
  data: { parentCode: '1', nodeCode: '1.1', name: 'Planning', at: NOW, by },
};
const leafAdded: CriteriaSetEvent = { type: 'LeafAdded', data: { parentCode: '1.1', leaf: planLeaf, at: NOW, by } };
const published: CriteriaSetEvent = {
  type: 'CriteriaSetPublished',
  data: { version: 1, name: 'Provincial PAR Index 2022', criteriaSet: sampleSet(1), at: NOW, by },
};
const retired: CriteriaSetEvent = { type: 'CriteriaSetRetired', data: { lastVersion: null, reason: 'dropped', at: NOW, by } };
const built = [drafted, fieldAdded, criterionAdded, leafAdded];

describe('AddField', () => {
  const add = { type: 'AddField', context: admin, nodeCode: '1', name: 'Direction' } as const;
  it('adds a top-level field', () => void spec.given([drafted]).when(add).then([fieldAdded]));
  it('is a no-op when the same field is replayed', () => void spec.given([drafted, fieldAdded]).when(add).thenNothing());
  it('rejects a code already used', () =>
    void spec
      .given([drafted, fieldAdded])
      .when({ ...add, name: 'Other' })
      .thenError('NODE_CODE_TAKEN'));
  it('needs a drafted set', () => void spec.given([]).when(add).thenError('CRITERIA_SET_NOT_DRAFTED'));
  it('cannot edit a published version', () =>
    void spec
      .given([drafted, { type: 'CriteriaTreeReplaced', data: { fields: sampleFields, at: NOW, by } }, published])
      .when(add)
      .thenError('CRITERIA_SET_FROZEN'));
  it('cannot edit a retired set', () => void spec.given([drafted, retired]).when(add).thenError('CRITERIA_SET_RETIRED'));
  it('is for admins only', () =>
    void spec
      .given([drafted])
      .when({ ...add, context: ctx('council') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('AddCriterion', () => {
  const add = { type: 'AddCriterion', context: admin, parentCode: '1', nodeCode: '1.1', name: 'Planning' } as const;
  it('adds a criterion under a field', () => void spec.given([drafted, fieldAdded]).when(add).then([criterionAdded]));
  it('is a no-op when replayed', () => void spec.given([drafted, fieldAdded, criterionAdded]).when(add).thenNothing());
  it('rejects a missing parent', () => void spec.given([drafted]).when(add).thenError('NODE_NOT_FOUND'));
  it('rejects a leaf as parent', () =>
    void spec
      .given(built)
      .when({ ...add, parentCode: planLeaf.code, nodeCode: 'x' })
      .thenError('PARENT_NOT_A_GROUP'));
  it('rejects a taken code', () =>
    void spec
      .given(built)
      .when({ ...add, nodeCode: planLeaf.code })
      .thenError('NODE_CODE_TAKEN'));
  it('cannot edit a retired set', () => void spec.given([drafted, fieldAdded, retired]).when(add).thenError('CRITERIA_SET_RETIRED'));
});

describe('AddLeaf', () => {
  const add = { type: 'AddLeaf', context: admin, parentCode: '1.1', leaf: planLeaf } as const;
  it('adds a leaf and derives the maxima above it', () => {
    const state = spec.given([drafted, fieldAdded, criterionAdded]).when(add).thenState();
    expect(state.status === 'draft' && state.draftFields[0].max).toBe(150);
  });
  it('emits LeafAdded', () => void spec.given([drafted, fieldAdded, criterionAdded]).when(add).then([leafAdded]));
  it('is a no-op when the same leaf is replayed', () => void spec.given(built).when(add).thenNothing());
  it('rejects a changed leaf under a taken code', () =>
    void spec
      .given(built)
      .when({ ...add, leaf: { ...planLeaf, max: 200 } })
      .thenError('NODE_CODE_TAKEN'));
  it('rejects a deduction leaf with a positive max', () =>
    void spec
      .given(built)
      .when({ ...add, leaf: { ...apologyLeaf, max: 100 } })
      .thenError('VALIDATION_FAILED'));
  it('rejects a non-integer max', () =>
    void spec
      .given(built)
      .when({ ...add, leaf: { ...planLeaf, code: 'x', max: 1.5 } })
      .thenError('VALIDATION_FAILED'));
  it('rejects a survey leaf without a conversion rule', () => {
    const leaf = { type: 'leaf', code: 'x', name: 'x', max: 100, scoring: { kind: 'survey', survey: 'SIPAS' } } as unknown as LeafCriterion;
    spec
      .given(built)
      .when({ ...add, leaf })
      .thenError('VALIDATION_FAILED');
  });
  it('rejects a missing parent', () => void spec.given([drafted]).when(add).thenError('NODE_NOT_FOUND'));
});

describe('ChangeLeaf', () => {
  const changed: LeafCriterion = { ...planLeaf, name: 'PAR plan issued by 31 Dec', max: 200 };
  it('records the new and the previous leaf', () =>
    void spec
      .given(built)
      .when({ type: 'ChangeLeaf', context: admin, leaf: changed })
      .then([{ type: 'LeafChanged', data: { leaf: changed, previous: planLeaf, at: NOW, by } }]));
  it('re-derives the maxima', () => {
    const state = spec.given(built).when({ type: 'ChangeLeaf', context: admin, leaf: changed }).thenState();
    expect(state.status === 'draft' && state.draftFields[0].max).toBe(200);
  });
  it('is a no-op when nothing changes', () =>
    void spec.given(built).when({ type: 'ChangeLeaf', context: admin, leaf: planLeaf }).thenNothing());
  it('rejects an unknown leaf', () =>
    void spec
      .given(built)
      .when({ type: 'ChangeLeaf', context: admin, leaf: { ...planLeaf, code: '9.9' } })
      .thenError('LEAF_NOT_FOUND'));
  it('rejects a group code', () =>
    void spec
      .given(built)
      .when({ type: 'ChangeLeaf', context: admin, leaf: { ...planLeaf, code: '1.1' } })
      .thenError('LEAF_NOT_FOUND'));
  it('cannot change a leaf of a published version', () =>
    void spec
      .given([drafted, { type: 'CriteriaTreeReplaced', data: { fields: sampleFields, at: NOW, by } }, published])
      .when({ type: 'ChangeLeaf', context: admin, leaf: changed })
      .thenError('CRITERIA_SET_FROZEN'));
});

describe('RemoveNode', () => {
  it('removes a node and keeps it in the event', () =>
    void spec
      .given(built)
      .when({ type: 'RemoveNode', context: admin, nodeCode: '1.1' })
      .then([
        {
          type: 'NodeRemoved',
          data: { nodeCode: '1.1', removed: { type: 'group', code: '1.1', name: 'Planning', max: 150, children: [planLeaf] }, at: NOW, by },
        },
      ]));
  it('leaves the tree without the node', () => {
    const state = spec.given(built).when({ type: 'RemoveNode', context: admin, nodeCode: planLeaf.code }).thenState();
    expect(state.status === 'draft' && state.draftFields).toEqual([
      {
        type: 'group',
        code: '1',
        name: 'Direction',
        max: 0,
        children: [{ type: 'group', code: '1.1', name: 'Planning', max: 0, children: [] }],
      },
    ]);
  });
  it('rejects an unknown node (a replayed removal too)', () =>
    void spec.given(built).when({ type: 'RemoveNode', context: admin, nodeCode: '7' }).thenError('NODE_NOT_FOUND'));
});

describe('ReplaceCriteriaTree', () => {
  it('imports a whole tree', () =>
    void spec
      .given([drafted])
      .when({ type: 'ReplaceCriteriaTree', context: admin, fields: sampleFields })
      .then([{ type: 'CriteriaTreeReplaced', data: { fields: sampleFields, at: NOW, by } }]));
  it('derives the group maxima from the leaves', () => {
    const wrongMax = [{ ...sampleFields[0], max: 1 }, sampleFields[1]];
    const [event] = spec
      .given([drafted])
      .when({ type: 'ReplaceCriteriaTree', context: admin, fields: wrongMax })
      .then([{ type: 'CriteriaTreeReplaced', data: { fields: sampleFields, at: NOW, by } }]);
    expect(event.type).toBe('CriteriaTreeReplaced');
  });
  it('is a no-op when the tree is the same', () =>
    void spec
      .given([drafted, { type: 'CriteriaTreeReplaced', data: { fields: sampleFields, at: NOW, by } }])
      .when({ type: 'ReplaceCriteriaTree', context: admin, fields: sampleFields })
      .thenNothing());
  it('rejects a leaf at the top level', () =>
    void spec
      .given([drafted])
      .when({ type: 'ReplaceCriteriaTree', context: admin, fields: [planLeaf] as never })
      .thenError('VALIDATION_FAILED'));
  it('rejects a non-list', () =>
    void spec
      .given([drafted])
      .when({ type: 'ReplaceCriteriaTree', context: admin, fields: null as never })
      .thenError('VALIDATION_FAILED'));
});
