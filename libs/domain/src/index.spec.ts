import * as domain from './index';
import { ctx } from './shared/fixtures.test-support';

describe('@par-index/domain public surface', () => {
  it('exports the three deciders flat and namespaced', () => {
    expect(domain.criteriaSetDecider.initialState()).toEqual({ status: 'empty' });
    expect(domain.unitDecider.initialState()).toEqual({ status: 'unregistered' });
    expect(domain.assessmentDecider.initialState()).toEqual({ status: 'not_opened' });
    expect(domain.Assessment.assessmentDecider).toBe(domain.assessmentDecider);
    expect(domain.Unit.unitDecider).toBe(domain.unitDecider);
    expect(domain.CriteriaSetAggregate.criteriaSetDecider).toBe(domain.criteriaSetDecider);
  });

  it('has a schema version for every event type of every aggregate, and nothing else', () => {
    const all = [...domain.CRITERIA_SET_EVENT_TYPES, ...domain.UNIT_EVENT_TYPES, ...domain.ASSESSMENT_EVENT_TYPES];
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(domain.EVENT_SCHEMA_VERSIONS).sort()).toEqual([...all].sort());
    expect(domain.DOMAIN_EVENT_TYPES).toEqual(all);
    expect(domain.isDomainEventType('AssessmentApproved')).toBe(true);
    expect(domain.isDomainEventType('Unknown')).toBe(false);
  });

  it('builds metadata with the event type schema version', () => {
    const metadata = domain.eventMetadataFor('SelfScoreRecorded', {
      ...ctx('unit_officer'),
      correlationId: 'c',
      causationId: 'k',
      idempotencyKey: 'i',
    });
    expect(metadata.schemaVersion).toBe(domain.EVENT_SCHEMA_VERSIONS.SelfScoreRecorded);
    expect(metadata.actorRole).toBe('unit_officer');
  });

  it('lets a handler turn stream states into command inputs', () => {
    const unitState = domain.unitDecider.evolve(domain.unitDecider.initialState(), {
      type: 'UnitRegistered',
      data: {
        unitId: 'p1',
        name: 'Binh Duong',
        level: 'province',
        group: 'provinces',
        region: 'South',
        parentUnitId: null,
        at: ctx('admin').now,
        by: 'a',
      },
    });
    expect(domain.toAssessedUnit(unitState)).toEqual({ unitId: 'p1', level: 'province', group: 'provinces', active: true });
    expect(domain.toAssessedUnit(domain.unitDecider.initialState())).toBeNull();
    expect(domain.boundCriteriaSet(domain.assessmentDecider.initialState())).toBeUndefined();
  });
});
