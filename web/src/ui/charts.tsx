/**
 * Two small hand-made SVG charts (no chart library): horizontal bars with money on the axis, and grouped
 * vertical bars. They render at the container's real width so text stays at its normal size.
 *
 * Each is a figure whose caption says what it shows and in which order; the picture is hidden from
 * assistive technology and a table with the same figures (visually hidden) stands in for it. A bar
 * links to its task for the mouse only: the page's own table holds the same links for the keyboard,
 * and links inside the picture would be focus stops that a screen reader cannot name.
 */
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { Money } from '../api/types.ts';
import { navigate } from '../app/router.tsx';
import { fmtMoney } from './format.ts';
import './charts.css';

function useWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || fallback);
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth(Math.round(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallback]);
  return [ref, width];
}

/** Round axis steps: 1, 2 or 5 × a power of ten, giving about `count` ticks. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 0.001; v += step) ticks.push(v);
  if (ticks.at(-1)! < max) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/** Breaks a label into at most two lines of `max` characters at word boundaries; the rest is elided. */
export function wrapLabel(s: string, max: number): string[] {
  if (s.length <= max) return [s];
  const words = s.split(/\s+/);
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first ? `${first} ${words[i]}` : words[i]!;
    if (next.length > max && first) break;
    first = next;
  }
  const rest = words.slice(i).join(' ');
  return rest ? [truncate(first, max), truncate(rest, max)] : [truncate(first, max)];
}

export interface BarDatum {
  key: string;
  label: string;
  value: Money;
  href?: string;
}

/** Horizontal bars in the order given; labels on the left, money on the bottom axis. */
export function HorizontalBarChart({
  data,
  title,
  caption,
  valueHeading,
}: {
  data: BarDatum[];
  /** What the bars are, e.g. "Annual saving of the top 10 tasks". */
  title: string;
  /** Shown under the chart: the order of the bars and anything else a reader needs. */
  caption: string;
  /** The value column's heading in the text alternative. */
  valueHeading: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(720);
  const currency = data[0]?.value.currency ?? 'USD';
  const labelW = Math.min(300, Math.max(150, Math.round(width * 0.34)));
  const maxChars = Math.floor((labelW - 12) / 6.9);
  const lines = data.map((d) => wrapLabel(d.label, maxChars));
  const rightPad = 78;
  const rowH = lines.some((l) => l.length > 1) ? 40 : 30;
  const top = 6;
  const axisH = 28;
  const height = top + data.length * rowH + axisH;
  const plotW = Math.max(60, width - labelW - rightPad);
  const max = Math.max(...data.map((d) => d.value.amountMinor), 1);
  const ticks = niceTicks(max, width < 600 ? 3 : 5);
  const scaleMax = ticks.at(-1)!;
  const x = (v: number) => labelW + (v / scaleMax) * plotW;

  return (
    <figure ref={ref} className="chart-box">
      <svg className="chart" width={width} height={height} aria-hidden="true">
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid" x1={x(t)} x2={x(t)} y1={top - 4} y2={top + data.length * rowH} />
            <text x={x(t)} y={height - 8} textAnchor="middle">
              {fmtMoney({ amountMinor: t, currency }, { compact: true })}
            </text>
          </g>
        ))}
        <line className="axis" x1={labelW} x2={labelW} y1={top - 4} y2={top + data.length * rowH} />
        {data.map((d, i) => {
          const y = top + i * rowH;
          const w = Math.max(2, x(Math.max(0, d.value.amountMinor)) - labelW);
          const body = (
            <>
              <title>{`${d.label}: ${fmtMoney(d.value)} a year`}</title>
              <text
                className="label"
                x={labelW - 10}
                y={y + rowH / 2 + 4 - (lines[i]!.length - 1) * 7.5}
                textAnchor="end"
              >
                {lines[i]!.map((line, li) => (
                  <tspan key={line} x={labelW - 10} dy={li === 0 ? 0 : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect className="bar" x={labelW} y={y + rowH / 2 - 9} width={w} height={18} rx={3} />
              <text className="value" x={labelW + w + 6} y={y + rowH / 2 + 4}>
                {fmtMoney(d.value, { compact: true })}
              </text>
            </>
          );
          const href = d.href;
          return href ? (
            // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the page's table has the same link for the keyboard
            <g key={d.key} className="bar-link" onClick={() => navigate(href)}>
              {body}
            </g>
          ) : (
            <g key={d.key}>{body}</g>
          );
        })}
      </svg>
      <figcaption className="chart-caption">{caption}</figcaption>
      <table className="visually-hidden">
        <caption>
          {title}. {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">{d.label}</th>
              <td>{fmtMoney(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export interface GroupedDatum {
  label: string;
  values: Money[];
}

/** Vertical bars in groups (one group per scenario, one bar per option). */
export function GroupedBarChart({
  groups,
  series,
  title,
}: {
  groups: GroupedDatum[];
  series: { name: string; className: string }[];
  title: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(520);
  const currency = groups[0]?.values[0]?.currency ?? 'USD';
  const height = 230;
  const left = 58;
  const bottom = 34;
  const top = 20;
  const plotH = height - top - bottom;
  const plotW = Math.max(120, width - left - 8);
  const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v.amountMinor)));
  const ticks = niceTicks(max, 4);
  const scaleMax = ticks.at(-1)!;
  const y = (v: number) => top + plotH - (v / scaleMax) * plotH;
  const groupW = plotW / Math.max(1, groups.length);
  const barW = Math.min(60, (groupW * 0.7) / series.length);

  return (
    <figure ref={ref} className="chart-box">
      <svg className="chart" width={width} height={height} aria-hidden="true">
        {ticks.map((t) => (
          <g key={t}>
            <line className="grid" x1={left} x2={left + plotW} y1={y(t)} y2={y(t)} />
            <text x={left - 8} y={y(t) + 4} textAnchor="end">
              {fmtMoney({ amountMinor: t, currency }, { compact: true })}
            </text>
          </g>
        ))}
        <line className="axis" x1={left} x2={left + plotW} y1={y(0)} y2={y(0)} />
        {groups.map((g, gi) => {
          const cx = left + groupW * gi + groupW / 2;
          const start = cx - (barW * series.length) / 2;
          return (
            <g key={g.label}>
              {g.values.map((v, si) => {
                const h = Math.max(1, y(0) - y(Math.max(0, v.amountMinor)));
                return (
                  <g key={series[si]!.name}>
                    <title>{`${g.label}, ${series[si]!.name}: ${fmtMoney(v)} a year`}</title>
                    <rect
                      className={series[si]!.className}
                      x={start + si * barW + 4}
                      y={y(0) - h}
                      width={barW - 8}
                      height={h}
                      rx={3}
                    />
                    <text
                      className="value"
                      x={start + si * barW + barW / 2}
                      y={y(0) - h - 5}
                      textAnchor="middle"
                    >
                      {fmtMoney(v, { compact: true })}
                    </text>
                  </g>
                );
              })}
              <text className="label" x={cx} y={height - 12} textAnchor="middle">
                {g.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="visually-hidden">{title}: </span>
        {series.map((s) => (
          <span key={s.name}>
            <span className={`legend-swatch swatch-${s.className}`} />
            {s.name}
          </span>
        ))}
      </figcaption>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <td />
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.label}>
              <th scope="row">{g.label}</th>
              {g.values.map((v, si) => (
                <td key={series[si]!.name}>{fmtMoney(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
