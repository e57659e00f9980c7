/** The worker thread's entry (dist/host/jobs-worker.js in both bundles): serves the post's jobs. */
import '../platform/log/sqlite-warning'; // first: before any module opens node:sqlite
import { POST_JOBS, reviveShared } from './post-jobs';
import { serveJobs } from '../platform/jobs/serve-jobs';

serveJobs(POST_JOBS, reviveShared);
