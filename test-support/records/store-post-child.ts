/**
 * A post's process for the kill -9 test: opens its registry on the CIC's store, appends the entries
 * it is told to, says so on stdout, then waits to be killed.
 * argv: dataDir post url count
 */
import '../../main/platform/log/sqlite-warning';
import { openRegistry } from '../../main/records/registry/open-registry';

const [dataDir, post, url, count] = process.argv.slice(2) as [string, string, string, string];
const registry = openRegistry(dataDir, undefined, { url, post });
for (let i = 0; i < Number(count); i++)
  registry.append({ type: 'view.start', cameraId: i, data: { viewId: `killed-${i}` } });
process.stdout.write(`appended ${count}\n`);
setInterval(() => undefined, 60_000);
