export * from './commands';
export * from './events';
export * from './state';
export { decideUnit } from './decide';
export * from './decider';
export * from './hierarchy';
export * from './stream';
