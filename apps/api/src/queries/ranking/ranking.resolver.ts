import { Inject } from '@nestjs/common';
import { Args, Float, Int, Query, Resolver } from '@nestjs/graphql';
import { DomainError, requireNonEmptyId } from '@par-index/domain';
import type { GroupStatistics as Statistics } from '@par-index/scoring';
import { LIVE_VIEW_ROLES, mayReadLive } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../../errors/application-errors';
import { truncateText } from '../../errors/echo-limit';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { requireGroupKey, requirePageSize } from '../query-args';
import { EVERY_ROW, fieldExists, groupExists, PUBLISHED_ROWS, rankRequestedGroup, type RankedUnit } from './group-ranking';
import { decodeRankingCursor, encodeRankingCursor, rowsAfter } from './ranking-cursor';
import { loadGroupWithPreviousYear } from './ranking-rows.sql';
import { GroupStatistics, Ranking, RankingRow } from './ranking.types';

const points = (hundredths: number) => hundredths / 100;
const pointsOrNull = (hundredths: number | null) => (hundredths === null ? null : hundredths / 100);
export const DEFAULT_BANDS = [90, 80];

/** Band lower bounds in % (at most 2 decimals) → hundredths of a percent, as groupStatistics takes them. */
export function bandThresholds(bands: readonly number[]): number[] {
  if (bands.length > 10) throw new BadUserInputError('bands takes at most 10 thresholds', { field: 'bands' });
  return bands.map((band) => {
    const hundredths = Math.round(band * 100);
    if (!Number.isFinite(band) || band <= 0 || band > 100 || Math.abs(hundredths - band * 100) > 1e-6) {
      throw new BadUserInputError('each band threshold must be a percentage above 0 and at most 100, with at most 2 decimals', {
        field: 'bands',
        value: band,
      });
    }
    return hundredths;
  });
}

export function toStatistics(stats: Statistics): GroupStatistics {
  return {
    count: stats.count,
    indexed: stats.indexed,
    average: pointsOrNull(stats.averagePercent),
    median: pointsOrNull(stats.medianPercent),
    min: pointsOrNull(stats.minPercent),
    max: pointsOrNull(stats.maxPercent),
    averagePoints: pointsOrNull(stats.averagePoints),
    countAboveAverage: stats.countAboveAverage,
    highestUnitIds: stats.highestUnitIds,
    lowestUnitIds: stats.lowestUnitIds,
    bands: stats.bands.map((band) => ({ label: band.label, from: pointsOrNull(band.from), to: pointsOrNull(band.to), count: band.count })),
  };
}

function toRankingRow({ row, entry, change, fieldRanks }: RankedUnit): RankingRow {
  return {
    unit: { id: row.unitId, name: row.unitName, status: row.unitStatus },
    points: points(entry.total),
    maxPoints: points(entry.max),
    index: pointsOrNull(entry.percent),
    rank: entry.rank,
    previousRank: change.previousRank,
    rankChange: change.placesUp,
    scoreChange: pointsOrNull(change.pointsChange),
    indexChange: pointsOrNull(change.percentChange),
    criteriaSetCode: row.criteriaSetCode,
    criteriaSetVersion: row.criteriaSetVersion,
    mixedCriteriaVersions: row.mixedCriteriaVersions,
    status: row.status,
    fields: row.fields.map((f) => ({
      code: f.code,
      name: f.name,
      points: points(f.points),
      max: points(f.max),
      percent: f.max > 0 ? f.percent : null,
      rank: fieldRanks.get(f.code) ?? null,
    })),
  };
}

@Resolver(() => Ranking)
export class RankingResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Query(() => Ranking, {
    description:
      'The ranking of a group (block) for a year, overall or in one field, best first, with the group statistics. ' +
      'By default only published results, ranked among themselves; `live: true` (all roles but unit officers) ranks every opened assessment.',
  })
  async ranking(
    @CurrentCaller() caller: Caller,
    @Args('year', { type: () => Int, description: 'the assessment year' }) year: number,
    @Args('level', { description: 'the level of the group, e.g. "province"' }) level: string,
    @Args('group', { description: 'the group (block), e.g. "provinces"' }) group: string,
    @Args('field', {
      type: () => String,
      nullable: true,
      description: 'a field (component index) code: rank on that field instead of the overall index',
    })
    field: string | null | undefined,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100, description: 'page size (1..1000)' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'a cursor from pageInfo.endCursor: the page after that row' })
    after: string | null | undefined,
    @Args('live', {
      nullable: true,
      defaultValue: false,
      description: 'rank unpublished results too (not for anonymous callers or unit officers)',
    })
    live: boolean,
    @Args('bands', {
      type: () => [Float],
      nullable: true,
      description: 'band lower bounds in %, e.g. [90, 80] for ≥ 90 %, 80–90 %, < 80 % (the default)',
    })
    bands: number[] | null | undefined,
  ): Promise<Ranking> {
    requireGroupKey(year, level, group);
    const take = requirePageSize(first);
    if (field != null) requireNonEmptyId(field, 'field');
    if (live && caller === null) throw new UnauthenticatedError('the live ranking needs a bearer token (Authorization: Bearer <token>)');
    if (live && !mayReadLive(caller)) {
      throw new DomainError(
        'FORBIDDEN_FOR_ROLE',
        `the live ranking is for ${LIVE_VIEW_ROLES.join(', ')}; ask without live for the published ranking`,
        {
          operation: 'ranking',
          argument: 'live',
          allowedRoles: [...LIVE_VIEW_ROLES],
        },
      );
    }
    const cursor = after == null ? null : decodeRankingCursor(after);
    const thresholds = bandThresholds(bands ?? DEFAULT_BANDS);
    const rows = await loadGroupWithPreviousYear(this.infrastructure.readModel, year, level, group, field ?? null);
    if (!groupExists(rows, { year, level, group })) {
      throw new NotFoundError(`No assessment of ${year} in group "${truncateText(group)}" of level ${level}`);
    }
    if (field != null && !fieldExists(rows, year, field)) {
      throw new NotFoundError(`Group "${truncateText(group)}" has no field "${truncateText(field)}" in ${year}`);
    }
    const ranking = rankRequestedGroup(rows, {
      year,
      level,
      group,
      field: field ?? null,
      visible: live ? EVERY_ROW : PUBLISHED_ROWS,
      bands: thresholds,
    });
    const rest = rowsAfter(ranking.units, (unit) => ({ rank: unit.entry.rank, unitId: unit.entry.unitId }), cursor);
    const page = rest.slice(0, take);
    const last = page[page.length - 1];
    return {
      year,
      level,
      group,
      field: field ?? null,
      live,
      statistics: toStatistics(ranking.statistics),
      rows: page.map(toRankingRow),
      pageInfo: {
        hasNextPage: rest.length > take,
        endCursor: last ? encodeRankingCursor({ rank: last.entry.rank, unitId: last.entry.unitId }) : null,
        totalCount: ranking.units.length,
      },
    };
  }
}
