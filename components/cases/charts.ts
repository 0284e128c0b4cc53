/*
 * Chart.js, with only the parts the statistics use registered (bars and doughnuts, their scales,
 * tooltips and legends), so the case list page bundles those and nothing else. It loads on the
 * case list page only. Canvas charts are not readable by a screen reader: every chart has its
 * figures beside it in a table, and its canvas an aria-label that says what it shows.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

/** A white background under every chart, so a saved PNG is not transparent. */
const whiteBackground = {
  id: 'rhWhiteBackground',
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend, whiteBackground);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.font.size = 12;
Chart.defaults.color = '#646a73';
// Charts change with every filter: an animation each time reads as flicker.
Chart.defaults.animation = false;

/** Ant Design's palette: the back office's blue first. */
export const PALETTE = ['#1677ff', '#13c2c2', '#faad14', '#eb2f96', '#722ed1', '#52c41a', '#fa541c', '#2f54eb', '#a0d911', '#8c8c8c'];

/** A chart on a canvas, rebuilt when `config` changes and destroyed with the component. */
export function useChart(config: ChartConfiguration): { canvas: { current: HTMLCanvasElement | null }; png(): string | undefined } {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart>();
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, config);
    return () => chart.current?.destroy();
  }, [config]);
  return { canvas, png: () => chart.current?.toBase64Image('image/png', 1) };
}
