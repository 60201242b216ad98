interface Props {
  days: { day: string; count: number }[];
  max: number;
  total: number;
  activeDays: number;
}

const CELL = 11;
const GAP = 2;
const LEVELS = [0, 0.25, 0.45, 0.7, 1];

function level(count: number, max: number): number {
  if (count === 0 || max === 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

const weekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay();
const LEFT = 30;
const TOP = 16;
const WEEKDAYS: [number, string][] = [
  [1, 'Mon'],
  [3, 'Wed'],
  [5, 'Fri'],
];
const monthName = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'short' });

/** A year of reviews per day, GitHub/Anki style: columns are weeks, rows weekdays. */
export function Heatmap({ days, max, total, activeDays }: Props) {
  const offset = days.length ? weekday(days[0]!.day) : 0;
  const weeks = Math.ceil((days.length + offset) / 7);
  const width = LEFT + weeks * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  // A month's name sits above the first week column that holds its first day.
  const months = days.flatMap((d, i) => (d.day.endsWith('-01') ? [{ column: Math.floor((i + offset) / 7), name: monthName(d.day) }] : []));
  return (
    <figure className="space-y-2">
      {/* Right to left so a narrow screen starts scrolled to the latest weeks, as GitHub's does. */}
      <div dir="rtl" className="overflow-x-auto pb-2" tabIndex={0} role="region" aria-label="Review heatmap, scrollable">
        <svg width={width} height={height} role="img" aria-labelledby="heatmap-title heatmap-desc" className="block [direction:ltr]">
          <title id="heatmap-title">Reviews per day over the last year</title>
          <desc id="heatmap-desc">{`${total} reviews on ${activeDays} days. The table below lists each day with reviews.`}</desc>
          {WEEKDAYS.map(([row, name]) => (
            <text key={name} x={0} y={TOP + row * (CELL + GAP) + CELL - 2} fontSize={10} fill="var(--text-muted)">
              {name}
            </text>
          ))}
          {months.map((m) => (
            <text key={`${m.column}-${m.name}`} x={LEFT + m.column * (CELL + GAP)} y={TOP - 5} fontSize={10} fill="var(--text-muted)">
              {m.name}
            </text>
          ))}
          {days.map((d, i) => {
            const position = i + offset;
            const l = level(d.count, max);
            return (
              <rect
                key={d.day}
                x={LEFT + Math.floor(position / 7) * (CELL + GAP)}
                y={TOP + (position % 7) * (CELL + GAP)}
                width={CELL}
                height={CELL}
                rx={2}
                fill={l === 0 ? 'var(--surface-muted)' : 'var(--accent)'}
                fillOpacity={l === 0 ? 1 : LEVELS[l]}
                stroke="var(--border)"
                strokeWidth={l === 0 ? 0.5 : 0}
              >
                <title>{`${d.day}: ${d.count} ${d.count === 1 ? 'review' : 'reviews'}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-muted">
        {total} reviews on {activeDays} {activeDays === 1 ? 'day' : 'days'} in the last year.
      </figcaption>
      <details>
        <summary className="cursor-pointer text-sm">Reviews per day as a table</summary>
        {activeDays === 0 ? (
          <p className="mt-2 text-sm text-muted">No reviews yet.</p>
        ) : (
          <table className="mt-2 text-sm">
            <caption className="sr-only">Days with reviews</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-6 text-left">
                  Day
                </th>
                <th scope="col" className="text-right">
                  Reviews
                </th>
              </tr>
            </thead>
            <tbody>
              {days
                .filter((d) => d.count > 0)
                .reverse()
                .map((d) => (
                  <tr key={d.day}>
                    <th scope="row" className="pr-6 text-left font-normal tabular-nums">
                      {d.day}
                    </th>
                    <td className="text-right tabular-nums">{d.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}
