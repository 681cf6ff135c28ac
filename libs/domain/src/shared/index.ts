export * from './decider';
export * from './domain-error';
export * from './command-context';
export * from './guards';
export * from './event-metadata';
export * from './same-value';
