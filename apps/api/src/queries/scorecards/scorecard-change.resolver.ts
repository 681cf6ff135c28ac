import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ScorecardEntity, type ScorecardRow } from '@par-index/read-model';
import { toHundredths } from '@par-index/scoring';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { mayReadUnpublished, unpublishedScope } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { scorecardChange, type ComparableScorecard } from './scorecard-change';
import { ScorecardChange } from './scorecard-change.types';
import { Scorecard } from './scorecard.types';
import { rankAmongVisible } from './visible-ranks';

const PUBLISHED = 'published';
const points = (hundredths: number) => hundredths / 100;
const key = (...parts: (string | number)[]) => parts.join('\u0000');

interface RequestLoaders {
  rows: DataLoader<string, ScorecardRow | null>;
  /** a group-year as this caller may see it, ranked among the visible rows (as the ranking query does) */
  visibleGroups: DataLoader<string, ScorecardRow[]>;
}

/** The parent scorecard is already the caller's view (ranks among what it may see): compare in hundredths. */
const comparable = (card: Scorecard): ComparableScorecard => ({
  unitId: card.unitId, year: card.year, total: toHundredths(card.total), applicableMax: toHundredths(card.applicableMax), rank: card.rank, percent: card.percent,
  fields: card.fields.map((f) => ({ code: f.code, name: f.name, points: toHundredths(f.points), max: toHundredths(f.max), rank: f.rank })),
});

/** `Scorecard.change`: rank and score changes against the previous year, under the same visibility rules. */
@Resolver(() => Scorecard)
export class ScorecardChangeResolver {
  private readonly loaders = new WeakMap<object, RequestLoaders>();

  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  private loadersFor(request: object, caller: Caller): RequestLoaders {
    const existing = this.loaders.get(request);
    if (existing) return existing;
    const repository = () => this.infrastructure.readModel.getRepository(ScorecardEntity);
    const loaders: RequestLoaders = {
      rows: new DataLoader(async (keys) => {
        const wanted = keys.map((k) => k.split('\u0000')).map(([unitId, year]) => ({ unitId: unitId!, year: Number(year) }));
        const found = new Map((await repository().find({ where: wanted })).map((row) => [key(row.unitId, row.year), row]));
        return keys.map((k) => found.get(k) ?? null);
      }),
      visibleGroups: new DataLoader(async (keys) =>
        Promise.all(keys.map(async (k) => {
          const [year, level, groupCode] = k.split('\u0000');
          const inGroup = { year: Number(year), level: level!, groupCode: groupCode! };
          const scope = unpublishedScope(caller);
          // as ScorecardResolver's visible group: published rows plus the caller's own units
          const where = scope === '*' ? inGroup : [{ ...inGroup, status: PUBLISHED }, { ...inGroup, unitId: In([...scope]) }];
          return rankAmongVisible(await repository().findBy(where));
        })),
      ),
    };
    this.loaders.set(request, loaders);
    return loaders;
  }

  private async previousVisible(loaders: RequestLoaders, caller: Caller, card: Scorecard): Promise<ScorecardRow | null> {
    const row = await loaders.rows.load(key(card.unitId, card.year - 1));
    if (!row || (row.status !== PUBLISHED && !mayReadUnpublished(caller, row.unitId))) return null;
    if (unpublishedScope(caller) === '*') return row;
    const group = await loaders.visibleGroups.load(key(row.year, row.level, row.groupCode));
    return group.find((r) => r.unitId === row.unitId) ?? null;
  }

  @ResolveField(() => ScorecardChange, { nullable: true, description: 'against the same unit the year before (null when it has no scorecard then that the caller may see)' })
  async change(@Parent() card: Scorecard, @CurrentCaller() caller: Caller, @Context('req') request: object): Promise<ScorecardChange | null> {
    const previous = await this.previousVisible(this.loadersFor(request, caller), caller, card);
    if (!previous) return null;
    const change = scorecardChange(comparable(card), previous);
    return {
      ...change,
      pointsChange: points(change.pointsChange),
      percentChange: change.percentChange === null ? null : points(change.percentChange),
      fields: change.fields.map((f) => ({ ...f, pointsChange: f.pointsChange === null ? null : points(f.pointsChange) })),
    };
  }
}
