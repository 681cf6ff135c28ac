import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each scorecard says which criteria-set version scored it, and whether its group mixes versions. */
export class ScorecardCriteriaVersion1764100000000 implements MigrationInterface {
  name = 'ScorecardCriteriaVersion1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scorecards
      ADD COLUMN criteria_set_code text NOT NULL DEFAULT '',
      ADD COLUMN criteria_set_version int NOT NULL DEFAULT 0,
      ADD COLUMN mixed_criteria_versions boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scorecards DROP COLUMN criteria_set_code, DROP COLUMN criteria_set_version, DROP COLUMN mixed_criteria_versions`);
  }
}
