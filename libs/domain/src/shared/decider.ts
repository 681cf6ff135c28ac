/**
 * An aggregate as a decider: `decide` turns a command into the facts it causes (or throws a
 * DomainError naming the broken rule), `evolve` folds one fact into the state. Both are pure.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Folds a stream's events from the decider's initial state. */
export function foldEvents<C, E, S>(decider: Decider<C, E, S>, events: readonly E[]): S {
  return events.reduce<S>((state, event) => decider.evolve(state, event), decider.initialState());
}
