import type { ProgressHistory } from '../../learn-api/learner-api';
import { formatPercent } from '../../learning-format';

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 36;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 28;

/** Concepts mastered over the last days as a line, answers per day as bars, and the same as a table. */
export function MasteryChart({ history }: { history: ProgressHistory }) {
  const days = history.days;
  const maxMastered = Math.max(1, ...days.map((day) => day.mastered));
  const maxAnswers = Math.max(1, ...days.map((day) => day.answers));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = days.length > 1 ? plotWidth / (days.length - 1) : 0;
  const x = (index: number) => LEFT + index * step;
  const y = (mastered: number) => TOP + plotHeight - (mastered / maxMastered) * plotHeight;
  const barWidth = Math.max(2, Math.min(14, step * 0.6));
  const ticks = [...new Set([0, Math.round(maxMastered / 2), maxMastered])];
  const first = days[0];
  const last = days.at(-1);
  const mastered = last?.mastered ?? 0;
  return (
    <figure className="lt-chart-figure">
      <svg
        className="lt-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        role="img"
        aria-labelledby="chart-title"
      >
        <title id="chart-title">
          {`Concepts mastered from ${first?.date} to ${last?.date}: ${mastered} now`}
        </title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} stroke="#e4e4e4" />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {days.map((day, index) =>
          day.answers > 0 ? (
            <rect
              key={day.date}
              x={x(index) - barWidth / 2}
              y={TOP + plotHeight - (day.answers / maxAnswers) * plotHeight * 0.4}
              width={barWidth}
              height={(day.answers / maxAnswers) * plotHeight * 0.4}
              fill="#f2d8a0"
            />
          ) : null,
        )}
        <polyline
          fill="none"
          stroke="#2e7d32"
          strokeWidth={2}
          points={days.map((day, index) => `${x(index)},${y(day.mastered)}`).join(' ')}
        />
        {first && (
          <text x={LEFT} y={HEIGHT - 8}>
            {first.date}
          </text>
        )}
        {last && (
          <text x={WIDTH - RIGHT} y={HEIGHT - 8} textAnchor="end">
            {last.date}
          </text>
        )}
      </svg>
      <figcaption className="muted">
        Green line: concepts mastered (left scale). Bars: answers given that day.
      </figcaption>
      <details>
        <summary>The figures, day by day</summary>
        <div className="table-scroll">
          <table className="listing">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Mastered</th>
                <th scope="col">Answers</th>
                <th scope="col">Average score</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.date}>
                  <td>{day.date}</td>
                  <td>{day.mastered}</td>
                  <td>{day.answers}</td>
                  <td>{day.averageScore === null ? '—' : formatPercent(day.averageScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
