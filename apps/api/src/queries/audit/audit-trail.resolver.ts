import { Inject } from '@nestjs/common';
import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { assessmentStreamName, DomainError, requireNonEmptyId } from '@par-index/domain';
import { NotFoundError } from '../../errors/application-errors';
import { truncateText } from '../../errors/echo-limit';
import { mayReadUnpublished, WHOLE_STORE_VERIFY_ROLES } from '../../auth/access-policy';
import { CurrentCaller } from '../../auth/caller.decorator';
import type { Caller } from '../../auth/identity';
import { Role } from '../../graphql/enums';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { JSONScalar } from '../../graphql/scalars/json.scalar';
import { happenedBy, parseAsOf } from '../time-travel/as-of';
import { eventDataInPoints } from './points-in-event-data';

@ObjectType({ description: 'One fact of the audit trail: what happened, who did it, when, and why.' })
export class AuditEvent {
  @Field({ description: 'the stream of the event' }) streamName!: string;
  @Field({ description: 'its revision in the stream (0-based, decimal)' }) revision!: string;
  @Field({ description: 'its global position in the store (decimal)' }) position!: string;
  @Field({ description: 'the event type, e.g. SelfScoreRecorded' }) type!: string;
  @Field(() => JSONScalar, { description: 'the event data as JSON, scores, points, maxima and totals in points (86.93)' }) data!: unknown;
  @Field(() => JSONScalar, {
    description: 'the event data exactly as stored: scores, points, maxima and totals in integer hundredths (8693)',
  })
  storedData!: unknown;
  @Field({ description: 'who caused it (the token subject)' }) actorId!: string;
  @Field(() => Role, { description: 'the role they acted in' }) actorRole!: string;
  @Field({ description: 'when (ISO-8601)' }) occurredAt!: string;
  @Field({ description: 'the request that caused it' }) correlationId!: string;
  @Field({ description: 'its link in the hash chain' }) hash!: string;
}

@ObjectType({ description: 'The result of recomputing the hash chain.' })
export class ChainVerification {
  @Field({ description: 'true when every link verified' }) ok!: boolean;
  @Field(() => Int, { description: 'events checked' }) eventsChecked!: number;
  @Field(() => String, { nullable: true, description: 'the stream of the first broken link' }) brokenStream!: string | null;
  @Field(() => String, { nullable: true, description: 'the revision of the first broken link' }) brokenRevision!: string | null;
  @Field(() => String, { nullable: true, description: 'why it is broken' }) reason!: string | null;
}

@Resolver()
export class AuditTrailResolver {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  @Query(() => [AuditEvent], {
    description:
      'Every event of a unit-year assessment, oldest first; with asOf (an ISO-8601 instant with an offset, or a global position) only those that had happened by then.',
  })
  async assessmentHistory(
    @CurrentCaller() caller: Caller,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('year', { description: 'the assessment year', type: () => Int }) year: number,
    @Args('asOf', { description: 'only events up to this instant (ISO-8601 with an offset)', nullable: true }) asOf?: string,
  ): Promise<AuditEvent[]> {
    if (!mayReadUnpublished(caller, unitId)) {
      throw new DomainError('FORBIDDEN_FOR_UNIT', `the caller does not act for unit "${unitId}"`, { unitId });
    }
    const until = asOf == null ? null : parseAsOf(asOf);
    const events = await this.infrastructure.eventStore.readStream(assessmentStreamName(unitId, year));
    return events
      .filter((event) => until === null || happenedBy(until, event))
      .map((event) => ({
        streamName: event.streamName,
        revision: event.revision.toString(),
        position: event.position.toString(),
        type: event.type,
        data: eventDataInPoints(event.data),
        storedData: event.data,
        actorId: event.metadata.actorId,
        actorRole: event.metadata.actorRole,
        occurredAt: event.metadata.occurredAt,
        correlationId: event.metadata.correlationId,
        hash: event.hash,
      }));
  }

  @Query(() => ChainVerification, { description: 'Recompute the tamper-evident hash chain of one stream (or of all).' })
  async verifyAuditTrail(
    @CurrentCaller() caller: Caller,
    @Args('streamName', { description: 'a stream, e.g. assessment-binh-duong-2024 (default: the whole store)', nullable: true })
    streamName?: string,
  ): Promise<ChainVerification> {
    if (streamName != null) requireNonEmptyId(streamName, 'streamName');
    if (!streamName && !caller?.roles.some((role) => WHOLE_STORE_VERIFY_ROLES.includes(role))) {
      throw new DomainError(
        'FORBIDDEN_FOR_ROLE',
        `verifying the whole store is for ${WHOLE_STORE_VERIFY_ROLES.join(' and ')} only; name a streamName`,
        {
          allowedRoles: [...WHOLE_STORE_VERIFY_ROLES],
        },
      );
    }
    const result = await this.infrastructure.eventStore.verify(streamName ?? undefined);
    if (streamName != null && result.eventsChecked === 0) {
      throw new NotFoundError(`There is no stream named "${truncateText(streamName)}"`);
    }
    return {
      ok: result.ok,
      eventsChecked: result.eventsChecked,
      brokenStream: result.firstBrokenLink?.streamName ?? null,
      brokenRevision: result.firstBrokenLink?.revision.toString() ?? null,
      reason: result.firstBrokenLink?.reason ?? null,
    };
  }
}
