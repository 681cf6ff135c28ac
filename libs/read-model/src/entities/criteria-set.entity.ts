import type { CriteriaSet } from '@par-index/scoring';
import { EntitySchema } from 'typeorm';

/** One row per published version of a criteria set; drafts are not projected. */
export interface CriteriaSetRow {
  code: string;
  version: number;
  year: number;
  level: string;
  name: string;
  status: 'published' | 'retired';
  revisionReason: string | null;
  criteriaSet: CriteriaSet;
  publishedAt: string;
}

export const CriteriaSetEntity = new EntitySchema<CriteriaSetRow>({
  name: 'CriteriaSet',
  tableName: 'criteria_sets',
  columns: {
    code: { type: 'text', primary: true },
    version: { type: 'int', primary: true },
    year: { type: 'int' },
    level: { type: 'text' },
    name: { type: 'text' },
    status: { type: 'text' },
    revisionReason: { name: 'revision_reason', type: 'text', nullable: true },
    criteriaSet: { name: 'criteria_set', type: 'jsonb' },
    publishedAt: { name: 'published_at', type: 'text' },
  },
});
