import { EVENT_TYPE, STREAM_NAME, type PrefixesFilter, type RegexFilter } from '@eventstore/db-client';
import { buildServerFilter, escapeRegex, exactEventTypesRegex, isSystemEvent, matchesFilter } from './filters';

describe('event filters', () => {
  it('recognises system events by stream or type', () => {
    expect(isSystemEvent({ streamName: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
    expect(isSystemEvent({ streamName: '$$unit-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamName: 'unit-1', type: '$streamDeleted' })).toBe(true);
    expect(isSystemEvent({ streamName: 'unit-1', type: 'UnitRegistered' })).toBe(false);
  });

  it('matches prefixes and exact types, and never system events', () => {
    const filter = { streamNamePrefixes: ['unit-', 'assessment-'], eventTypes: ['UnitRegistered'] };
    expect(matchesFilter({ streamName: 'unit-1', type: 'UnitRegistered' }, filter)).toBe(true);
    expect(matchesFilter({ streamName: 'unit-1', type: 'UnitRegisteredV2' }, filter)).toBe(false);
    expect(matchesFilter({ streamName: 'criteria-1', type: 'UnitRegistered' }, filter)).toBe(false);
    expect(matchesFilter({ streamName: 'unit-1', type: 'X' }, undefined)).toBe(true);
    expect(matchesFilter({ streamName: 'unit-1', type: 'X' }, { streamNamePrefixes: [], eventTypes: [] })).toBe(true);
    expect(matchesFilter({ streamName: '$unit-1', type: 'X' }, { streamNamePrefixes: ['$unit'] })).toBe(false);
  });

  it('builds an exact, escaped regex for event types', () => {
    expect(escapeRegex('a.b$c')).toBe('a\\.b\\$c');
    const regex = new RegExp(exactEventTypesRegex(['Unit.Registered', 'UnitRenamed']));
    expect(regex.test('Unit.Registered')).toBe(true);
    expect(regex.test('UnitXRegistered')).toBe(false);
    expect(regex.test('UnitRenamedV2')).toBe(false);
    expect(regex.test('UnitRenamed')).toBe(true);
  });

  it('filters stream names on the server when prefixes are given', () => {
    const onCheckpoint = jest.fn();
    const filter = buildServerFilter({ streamNamePrefixes: ['unit-'], eventTypes: ['A'] }, 2, onCheckpoint) as PrefixesFilter;
    expect(filter.filterOn).toBe(STREAM_NAME);
    expect(filter.prefixes).toEqual(['unit-']);
    expect(filter.checkpointInterval).toBe(2);
    expect(filter.checkpointReached).toBe(onCheckpoint);
  });

  it('filters event types on the server when only types are given', () => {
    const filter = buildServerFilter({ eventTypes: ['A', 'B'] }, 1, undefined) as RegexFilter;
    expect(filter.filterOn).toBe(EVENT_TYPE);
    expect(filter.regex).toBe('^(?:A|B)$');
  });

  it('excludes system events on the server when unfiltered', () => {
    const filter = buildServerFilter(undefined, 1, undefined) as RegexFilter;
    expect(filter.filterOn).toBe(EVENT_TYPE);
    expect(new RegExp(filter.regex).test('$metadata')).toBe(false);
    expect(new RegExp(filter.regex).test('UnitRegistered')).toBe(true);
  });
});
