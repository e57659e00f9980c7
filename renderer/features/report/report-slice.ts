import type { ReportChartName, ReportFigures, ReportPeriodInput } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** A chart as the page shows it: main's SVG bytes behind a Blob URL, never injected as markup. */
export interface ReportChartImage {
  name: ReportChartName;
  url: string;
}

export type ReportPhase =
  | { phase: 'idle' }
  | { phase: 'running'; fraction: number }
  | { phase: 'done'; figures: ReportFigures; charts: ReportChartImage[] };

/** The annual follow-up report: an explicit machine, idle → running → done, and its exports. */
export interface ReportSlice {
  report: ReportPhase;
  /** The last file written (PDF or CSV) and its format. */
  reportFile: { format: 'pdf' | 'csv'; file: string } | null;
  reportExporting: boolean;
  runReport(period: ReportPeriodInput): Promise<void>;
  exportReport(period: ReportPeriodInput, format: 'pdf' | 'csv'): Promise<void>;
  applyReportProgress(fraction: number): void;
  closeReport(): void;
  resetReport(): void;
}

let urls: string[] = [];
const forget = (): void => {
  for (const u of urls) URL.revokeObjectURL(u);
  urls = [];
};

const initial = () => ({
  report: { phase: 'idle' } as ReportPhase,
  reportFile: null,
  reportExporting: false,
});

export const createReportSlice: ConsoleSlice<ReportSlice> = (set, get) => ({
  ...initial(),
  runReport: async (period) => {
    set({ report: { phase: 'running', fraction: 0 }, reportFile: null });
    const r = await rpc.report.run(period);
    if (!r.ok) {
      set({ report: { phase: 'idle' }, error: r.error });
      return;
    }
    forget();
    const charts = r.value.charts.map((c) => {
      const url = URL.createObjectURL(new Blob([c.svg], { type: 'image/svg+xml' }));
      urls.push(url);
      return { name: c.name, url };
    });
    set({ report: { phase: 'done', figures: r.value.figures, charts } });
  },
  exportReport: async (period, format) => {
    set({ reportExporting: true, reportFile: null });
    const r = await rpc.report.export({ ...period, format });
    if (r.ok) set({ reportExporting: false, reportFile: { format, file: r.value.file } });
    else set({ reportExporting: false, error: r.error });
  },
  applyReportProgress: (fraction) => {
    const cur = get().report;
    if (cur.phase === 'running') set({ report: { phase: 'running', fraction } });
  },
  closeReport: () => {
    get().resetReport();
    set({ panel: 'none' });
  },
  resetReport: () => {
    forget();
    set(initial());
  },
});
