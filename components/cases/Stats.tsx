/*
 * Refund statistics for the chosen period: key figures first (each with what it was computed
 * from), then each chart with its figures beside it in a table. Numbers are 分 inside, ¥ here.
 */
import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'preact/hooks';
import type { CaseStats, Quantiles, Rate } from '../../lib/cases/stats';
import { tr, type Locale, type LocalText } from '../../lib/i18n';
import { formatFen } from '../../lib/money';
import { PALETTE, useChart } from './charts';
import { CASES_TEXT, REFUND_TYPE_TEXT, type CasesTextKey } from './i18n';

export interface StatsProps {
  stats: CaseStats;
  locale: Locale;
  reasonLabels: Record<string, LocalText>;
  /** The period's name, for file names and chart titles. */
  periodLabel: string;
}

const pct = (r: Rate) => (r.value === undefined ? undefined : `${(r.value * 100).toFixed(1)}%`);
const hours1 = (h: number | undefined) => (h === undefined ? undefined : Math.round(h * 10) / 10);

export function Stats({ stats, locale, reasonLabels, periodLabel }: StatsProps) {
  const t = (k: CasesTextKey, vars?: Record<string, string | number>) => tr(CASES_TEXT[k], locale, vars);
  const reason = (id: string) => (reasonLabels[id] ? tr(reasonLabels[id], locale) : id);
  const hoursText = (q: Quantiles) => (q.median === undefined ? t('none') : t('hours', { n: hours1(q.median)! }));
  const rateText = (r: Rate) => pct(r) ?? t('none');
  const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(5, 10);

  return (
    <section class="stats" data-rh="stats" aria-label={t('tabStats')}>
      <div class="figures">
        <Figure name="count" value={stats.count} label={t('statCount')} text={String(stats.count)} />
        <Figure
          name="amount"
          value={stats.amount}
          label={t('statAmount')}
          text={formatFen(stats.amount)}
          sub={t('statRefunded', { amount: formatFen(stats.refundedAmount) })}
        />
        <Figure
          name="reviewMedianHours"
          value={hours1(stats.reviewHours.median)}
          label={t('statReview')}
          text={hoursText(stats.reviewHours)}
          sub={stats.reviewHours.p90 === undefined ? undefined : t('statReviewP90', { h: t('hours', { n: hours1(stats.reviewHours.p90)! }) })}
        />
        <Figure
          name="rejectionRate"
          value={stats.rejectionRate.value}
          label={t('statRejection')}
          text={rateText(stats.rejectionRate)}
          sub={t('ofN', { count: stats.rejectionRate.count, of: stats.rejectionRate.of })}
        />
        <Figure
          name="overdueRate"
          value={stats.overdueRate.value}
          label={t('statOverdue')}
          text={rateText(stats.overdueRate)}
          sub={t('ofN', { count: stats.overdueRate.count, of: stats.overdueRate.of })}
        />
        <Figure
          name="confirmMedianHours"
          value={hours1(stats.confirmHours.median)}
          label={t('statConfirm')}
          text={hoursText(stats.confirmHours)}
          sub={stats.confirmHours.of ? t('measured', { of: stats.confirmHours.of }) : undefined}
        />
      </div>
      {stats.count === 0 ? (
        <p class="muted empty">{t('none')}</p>
      ) : (
        <div class="charts">
          <ChartCard
            id="weeks"
            title={t('chartWeeks')}
            file={`${t('chartWeeks')}-${periodLabel}`}
            locale={locale}
            build={() =>
              barConfig(
                stats.weeks.map((w) => day(w.start)),
                [
                  { label: t('count'), data: stats.weeks.map((w) => w.count), color: PALETTE[0] },
                  { label: t('amount'), data: stats.weeks.map((w) => w.amount / 100), color: PALETTE[1], axis: 'y1' },
                ],
              )
            }
            head={[t('weekOf', { date: '' }).trim(), t('count'), t('amount')]}
            rows={stats.weeks.map((w) => [t('weekOf', { date: day(w.start) }), String(w.count), formatFen(w.amount)])}
          />
          <ChartCard
            id="reasons"
            title={t('chartReasons')}
            file={`${t('chartReasons')}-${periodLabel}`}
            locale={locale}
            build={() =>
              barConfig(
                stats.reasons.map((r) => reason(r.reasonId)),
                [{ label: t('count'), data: stats.reasons.map((r) => r.count), color: PALETTE[0] }],
                true,
              )
            }
            head={[t('reason'), t('count')]}
            rows={stats.reasons.map((r) => [reason(r.reasonId), String(r.count)])}
          />
          <ChartCard
            id="types"
            title={t('chartTypes')}
            file={`${t('chartTypes')}-${periodLabel}`}
            locale={locale}
            build={() =>
              doughnutConfig(
                stats.refundTypes.map((r) => tr(REFUND_TYPE_TEXT[r.refundType], locale)),
                stats.refundTypes.map((r) => r.count),
              )
            }
            head={[t('refundType'), t('count')]}
            rows={stats.refundTypes.map((r) => [tr(REFUND_TYPE_TEXT[r.refundType], locale), String(r.count)])}
          />
          <ChartCard
            id="rejection"
            title={t('chartRejection')}
            file={`${t('chartRejection')}-${periodLabel}`}
            locale={locale}
            build={() => {
              const decided = stats.reasons.filter((r) => r.rejection.of > 0);
              return barConfig(
                decided.map((r) => reason(r.reasonId)),
                [{ label: t('rate'), data: decided.map((r) => (r.rejection.value ?? 0) * 100), color: PALETTE[3] }],
                true,
                '%',
              );
            }}
            head={[t('reason'), t('rate'), t('count')]}
            rows={stats.reasons
              .filter((r) => r.rejection.of > 0)
              .map((r) => [reason(r.reasonId), pct(r.rejection)!, t('ofN', { count: r.rejection.count, of: r.rejection.of })])}
          />
        </div>
      )}
    </section>
  );
}

function Figure(p: { name: string; value: number | undefined; label: string; text: string; sub?: string }) {
  return (
    <div class="figure" data-rh-stat={p.name} data-value={p.value === undefined ? '' : String(p.value)}>
      <span class="label">{p.label}</span>
      <strong>{p.text}</strong>
      {p.sub && <small class="muted">{p.sub}</small>}
    </div>
  );
}

/** A chart and its figures; the chart is rebuilt only when its figures (or the language) change. */
function ChartCard(p: { id: string; title: string; file: string; locale: Locale; build: () => ChartConfiguration; head: string[]; rows: string[][] }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `build` is a new closure each render; the figures and the language are what it draws
  const config = useMemo(p.build, [JSON.stringify(p.rows), p.locale]);
  const chart = useChart(config);
  const save = () => {
    const url = chart.png();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${p.file}.png`;
    a.click();
  };
  const summary = p.rows.map((r) => r.join(' ')).join('；');
  return (
    <figure class="chart-card" data-rh-chart={p.id}>
      <figcaption>
        <h3>{p.title}</h3>
        <button type="button" class="btn small" data-rh="chart-save" onClick={save}>
          {tr(CASES_TEXT.savePng, p.locale)}
        </button>
      </figcaption>
      <div class="chart-body">
        <div class="canvas-box">
          <canvas ref={chart.canvas} role="img" aria-label={`${p.title}：${summary}`} />
        </div>
        <table class="chart-figures">
          <thead>
            <tr>
              {p.head.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a table of figures, rebuilt whole: a row is its place (two labels may read the same)
              <tr key={i}>
                {r.map((c, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a cell is its column
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

type Series = { label: string; data: number[]; color: string; axis?: 'y1' };

function barConfig(labels: string[], series: Series[], horizontal = false, unit = ''): ChartConfiguration {
  const twoAxes = series.some((s) => s.axis === 'y1');
  return {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderRadius: 2,
        maxBarThickness: 28,
        ...(s.axis ? { yAxisID: s.axis } : {}),
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      scales: {
        [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0, callback: (v: number | string) => `${v}${unit}` } },
        ...(twoAxes
          ? { y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { callback: (v: number | string) => `¥${v}` } } }
          : {}),
      },
    },
  } as ChartConfiguration;
}

function doughnutConfig(labels: string[], data: number[]): ChartConfiguration {
  return {
    type: 'doughnut',
    data: { labels, datasets: [{ data, backgroundColor: PALETTE.slice(0, data.length) }] },
    options: { maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } },
  };
}
