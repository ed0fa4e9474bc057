import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

/** The PHQ-9 totals over time (lower is better; 10 is the usual threshold of a positive screen). */
export function ScreeningTrendChart({
  series,
}: {
  series: ReadonlyArray<{ screeningId: string; total: number; completedAt: string }>;
}) {
  const data = series.map((point) => ({ day: point.completedAt.slice(0, 10), total: point.total }));
  return (
    <figure className="chart">
      <figcaption>
        PHQ-9 trend ({series.length} {series.length === 1 ? 'result' : 'results'}; 0-27, lower is better)
      </figcaption>
      <div
        style={{ width: '100%', height: 200 }}
        role="img"
        aria-label={`PHQ-9 totals: ${data.map((point) => `${point.day} ${point.total}`).join(', ')}`}
      >
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" />
            <YAxis domain={[0, 27]} />
            <ReferenceLine y={10} stroke="#a33" strokeDasharray="4 4" />
            <Tooltip />
            <Line
              type="monotone"
              dataKey="total"
              stroke="#1f5fa8"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
