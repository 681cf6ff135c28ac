import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { toUnitReference, unitDecider, unitStreamName, type RegisterUnit, type UnitCommand, type UnitReference } from '@par-index/domain';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { runAggregateCommand, type CommandOutcome } from '../aggregate-command-runner';
import { commandContext, type CommandEnvelope } from '../command-envelope';
import { loadAggregate } from '../shared/load-aggregate';

/** The unit commands as the API receives them: other units are named by id, not yet resolved. */
export type UnitRequest =
  | {
      type: 'RegisterUnit';
      unitId: string;
      name: string;
      level: RegisterUnit['level'];
      group: string;
      region: string | null;
      parentId: string | null;
    }
  | { type: 'RenameUnit'; name: string }
  | { type: 'MoveUnitToGroup'; group: string }
  | { type: 'MergeUnit'; intoId: string }
  | { type: 'DeactivateUnit'; reason: string };

export class ExecuteUnitCommand {
  constructor(
    readonly unitId: string,
    readonly request: UnitRequest,
    readonly envelope: CommandEnvelope,
  ) {}
}

@CommandHandler(ExecuteUnitCommand)
export class UnitCommandHandler implements ICommandHandler<ExecuteUnitCommand, CommandOutcome> {
  constructor(@Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure) {}

  private async reference(unitId: string): Promise<UnitReference | null> {
    const state = await loadAggregate(this.infrastructure.eventStore, unitDecider, unitStreamName(unitId));
    return toUnitReference(state) ?? null;
  }

  async execute({ unitId, request, envelope }: ExecuteUnitCommand): Promise<CommandOutcome> {
    const context = commandContext(envelope);
    const store = this.infrastructure.eventStore;
    let command: UnitCommand;
    switch (request.type) {
      case 'RegisterUnit': {
        const { parentId, ...rest } = request;
        const parent =
          parentId === null ? null : ((await this.reference(parentId)) ?? { unitId: parentId, level: 'province', active: false });
        command = { ...rest, parent, context };
        break;
      }
      case 'MergeUnit': {
        const into = (await this.reference(request.intoId)) ?? { unitId: request.intoId, level: 'province', active: false };
        const outcome = await runAggregateCommand(
          store,
          unitDecider,
          unitStreamName(unitId),
          (): UnitCommand => ({ type: 'MergeUnit', into, context }),
          envelope,
        );
        // The merge's second half, on the surviving unit's stream (same idempotency key: retry-safe).
        const from = await this.reference(unitId);
        await runAggregateCommand(
          store,
          unitDecider,
          unitStreamName(request.intoId),
          (): UnitCommand => ({ type: 'AbsorbUnit', from: { unitId, level: from!.level }, context }),
          { ...envelope, expectedRevision: undefined },
        );
        return outcome;
      }
      default:
        command = { ...request, context };
    }
    return runAggregateCommand(store, unitDecider, unitStreamName(unitId), () => command, envelope);
  }
}
