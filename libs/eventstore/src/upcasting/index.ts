export { createUpcastChain, type EventShape, type UpcastChain, type Upcaster } from './upcaster';
export { selfScoreRecordedV1ToV2 } from './self-score-recorded.v1-to-v2';
