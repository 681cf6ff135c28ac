import { Inject } from '@nestjs/common';
import { Args, Field, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { requireNonEmptyId, requireNonEmptyText } from '@par-index/domain';
import { AssessmentEntity } from '@par-index/read-model';
import { LessThan } from 'typeorm';
import { toGraphQLError } from '../../errors/to-graphql-error';
import { Actor, type RequestActor } from '../../graphql/actor.decorator';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { parseSetVersion } from '../shared/command-args';
import { CommandDispatch } from '../shared/command-dispatch';
import { CommandResult } from '../shared/command-result.type';
import { ExecuteAssessmentCommand } from './assessment.command';

@ObjectType({ description: 'One assessment a bulk move could not move, with the typed reason.' })
export class AssessmentMoveFailure {
  @Field({ description: 'the unit id' }) unitId!: string;
  @Field(() => Int, { description: 'the assessment year' }) year!: number;
  @Field({ description: 'the typed error code (e.g. ASSESSMENT_NOT_OPEN)' }) code!: string;
  @Field({ description: 'the error message' }) message!: string;
}

@ObjectType({ description: 'What moving every assessment of a criteria set to a newer version did.' })
export class AssessmentsMoved {
  @Field(() => [CommandResult], { description: 'the assessments moved' }) moved!: CommandResult[];
  @Field(() => [AssessmentMoveFailure], { description: 'the assessments that could not be moved, with why' })
  failed!: AssessmentMoveFailure[];
}

const BULK_LIMIT = 5_000;

/** Criteria revisions applied on purpose: an assessment (or all of a set's) moves to a newer version, as events. */
@Resolver()
export class CriteriaRevisionResolver {
  constructor(
    private readonly dispatch: CommandDispatch,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  private moveCommand(
    actor: RequestActor,
    unitId: string,
    year: number,
    code: string | undefined,
    version: number | undefined,
    reason: string,
  ) {
    const request = { type: 'MoveAssessmentToCriteriaVersion' as const, reason };
    return new ExecuteAssessmentCommand(unitId, year, request, this.dispatch.envelope(actor), { code, version });
  }

  @Mutation(() => CommandResult, {
    description:
      'Move one assessment to a newer version of its criteria set (default: the latest): unchanged leaves carry over, removed leaves drop, ' +
      'scores above a lowered maximum are flagged for the appraiser, never capped; an approved or published result returns to appraisal.',
  })
  moveAssessmentToCriteriaVersion(
    @Actor() actor: RequestActor,
    @Args('unitId', { description: 'the unit id' }) unitId: string,
    @Args('year', { description: 'the assessment year', type: () => Int }) year: number,
    @Args('reason', { description: 'why (kept in the audit trail)' }) reason: string,
    @Args('version', { description: 'the target version of the set (default: the latest published)', type: () => Int, nullable: true })
    version?: number,
  ) {
    return this.dispatch.send(this.moveCommand(actor, unitId, year, undefined, parseSetVersion(version), reason));
  }

  @Mutation(() => AssessmentsMoved, {
    description: 'Move every assessment bound to an older version of a criteria set to a newer one (default: the latest).',
  })
  async moveAssessmentsToCriteriaVersion(
    @Actor() actor: RequestActor,
    @Args('criteriaSetCode', { description: 'the criteria set code' }) criteriaSetCode: string,
    @Args('reason', { description: 'why (kept in the audit trail)' }) reason: string,
    @Args('version', { description: 'the target version of the set (default: the latest published)', type: () => Int, nullable: true })
    version?: number,
  ): Promise<AssessmentsMoved> {
    // refused up front: with no matching rows the loop below would answer an empty success
    requireNonEmptyId(criteriaSetCode, 'criteriaSetCode');
    requireNonEmptyText(reason, 'reason');
    version = parseSetVersion(version);
    const rows = await this.infrastructure.readModel.getRepository(AssessmentEntity).find({
      where: { criteriaSetCode, ...(version ? { criteriaSetVersion: LessThan(version) } : {}) },
      order: { year: 'ASC', unitId: 'ASC' },
      take: BULK_LIMIT,
    });
    const result: AssessmentsMoved = { moved: [], failed: [] };
    for (const row of rows) {
      try {
        const outcome = await this.dispatch.execute(
          this.moveCommand(actor, row.unitId, row.year, criteriaSetCode, version ?? undefined, reason),
        );
        if (outcome.eventTypes.length > 0) result.moved.push(outcome);
      } catch (error) {
        const typed = toGraphQLError(error);
        if (typed.extensions.code === 'FORBIDDEN_FOR_ROLE' || typed.extensions.code === 'UNAUTHENTICATED') throw error;
        result.failed.push({ unitId: row.unitId, year: row.year, code: String(typed.extensions.code), message: typed.message });
      }
    }
    result.moved = await this.dispatch.awaitProjection(result.moved);
    return result;
  }
}
