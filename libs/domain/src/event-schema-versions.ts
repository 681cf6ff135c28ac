import { ASSESSMENT_EVENT_TYPES, type AssessmentEvent } from './assessment/events';
import { CRITERIA_SET_EVENT_TYPES, type CriteriaSetEvent } from './criteria-set/events';
import { buildEventMetadata, type DomainEventMetadata, type MetadataInput } from './shared/event-metadata';
import { UNIT_EVENT_TYPES, type UnitEvent } from './unit/events';

export type DomainEvent = CriteriaSetEvent | UnitEvent | AssessmentEvent;
export type DomainEventType = DomainEvent['type'];

export const DOMAIN_EVENT_TYPES: readonly DomainEventType[] = [...CRITERIA_SET_EVENT_TYPES, ...UNIT_EVENT_TYPES, ...ASSESSMENT_EVENT_TYPES];

/** The schema version of each event's `data`; bump one (and add an upcaster) when its shape changes. */
export const EVENT_SCHEMA_VERSIONS: Record<DomainEventType, number> = {
  CriteriaSetDrafted: 1,
  FieldAdded: 1,
  CriterionAdded: 1,
  LeafAdded: 1,
  LeafChanged: 1,
  NodeRemoved: 1,
  CriteriaTreeReplaced: 1,
  CriteriaSetPublished: 1,
  CriteriaSetRevised: 2, // v2: `diff` is libs/scoring's CriteriaDiff (v1's node-list summary is kept as stored, display only)
  CriteriaSetRetired: 1,
  UnitRegistered: 1,
  UnitRenamed: 1,
  UnitMovedToGroup: 1,
  UnitParentChanged: 1,
  UnitMerged: 1,
  UnitAbsorbed: 1,
  UnitDeactivated: 1,
  AssessmentOpened: 1,
  SelfScoreRecorded: 2, // v1 (decimal points, one evidence string) is upcast on read: libs/eventstore upcasting
  SelfAssessmentSubmitted: 1,
  AppraisalScoreRecorded: 1,
  ObjectionFiled: 1,
  ObjectionDecided: 1,
  SurveyResultRecorded: 1,
  IndicatorResultRecorded: 1,
  AppraisalFinalised: 1,
  AssessmentApproved: 1,
  AssessmentPublished: 1,
  AssessmentReopened: 1,
  AssessmentCriteriaVersionChanged: 1,
  LeafNotApplicableProposed: 1,
  LeafMarkedNotApplicable: 1,
  LeafApplicabilityRestored: 1,
  AssessmentGroupChanged: 1,
};

export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMA_VERSIONS, type);
}

/** Metadata for one event produced by a command, with that event type's schema version. */
export function eventMetadataFor(eventType: DomainEventType, input: MetadataInput): DomainEventMetadata {
  return buildEventMetadata(input, EVENT_SCHEMA_VERSIONS[eventType]);
}
