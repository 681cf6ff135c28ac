import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { DomainError, PUBLISHED_STATUS } from '@par-index/domain';
import {
  assessmentAsOf,
  foldReadModelAsOf,
  groupScorecardsAsOf,
  type AssessmentRow,
  type ReadModelAsOf,
  type ScorecardRow,
} from '@par-index/read-model';
import { LIVE_VIEW_ROLES, mayReadLive, mayReadUnpublished } from '../../auth/access-policy';
import { UnauthenticatedError } from '../../errors/application-errors';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { requireGroupKey, requirePageSize, requireUnitYear } from '../query-args';
import { parseAsOf } from './as-of';
import { eventsAsOf } from './events-as-of';
import { ScorecardAsOf, toScorecardAsOf } from './time-travel.types';

const AS_OF = 'an ISO-8601 instant with an offset (2024-06-30T17:00:00+07:00) or a global position of the event store (digits)';

/**
 * Time travel: the scorecard and the ranking exactly as they were at a past moment, computed by
 * folding the event store's events up to that moment through the read models' own projections and
 * libs/scoring (see foldReadModelAsOf). Separate root fields and type (ScorecardAsOf) beside
 * `scorecard`/`ranking`, so the live queries stay read-model lookups and can grow independently; the same access rules apply (status as of that moment), and
 * a restricted caller's ranks are computed among the results it may see, exactly.
 */
@Resolver(() => ScorecardAsOf)
export class TimeTravelResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  private async stateAt(asOfText: string): Promise<ReadModelAsOf> {
    const asOf = parseAsOf(asOfText);
    return foldReadModelAsOf(await eventsAsOf(this.infrastructure.eventStore, asOf));
  }

  @Query(() => ScorecardAsOf, {
    nullable: true,
    description: `A unit's scorecard as it was at asOf: ${AS_OF}. Null when it did not exist then or the caller may not read it.`,
  })
  async scorecardAsOf(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('year', { type: () => Int, description: 'the assessment year' }) year: number,
    @Args('asOf', { description: AS_OF }) asOf: string,
  ): Promise<ScorecardAsOf | null> {
    requireUnitYear(unitId, year);
    const state = await this.stateAt(asOf);
    const assessment = assessmentAsOf(state, unitId, year);
    // an unpublished result the caller may not read is answered as absent (no hint that it existed)
    if (!assessment || !visibleTo(caller)(assessment)) return null;
    const row = groupScorecardsAsOf(state, assessment, visibleTo(caller)).find((card) => card.unitId === unitId);
    return row ? toScorecardAsOf(row, state.units.get(unitId)?.name ?? null) : null;
  }

  @Query(() => [ScorecardAsOf], { description: `The ranking of a group as it was at asOf: ${AS_OF}. Best first; ranks as computed then.` })
  async rankingAsOf(
    @CurrentCaller() caller: Caller,
    @Args('year', { type: () => Int, description: 'the assessment year' }) year: number,
    @Args('level', { description: 'the level assessed (province, ministry, department, district, commune, central_agency)' }) level: string,
    @Args('group', { description: 'the group (block) ranked' }) group: string,
    @Args('asOf', { description: AS_OF }) asOf: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100, description: 'at most this many rows (1..1000)' }) first: number,
    @Args('live', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description:
        'false (default): the published ranking as of then, as `ranking` answers; true: every opened assessment as of then (workflow roles only)',
    })
    live: boolean,
  ): Promise<ScorecardAsOf[]> {
    requireGroupKey(year, level, group);
    const take = requirePageSize(first);
    requireLiveAllowed(caller, live === true);
    const state = await this.stateAt(asOf);
    const visible = live === true ? () => true : (row: AssessmentRow) => row.status === PUBLISHED_STATUS;
    return groupScorecardsAsOf(state, { year, level, groupCode: group }, visible)
      .sort(byRank)
      .slice(0, take)
      .map((row) => toScorecardAsOf(row, state.units.get(row.unitId)?.name ?? null));
  }
}

/** The live (unpublished) ranking, then as now, is for the workflow roles. */
function requireLiveAllowed(caller: Caller, live: boolean): void {
  if (!live) return;
  if (caller === null) throw new UnauthenticatedError('the live ranking needs a bearer token (Authorization: Bearer <token>)');
  if (!mayReadLive(caller)) {
    throw new DomainError(
      'FORBIDDEN_FOR_ROLE',
      `the live ranking is for ${LIVE_VIEW_ROLES.join(', ')}; ask without live for the published ranking`,
      {
        operation: 'rankingAsOf',
        argument: 'live',
        allowedRoles: [...LIVE_VIEW_ROLES],
      },
    );
  }
}

/**
 * What a caller may see of a past moment: results published then, and the unpublished ones of the
 * units it may read. Restricted callers get ranks among what they see, as the live ranking does.
 */
function visibleTo(caller: Caller): (row: AssessmentRow) => boolean {
  return (row) => row.status === PUBLISHED_STATUS || mayReadUnpublished(caller, row.unitId);
}

/** Ranked units first by rank, then unitId; units without an applicable maximum (rank 0) last. */
function byRank(a: ScorecardRow, b: ScorecardRow): number {
  const rankA = a.rank === 0 ? Number.MAX_SAFE_INTEGER : a.rank;
  const rankB = b.rank === 0 ? Number.MAX_SAFE_INTEGER : b.rank;
  return rankA - rankB || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);
}
