interface Props {
  days: { day: string; count: number }[];
}

/** Due cards for each of the next 30 days, as bars; the table beside it says the same in words. */
export function ForecastChart({ days }: Props) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const barWidth = 16;
  const gap = 4;
  const height = 120;
  const width = days.length * (barWidth + gap);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-labelledby="forecast-title" className="h-auto w-full max-w-2xl">
        <title id="forecast-title">{`Cards due over the next ${days.length} days: ${total} in all, at most ${max === 1 && total === 0 ? 0 : max} on one day.`}</title>
        <line x1={0} x2={width} y1={height} y2={height} stroke="var(--border)" />
        {days.map((d, i) => {
          const h = (d.count / max) * (height - 4);
          return (
            <g key={d.day}>
              <rect x={i * (barWidth + gap)} y={height - h} width={barWidth} height={h} rx={2} fill="var(--success)">
                <title>{`${i === 0 ? 'Today' : d.day}: ${d.count} due`}</title>
              </rect>
              {i % 7 === 0 ? (
                <text x={i * (barWidth + gap)} y={height + 13} fontSize={10} fill="var(--text-muted)">
                  {i === 0 ? 'today' : `+${i}d`}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm">Forecast as a table</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">Cards due per day</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-6 text-left">Day</th>
              <th scope="col" className="text-right">Due</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.day}>
                <th scope="row" className="pr-6 text-left font-normal tabular-nums">{i === 0 ? `Today (${d.day})` : d.day}</th>
                <td className="text-right tabular-nums">{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
