/**
 * Status charts of the dashboard, drawn by ECharts' string SVG renderer (`ssr: true`, no DOM,
 * no animation): the same SVG is shown as an image and offered as a download. ECharts is
 * loaded only when a chart is first drawn, so other pages never carry it.
 */

export interface ChartBar {
  label: string;
  count: number;
  colour: string;
}

let loading: Promise<typeof import('echarts/core')> | null = null;

function loadECharts(): Promise<typeof import('echarts/core')> {
  loading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([charts.BarChart, components.GridComponent, components.TitleComponent, renderers.SVGRenderer]);
    return core;
  })();
  return loading;
}

/** A bar per scale step, coloured by the step, with its count written on the bar (colour is never the only signal). */
export async function renderStatusChartSvg(title: string, bars: readonly ChartBar[]): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 560, height: 300 });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1b1f24' },
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      grid: { left: 48, right: 16, top: 48, bottom: 72 },
      xAxis: {
        type: 'category',
        data: bars.map((bar) => bar.label),
        axisLabel: { interval: 0, width: 96, overflow: 'break', color: '#1b1f24' },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1b1f24' } },
      series: [
        {
          type: 'bar',
          data: bars.map((bar) => ({ value: bar.count, itemStyle: { color: bar.colour } })),
          label: { show: true, position: 'top', color: '#1b1f24' },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
