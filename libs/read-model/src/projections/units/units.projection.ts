import { parseUnitStreamName, UNIT_EVENT_TYPES, type UnitEvent } from '@par-index/domain';
import { UnitEntity, type UnitRow } from '../../entities/unit.entity';
import type { ProjectedEvent, Projection } from '../../runtime/projection';
import { streamKey } from '../../runtime/stream-key';

export const UNIT_PROJECTION_EVENT_TYPES = UNIT_EVENT_TYPES;

const unitIdOf = (event: ProjectedEvent) => streamKey(parseUnitStreamName, event.streamName, 'unit').unitId;

export function evolveUnit(row: UnitRow | null, projected: ProjectedEvent): UnitRow | null {
  const event = projected as unknown as UnitEvent;
  const updatedAt = event.data.at;
  if (event.type === 'UnitRegistered') {
    const d = event.data;
    return {
      unitId: d.unitId,
      name: d.name,
      level: d.level,
      groupCode: d.group,
      parentId: d.parentUnitId,
      region: d.region,
      status: 'active',
      mergedInto: null,
      absorbed: [],
      previousNames: [],
      updatedAt,
    };
  }
  if (row === null) return null; // an event for a unit registered before this read model existed: nothing to amend
  switch (event.type) {
    case 'UnitRenamed':
      return { ...row, name: event.data.name, previousNames: [...row.previousNames, event.data.previousName], updatedAt };
    case 'UnitMovedToGroup':
      return { ...row, groupCode: event.data.group, updatedAt };
    case 'UnitParentChanged':
      return { ...row, parentId: event.data.parentUnitId, updatedAt };
    case 'UnitMerged':
      return { ...row, status: 'merged', mergedInto: event.data.into, updatedAt };
    case 'UnitAbsorbed':
      return { ...row, absorbed: [...row.absorbed, event.data.from], updatedAt };
    case 'UnitDeactivated':
      return { ...row, status: 'inactive', updatedAt };
    default: {
      const _exhaustive: never = event;
      throw new Error(`units projection cannot handle ${JSON.stringify(_exhaustive)}`);
    }
  }
}

export const unitsProjection: Projection<UnitRow> = {
  name: 'units',
  entity: UnitEntity,
  eventTypes: UNIT_PROJECTION_EVENT_TYPES,
  keyOf: (event) => ({ unitId: unitIdOf(event) }),
  evolve: evolveUnit,
};
