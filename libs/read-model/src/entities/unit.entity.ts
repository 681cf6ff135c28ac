import { EntitySchema } from 'typeorm';

export interface UnitRow {
  unitId: string;
  name: string;
  level: string;
  groupCode: string;
  parentId: string | null;
  region: string | null;
  status: 'active' | 'merged' | 'inactive';
  mergedInto: string | null;
  /** ids of units merged into this one, so history stays readable under both identities */
  absorbed: string[];
  previousNames: string[];
  updatedAt: string;
}

export const UnitEntity = new EntitySchema<UnitRow>({
  name: 'Unit',
  tableName: 'units',
  columns: {
    unitId: { name: 'unit_id', type: 'text', primary: true },
    name: { type: 'text' },
    level: { type: 'text' },
    groupCode: { name: 'group_code', type: 'text' },
    parentId: { name: 'parent_id', type: 'text', nullable: true },
    region: { type: 'text', nullable: true },
    status: { type: 'text' },
    mergedInto: { name: 'merged_into', type: 'text', nullable: true },
    absorbed: { type: 'jsonb' },
    previousNames: { name: 'previous_names', type: 'jsonb' },
    updatedAt: { name: 'updated_at', type: 'text' },
  },
});
