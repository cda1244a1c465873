import { describe, expect, test } from "vitest";
import { parseParentPid, parseProcStatus } from "@/bench/memory";

describe("parseProcStatus", () => {
  test("reads VmRSS and VmHWM in kB", () => {
    const text = [
      "Name:\tnext-server",
      "State:\tS (sleeping)",
      "VmPeak:\t 2000000 kB",
      "VmHWM:\t  412345 kB",
      "VmRSS:\t  398436 kB",
      "Threads:\t11",
    ].join("\n");
    expect(parseProcStatus(text)).toEqual({ rssKb: 398_436, hwmKb: 412_345 });
  });

  test("a kernel thread has neither: zeros", () => {
    expect(parseProcStatus("Name:\tkthreadd\nState:\tS (sleeping)\n")).toEqual({ rssKb: 0, hwmKb: 0 });
  });
});

describe("parseParentPid", () => {
  test.each([
    ["25700 (next-server (v16.4.6)) S 1 25700 25700 0 -1", 1],
    ["42 (node) R 41 42 41 0 -1", 41],
    ["7 (a) b) c) S 3 7 7 0", 3],
  ])("%s → %s", (stat, parent) => {
    expect(parseParentPid(stat)).toBe(parent);
  });
});
