import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  assessmentDecider,
  assessmentStreamName,
  boundCriteriaSet,
  criteriaSetDecider,
  criteriaSetStreamName,
  DomainError,
  resolveCriteriaSet,
  toAssessedUnit,
  unitDecider,
  unitStreamName,
  type AssessmentCommand,
  type AssessmentState,
  type ResolvedCriteriaSet,
} from '@par-index/domain';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { runAggregateCommand, type CommandOutcome } from '../aggregate-command-runner';
import { commandContext, type CommandEnvelope } from '../command-envelope';
import { AggregateCache } from '../shared/aggregate-cache';
import { loadAggregate } from '../shared/load-aggregate';

type WithoutResolved<T> = T extends unknown ? Omit<T, 'context' | 'criteriaSet' | 'targetCriteriaSet' | 'unit' | 'unitId' | 'year'> : never;
export type AssessmentRequest = WithoutResolved<AssessmentCommand>;

export class ExecuteAssessmentCommand {
  constructor(
    readonly unitId: string,
    readonly year: number,
    readonly request: AssessmentRequest,
    readonly envelope: CommandEnvelope,
    /**
     * OpenAssessment: which criteria set to bind (default: its latest published version);
     * MoveAssessmentToCriteriaVersion: the version to move to (default: the latest).
     */
    readonly criteriaSet?: { code?: string; version?: number },
  ) {}
}

/** Resolves what the pure decide needs from other streams (criteria set, unit), then runs it. */
@CommandHandler(ExecuteAssessmentCommand)
export class AssessmentCommandHandler implements ICommandHandler<ExecuteAssessmentCommand, CommandOutcome> {
  private readonly criteriaSets = new AggregateCache(criteriaSetDecider);

  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  private async resolveSet(code: string, version?: number): Promise<ResolvedCriteriaSet> {
    const state = await this.criteriaSets.load(this.infrastructure.eventStore, criteriaSetStreamName(code));
    const resolved = resolveCriteriaSet(state, version);
    if (!resolved) {
      throw new DomainError('CRITERIA_SET_NOT_PUBLISHED', `Criteria set ${code}${version ? ` version ${version}` : ''} is not published`, {
        code,
        version,
      });
    }
    return resolved;
  }

  async execute({ unitId, year, request, envelope, criteriaSet }: ExecuteAssessmentCommand): Promise<CommandOutcome> {
    const store = this.infrastructure.eventStore;
    const context = commandContext(envelope);
    // The bound criteria-set version comes from the state runAggregateCommand folded (one read).
    const buildCommand = async (current: AssessmentState): Promise<AssessmentCommand> => {
      const bound = boundCriteriaSet(current);
      if (request.type === 'OpenAssessment') {
        const code = criteriaSet?.code ?? bound?.code;
        if (!code)
          throw new DomainError('VALIDATION_FAILED', 'criteriaSetCode is required to open an assessment', { field: 'criteriaSetCode' });
        const unit = toAssessedUnit(await loadAggregate(store, unitDecider, unitStreamName(unitId)));
        return { ...request, unitId, year, unit, criteriaSet: await this.resolveSet(code, criteriaSet?.version), context };
      }
      if (!bound) throw new DomainError('ASSESSMENT_NOT_OPEN', `No assessment of ${unitId} for ${year} has been opened`, { unitId, year });
      if (request.type === 'MoveAssessmentToCriteriaVersion') {
        const [from, to] = await Promise.all([
          this.resolveSet(bound.code, bound.version),
          this.resolveSet(bound.code, criteriaSet?.version),
        ]);
        return { ...request, criteriaSet: from, targetCriteriaSet: to, context };
      }
      return { ...request, criteriaSet: await this.resolveSet(bound.code, bound.version), context } as AssessmentCommand;
    };
    return runAggregateCommand(store, assessmentDecider, assessmentStreamName(unitId, year), buildCommand, envelope);
  }
}
