export type * from './types.js';
export { complete } from './complete.js';
export { highlight } from './highlight.js';
