import fc from 'fast-check';
import { ACTOR_ROLES } from '../shared/command-context';
import { foldEvents } from '../shared/decider';
import { isDomainError } from '../shared/domain-error';
import { ctx } from '../shared/fixtures.test-support';
import type { UnitCommand, UnitReference } from './commands';
import { unitDecider } from './decider';
import type { UnitEvent } from './events';
import type { UnitState } from './state';

const level = fc.constantFrom('province', 'district', 'commune');
const reference: fc.Arbitrary<UnitReference> = fc.record({ unitId: fc.constantFrom('u1', 'u2', 'u3'), level, active: fc.boolean() });
const command: fc.Arbitrary<UnitCommand> = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom(...ACTOR_ROLES),
    fc.integer({ min: 0, max: 9 }),
    level,
    fc.option(reference),
    reference,
    fc.constantFrom('A', 'B'),
  )
  .map(([kind, role, roll, lvl, parent, other, word]): UnitCommand => {
    const context = ctx(roll < 8 ? 'admin' : role);
    switch (kind) {
      case 0:
        return { type: 'RegisterUnit', context, unitId: 'u1', name: word, level: lvl, group: 'g', region: null, parent };
      case 1:
        return { type: 'RenameUnit', context, name: word };
      case 2:
        return { type: 'MoveUnitToGroup', context, group: word };
      case 3:
        return { type: 'ChangeUnitParent', context, parent };
      case 4:
        return { type: 'MergeUnit', context, into: other };
      case 5:
        return { type: 'AbsorbUnit', context, from: other };
      default:
        return { type: 'DeactivateUnit', context, reason: word };
    }
  });

function run(commands: UnitCommand[]) {
  let state: UnitState = unitDecider.initialState();
  const events: UnitEvent[] = [];
  const accepted: Array<{ command: UnitCommand; stateAfter: UnitState }> = [];
  for (const c of commands) {
    try {
      const decided = unitDecider.decide(c, state);
      events.push(...decided);
      state = decided.reduce(unitDecider.evolve, state);
      if (decided.length > 0) accepted.push({ command: c, stateAfter: state });
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return { events, accepted, state };
}

describe('unit decider properties', () => {
  const commands = fc.array(command, { maxLength: 40 });
  it('fails only with DomainErrors, folds deterministically, and replays as no-ops', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const { events, accepted, state } = run(cs);
        expect(foldEvents(unitDecider, events)).toEqual(state);
        for (const { command: c, stateAfter } of accepted) expect(unitDecider.decide(c, stateAfter)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
  it('never leaves a merged or deactivated unit active again', () => {
    fc.assert(
      fc.property(commands, (cs) => {
        const { events } = run(cs);
        const endIndex = events.findIndex((e) => e.type === 'UnitMerged' || e.type === 'UnitDeactivated');
        if (endIndex >= 0) expect(events.slice(endIndex + 1)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
