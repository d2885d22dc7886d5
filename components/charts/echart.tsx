"use client";
// The one chart wrapper (STYLE.md: ECharts, no second way). A client component that draws an
// ECharts option with the SVG renderer — sharp on paper and in screenshots — resizes with its
// box, and is disposed with it. Options come from the server as plain data (no functions), so
// every chart's numbers are the ones its table beside it shows.
import { useEffect, useRef } from "react";
import { BarChart, LineChart, PieChart, FunnelChart } from "echarts/charts";
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { EChartsCoreOption } from "echarts/core";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = EChartsCoreOption;

/** The bureau's palette: brand blue first, then the colours of 红黄蓝 and the stages. */
const palette = ["#1d4ed8", "#f59e0b", "#16a34a", "#dc2626", "#7c3aed", "#0891b2", "#64748b"];

export function EChart({
  option,
  height = 260,
  label,
  testId,
}: {
  option: ChartOption;
  height?: number;
  /** What the chart shows, for screen readers (its table beside it carries the numbers). */
  label: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({
      color: palette,
      // The page's own font, named: ECharts measures labels with it (containLabel), so CJK
      // labels are not cut at the edge.
      textStyle: { fontFamily: getComputedStyle(el).fontFamily },
      animation: false,
      ...option,
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: "100%", height }} />;
}
