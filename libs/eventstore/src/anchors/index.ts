export { signAnchor, anchorSignatureValid, type HeadAnchor, type UnsignedAnchor } from './head-anchor';
export { appendAnchor, readLatestAnchor } from './anchor-file';
