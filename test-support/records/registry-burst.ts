/** Child process for the crash test: appends entries and acknowledges each on stdout once durable. */
import { loadOrCreateKeys } from '../../main/records/registry/registry-key';
import { Registry } from '../../main/records/registry/registry';

const dir = process.argv[2]!;
const registry = new Registry(dir, loadOrCreateKeys(dir));
for (let i = 0; i < 10_000; i++) {
  const row = registry.append({
    type: 'view.start',
    actor: { login: 'a', name: 'A', rank: 'B', service: 'C' },
    cameraId: 1 + (i % 16),
    data: { viewId: `v${i}` },
  });
  process.stdout.write(`${row.seq}\n`);
}
