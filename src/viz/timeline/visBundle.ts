// The dynamically imported part of vis-timeline and vis-data (see visLibrary.ts).
export { Timeline } from 'vis-timeline/esnext';
export { DataSet } from 'vis-data/esnext';
