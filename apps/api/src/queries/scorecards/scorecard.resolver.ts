import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { ScorecardEntity, UnitEntity, type ScorecardRow } from '@par-index/read-model';
import { In } from 'typeorm';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { requirePageSize } from '../query-args';
import { Scorecard } from './scorecard.types';

const points = (hundredths: number) => hundredths / 100;

export function toScorecard(row: ScorecardRow, unitName: string | null): Scorecard {
  return {
    unitId: row.unitId, unitName, year: row.year, level: row.level, group: row.groupCode, status: row.status,
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
  async scorecard(@Args('unitId') unitId: string, @Args('year', { type: () => Int }) year: number): Promise<Scorecard | null> {
    const row = await this.infrastructure.readModel.getRepository(ScorecardEntity).findOneBy({ unitId, year });
    return row ? (await this.withNames([row]))[0]! : null;
  }

  @Query(() => [Scorecard], { description: 'The ranking of a group (block) for a year, best first.' })
  async ranking(
    @Args('year', { type: () => Int }) year: number,
    @Args('level') level: string,
    @Args('group') group: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first: number,
  ): Promise<Scorecard[]> {
    const rows = await this.infrastructure.readModel.getRepository(ScorecardEntity).find({
      where: { year, level, groupCode: group },
      order: { rank: 'ASC', unitId: 'ASC' },
      take: requirePageSize(first),
    });
    return this.withNames(rows);
  }
}
