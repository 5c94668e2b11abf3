import { useId, useState } from 'react';
import type { ImprovementCycle, RunChartView } from '../api/client';
import { Heading3, Paragraph } from '../components/nlds';
import { dutchDate } from '../socialmap/labels';
import { explain, pointsNeeded } from './signals';

const W = 720;
const H = 280;
const M = { top: 16, right: 16, bottom: 40, left: 48 };

const RULE_SETS: Record<string, string> = { IHI: 'IHI-regels', ANHOEJ: 'Anhøj-regels' };

/**
 * A run chart as accessible SVG: title and description, the centre line (median) of each part,
 * the PDSA cycles' start dates on the time axis, and the signals of the chosen rule set marked by
 * shape as well as colour and explained in Dutch beside it; the numbers are in a table too.
 */
export function RunChart({ chart, cycles }: { chart: RunChartView; cycles: ImprovementCycle[] }) {
  const id = useId();
  const [ruleSet, setRuleSet] = useState('IHI');
  const points = chart.points ?? [];
  const analysis = (chart.analyses ?? []).find((a) => a.ruleSet === ruleSet) ?? chart.analyses?.[0];
  const parts = analysis?.parts ?? [];
  const signalled = new Set(parts.flatMap((p) => (p.signals ?? []).flatMap((s) => s.points ?? [])));

  const values = points.map((p) => p.value ?? 0).concat(parts.map((p) => p.centre ?? 0));
  const min = Math.min(...values, chart.target ?? Infinity);
  const max = Math.max(...values, chart.target ?? -Infinity);
  const pad = (max - min) * 0.1 || 1;
  const y = (v: number) => M.top + (H - M.top - M.bottom) * (1 - (v - (min - pad)) / (max - min + 2 * pad));
  const x = (position: number) => M.left + ((W - M.left - M.right) * (position - 1)) / Math.max(1, points.length - 1);

  const cycleMarks = cycles.filter((c) => c.startedOn).map((c) => {
    const first = points.find((p) => (p.date ?? '') >= (c.startedOn ?? ''));
    return first ? { label: `C${c.number}`, at: x(first.position ?? 1), date: c.startedOn! } : undefined;
  }).filter((m): m is { label: string; at: number; date: string } => !!m);

  const signals = parts.flatMap((p) => p.signals ?? []);
  // Before there is any part to analyse, the count of points is what is missing.
  const needed = (parts.length > 0 ? parts.map((part) => pointsNeeded(part)) : [pointsNeeded({ usefulObservations: points.length })])
    .filter((text): text is string => !!text);
  const description = points.length === 0 ? 'Nog geen metingen.'
    : `${points.length} metingen van ${dutchDate(points[0].date)} tot ${dutchDate(points[points.length - 1].date)}, `
      + `${parts.length} ${parts.length === 1 ? 'deel' : 'delen'}; ${signals.length === 0 ? 'geen signalen' : `${signals.length} signalen`} `
      + `volgens de ${RULE_SETS[analysis?.ruleSet ?? 'IHI']}. ${chart.betterWhen === 'LOWER' ? 'Lager is beter.' : 'Hoger is beter.'}`;

  return (
    <figure className="mz-chart">
      <fieldset className="mz-no-print mz-rule-sets">
        <legend>Regels</legend>
        {(chart.analyses ?? []).map((a) => (
          <span className="mz-facet" key={a.ruleSet}>
            <input type="radio" className="utrecht-radio-button utrecht-radio-button--html-input" id={`${id}-${a.ruleSet}`} name={`${id}-rules`} checked={a.ruleSet === analysis?.ruleSet}
              onChange={() => setRuleSet(a.ruleSet ?? 'IHI')} />
            <label htmlFor={`${id}-${a.ruleSet}`}>{RULE_SETS[a.ruleSet ?? ''] ?? a.ruleSet}</label>
          </span>
        ))}
      </fieldset>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="mz-chart__svg">
        <title id={`${id}-t`}>{`Run chart: ${chart.name}${chart.unit ? ` (${chart.unit})` : ''}`}</title>
        <desc id={`${id}-d`}>{description}</desc>
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="mz-chart__axis" />
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="mz-chart__axis" />
        {[min, (min + max) / 2, max].map((v) => (
          <text key={v} x={M.left - 6} y={y(v) + 4} textAnchor="end" className="mz-chart__label">{Number(v.toFixed(1)).toLocaleString('nl-NL')}</text>
        ))}
        {parts.map((part) => part.centre !== undefined && (
          <g key={part.fromPoint}>
            <line x1={x(part.fromPoint ?? 1)} x2={x(part.toPoint ?? points.length)} y1={y(part.centre)} y2={y(part.centre)} className="mz-chart__centre" />
            <text x={x(part.toPoint ?? points.length)} y={y(part.centre) - 4} textAnchor="end" className="mz-chart__label">mediaan {Number(part.centre.toFixed(2)).toLocaleString('nl-NL')}</text>
          </g>
        ))}
        {chart.target !== undefined && chart.target !== null && (
          <line x1={M.left} x2={W - M.right} y1={y(chart.target)} y2={y(chart.target)} className="mz-chart__target" />
        )}
        {cycleMarks.map((m) => (
          <g key={m.label}>
            <line x1={m.at} x2={m.at} y1={M.top} y2={H - M.bottom} className="mz-chart__cycle" />
            <text x={m.at} y={H - M.bottom + 28} textAnchor="middle" className="mz-chart__label">{m.label}</text>
          </g>
        ))}
        <polyline fill="none" className="mz-chart__line" points={points.map((p) => `${x(p.position ?? 1)},${y(p.value ?? 0)}`).join(' ')} />
        {points.map((p) => signalled.has(p.position ?? -1)
          ? <rect key={p.position} x={x(p.position ?? 1) - 6} y={y(p.value ?? 0) - 6} width={12} height={12} transform={`rotate(45 ${x(p.position ?? 1)} ${y(p.value ?? 0)})`} className="mz-chart__signal" />
          : <circle key={p.position} cx={x(p.position ?? 1)} cy={y(p.value ?? 0)} r={4} className="mz-chart__point" />)}
        {points.length > 0 && (
          <>
            <text x={M.left} y={H - M.bottom + 14} className="mz-chart__label">{dutchDate(points[0].date)}</text>
            <text x={W - M.right} y={H - M.bottom + 14} textAnchor="end" className="mz-chart__label">{dutchDate(points[points.length - 1].date)}</text>
          </>
        )}
      </svg>
      <figcaption>
        <Paragraph small>Ruit: meting in een signaal. Stippellijn: start van een verbetercyclus (C1, C2 …). {chart.betterWhen === 'LOWER' ? 'Lager is beter.' : 'Hoger is beter.'}</Paragraph>
      </figcaption>
      <Heading3>Wat de grafiek laat zien</Heading3>
      <ul className="utrecht-unordered-list mz-signals">
        {needed.map((text) => <li className="utrecht-unordered-list__item" key={text}>{text}</li>)}
        {signals.map((s, i) => <li className="utrecht-unordered-list__item" key={i}><strong>Signaal:</strong> {explain(s)} (metingen {s.points?.join(', ')})</li>)}
        {signals.length === 0 && needed.length === 0 && (
          <li className="utrecht-unordered-list__item">Geen signalen: de schommelingen passen bij toeval.</li>
        )}
      </ul>
      <details className="mz-chart__data">
        <summary>De metingen als tabel</summary>
        <table className="utrecht-table">
          <caption>{chart.name}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">Nr.</th>
              <th className="utrecht-table__header-cell" scope="col">Datum</th>
              <th className="utrecht-table__header-cell" scope="col">Waarde</th>
              <th className="utrecht-table__header-cell" scope="col">Signaal</th>
              <th className="utrecht-table__header-cell" scope="col">Notitie</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {points.map((p) => (
              <tr className="utrecht-table__row" key={p.position}>
                <td className="utrecht-table__cell">{p.position}</td>
                <td className="utrecht-table__cell">{dutchDate(p.date)}</td>
                <td className="utrecht-table__cell">{p.value?.toLocaleString('nl-NL')}</td>
                <td className="utrecht-table__cell">{signalled.has(p.position ?? -1) ? 'ja' : ''}</td>
                <td className="utrecht-table__cell">{p.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
