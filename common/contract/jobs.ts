/**
 * Long jobs run in a worker thread (main/platform/jobs): their progress is pushed to the one console
 * that asked, never to the others.
 */
import { event } from './spec';

/** `job` names what runs (`registry.verify`, `registry.export`…); `fraction` is 0…1. */
export interface JobProgressView {
  job: string;
  fraction: number;
}

export const jobsEvents = {
  'jobs:progress': event<JobProgressView>(),
};
