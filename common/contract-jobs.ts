/**
 * Long jobs run in a worker thread (main/jobs): their progress is pushed to the one console that
 * asked, never to the others. Pure TypeScript, hooked into common/contract.ts.
 */

/** `job` names what runs (`registry.verify`, `registry.export`…); `fraction` is 0…1. */
export interface JobProgressView {
  job: string;
  fraction: number;
}

export interface JobsEventMap {
  'jobs:progress': JobProgressView;
}
export const JOBS_EVENTS: { [E in keyof JobsEventMap]: true } = { 'jobs:progress': true };
