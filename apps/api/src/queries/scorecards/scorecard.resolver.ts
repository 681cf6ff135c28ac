import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { PUBLISHED_STATUS } from '@par-index/domain';
import { ScorecardEntity, UnitEntity, type ScorecardRow } from '@par-index/read-model';
import { In } from 'typeorm';
import { mayReadUnpublished, unpublishedScope } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { requireGroupKey, requirePageSize, requireUnitYear } from '../query-args';
import { Scorecard } from './scorecard.types';
import { rankAmongVisible } from './visible-ranks';

const points = (hundredths: number) => hundredths / 100;
/** the domain's status of an assessment whose result is public (one vocabulary: domain, read model, API) */
const PUBLISHED = PUBLISHED_STATUS;

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
    const ranked = unpublishedScope(caller) === '*' ? row : (await this.visibleGroup(caller, row.year, row.level, row.groupCode)).find((r) => r.unitId === unitId)!;
    return (await this.withNames([ranked]))[0]!;
  }

  /** Every row of a group a restricted caller may see, ranked among themselves. */
  private async visibleGroup(caller: Caller, year: number, level: string, group: string): Promise<ScorecardRow[]> {
    const scope = unpublishedScope(caller);
    const inGroup = { year, level, groupCode: group };
    const where = scope === '*' ? inGroup : [{ ...inGroup, status: PUBLISHED }, { ...inGroup, unitId: In([...scope]) }];
    return rankAmongVisible(await this.infrastructure.readModel.getRepository(ScorecardEntity).findBy(where));
  }

  @Query(() => [Scorecard], { description: 'The ranking of a group (block) for a year, best first.' })
  async ranking(
    @CurrentCaller() caller: Caller,
    @Args('year', { type: () => Int }) year: number,
    @Args('level') level: string,
    @Args('group') group: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
  ): Promise<Scorecard[]> {
    requireGroupKey(year, level, group);
    const take = requirePageSize(first);
    if (unpublishedScope(caller) !== '*') return this.withNames((await this.visibleGroup(caller, year, level, group)).slice(0, take));
    const rows = await this.infrastructure.readModel.getRepository(ScorecardEntity).find({
      where: { year, level, groupCode: group },
      order: { rank: 'ASC', unitId: 'ASC' },
      take,
    });
    return this.withNames(rows);
  }
}
