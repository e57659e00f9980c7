/**
 * Test fixture: a fresh, empty database per test on one throwaway cluster (pg-server.ts), so each
 * opens its stores on tables of its own; and the shared-store connections opened on them, closed
 * together at the end.
 */
import pg from 'pg';
import { SHARED_SCHEMA } from '../../main/app/stores';
import { PgRecords } from '../../main/platform/storage/pg-records';
import type { PgServer } from './pg-server';

export const RECORDS_SCHEMA = SHARED_SCHEMA;

let next = 0;

/** A new empty database on `server`; its URL. */
export async function freshDatabase(server: PgServer): Promise<string> {
  const name = `vigie_t${process.pid}_${++next}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return server.url.replace(/\/[^/]*$/, `/${name}`);
}

/** Runs one statement on `url` as the superuser, outside any post (tampering, checks). */
export async function asSuperuser<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  args: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, args)).rows;
  } finally {
    await c.end();
  }
}

/** Shared-store connections of the posts a test opens, closed by `closeAll`. */
export class Posts {
  private readonly open: PgRecords[] = [];
  async post(url: string): Promise<PgRecords> {
    const r = await PgRecords.open(url, RECORDS_SCHEMA);
    this.open.push(r);
    return r;
  }
  async closeAll(): Promise<void> {
    await Promise.all(this.open.splice(0).map((r) => r.close()));
  }
}
