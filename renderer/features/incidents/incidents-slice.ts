import type { IncidentFilter, IncidentInput, IncidentView } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';
import { isoDay } from '../../../common/format';

/** The incident reports ("signalements", issue 12): the list as filtered, and the report form. */
export interface IncidentsSlice {
  incidents: IncidentView[];
  incidentFilter: IncidentFilter;
  incidentFormOpen: boolean;
  setIncidentFormOpen(open: boolean): void;
  reportIncident(input: IncidentInput): Promise<IncidentView | null>;
  listIncidents(filter: IncidentFilter): Promise<void>;
  incidentAdded(v: IncidentView): void;
  resetIncidents(): void;
}

/** Does a pushed report belong in the list as filtered? (The list re-reads on every filter change.) */
export function matchesFilter(v: IncidentView, f: IncidentFilter): boolean {
  const day = (iso: string): string => isoDay(Date.parse(iso));
  return (
    (f.category === undefined || v.category === f.category) &&
    (f.urgency === undefined || v.urgency === f.urgency) &&
    (f.cameraId === undefined || v.cameras.includes(f.cameraId)) &&
    (f.from === undefined || day(v.occurredAt) >= f.from) &&
    (f.to === undefined || day(v.occurredAt) <= f.to)
  );
}

const initial = () => ({
  incidents: [] as IncidentView[],
  incidentFilter: {} as IncidentFilter,
  incidentFormOpen: false,
});

export const createIncidentsSlice: ConsoleSlice<IncidentsSlice> = (set, get) => ({
  ...initial(),
  setIncidentFormOpen: (incidentFormOpen) => set({ incidentFormOpen }),
  reportIncident: async (input) => {
    const r = get().unwrap(await rpc.incidents.report(input));
    if (r) get().incidentAdded(r);
    return r;
  },
  listIncidents: async (filter) => {
    set({ incidentFilter: filter });
    const list = get().unwrap(await rpc.incidents.list(filter));
    if (list) set({ incidents: list });
  },
  incidentAdded: (v) => {
    const { incidents, incidentFilter } = get();
    if (incidents.some((i) => i.id === v.id) || !matchesFilter(v, incidentFilter)) return;
    const next = [...incidents, v].sort((a, b) =>
      a.occurredAt === b.occurredAt ? b.id - a.id : b.occurredAt.localeCompare(a.occurredAt),
    );
    set({ incidents: next });
  },
  resetIncidents: () => set(initial()),
});
