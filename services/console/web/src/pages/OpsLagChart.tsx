import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OpsLag } from '../ops-types';

const COLORS = ['#1f5fa8', '#a33', '#2e7d32', '#a65c00', '#6a3d9a', '#00838f'];
const SHOWN_GROUPS = 5;
const time = new Intl.DateTimeFormat('en-US', { timeStyle: 'medium' });

/** Total lag and the groups that lagged most, per sample over the hour kept (recharts, loaded with the chart). */
export function OpsLagChart({ history }: { history: OpsLag['history'] }) {
  const worst = new Map<string, number>();
  for (const point of history)
    for (const [group, lag] of Object.entries(point.lags))
      worst.set(group, Math.max(worst.get(group) ?? 0, lag));
  const groups = [...worst]
    .filter(([, lag]) => lag > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, SHOWN_GROUPS)
    .map(([group]) => group);
  const data = history.map((point) => ({
    time: time.format(new Date(point.at)),
    total: Object.values(point.lags).reduce((sum, lag) => sum + lag, 0),
    lags: point.lags,
  }));
  const last = data.at(-1);
  return (
    <figure className="chart">
      <figcaption>
        Consumer lag over time ({history.length} {history.length === 1 ? 'sample' : 'samples'}; messages not
        yet processed, all groups and the{' '}
        {groups.length === 0 ? 'groups that lag' : `${groups.length} that lagged most`})
      </figcaption>
      <div
        style={{ width: '100%', height: 240 }}
        role="img"
        aria-label={`Consumer lag: ${history.length} samples; latest total ${last?.total ?? 0} messages${groups
          .map((group) => `, ${group} ${last?.lags[group] ?? 0}`)
          .join('')}`}
      >
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="time" minTickGap={24} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Line
              type="monotone"
              dataKey="total"
              name="all groups"
              stroke="#1b1f24"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            {groups.map((group, index) => (
              <Line
                key={group}
                type="monotone"
                name={group}
                // a function, not the name: recharts reads a string key as a path, and group names hold dots
                dataKey={(row: { lags: Record<string, number> }) => row.lags[group] ?? 0}
                stroke={COLORS[index % COLORS.length]}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
