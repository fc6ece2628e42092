import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces the console draws, so the chart chunk stays small (tree-shaken ECharts).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

interface ChartProps {
  option: ChartOption;
  height: number;
  /** Read by screen readers: what the chart shows, since a canvas says nothing. */
  label: string;
  onBarClick?: (name: string) => void;
}

/** An ECharts canvas that follows its option and its container's width. */
export default function Chart({ option, height, label, onBarClick }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) {
      return undefined;
    }
    const instance = echarts.init(element.current, undefined, { locale: 'ZH' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Bars grow into place unless the person asked their system for less motion.
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    chart.current?.setOption({ ...option, animation: !still }, true);
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onBarClick) {
      return undefined;
    }
    const handler = (params: { name?: string }) => {
      if (params.name) {
        onBarClick(params.name);
      }
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onBarClick]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
