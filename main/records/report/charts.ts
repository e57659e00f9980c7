/**
 * The report's charts: one ECharts option per chart, built from the figures, rendered to SVG on
 * the server (no browser, no DOM). The same SVG goes to the console (an <img> from a Blob URL) and
 * into the PDF (svg-to-pdfkit). Camera names are text from the inventory: ECharts escapes them.
 */
import * as echarts from 'echarts';
import { formatNumber } from '../../../common/format';
import {
  REPORT_CHARTS,
  type ReportChartName,
  type ReportFigures,
  type ReportView,
} from '../../../common/contract';

export const CHART_SIZE = { width: 640, height: 320 } as const;

/** The family every text carries: the PDF maps it to the embedded DejaVu font. */
export const CHART_FONT = 'DejaVu Sans';

const SURFACE_FR: Record<string, string> = {
  'console-tile': 'Console (tuile)',
  'console-large': 'Console (grand format)',
  'wall-tile': 'Mur d’images',
};
export const surfaceFr = (s: string): string => SURFACE_FR[s] ?? s;

export const CHART_TITLES: Record<ReportChartName, string> = {
  availability: 'Disponibilité par caméra (%)',
  'viewing-camera': 'Heures de visionnage par caméra',
  'viewing-surface': 'Heures de visionnage par surface',
  incidents: 'Signalements par catégorie',
};

function bars(title: string, labels: string[], values: number[], max?: number): echarts.EChartsOption {
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: CHART_FONT } },
    grid: { left: 56, right: 24, top: 48, bottom: 72 },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.length > 6 ? 30 : 0, fontFamily: CHART_FONT },
    },
    // Figures in French (decimal comma), on the axis and on each bar.
    yAxis: {
      type: 'value',
      ...(max !== undefined && { max }),
      axisLabel: { fontFamily: CHART_FONT, formatter: (v: number) => formatNumber(v) },
    },
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color: '#1f4e79' },
        label: {
          show: true,
          position: 'top',
          fontFamily: CHART_FONT,
          formatter: (p: { value?: unknown }) => formatNumber(Number(p.value)),
        },
      },
    ],
  };
}

/** The option of one chart; a section with nothing to show still has its axes. */
export function chartOption(name: ReportChartName, f: ReportFigures): echarts.EChartsOption {
  const title = CHART_TITLES[name];
  switch (name) {
    case 'availability': {
      const rows = f.availability.filter((a) => a.availability !== null);
      return bars(
        title,
        rows.map((a) => a.name),
        rows.map((a) => Math.round((a.availability ?? 0) * 1000) / 10),
        100,
      );
    }
    case 'viewing-camera':
      return bars(
        title,
        f.viewing.byCamera.map((c) => c.name),
        f.viewing.byCamera.map((c) => c.hours),
      );
    case 'viewing-surface':
      return bars(
        title,
        f.viewing.bySurface.map((s) => surfaceFr(s.surface)),
        f.viewing.bySurface.map((s) => s.hours),
      );
    case 'incidents':
      return bars(
        title,
        f.incidents.byCategory.map((c) => c.category),
        f.incidents.byCategory.map((c) => c.count),
      );
  }
}

export function renderChartSvg(
  option: echarts.EChartsOption,
  size: { width: number; height: number } = CHART_SIZE,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderCharts(f: ReportFigures): ReportView['charts'] {
  return REPORT_CHARTS.map((name) => ({ name, svg: renderChartSvg(chartOption(name, f)) }));
}
