import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { assessmentDecider, assessmentStreamName, requireNonEmptyId } from '@par-index/domain';
import { mayReadUnpublished } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { foldRecorded } from '../../commands/shared/load-aggregate';
import { NotFoundError } from '../../errors/application-errors';
import { truncateText } from '../../errors/echo-limit';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { PUBLISHED, rankRequestedGroup } from '../ranking/group-ranking';
import { loadGroupsOfUnit } from '../ranking/ranking-rows.sql';
import { requireUnitYear } from '../query-args';
import { rankedAmong } from '../scorecards/scorecard-view';
import { ObjectionView, UnitYear } from './history.types';

const dateOrNull = (iso: string | undefined) => (iso === undefined ? null : new Date(iso));
const orNull = (hundredths: number | null | undefined) => (hundredths == null ? null : hundredths / 100);

@Resolver()
export class HistoryResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Query(() => [UnitYear], {
    description:
      "A unit's points, index and rank in every year it was assessed, oldest first (unpublished years only for those who may read them).",
  })
  async unitHistory(@CurrentCaller() caller: Caller, @Args('unitId', { description: 'the unit id' }) unitId: string): Promise<UnitYear[]> {
    requireNonEmptyId(unitId, 'unitId');
    const rows = await loadGroupsOfUnit(this.infrastructure.readModel, unitId);
    const own = rows.filter((row) => row.unitId === unitId).sort((a, b) => a.year - b.year);
    if (own.length === 0) throw new NotFoundError(`Unit "${truncateText(unitId)}" has no assessed year`);
    return own
      .filter((row) => row.status === PUBLISHED || mayReadUnpublished(caller, unitId))
      .map((row) => {
        const visible = rankedAmong(caller, false, row.status);
        const ranking = rankRequestedGroup(rows, {
          year: row.year,
          level: row.level,
          group: row.groupCode,
          field: null,
          visible,
          bands: [],
        });
        const live = ranking.units.some((unit) => unit.row.status !== PUBLISHED);
        const entry = ranking.units.find((unit) => unit.row.unitId === unitId)?.entry;
        return {
          year: row.year,
          level: row.level,
          group: row.groupCode,
          status: row.status,
          points: row.total / 100,
          index: orNull(entry?.percent),
          rank: entry?.rank ?? null,
          groupSize: ranking.units.length,
          live,
        };
      });
  }

  @Query(() => [ObjectionView], {
    description: "Objections filed in a unit-year's appraisal, with the council's decisions, in filing order.",
  })
  async objections(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('year', { type: () => Int, description: 'the assessment year' }) year: number,
  ): Promise<ObjectionView[]> {
    requireUnitYear(unitId, year);
    const history = await this.infrastructure.eventStore.readStream(assessmentStreamName(unitId, year));
    const state = foldRecorded(assessmentDecider, history);
    if (state.status === 'not_opened') throw new NotFoundError(`No assessment of "${truncateText(unitId)}" in ${year}`);
    // before publication, objections are as private as the scores they are about
    if (state.status !== 'published' && !mayReadUnpublished(caller, unitId)) return [];
    const filedAt = new Map(
      history.filter((e) => e.type === 'ObjectionFiled').map((e) => [String(e.data.objectionId), e.metadata.occurredAt]),
    );
    return [...state.objections.values()].map((o) => ({
      objectionId: o.objectionId,
      leafCode: o.leafCode,
      kind: o.kind,
      text: o.text,
      evidenceRefs: o.evidenceRefs,
      proposedScore: orNull(o.proposedScore),
      filedAt: dateOrNull(filedAt.get(o.objectionId)),
      outcome: o.decision?.outcome ?? null,
      decisionReason: o.decision?.reason ?? null,
      correctedScore: orNull(o.decision?.correctedScore),
      decidedAt: dateOrNull(o.decision?.at),
      decidedBy: o.decision?.by ?? null,
    }));
  }
}
