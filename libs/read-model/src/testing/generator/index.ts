/** Seeded national data for benchmarks and tests (bench/generate.mjs). Never imported by the apps. */
export { generateNation, type GeneratedPhase, type GeneratorOptions } from './generate';
export { driveApi, signActorToken, toMutation } from './api-driver';
export { appendGenerated, type AppendSummary } from './append-generated';
export { MAX_PROVINCES, type GeneratedUnit, type NationShape } from './nation';
export { SeededRandom, seededUuid } from './random';
export type { GeneratedActor, IssuedCommand, StreamChunk } from './stream-recorder';
