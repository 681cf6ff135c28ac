export * from './commands';
export * from './events';
export * from './state';
export { decideUnit, UNIT_COMMAND_ROLES } from './decide';
export * from './decider';
export * from './hierarchy';
export * from './stream';
