import { Inject } from '@nestjs/common';
import { Args, Field, Float, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DomainError, requireNonEmptyId } from '@par-index/domain';
import { AuditTimelineEntity, type AuditTimelineRow } from '@par-index/read-model';
import { mayReadUnpublished } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { NotFoundError } from '../../errors/application-errors';
import { JSONScalar } from '../../graphql/scalars/json.scalar';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { requireUnitYear } from '../query-args';

@ObjectType({ description: 'One value of one leaf an event changed: old → new.' })
export class AuditValueChange {
  @Field({ description: 'the leaf whose value changed' }) leafCode!: string;
  @Field({
    description:
      'selfScore, appraisalScore, resultPoints (survey/indicator points), rawValue (the raw survey/indicator value, not points) or applicableMax',
  })
  field!: string;
  @Field(() => Float, { nullable: true, description: 'the value before the event, in points (null: none)' }) from!: number | null;
  @Field(() => Float, { nullable: true, description: 'the value after the event, in points (null: removed)' }) to!: number | null;
}

@ObjectType({
  description:
    'One step of an assessment as an auditor reads it: what changed, who did it in which role, when, why, and where in the event store.',
})
export class AuditTimelineEntry {
  @Field({ description: 'global position in the event store (asOf accepts it)' }) position!: string;
  @Field({ description: 'the id of the event in the event store' }) eventId!: string;
  @Field({ description: 'revision of the event in its assessment stream' }) streamRevision!: string;
  @Field({ description: 'the event type, e.g. AppraisalScoreRecorded, ObjectionDecided, AssessmentReopened' }) eventType!: string;
  @Field({
    description:
      "'leaf' for an event on named leaves; 'assessment' for a workflow step or a criteria-version move, shown in every leaf's timeline",
  })
  scope!: string;
  @Field(() => [String], { description: 'the leaves the event names or changed' }) leafCodes!: string[];
  @Field(() => [AuditValueChange], {
    description: 'every value the event changed, old → new (narrowed to leafCode when asked for one leaf)',
  })
  changes!: AuditValueChange[];
  @Field(() => String, { nullable: true, description: 'workflow status before a workflow step' }) statusFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'workflow status after a workflow step' }) statusTo!: string | null;
  @Field({ description: 'who did it (the token subject)' }) actorId!: string;
  @Field({ description: 'the role it acted in' }) actorRole!: string;
  @Field(() => String, { nullable: true, description: "the reason, objection text, council decision's reason or self-score note" })
  reason!: string | null;
  @Field({ description: 'when it happened (ISO-8601, as recorded)' }) occurredAt!: string;
  @Field(() => JSONScalar, {
    description: 'what else the event says (objection id, kind and outcome, evidence, decision reference, criteria versions...), in points',
  })
  details!: unknown;
}

@Resolver()
export class AuditTimelineResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Query(() => [AuditTimelineEntry], {
    description:
      "The audit timeline of a unit-year, oldest first: every change old → new, objections and council decisions in line, workflow steps and criteria-version moves. With leafCode: that leaf's events and the assessment-wide ones, changes narrowed to the leaf.",
  })
  async auditTimeline(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('year', { type: () => Int, description: 'the assessment year' }) year: number,
    @Args('leafCode', { nullable: true, description: "one leaf's timeline (with the assessment-wide steps); all leaves when absent" })
    leafCode?: string,
  ): Promise<AuditTimelineEntry[]> {
    requireUnitYear(unitId, year);
    if (leafCode != null) requireNonEmptyId(leafCode, 'leafCode');
    if (!mayReadUnpublished(caller, unitId)) {
      throw new DomainError('FORBIDDEN_FOR_UNIT', `the caller does not act for unit "${unitId}"`, { unitId });
    }
    const query = this.infrastructure.readModel
      .getRepository(AuditTimelineEntity)
      .createQueryBuilder('t')
      .where('t.unit_id = :unitId AND t.year = :year', { unitId, year })
      .orderBy('t.position', 'ASC');
    if (leafCode != null)
      query.andWhere(`(t.scope = 'assessment' OR t.leaf_codes @> CAST(:leaf AS jsonb))`, { leaf: JSON.stringify([leafCode]) });
    const rows = await query.getMany();
    if (rows.length === 0)
      throw new NotFoundError(
        `There is no assessment of "${unitId}" for ${year}${leafCode == null ? '' : ` with events on leaf "${leafCode}"`}`,
      );
    return rows.map((row) => toEntry(row, leafCode ?? null));
  }
}

function toEntry(row: AuditTimelineRow, leafCode: string | null): AuditTimelineEntry {
  const changes = leafCode === null ? row.changes : row.changes.filter((change) => change.leafCode === leafCode);
  return { ...row, position: String(row.position), streamRevision: String(row.streamRevision), changes };
}
