import { parseCriteriaSetStreamName, type CriteriaSetEvent } from '@par-index/domain';
import { CriteriaSetEntity, type CriteriaSetRow } from '../../entities/criteria-set.entity';
import type { ProjectedEvent, Projection } from '../../runtime/projection';
import { streamKey } from '../../runtime/stream-key';

/**
 * One row per published version, written by the event that created that version (drafts are not
 * projected). The version in force is the highest one; retirement marks the latest version row.
 */
export const CRITERIA_SET_PROJECTION_EVENT_TYPES = [
  'CriteriaSetPublished',
  'CriteriaSetRevised',
  'CriteriaSetRetired',
] as const satisfies readonly CriteriaSetEvent['type'][];

const criteriaSetCodeOf = (event: ProjectedEvent) => streamKey(parseCriteriaSetStreamName, event.streamName, 'criteria-set').code;

export function criteriaSetVersionOf(projected: ProjectedEvent): number {
  const event = projected as unknown as CriteriaSetEvent;
  switch (event.type) {
    case 'CriteriaSetPublished':
    case 'CriteriaSetRevised':
      return event.data.version;
    case 'CriteriaSetRetired':
      return event.data.lastVersion ?? 0;
    default:
      throw new Error(`criteria-sets projection does not handle ${projected.type}`);
  }
}

export function evolveCriteriaSet(row: CriteriaSetRow | null, projected: ProjectedEvent): CriteriaSetRow | null {
  const event = projected as unknown as CriteriaSetEvent;
  switch (event.type) {
    case 'CriteriaSetPublished':
    case 'CriteriaSetRevised': {
      const set = event.data.criteriaSet;
      return {
        code: set.code,
        version: set.version,
        year: set.year,
        level: set.level,
        name: event.type === 'CriteriaSetPublished' ? event.data.name : set.code,
        status: 'published',
        revisionReason: event.type === 'CriteriaSetRevised' ? event.data.reason : null,
        criteriaSet: set,
        publishedAt: event.data.at,
      };
    }
    case 'CriteriaSetRetired':
      return row === null ? null : { ...row, status: 'retired' };
    default:
      return row;
  }
}

export const criteriaSetsProjection: Projection<CriteriaSetRow> = {
  name: 'criteria_sets',
  entity: CriteriaSetEntity,
  eventTypes: CRITERIA_SET_PROJECTION_EVENT_TYPES,
  keyOf: (event) => ({ code: criteriaSetCodeOf(event), version: criteriaSetVersionOf(event) }),
  evolve: evolveCriteriaSet,
};
