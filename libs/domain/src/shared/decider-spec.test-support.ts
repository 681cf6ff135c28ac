import type { Decider } from './decider';
import { DomainError, type DomainErrorCode } from './domain-error';

/**
 * given/when/then for deciders:
 *   spec.given(events).when(command).then(expectedEvents)
 *   spec.given(events).when(command).thenError('SELF_SCORING_CLOSED')
 *   spec.given(events).when(command).thenNothing()   // idempotent replay
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      const state = events.reduce<S>((s, e) => decider.evolve(s, e), decider.initialState());
      return {
        state,
        when(command: C) {
          const run = (): E[] => decider.decide(command, state);
          return {
            then(expected: readonly E[]): E[] {
              const actual = run();
              expect(actual).toEqual(expected);
              // every decided event must fold without throwing
              actual.reduce<S>((s, e) => decider.evolve(s, e), state);
              return actual;
            },
            thenNothing(): void {
              expect(run()).toEqual([]);
            },
            thenError(code: DomainErrorCode, details?: Record<string, unknown>): DomainError {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              const domainError = caught as DomainError;
              expect(domainError.code).toBe(code);
              if (details) expect(domainError.details).toMatchObject(details);
              return domainError;
            },
            /** The decided events folded into the state that follows. */
            thenState(): S {
              return run().reduce<S>((s, e) => decider.evolve(s, e), state);
            },
          };
        },
      };
    },
  };
}
