import { deciderSpec } from '../shared/decider-spec.test-support';
import { ctx, NOW } from '../shared/fixtures.test-support';
import type { RegisterUnit, UnitReference } from './commands';
import { unitDecider } from './decider';
import type { UnitEvent } from './events';
import { toUnitReference, unitIdentities } from './state';

const spec = deciderSpec(unitDecider);
const admin = ctx('admin');
const stamp = { at: NOW, by: 'user-admin-1' };

const province: UnitReference = { unitId: 'prov-ha-tinh', level: 'province', active: true };
const register: RegisterUnit = {
  type: 'RegisterUnit',
  context: admin,
  unitId: 'dist-loc-ha',
  name: 'Loc Ha district',
  level: 'district',
  group: 'districts',
  region: 'North Central',
  parent: province,
};
const registered: UnitEvent = {
  type: 'UnitRegistered',
  data: {
    unitId: 'dist-loc-ha',
    name: 'Loc Ha district',
    level: 'district',
    group: 'districts',
    region: 'North Central',
    parentUnitId: 'prov-ha-tinh',
    ...stamp,
  },
};
const merged: UnitEvent = { type: 'UnitMerged', data: { into: 'dist-thach-ha', ...stamp } };
const deactivated: UnitEvent = { type: 'UnitDeactivated', data: { reason: 'dissolved', ...stamp } };
const target: UnitReference = { unitId: 'dist-thach-ha', level: 'district', active: true };

describe('RegisterUnit', () => {
  it('registers a district under its province', () => void spec.given([]).when(register).then([registered]));
  it('registers a province without a parent', () =>
    void spec
      .given([])
      .when({ ...register, unitId: 'prov-ha-tinh', level: 'province', group: 'provinces', parent: null, region: null })
      .then([
        {
          type: 'UnitRegistered',
          data: {
            unitId: 'prov-ha-tinh',
            name: 'Loc Ha district',
            level: 'province',
            group: 'provinces',
            region: null,
            parentUnitId: null,
            ...stamp,
          },
        },
      ]));
  it('is a no-op when replayed', () => void spec.given([registered]).when(register).thenNothing());
  it('rejects a different registration on the same stream', () =>
    void spec
      .given([registered])
      .when({ ...register, name: 'Other' })
      .thenError('UNIT_ALREADY_REGISTERED'));
  it('requires a parent for a commune', () =>
    void spec
      .given([])
      .when({ ...register, level: 'commune', parent: null })
      .thenError('PARENT_REQUIRED', { expectedParentLevel: 'district' }));
  it('rejects a province as a commune parent', () =>
    void spec
      .given([])
      .when({ ...register, level: 'commune' })
      .thenError('PARENT_LEVEL_MISMATCH'));
  it('rejects a parent for a ministry', () =>
    void spec
      .given([])
      .when({ ...register, level: 'ministry' })
      .thenError('PARENT_NOT_ALLOWED'));
  it('rejects an inactive parent', () =>
    void spec
      .given([])
      .when({ ...register, parent: { ...province, active: false } })
      .thenError('PARENT_INACTIVE'));
  it('rejects a unit as its own parent', () =>
    void spec
      .given([])
      .when({ ...register, level: 'department', parent: { ...province, unitId: 'dist-loc-ha' } })
      .thenError('PARENT_LEVEL_MISMATCH'));
  it.each([
    ['bad id', { unitId: 'loc ha' }],
    ['blank name', { name: '' }],
    ['unknown level', { level: 'hamlet' }],
    ['blank group', { group: ' ' }],
    ['blank region', { region: '' }],
  ])(
    'rejects %s',
    (_label, patch) =>
      void spec
        .given([])
        .when({ ...register, ...(patch as object) })
        .thenError('VALIDATION_FAILED'),
  );
  it('is for admins only', () =>
    void spec
      .given([])
      .when({ ...register, context: ctx('unit_officer') })
      .thenError('FORBIDDEN_FOR_ROLE'));
});

describe('RenameUnit', () => {
  const rename = { type: 'RenameUnit', context: admin, name: 'Loc Ha town' } as const;
  it('renames and keeps the former name', () => {
    spec
      .given([registered])
      .when(rename)
      .then([{ type: 'UnitRenamed', data: { name: 'Loc Ha town', previousName: 'Loc Ha district', ...stamp } }]);
    const state = spec.given([registered]).when(rename).thenState();
    expect(state.status !== 'unregistered' && state.formerNames).toEqual(['Loc Ha district']);
  });
  it('is a no-op for the current name', () =>
    void spec
      .given([registered])
      .when({ ...rename, name: 'Loc Ha district' })
      .thenNothing());
  it('needs a registered unit', () => void spec.given([]).when(rename).thenError('UNIT_NOT_REGISTERED'));
  it('cannot rename a merged unit', () => void spec.given([registered, merged]).when(rename).thenError('UNIT_MERGED'));
  it('cannot rename a deactivated unit', () => void spec.given([registered, deactivated]).when(rename).thenError('UNIT_INACTIVE'));
  it.each([
    ['a 90 KB name', 'n'.repeat(90_000)],
    ['a name one over the limit registerUnit allows', 'n'.repeat(301)],
    ['a NUL byte', 'Loc\u0000Ha'],
  ])(
    'refuses %s, as registerUnit does',
    (_label, name) =>
      void spec
        .given([registered])
        .when({ ...rename, name })
        .thenError('VALIDATION_FAILED'),
  );
});

describe('MoveUnitToGroup', () => {
  const move = { type: 'MoveUnitToGroup', context: admin, group: 'towns' } as const;
  it('moves to another group', () =>
    void spec
      .given([registered])
      .when(move)
      .then([{ type: 'UnitMovedToGroup', data: { group: 'towns', previousGroup: 'districts', ...stamp } }]));
  it('is a no-op for the current group', () =>
    void spec
      .given([registered])
      .when({ ...move, group: 'districts' })
      .thenNothing());
  it('cannot move a deactivated unit', () => void spec.given([registered, deactivated]).when(move).thenError('UNIT_INACTIVE'));
  it('rejects a blank group', () =>
    void spec
      .given([registered])
      .when({ ...move, group: '' })
      .thenError('VALIDATION_FAILED'));
  it.each([
    ['a 5,000-character group', 'g'.repeat(5000)],
    ['a group that is not an id', 'two words'],
  ])(
    'refuses %s, as registerUnit does',
    (_label, group) =>
      void spec
        .given([registered])
        .when({ ...move, group })
        .thenError('VALIDATION_FAILED'),
  );
});

describe('ChangeUnitParent', () => {
  const other: UnitReference = { unitId: 'prov-nghe-an', level: 'province', active: true };
  it('changes the parent', () =>
    void spec
      .given([registered])
      .when({ type: 'ChangeUnitParent', context: admin, parent: other })
      .then([{ type: 'UnitParentChanged', data: { parentUnitId: 'prov-nghe-an', previousParentUnitId: 'prov-ha-tinh', ...stamp } }]));
  it('is a no-op for the current parent', () =>
    void spec.given([registered]).when({ type: 'ChangeUnitParent', context: admin, parent: province }).thenNothing());
  it('keeps the hierarchy rules', () =>
    void spec.given([registered]).when({ type: 'ChangeUnitParent', context: admin, parent: null }).thenError('PARENT_REQUIRED'));
  it('cannot re-parent a merged unit', () =>
    void spec.given([registered, merged]).when({ type: 'ChangeUnitParent', context: admin, parent: other }).thenError('UNIT_MERGED'));
});

describe('MergeUnit (old unit stream)', () => {
  const merge = { type: 'MergeUnit', context: admin, into: target } as const;
  it('merges into another active unit of the same level', () => void spec.given([registered]).when(merge).then([merged]));
  it('makes the unit inactive, remembering the survivor', () => {
    const state = spec.given([registered]).when(merge).thenState();
    expect(state.status === 'merged' && state.mergedInto).toBe('dist-thach-ha');
    expect(toUnitReference(state)).toEqual({ unitId: 'dist-loc-ha', level: 'district', active: false });
  });
  it('is a no-op when the same merge is replayed', () => void spec.given([registered, merged]).when(merge).thenNothing());
  it('rejects a second merge into another unit', () =>
    void spec
      .given([registered, merged])
      .when({ ...merge, into: { ...target, unitId: 'dist-can-loc' } })
      .thenError('UNIT_MERGED'));
  it('rejects merging into itself', () =>
    void spec
      .given([registered])
      .when({ ...merge, into: { ...target, unitId: 'dist-loc-ha' } })
      .thenError('MERGE_INTO_SELF'));
  it('rejects a target of another level', () =>
    void spec
      .given([registered])
      .when({ ...merge, into: { ...target, level: 'commune' } })
      .thenError('MERGE_LEVEL_MISMATCH'));
  it('rejects an inactive target', () =>
    void spec
      .given([registered])
      .when({ ...merge, into: { ...target, active: false } })
      .thenError('MERGE_TARGET_INACTIVE'));
  it('needs a registered unit', () => void spec.given([]).when(merge).thenError('UNIT_NOT_REGISTERED'));
  it('cannot merge a deactivated unit', () => void spec.given([registered, deactivated]).when(merge).thenError('UNIT_INACTIVE'));
  it('rejects a malformed target', () =>
    void spec
      .given([registered])
      .when({ ...merge, into: null as never })
      .thenError('VALIDATION_FAILED'));
});

describe('AbsorbUnit (surviving unit stream)', () => {
  const survivor: UnitEvent = {
    ...registered,
    data: { ...registered.data, unitId: 'dist-thach-ha', name: 'Thach Ha district' },
  } as UnitEvent;
  const absorb = { type: 'AbsorbUnit', context: admin, from: { unitId: 'dist-loc-ha', level: 'district' } } as const;
  const absorbed: UnitEvent = { type: 'UnitAbsorbed', data: { from: 'dist-loc-ha', ...stamp } };
  it('records the absorbed unit', () => void spec.given([survivor]).when(absorb).then([absorbed]));
  it('reads history under both identities', () => {
    const state = spec.given([survivor]).when(absorb).thenState();
    expect(unitIdentities(state)).toEqual(['dist-thach-ha', 'dist-loc-ha']);
  });
  it('is a no-op when replayed', () => void spec.given([survivor, absorbed]).when(absorb).thenNothing());
  it('rejects absorbing itself', () =>
    void spec
      .given([survivor])
      .when({ ...absorb, from: { unitId: 'dist-thach-ha', level: 'district' } })
      .thenError('MERGE_INTO_SELF'));
  it('rejects a unit of another level', () =>
    void spec
      .given([survivor])
      .when({ ...absorb, from: { unitId: 'x', level: 'province' } })
      .thenError('MERGE_LEVEL_MISMATCH'));
  it('needs an active survivor', () => void spec.given([survivor, deactivated]).when(absorb).thenError('UNIT_INACTIVE'));
});

describe('DeactivateUnit', () => {
  const deactivate = { type: 'DeactivateUnit', context: admin, reason: 'dissolved' } as const;
  it('deactivates an active unit', () => void spec.given([registered]).when(deactivate).then([deactivated]));
  it('is a no-op when already deactivated', () => void spec.given([registered, deactivated]).when(deactivate).thenNothing());
  it('cannot deactivate a merged unit', () => void spec.given([registered, merged]).when(deactivate).thenError('UNIT_MERGED'));
  it('needs a registered unit', () => void spec.given([]).when(deactivate).thenError('UNIT_NOT_REGISTERED'));
  it('requires a reason', () =>
    void spec
      .given([registered])
      .when({ ...deactivate, reason: '' })
      .thenError('VALIDATION_FAILED'));
});
