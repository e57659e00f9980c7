/**
 * The soak's memory over time as SVG, rendered by ECharts with no browser, as the annual report's
 * charts are (main/records/report/charts.ts).
 */
import type * as echarts from 'echarts';
import { CHART_FONT, renderChartSvg } from '../main/records/report/charts';

export interface MemorySeries {
  name: string;
  /** [minutes from the start, MB] */
  points: [number, number][];
}

export function memoryChart(
  title: string,
  series: MemorySeries[],
  marks: { at: number; label: string }[],
): string {
  const option: echarts.EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT },
    title: { text: title, left: 'center', textStyle: { fontSize: 14, fontFamily: CHART_FONT } },
    legend: { bottom: 0, textStyle: { fontFamily: CHART_FONT } },
    grid: { left: 64, right: 24, top: 48, bottom: 72 },
    xAxis: { type: 'value', name: 'min', nameLocation: 'middle', nameGap: 26, min: 0 },
    yAxis: { type: 'value', name: 'MB' },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.points,
      showSymbol: false,
      connectNulls: false,
      ...(i === 0 && {
        markLine: {
          symbol: 'none',
          label: { formatter: '{b}', fontFamily: CHART_FONT },
          lineStyle: { type: 'dashed', color: '#888' },
          data: marks.map((m) => ({ xAxis: m.at, name: m.label })),
        },
      }),
    })),
  };
  return renderChartSvg(option, { width: 900, height: 420 });
}
