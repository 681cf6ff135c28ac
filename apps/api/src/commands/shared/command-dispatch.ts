import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, type ICommand } from '@nestjs/cqrs';
import { waitForCheckpoints } from '@par-index/read-model';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import type { RequestActor } from '../../graphql/actor.decorator';
import type { CommandOutcome } from '../aggregate-command-runner';
import { newEnvelope, type CommandEnvelope } from '../command-envelope';
import { commandFingerprint } from '../command-fingerprint';
import { parseExpectedRevision, parseIdempotencyKey } from './command-args';
import type { CommandResult } from './command-result.type';

/** Wraps a domain command with its envelope, sends it on the CommandBus, waits for the projection. */
@Injectable()
export class CommandDispatch {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  envelope(actor: RequestActor, expectedRevision?: string | null): CommandEnvelope {
    return newEnvelope({ ...actor, idempotencyKey: parseIdempotencyKey(actor.idempotencyKey), expectedRevision: parseExpectedRevision(expectedRevision) });
  }

  /** Every Execute*Command carries its envelope; the rest of its fields are what it asks for. */
  private withFingerprint(command: ICommand & { envelope: CommandEnvelope }): ICommand {
    const { envelope, ...args } = command;
    const commandHash = commandFingerprint(command.constructor.name, args);
    return Object.assign(Object.create(Object.getPrototypeOf(command) as object) as ICommand, command, { envelope: { ...envelope, commandHash } });
  }

  async send(command: ICommand & { envelope: CommandEnvelope }): Promise<CommandResult> {
    const outcome = await this.commandBus.execute<ICommand, CommandOutcome>(this.withFingerprint(command));
    const wait =
      outcome.position === null
        ? { projected: true as const }
        : await waitForCheckpoints(this.infrastructure.readModel, this.infrastructure.projectionNames, outcome.position, 5_000);
    return {
      streamName: outcome.streamName,
      revision: outcome.revision.toString(),
      position: outcome.position?.toString() ?? null,
      eventTypes: outcome.eventTypes,
      replayed: outcome.replayed,
      projected: wait.projected,
      notProjectedReason: wait.projected ? null : wait.reason,
    };
  }
}
