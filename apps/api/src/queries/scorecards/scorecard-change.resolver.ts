import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ScorecardEntity, type ScorecardRow } from '@par-index/read-model';
import DataLoader from 'dataloader';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { scorecardChange } from './scorecard-change';
import { ScorecardChange } from './scorecard-change.types';
import { Scorecard } from './scorecard.types';

type RowKey = { unitId: string; year: number };
const points = (hundredths: number) => hundredths / 100;

/** `Scorecard.change`: rank and score changes against the previous year, one query per request. */
@Resolver(() => Scorecard)
export class ScorecardChangeResolver {
  private readonly loaders = new WeakMap<object, DataLoader<RowKey, ScorecardRow | null, string>>();

  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  private loader(request: object): DataLoader<RowKey, ScorecardRow | null, string> {
    let loader = this.loaders.get(request);
    if (!loader) {
      loader = new DataLoader<RowKey, ScorecardRow | null, string>(
        async (keys) => {
          const rows = await this.infrastructure.readModel.getRepository(ScorecardEntity).find({ where: keys.map((k) => ({ unitId: k.unitId, year: k.year })) });
          const byKey = new Map(rows.map((row) => [`${row.unitId}\u0000${row.year}`, row]));
          return keys.map((k) => byKey.get(`${k.unitId}\u0000${k.year}`) ?? null);
        },
        { cacheKeyFn: (k) => `${k.unitId}\u0000${k.year}` },
      );
      this.loaders.set(request, loader);
    }
    return loader;
  }

  @ResolveField(() => ScorecardChange, { nullable: true, description: 'against the same unit the year before (null when it had no scorecard then)' })
  async change(@Parent() card: Scorecard, @Context('req') request: object): Promise<ScorecardChange | null> {
    const loader = this.loader(request ?? card);
    const [current, previous] = await Promise.all([loader.load({ unitId: card.unitId, year: card.year }), loader.load({ unitId: card.unitId, year: card.year - 1 })]);
    if (!current || !previous) return null;
    const change = scorecardChange(current, previous);
    return {
      ...change,
      pointsChange: points(change.pointsChange),
      percentChange: change.percentChange === null ? null : points(change.percentChange),
      fields: change.fields.map((f) => ({ ...f, pointsChange: f.pointsChange === null ? null : points(f.pointsChange) })),
    };
  }
}
