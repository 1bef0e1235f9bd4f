// Bar charts drawn as SVG elements (no library, no inline style): one bar per value, oldest on
// the left, with a title for screen readers and each bar's value in its own tooltip.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([name, value]) => node.setAttribute(name, String(value)));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/**
 * points: [{label, value, kind}] where kind (ok, bad) picks the bar's class; describe(point)
 * says what one bar means in words.
 */
export function barChart(title, points, describe) {
  const width = 600;
  const height = 160;
  const top = 10;
  const bottom = 20;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = points.length ? width / points.length : width;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'img',
    'aria-label': `${title}: ${points.length} values`,
  });
  chart.append(svg('title', {}, title));
  if (!points.length) {
    chart.append(svg('text', { x: width / 2, y: height / 2, class: 'axis middle' }, 'no data yet'));
  }
  points.forEach((point, i) => {
    const h = Math.max(1, ((height - top - bottom) * point.value) / max);
    const bar = svg('rect', {
      x: i * step + 1,
      y: height - bottom - h,
      width: Math.max(1, step - 2),
      height: h,
      class: `bar ${point.kind || ''}`,
    });
    bar.append(svg('title', {}, describe(point)));
    chart.append(bar);
  });
  chart.append(svg('text', { x: 0, y: height - 4, class: 'axis' }, points.length ? points[0].label : ''));
  chart.append(
    svg('text', { x: width, y: height - 4, class: 'axis end' }, points.length ? points[points.length - 1].label : ''),
  );
  return chart;
}
