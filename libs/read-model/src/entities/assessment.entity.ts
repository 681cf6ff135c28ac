import type { AssessmentStatus } from '@par-index/domain';
import { EntitySchema } from 'typeorm';

/** The per-leaf inputs of scoring, as the latest events left them (hundredths; raw survey values). */
export interface LeafInputRow {
  selfScore?: number;
  appraisedScore?: number;
  rawValue?: number;
  notApplicable?: boolean;
}

export interface AssessmentRow {
  unitId: string;
  year: number;
  level: string;
  groupCode: string;
  criteriaSetCode: string;
  criteriaSetVersion: number;
  /** the domain's workflow status (ASSESSMENT_STATUSES) */
  status: AssessmentStatus;
  leafInputs: Record<string, LeafInputRow>;
  lastEventAt: string;
  lastPosition: string;
}

export const AssessmentEntity = new EntitySchema<AssessmentRow>({
  name: 'Assessment',
  tableName: 'assessments',
  columns: {
    unitId: { name: 'unit_id', type: 'text', primary: true },
    year: { type: 'int', primary: true },
    level: { type: 'text' },
    groupCode: { name: 'group_code', type: 'text' },
    criteriaSetCode: { name: 'criteria_set_code', type: 'text' },
    criteriaSetVersion: { name: 'criteria_set_version', type: 'int' },
    status: { type: 'text' },
    leafInputs: { name: 'leaf_inputs', type: 'jsonb' },
    lastEventAt: { name: 'last_event_at', type: 'text' },
    lastPosition: { name: 'last_position', type: 'bigint' },
  },
  indices: [{ name: 'assessments_group', columns: ['year', 'level', 'groupCode'] }],
});
