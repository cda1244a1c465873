import { describe, expect, test } from "vitest";
import { LOCALES, MESSAGE_FILES } from "@/i18n/locales";

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

async function load(locale: string, file: string): Promise<Tree> {
  return (await import(`../../messages/${locale}/${file}.json`)).default as Tree;
}

describe("interface messages", () => {
  test.each(MESSAGE_FILES)("%s.json has the same keys in every language, none empty", async (file) => {
    const [fr, ...others] = await Promise.all(LOCALES.map((locale) => load(locale, file)));
    const reference = keysOf(fr!).sort();
    for (const other of others) expect(keysOf(other!).sort()).toEqual(reference);
    for (const tree of [fr!, ...others]) {
      const empty = keysOf(tree).filter((key) => key.split(".").reduce<unknown>((node, part) => (node as Tree)[part], tree) === "");
      expect(empty).toEqual([]);
    }
  });

  test("no two files define the same top-level namespace", async () => {
    const namespaces = (await Promise.all(MESSAGE_FILES.map((file) => load("fr", file)))).flatMap((tree) => Object.keys(tree));
    expect(new Set(namespaces).size).toBe(namespaces.length);
  });
});
