import { formatDateTime, formatPercent } from '../../../common/format';
import type { MessageKey } from '../../i18n';
import { eventLabel } from '../../i18n/messages';
import { selectors, useConsole, useT } from '../../console/console-store';
import { REGISTRY_PAGE_SIZE } from '../../../common/contract';
import { TableHead } from '../../ui/TableHead';

const JOB_LABELS: Record<string, MessageKey> = {
  'registry.query': 'reg.job.query',
  'registry.slots': 'reg.job.slots',
  'registry.verify': 'reg.job.verify',
  'registry.export': 'reg.job.export',
};

/** The registry jobs this console waits for (they run in main's worker threads), with their progress. */
export function RegistryProgress() {
  const t = useT();
  const jobs = useConsole((s) => s.registryJobs);
  const locale = useConsole(selectors.locale);
  return (
    <>
      {Object.entries(jobs).map(([job, fraction]) => (
        <p
          key={job}
          className="notice"
          data-testid="registry-progress"
          data-job={job}
          data-fraction={fraction}
        >
          {t(JOB_LABELS[job] ?? 'reg.job.query')}{' '}
          <progress max={1} value={fraction} aria-label={t(JOB_LABELS[job] ?? 'reg.job.query')} />{' '}
          {formatPercent(fraction, { locale, maxDecimals: 0 })}
        </p>
      ))}
    </>
  );
}

/** Time slots viewed (merged), the newest sessions, and the journal, each paged newest first. */
export function RegistryResults() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const page = useConsole((s) => s.registryPage);
  const index = useConsole((s) => s.registryPageIndex);
  const slots = useConsole((s) => s.registrySlots);
  const busy = useConsole((s) => Object.keys(s.registryJobs).length > 0);
  const { registryOlderPage, registryNewerPage, registrySlotsPageAt } = useConsole.getState();
  /** A disabled page button says why (a search running, or no page that way). */
  const why = (edge: boolean, key: MessageKey): string | undefined =>
    busy ? t('reg.busyWhy') : edge ? t(key) : undefined;
  const when = (iso: string): string => formatDateTime(Date.parse(iso), { locale });

  return (
    <>
      {slots && (
        <>
          <h3>
            {t('reg.slots')} ({slots.total})
          </h3>
          <table data-testid="registry-slots">
            <TableHead columns={['reg.camera', 'reg.operator', 'reg.start', 'reg.end', 'reg.slotSessions']} />
            <tbody>
              {slots.slots.map((s, i) => (
                <tr
                  key={i}
                  data-testid={`registry-slot-${i}`}
                  data-camera-id={s.cameraId ?? ''}
                  data-login={s.login}
                  data-open={String(s.open)}
                  data-sessions={s.sessions}
                  data-start={s.start}
                  data-end={s.end}
                >
                  <td>{s.cameraId}</td>
                  <td>
                    {s.name} — {s.rank}, {s.service}
                  </td>
                  <td>{when(s.start)}</td>
                  <td>{s.open ? t('reg.open') : when(s.end)}</td>
                  <td>{s.sessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {slots.pages > 1 && (
            <div className="pager">
              <button
                data-testid="registry-slots-prev"
                disabled={busy || slots.page === 0}
                title={why(slots.page === 0, 'reg.newestWhy')}
                onClick={() => void registrySlotsPageAt(slots.page - 1)}
              >
                {t('reg.newer')}
              </button>
              <span data-testid="registry-slots-page" data-page={slots.page}>
                {t('reg.pageOf', { page: slots.page + 1, pages: slots.pages })}
              </span>
              <button
                data-testid="registry-slots-next"
                disabled={busy || slots.page + 1 >= slots.pages}
                title={why(slots.page + 1 >= slots.pages, 'reg.oldestWhy')}
                onClick={() => void registrySlotsPageAt(slots.page + 1)}
              >
                {t('reg.older')}
              </button>
            </div>
          )}
          <h3>
            {t('reg.sessions')} ({t('reg.newestSessions', { count: slots.sessions.length })})
          </h3>
          <table data-testid="registry-sessions">
            <TableHead columns={['reg.camera', 'reg.operator', 'reg.start', 'reg.end']} />
            <tbody>
              {slots.sessions.map((s, i) => (
                <tr
                  key={i}
                  data-camera-id={s.cameraId ?? ''}
                  data-login={s.login}
                  data-open={String(s.end === null)}
                >
                  <td>{s.cameraId}</td>
                  <td>
                    {s.name} — {s.rank}, {s.service}
                  </td>
                  <td>{when(s.start)}</td>
                  <td>{s.end ? when(s.end) : t('reg.open')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {page && (
        <>
          <h3>
            {t('reg.entries')} ({page.total})
          </h3>
          <div className="pager">
            <button
              data-testid="registry-prev-page"
              disabled={busy || !page.hasNewer}
              title={why(!page.hasNewer, 'reg.newestWhy')}
              onClick={() => void registryNewerPage()}
            >
              {t('reg.newer')}
            </button>
            <span
              data-testid="registry-page-info"
              data-page={index}
              data-first-seq={page.entries[0]?.seq ?? ''}
              data-last-seq={page.entries.at(-1)?.seq ?? ''}
            >
              {page.entries.length
                ? t('reg.pageInfo', {
                    from: index * REGISTRY_PAGE_SIZE + 1,
                    to: index * REGISTRY_PAGE_SIZE + page.entries.length,
                    total: page.total,
                  })
                : t('reg.noEntries')}
            </span>
            <button
              data-testid="registry-next-page"
              disabled={busy || !page.hasOlder}
              title={why(!page.hasOlder, 'reg.oldestWhy')}
              onClick={() => void registryOlderPage()}
            >
              {t('reg.older')}
            </button>
          </div>
          <table data-testid="registry-entries" aria-label={t('reg.entries')}>
            <tbody>
              {page.entries.map((e) => (
                <tr key={e.seq} data-type={e.type} data-seq={e.seq}>
                  <td>{e.seq}</td>
                  <td>{when(e.at)}</td>
                  <td>{eventLabel(locale, e.type)}</td>
                  <td>{e.name || e.login}</td>
                  <td>{e.cameraId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
