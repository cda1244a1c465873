import { describe, expect, test } from "vitest";
import { cycle, interleave, once } from "@/bench/routes";

describe("request sources", () => {
  test("cycle goes round for ever", () => {
    const next = cycle(["a", "b"]);
    expect([next(), next(), next()]).toEqual(["a", "b", "a"]);
    expect(() => cycle([])).toThrow();
  });

  test("once gives each item one time, then null, and tells what was taken", () => {
    const pool = once([1, 2]);
    expect(pool.remaining()).toBe(2);
    expect([pool.take(), pool.take(), pool.take()]).toEqual([1, 2, null]);
    expect(pool.taken()).toEqual([1, 2]);
    expect(pool.remaining()).toBe(0);
  });

  test("interleave alternates between lists of any lengths, keeping every item", () => {
    expect(interleave([["a1", "a2", "a3"], ["b1"], [], ["c1", "c2"]])).toEqual(["a1", "b1", "c1", "a2", "c2", "a3"]);
  });
});
