import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { assessmentDecider, assessmentStreamName, DomainError } from '@par-index/domain';
import { ScorecardEntity, type ScorecardRow } from '@par-index/read-model';
import { LIVE_VIEW_ROLES, mayReadLive, mayReadUnpublished } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { foldRecorded } from '../../commands/shared/load-aggregate';
import { UnauthenticatedError } from '../../errors/application-errors';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { PUBLISHED, rankRequestedGroup } from '../ranking/group-ranking';
import { loadGroupOfUnitWithPreviousYear, type GroupScorecardRow } from '../ranking/ranking-rows.sql';
import { requireUnitYear } from '../query-args';
import { rankedAmong } from './scorecard-view';
import { leafResults, scoreInputs, scorecardChange } from './scorecard-detail';
import { loadScoringInputs } from './scorecard-inputs.sql';
import { Scorecard } from './scorecard.types';

const points = (hundredths: number) => hundredths / 100;

@Resolver(() => Scorecard)
export class ScorecardResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Query(() => Scorecard, {
    nullable: true,
    description:
      "A unit's total, index, rank, fields and leaves for a year, with the explanation of its change against the previous year. " +
      'Ranks are those of the published ranking for a published result; of the live ranking for an unpublished one, or when `live: true`.',
  })
  async scorecard(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('year', { type: () => Int, description: 'the assessment year' }) year: number,
    @Args('live', {
      nullable: true,
      defaultValue: false,
      description: 'rank in the live ranking (not for anonymous callers or unit officers)',
    })
    live: boolean,
  ): Promise<Scorecard | null> {
    requireUnitYear(unitId, year);
    if (live && caller === null) throw new UnauthenticatedError('the live ranking needs a bearer token (Authorization: Bearer <token>)');
    if (live && !mayReadLive(caller)) {
      throw new DomainError('FORBIDDEN_FOR_ROLE', `the live ranking is for ${LIVE_VIEW_ROLES.join(', ')}`, {
        operation: 'scorecard',
        argument: 'live',
        allowedRoles: [...LIVE_VIEW_ROLES],
      });
    }
    const db = this.infrastructure.readModel;
    const [row, groupRows, inputs, history] = await Promise.all([
      db.getRepository(ScorecardEntity).findOneBy({ unitId, year }),
      loadGroupOfUnitWithPreviousYear(db, unitId, year),
      loadScoringInputs(db, unitId, year),
      this.infrastructure.eventStore.readStream(assessmentStreamName(unitId, year)),
    ]);
    // an unpublished result the caller may not read is answered as absent (no hint that it exists)
    if (!row || (row.status !== PUBLISHED && !mayReadUnpublished(caller, unitId))) return null;
    const visible = rankedAmong(caller, live, row.status);
    const ranking = rankRequestedGroup(groupRows, { year, level: row.level, group: row.groupCode, field: null, visible, bands: [] });
    const me = ranking.units.find((unit) => unit.row.unitId === unitId);
    const rank = me?.entry.rank ?? null;
    const current = inputs.find((input) => input.year === year);
    const previous = inputs.find((input) => input.year === year - 1 && (input.status === PUBLISHED || mayReadUnpublished(caller, unitId)));
    const currentCard = current ? scoreInputs(current) : null;
    const state = foldRecorded(assessmentDecider, history);
    return {
      ...baseScorecard(row, me?.row.unitName ?? groupRows.find((r) => r.unitId === unitId)?.unitName ?? null),
      live: ranking.units.some((unit) => unit.row.status !== PUBLISHED),
      rank,
      groupSize: ranking.units.length,
      fields: row.fields.map((f) => ({ ...f, points: points(f.points), max: points(f.max), rank: me?.fieldRanks.get(f.code) ?? null })),
      leaves: current && currentCard ? leafResults(current, currentCard, state) : [],
      change:
        currentCard && previous
          ? scorecardChange(currentCard, scoreInputs(previous), year - 1, {
              rank,
              previousRank: me?.change.previousRank ?? null,
              fieldRanks: me?.fieldRanks ?? new Map(),
              previousFieldRanks: previousFieldRanks(groupRows, unitId, year - 1, visible),
            })
          : null,
    };
  }
}

/** The unit's field ranks in its group of `year`, among the same kind of rows. */
function previousFieldRanks(
  rows: GroupScorecardRow[],
  unitId: string,
  year: number,
  visible: (row: GroupScorecardRow) => boolean,
): ReadonlyMap<string, number | null> {
  const own = rows.find((row) => row.unitId === unitId && row.year === year);
  if (!own) return new Map();
  const ranking = rankRequestedGroup(rows, { year, level: own.level, group: own.groupCode, field: null, visible, bands: [] });
  return ranking.units.find((unit) => unit.row.unitId === unitId)?.fieldRanks ?? new Map();
}

function baseScorecard(row: ScorecardRow, unitName: string | null) {
  return {
    unitId: row.unitId,
    unitName,
    year: row.year,
    level: row.level,
    group: row.groupCode,
    status: row.status,
    criteriaSetCode: row.criteriaSetCode,
    criteriaSetVersion: row.criteriaSetVersion,
    mixedCriteriaVersions: row.mixedCriteriaVersions,
    total: points(row.total),
    applicableMax: points(row.applicableMax),
    percent: row.percent,
    bySource: Object.entries(row.bySource).map(([source, value]) => ({ source, points: points(value) })),
    zeroLeaves: row.zeroLeaves,
  };
}
