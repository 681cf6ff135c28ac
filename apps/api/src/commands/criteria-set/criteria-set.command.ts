import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { criteriaSetDecider, criteriaSetStreamName, type CriteriaSetCommand } from '@par-index/domain';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { runAggregateCommand, type CommandOutcome } from '../aggregate-command-runner';
import { commandContext, type CommandEnvelope } from '../command-envelope';

type WithoutContext<T> = T extends unknown ? Omit<T, 'context'> : never;

export class ExecuteCriteriaSetCommand {
  constructor(
    readonly code: string,
    readonly command: WithoutContext<CriteriaSetCommand>,
    readonly envelope: CommandEnvelope,
  ) {}
}

@CommandHandler(ExecuteCriteriaSetCommand)
export class CriteriaSetCommandHandler implements ICommandHandler<ExecuteCriteriaSetCommand, CommandOutcome> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  execute({ code, command, envelope }: ExecuteCriteriaSetCommand): Promise<CommandOutcome> {
    const context = commandContext(envelope);
    return runAggregateCommand(
      this.infrastructure.eventStore,
      criteriaSetDecider,
      criteriaSetStreamName(code),
      () => ({ ...command, context }) as CriteriaSetCommand,
      envelope,
    );
  }
}
