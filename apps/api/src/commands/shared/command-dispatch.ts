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
    return newEnvelope({
      ...actor,
      idempotencyKey: parseIdempotencyKey(actor.idempotencyKey),
      expectedRevision: parseExpectedRevision(expectedRevision),
    });
  }

  /** Every Execute*Command carries its envelope; the rest of its fields are what it asks for. */
  private withFingerprint(command: ICommand & { envelope: CommandEnvelope }): ICommand {
    const { envelope, ...args } = command;
    const commandHash = commandFingerprint(command.constructor.name, args);
    return Object.assign(Object.create(Object.getPrototypeOf(command) as object) as ICommand, command, {
      envelope: { ...envelope, commandHash },
    });
  }

  async send(command: ICommand & { envelope: CommandEnvelope }): Promise<CommandResult> {
    const [result] = await this.awaitProjection([await this.execute(command)]);
    return result!;
  }

  /** Runs the command without waiting for its projection: a bulk caller waits once, with awaitProjection. */
  async execute(command: ICommand & { envelope: CommandEnvelope }): Promise<CommandResult> {
    const outcome = await this.commandBus.execute<ICommand, CommandOutcome>(this.withFingerprint(command));
    return {
      streamName: outcome.streamName,
      revision: outcome.revision.toString(),
      position: outcome.position?.toString() ?? null,
      eventTypes: outcome.eventTypes,
      replayed: outcome.replayed,
      projected: false,
      notProjectedReason: 'not awaited',
    };
  }

  /**
   * Read-your-writes for executed commands: one wait (at most 5 s) for the last position among them,
   * its answer on each. Waiting per command would cost a stopped projector 5 s per assessment of a bulk move.
   */
  async awaitProjection(results: CommandResult[]): Promise<CommandResult[]> {
    const positions = results.flatMap((r) => (r.position === null ? [] : [BigInt(r.position)]));
    const wait =
      positions.length === 0
        ? { projected: true as const }
        : await waitForCheckpoints(
            this.infrastructure.readModel,
            this.infrastructure.projectionNames,
            positions.reduce((a, b) => (b > a ? b : a)),
            5_000,
          );
    return results.map((r) => ({ ...r, projected: wait.projected, notProjectedReason: wait.projected ? null : wait.reason }));
  }
}
