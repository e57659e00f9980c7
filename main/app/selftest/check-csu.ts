/**
 * CSU notification: a test message through every configured channel (webhook, mail). PTZ control is
 * refused when no channel delivers, so a post that cannot notify the CSU cannot steer a camera.
 */
import { createCsuNotifier, type CsuNotifierOptions } from '../../control/lease';
import type { CheckResult } from './selftest-types';

export async function checkCsu(
  o: CsuNotifierOptions,
  who: { post: string; technician: string },
): Promise<CheckResult[]> {
  if (o.webhook === undefined && o.smtp === undefined && o.mailTo === undefined)
    return [{ group: 'csu', subject: '-', status: 'warn', code: 'csu_none' }];
  const n = createCsuNotifier(o);
  if (!n.ok)
    return [
      {
        group: 'csu',
        subject: '-',
        status: 'fail',
        code: 'csu_config_invalid',
        params: { option: String(n.error.params?.option ?? '-') },
      },
    ];
  const deliveries = await n.value.notify({
    kind: 'test',
    cameraId: 0,
    cameraName: '-',
    site: '-',
    holder: { login: '-', name: who.technician, rank: '-', service: '-', post: who.post },
    eventRef: 'AUTOTEST',
    reason: 'auto-test de mise en service',
    until: new Date().toISOString(),
  });
  return deliveries.map((d) =>
    d.ok
      ? { group: 'csu', subject: d.channel, status: 'pass', code: 'csu_delivered' }
      : {
          group: 'csu',
          subject: d.channel,
          status: 'fail',
          code: 'csu_failed',
          params: { failure: d.failure ?? '?' },
        },
  );
}
