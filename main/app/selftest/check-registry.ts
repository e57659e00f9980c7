/**
 * Registry: writable (the self-test records itself), and its chain verifies; with `--store`, every
 * entry of this post (the self-test's own included) reaches the CIC's shared registry.
 */
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { CheckResult } from './selftest-types';

export function checkRegistry(
  registry: Registry,
  summary: Record<string, string | number>,
  actor: RegistryActor | null = null,
): CheckResult[] {
  const out: CheckResult[] = [];
  try {
    const row = registry.append({ type: 'selftest.run', actor, data: summary });
    out.push({
      group: 'registry',
      subject: 'write',
      status: 'pass',
      code: 'registry_writable',
      params: { seq: row.seq },
    });
  } catch (e) {
    const code =
      (e as NodeJS.ErrnoException).code === 'ENOSPC' ? 'registry_disk_full' : 'registry_not_writable';
    out.push({ group: 'registry', subject: 'write', status: 'fail', code });
  }
  const v = registry.verify();
  out.push(
    v.ok
      ? {
          group: 'registry',
          subject: 'chain',
          status: 'pass',
          code: 'registry_verified',
          params: { rows: v.rows },
        }
      : {
          group: 'registry',
          subject: 'chain',
          status: 'fail',
          code: 'registry_broken',
          params: { seq: v.firstBadSeq, problem: v.problem },
        },
  );
  return out;
}

/** With `--store`: the post's outbox is delivered to the CIC's registry now, or the check says why not. */
export async function checkSharedRegistry(registry: Registry): Promise<CheckResult[]> {
  if (!registry.shared) return [];
  const delivered = await registry.shared.flush();
  const v = registry.shared.view();
  return [
    delivered
      ? { group: 'registry', subject: 'store', status: 'pass', code: 'registry_store_ok' }
      : {
          group: 'registry',
          subject: 'store',
          status: 'fail',
          code: 'registry_store_unreachable',
          params: { reason: v.state === 'outage' ? v.reason : v.state, queued: v.queued },
        },
  ];
}
