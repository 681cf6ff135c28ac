import type { ProjectedEvent } from '../../runtime/projection';
import { evolveUnit } from './units.projection';

const at = '2024-03-01T08:00:00.000Z';
const event = (type: string, data: Record<string, unknown>, streamName = 'unit-loc-ha'): ProjectedEvent => ({
  type,
  data: { at, by: 'admin-1', ...data },
  streamName,
  revision: 0n,
  position: 1n,
  metadata: { actorId: 'admin-1', actorRole: 'admin', occurredAt: at },
});
const registered = event('UnitRegistered', {
  unitId: 'loc-ha',
  name: 'Loc Ha',
  level: 'district',
  group: 'ha-tinh:districts',
  region: null,
  parentUnitId: 'ha-tinh',
});

describe('units projection', () => {
  it('given UnitRegistered, then a row with the unit’s group and parent', () => {
    expect(evolveUnit(null, registered)).toMatchObject({
      unitId: 'loc-ha',
      groupCode: 'ha-tinh:districts',
      parentId: 'ha-tinh',
      status: 'active',
    });
  });

  it('given a rename and a move, then the row keeps the former name and the new group', () => {
    const renamed = evolveUnit(evolveUnit(null, registered), event('UnitRenamed', { name: 'Loc Ha District', previousName: 'Loc Ha' }));
    const moved = evolveUnit(renamed, event('UnitMovedToGroup', { group: 'ha-tinh:towns', previousGroup: 'ha-tinh:districts' }));
    expect(moved).toMatchObject({ name: 'Loc Ha District', previousNames: ['Loc Ha'], groupCode: 'ha-tinh:towns' });
  });

  it('given a merger, then the old unit points to the survivor and the survivor lists it', () => {
    const merged = evolveUnit(evolveUnit(null, registered), event('UnitMerged', { into: 'thach-ha' }));
    expect(merged).toMatchObject({ status: 'merged', mergedInto: 'thach-ha' });
    const survivor = evolveUnit(
      evolveUnit(
        null,
        event(
          'UnitRegistered',
          { unitId: 'thach-ha', name: 'Thach Ha', level: 'district', group: 'g', region: null, parentUnitId: 'ha-tinh' },
          'unit-thach-ha',
        ),
      ),
      event('UnitAbsorbed', { from: 'loc-ha' }, 'unit-thach-ha'),
    );
    expect(survivor?.absorbed).toEqual(['loc-ha']);
  });

  it('given an event for an unknown unit, then nothing is written', () => {
    expect(evolveUnit(null, event('UnitDeactivated', { reason: 'x' }))).toBeNull();
  });
});
