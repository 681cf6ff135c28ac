import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ScorecardEntity, UnitEntity, type ScorecardRow } from '@par-index/read-model';
import { In } from 'typeorm';
import { mayReadUnpublished } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { requireUnitYear } from '../query-args';
import { Scorecard } from './scorecard.types';

const points = (hundredths: number) => hundredths / 100;
/** the read model's status of an assessment whose result is public */
const PUBLISHED = 'published';

export function toScorecard(row: ScorecardRow, unitName: string | null): Scorecard {
  return {
    unitId: row.unitId, unitName, year: row.year, level: row.level, group: row.groupCode, status: row.status,
    criteriaSetCode: row.criteriaSetCode, criteriaSetVersion: row.criteriaSetVersion, mixedCriteriaVersions: row.mixedCriteriaVersions,
    total: points(row.total), applicableMax: points(row.applicableMax), percent: row.percent, rank: row.rank,
    groupSize: row.groupSize,
    fields: row.fields.map((f) => ({ ...f, points: points(f.points), max: points(f.max) })),
    bySource: Object.entries(row.bySource).map(([source, value]) => ({ source, points: points(value) })),
    zeroLeaves: row.zeroLeaves,
  };
}

@Resolver(() => Scorecard)
export class ScorecardResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  private async withNames(rows: ScorecardRow[]): Promise<Scorecard[]> {
    const units = await this.infrastructure.readModel.getRepository(UnitEntity).findBy({ unitId: In(rows.map((r) => r.unitId)) });
    const names = new Map(units.map((u) => [u.unitId, u.name]));
    return rows.map((row) => toScorecard(row, names.get(row.unitId) ?? null));
  }

  @Query(() => Scorecard, { nullable: true, description: "A unit's total, index and rank in its group for a year." })
  async scorecard(@CurrentCaller() caller: Caller, @Args('unitId') unitId: string, @Args('year', { type: () => Int }) year: number): Promise<Scorecard | null> {
    requireUnitYear(unitId, year);
    const row = await this.infrastructure.readModel.getRepository(ScorecardEntity).findOneBy({ unitId, year });
    // an unpublished result the caller may not read is answered as absent (no hint that it exists)
    if (!row || (row.status !== PUBLISHED && !mayReadUnpublished(caller, unitId))) return null;
    return (await this.withNames([row]))[0]!;
  }
}
