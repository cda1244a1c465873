"use client";
import { useEffect, useState } from "react";

export type CountdownWarning = "fiveMinutes" | "oneMinute";

const WARNINGS: [CountdownWarning, number][] = [
  ["oneMinute", 60_000],
  ["fiveMinutes", 5 * 60_000],
];
const TICK_MS = 500;

/**
 * Time left before `deadlineAt`, read on the server's clock: the offset between the server's
 * `serverNow` and the browser's clock is measured once, so a browser set to the wrong time
 * neither shortens nor stretches the attempt. Also reports the last warning threshold crossed
 * while the page was open.
 */
export function useCountdown({ deadlineAt, serverNow }: { deadlineAt: string | null; serverNow: string }) {
  const deadline = deadlineAt === null ? null : Date.parse(deadlineAt);
  const [remainingMs, setRemainingMs] = useState(deadline === null ? null : Math.max(0, deadline - Date.parse(serverNow)));
  const [warning, setWarning] = useState<CountdownWarning | null>(null);

  useEffect(() => {
    if (deadline === null) return;
    const offset = Date.parse(serverNow) - Date.now();
    let previous = deadline - Date.parse(serverNow);
    const tick = () => {
      const left = Math.max(0, deadline - (Date.now() + offset));
      const crossed = WARNINGS.find(([, threshold]) => previous > threshold && left <= threshold);
      if (crossed && left > 0) setWarning(crossed[0]);
      previous = left;
      setRemainingMs(left);
    };
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [deadline, serverNow]);

  return { remainingMs, warning };
}
