interface Props {
  days: { day: string; count: number }[];
}

const BAR = 20;
const GAP = 6;
const PLOT = 110;
const TOP = 16;
const AXIS = 30;

const dayLabel = (day: string) =>
  new Date(`${day}T12:00:00Z`)
    .toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })
    .replace(',', '');

/** Due cards for each of the next 30 days, as labelled bars; the table below says the same in words. */
export function ForecastChart({ days }: Props) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const width = days.length * (BAR + GAP);
  const height = TOP + PLOT + AXIS;
  return (
    <figure className="space-y-2">
      <div className="overflow-x-auto pb-2" tabIndex={0} role="region" aria-label="Forecast chart, scrollable">
        <svg width={width} height={height} role="img" aria-labelledby="forecast-title" className="block">
          <title id="forecast-title">{`Cards due over the next ${days.length} days: ${total} in all, at most ${total === 0 ? 0 : max} on one day. The table below lists each day.`}</title>
          <line x1={0} x2={width} y1={TOP + PLOT} y2={TOP + PLOT} stroke="var(--border)" />
          {days.map((d, i) => {
            const h = (d.count / max) * (PLOT - 4);
            const x = i * (BAR + GAP);
            const [, , dom] = d.day.split('-');
            return (
              <g key={d.day}>
                <rect x={x} y={TOP + PLOT - h} width={BAR} height={h} rx={2} fill="var(--success)" />
                {d.count > 0 ? (
                  <text
                    x={x + BAR / 2}
                    y={TOP + PLOT - h - 4}
                    fontSize={11}
                    fontWeight={600}
                    textAnchor="middle"
                    fill="var(--text)"
                    data-bar-value
                  >
                    {d.count}
                  </text>
                ) : null}
                <text
                  x={i === 0 ? x : x + BAR / 2}
                  y={TOP + PLOT + 13}
                  fontSize={10}
                  textAnchor={i === 0 ? 'start' : 'middle'}
                  fill="var(--text-muted)"
                >
                  {i === 0 ? 'today' : Number(dom)}
                </text>
                {i === 0 || dom === '01' ? (
                  <text x={x} y={TOP + PLOT + 26} fontSize={10} fill="var(--text-muted)">
                    {new Date(`${d.day}T12:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'short' })}
                  </text>
                ) : null}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-muted">
        {total} {total === 1 ? 'card' : 'cards'} due in the next {days.length} days.
      </figcaption>
      <details>
        <summary className="cursor-pointer text-sm">Forecast as a table</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">Cards due per day</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-6 text-left">
                Day
              </th>
              <th scope="col" className="text-right">
                Due
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.day}>
                <th scope="row" className="pr-6 text-left font-normal tabular-nums">
                  {i === 0 ? `Today (${dayLabel(d.day)})` : dayLabel(d.day)}
                </th>
                <td className="text-right tabular-nums">{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
