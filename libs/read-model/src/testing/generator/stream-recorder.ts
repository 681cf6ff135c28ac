import { eventMetadataFor, type ActorRole, type Decider, type DomainEventType } from '@par-index/domain';
import type { EventToAppend, ExpectedRevision } from '@par-index/eventstore';
import { seededUuid } from './random';

/** Who issues a generated command, and when (the generator's own clock, never the machine's). */
export interface GeneratedActor {
  actorId: string;
  actorRole: ActorRole;
  unitIds: readonly string[] | '*';
}

/** A command as the public API would receive it (the API driver replays these as mutations). */
export interface IssuedCommand {
  streamName: string;
  actor: GeneratedActor;
  now: string;
  command: { type: string } & Record<string, unknown>;
}

/** Events to append to one stream in one call, with the revision the stream must be at. */
export interface StreamChunk {
  streamName: string;
  expected: ExpectedRevision;
  events: EventToAppend[];
  commands: IssuedCommand[];
}

/**
 * Runs commands through an aggregate's pure decider (so every generated event is one the domain
 * would accept), folds them into its state, and collects them with metadata and seeded ids.
 */
export class StreamRecorder<C extends { type: string }, E extends { type: string; data: object }, S> {
  state: S;
  private revision = -1;
  private flushedRevision = -1;
  private commandCount = 0;
  private pending: EventToAppend[] = [];
  private issued: IssuedCommand[] = [];

  constructor(
    private readonly decider: Decider<C, E, S>,
    readonly streamName: string,
    private readonly seed: number,
  ) {
    this.state = decider.initialState();
  }

  /** Decides `build(context)` on the current state; a refusal throws (the generator only issues valid commands). */
  run(
    actor: GeneratedActor,
    now: string,
    build: (context: { now: string; actorId: string; actorRole: ActorRole; unitIds: readonly string[] | '*' }) => C,
    request?: Record<string, unknown>,
  ): E[] {
    const context = { now, actorId: actor.actorId, actorRole: actor.actorRole, unitIds: actor.unitIds };
    const command = build(context);
    const events = this.decider.decide(command, this.state);
    const key = seededUuid(this.seed, `${this.streamName}#command${this.commandCount++}`);
    for (const event of events) {
      this.state = this.decider.evolve(this.state, event);
      this.revision += 1;
      this.pending.push({
        id: seededUuid(this.seed, `${this.streamName}#${this.revision}`),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          ...eventMetadataFor(event.type as DomainEventType, { ...context, correlationId: key, causationId: key, idempotencyKey: key }),
        },
      });
    }
    this.issued.push({ streamName: this.streamName, actor, now, command: { ...(request ?? stripResolved(command)), type: command.type } });
    return events;
  }

  /** The events decided since the last flush, to append with the revision the stream had then. */
  flush(): StreamChunk | null {
    if (this.pending.length === 0 && this.issued.length === 0) return null;
    const chunk: StreamChunk = {
      streamName: this.streamName,
      expected: this.flushedRevision < 0 ? 'no_stream' : BigInt(this.flushedRevision),
      events: this.pending,
      commands: this.issued,
    };
    this.flushedRevision = this.revision;
    this.pending = [];
    this.issued = [];
    return chunk;
  }
}

function stripResolved(command: object): Record<string, unknown> {
  const { context: _context, criteriaSet: _set, unit: _unit, parent: _parent, ...rest } = command as Record<string, unknown>;
  return rest;
}
