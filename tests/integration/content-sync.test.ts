import { afterAll, describe, expect, test } from "vitest";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { disconnectDb, getDb } from "@/server/db/client";
import { fixtureFact, fixtureModule } from "../support/content-fixtures";

afterAll(async () => {
  await disconnectDb();
});

const db = () => getDb();

async function snapshot() {
  const [modules, topics, facts, revisions] = await Promise.all([
    db().module.findMany({ orderBy: { slug: "asc" } }),
    db().topic.findMany({ orderBy: [{ moduleId: "asc" }, { key: "asc" }] }),
    db().fact.findMany({ orderBy: { key: "asc" } }),
    db().factRevision.findMany({ orderBy: [{ factId: "asc" }, { revision: "asc" }] }),
  ]);
  return { modules, topics, facts, revisions };
}

describe("syncContent", () => {
  test("loads a module with its topics and facts, each fact at revision 1", async () => {
    const report = await syncContent(db(), [fixtureModule("alpha")]);
    expect(report.modules).toEqual([
      { slug: "alpha", status: "created", factsCreated: 2, factsRevised: 0, factsRetired: 0, factsRestored: 0 },
    ]);
    const { modules, topics, facts, revisions } = await snapshot();
    expect(modules.map((m) => [m.slug, m.titleFr, m.titleEn])).toEqual([["alpha", "Module alpha", "Module alpha"]]);
    expect(topics.map((t) => [t.key, t.position])).toEqual([
      ["basics", 0],
      ["more", 1],
    ]);
    expect(facts.map((f) => [f.key, f.revision, f.retiredAt])).toEqual([
      ["a", 1, null],
      ["b", 1, null],
    ]);
    expect(revisions).toHaveLength(2);
  });

  test("syncing the same content twice changes nothing", async () => {
    await syncContent(db(), [fixtureModule("alpha")]);
    const before = await snapshot();
    const report = await syncContent(db(), [fixtureModule("alpha")], new Date(Date.now() + 60_000));
    expect(report.modules[0]!.status).toBe("unchanged");
    expect(await snapshot()).toEqual(before);
  });

  test("a fact removed from the files is retired, not deleted, and keeps its revisions", async () => {
    await syncContent(db(), [fixtureModule("alpha")]);
    const report = await syncContent(db(), [fixtureModule("alpha", [fixtureFact("a")])]);
    expect(report.modules[0]).toMatchObject({ status: "updated", factsRetired: 1 });
    const { facts, revisions } = await snapshot();
    const removed = facts.find((fact) => fact.key === "b")!;
    expect(removed.retiredAt).toBeInstanceOf(Date);
    expect(revisions.filter((revision) => revision.factId === removed.id)).toHaveLength(1);
    expect(facts.find((fact) => fact.key === "a")!.retiredAt).toBeNull();
  });

  test("an edited fact gets a new revision and keeps the old one", async () => {
    await syncContent(db(), [fixtureModule("alpha")]);
    const edited = fixtureFact("a", { value: { type: "date", date: "2013-04", precision: "month" } });
    const report = await syncContent(db(), [fixtureModule("alpha", [edited, fixtureFact("b")])]);
    expect(report.modules[0]).toMatchObject({ factsRevised: 1, factsCreated: 0 });
    const { facts, revisions } = await snapshot();
    const fact = facts.find((f) => f.key === "a")!;
    expect(fact.revision).toBe(2);
    expect(fact.data).toMatchObject({ value: { date: "2013-04" } });
    const history = revisions.filter((revision) => revision.factId === fact.id);
    expect(history.map((revision) => revision.revision)).toEqual([1, 2]);
    expect(history[0]!.data).toMatchObject({ value: { date: "2014" } });
  });

  test("a fact that comes back is restored under the same identity", async () => {
    await syncContent(db(), [fixtureModule("alpha")]);
    const { facts: before } = await snapshot();
    await syncContent(db(), [fixtureModule("alpha", [fixtureFact("a")])]);
    const report = await syncContent(db(), [fixtureModule("alpha")]);
    expect(report.modules[0]).toMatchObject({ factsRestored: 1, factsRevised: 0 });
    const { facts } = await snapshot();
    expect(facts.map((fact) => [fact.id, fact.retiredAt])).toEqual(before.map((fact) => [fact.id, null]));
  });

  test("handles several modules, and retires a module whose folder is gone", async () => {
    await syncContent(db(), [fixtureModule("alpha"), fixtureModule("beta")]);
    expect((await snapshot()).facts).toHaveLength(4);
    const report = await syncContent(db(), [fixtureModule("beta")]);
    expect(report.modulesRetired).toEqual(["alpha"]);
    const { modules } = await snapshot();
    expect(modules.map((m) => [m.slug, m.retiredAt === null])).toEqual([
      ["alpha", false],
      ["beta", true],
    ]);
  });

  test("a failure part-way writes nothing", async () => {
    const broken = fixtureModule("gamma", [fixtureFact("a"), fixtureFact("b", { topic: "no-such-topic" })]);
    await expect(syncContent(db(), [fixtureModule("alpha"), broken])).rejects.toThrow();
    const { modules, facts } = await snapshot();
    expect(modules).toEqual([]);
    expect(facts).toEqual([]);
  });

  test("the real fact base and the fixture module load and sync together, and a second sync is a no-op", async () => {
    const [real, fixtures] = await Promise.all([loadContentDir("content"), loadContentDir("tests/fixtures/content")]);
    if (!real.ok || !fixtures.ok) throw new Error("content under test is invalid");
    const modules = [...real.modules, ...fixtures.modules];
    const first = await syncContent(db(), modules);
    expect(first.modules.map((m) => [m.slug, m.status])).toEqual(modules.map((m) => [m.slug, "created"]));
    const japan = modules.find((m) => m.slug === "nato-japan")!;
    expect(await db().fact.count({ where: { module: { slug: "nato-japan" } } })).toBe(japan.facts.length);
    expect(await db().topic.count({ where: { module: { slug: "nato-japan" } } })).toBe(japan.topics.length);
    const second = await syncContent(db(), modules);
    expect(second.modules.every((m) => m.status === "unchanged")).toBe(true);
  });
});
