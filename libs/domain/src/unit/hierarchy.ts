import type { AssessedLevel } from '@par-index/scoring';

/** The level a unit's parent must have (commune → district → province); null: no parent. */
export const EXPECTED_PARENT_LEVEL: Record<AssessedLevel, AssessedLevel | null> = {
  province: null,
  ministry: null,
  department: 'province',
  district: 'province',
  central_agency: 'province',
  commune: 'district',
};
