import { Inject, Injectable } from '@nestjs/common';
import {
  ASSESSMENT_STREAM_PREFIX,
  assessmentDecider,
  assessmentStreamName,
  isDomainError,
  parseAssessmentStreamName,
  unitDecider,
  unitStreamName,
  type AssessmentEventType,
} from '@par-index/domain';
import type { RequestActor } from '../../graphql/actor.decorator';
import { INFRASTRUCTURE, type Infrastructure } from '../../infrastructure/infrastructure';
import { ExecuteAssessmentCommand } from '../assessment/assessment.command';
import { CommandDispatch } from '../shared/command-dispatch';
import type { CommandResult } from '../shared/command-result.type';
import { loadAggregate } from '../shared/load-aggregate';
import { ExecuteUnitCommand } from './unit.command';

const OPENED: AssessmentEventType = 'AssessmentOpened';

/**
 * moveUnitToGroup: the unit moves, then each of its assessments that was never published follows
 * it into the unit's current group (ChangeAssessmentGroup, one event per assessment stream).
 * Reconciles every time, also when the unit was already in the group, so repeating the command
 * repairs a move interrupted between the streams. Waits once for the projection of the last event.
 */
@Injectable()
export class UnitGroupMove {
  constructor(
    private readonly dispatch: CommandDispatch,
    @Inject(INFRASTRUCTURE) private readonly infrastructure: Infrastructure,
  ) {}

  async move(actor: RequestActor, unitId: string, group: string): Promise<CommandResult> {
    const envelope = this.dispatch.envelope(actor);
    const results = [await this.dispatch.execute(new ExecuteUnitCommand(unitId, { type: 'MoveUnitToGroup', group }, envelope))];
    const store = this.infrastructure.eventStore;
    const unit = await loadAggregate(store, unitDecider, unitStreamName(unitId));
    if (unit.status !== 'unregistered') {
      const request = {
        type: 'ChangeAssessmentGroup' as const,
        group: unit.group,
        reason: `unit ${unitId} moved to group "${unit.group}"`,
      };
      for (const year of await this.assessmentYears(unitId)) {
        const state = await loadAggregate(store, assessmentDecider, assessmentStreamName(unitId, year));
        if (state.status === 'not_opened' || state.group === unit.group || state.everPublished) continue;
        try {
          results.push(
            await this.dispatch.execute(new ExecuteAssessmentCommand(unitId, year, request, { ...envelope, expectedRevision: undefined })),
          );
        } catch (error) {
          // published in the meantime: it keeps the group it was published in
          if (!isDomainError(error) || error.code !== 'GROUP_FIXED_BY_PUBLICATION') throw error;
        }
      }
    }
    const [answer] = await this.dispatch.awaitProjection(results);
    return answer!;
  }

  /** The years of the unit's assessment streams, from the event store (the read model may lag). */
  private async assessmentYears(unitId: string): Promise<number[]> {
    const opened = await this.infrastructure.eventStore.readAll({
      filter: { streamNamePrefixes: [`${ASSESSMENT_STREAM_PREFIX}${unitId}-`], eventTypes: [OPENED] },
    });
    const years = new Set<number>();
    // the prefix also matches a unit whose id extends this one ("ha-tinh-city" for "ha-tinh")
    for (const event of opened) {
      const key = parseAssessmentStreamName(event.streamName);
      if (key?.unitId === unitId) years.add(key.year);
    }
    return [...years].sort((a, b) => a - b);
  }
}
