/** The worker thread's entry (dist/host/jobs-worker.js in both bundles): serves the post's jobs. */
import { POST_JOBS } from './post-jobs';
import { serveJobs } from './serve-jobs';

serveJobs(POST_JOBS);
