"use client";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type MasteryBar = { topic: string; notStarted: number; familiar: number; proficient: number; mastered: number };

type Labels = { notStarted: string; familiar: string; proficient: string; mastered: string };

/** Facts per mastery level in each topic, stacked. The table beside it carries the same data for screen readers. */
export function MasteryChart({ bars, labels }: { bars: MasteryBar[]; labels: Labels }) {
  return (
    <div aria-hidden="true" className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="topic" width={160} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="mastered" name={labels.mastered} stackId="facts" fill="#14532d" isAnimationActive={false} />
          <Bar dataKey="proficient" name={labels.proficient} stackId="facts" fill="#15803d" isAnimationActive={false} />
          <Bar dataKey="familiar" name={labels.familiar} stackId="facts" fill="#93c5fd" isAnimationActive={false} />
          <Bar dataKey="notStarted" name={labels.notStarted} stackId="facts" fill="#e2e8f0" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
