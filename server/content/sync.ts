import { randomUUID } from "node:crypto";
import { canonicalJson, computeContentHash, fnv1a64, type Fact, type Module } from "@/domain/content";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/prisma";

type Tx = Prisma.TransactionClient;

export type ModuleSyncReport = {
  slug: string;
  status: "created" | "updated" | "unchanged";
  factsCreated: number;
  factsRevised: number;
  factsRetired: number;
  factsRestored: number;
};

export type SyncReport = { modules: ModuleSyncReport[]; modulesRetired: string[] };

// Same idea as the migrator's lock: two instances starting together sync one after the other.
const CONTENT_SYNC_LOCK_KEY = 7_242_025_002;

/** The version of one fact: changes whenever anything the learner could see of it changes. */
export function factContentHash(fact: Fact): string {
  return fnv1a64(canonicalJson(fact));
}

/** What the quiz builder needs of a module besides its facts, stored as one snapshot. */
function vocabularyOf(module: Module) {
  return { source: module.source, sections: module.sections, lists: module.lists, entities: module.entities };
}

/**
 * Makes the database hold exactly the given (already validated) modules, idempotently: a module
 * whose content hash is unchanged is not touched; a changed fact gets a new revision; a fact,
 * topic or module gone from the files is retired, never deleted, so attempts that used it keep
 * their history. Each call is one transaction: the database never holds half a module.
 */
export async function syncContent(db: Database, modules: Module[], now = new Date()): Promise<SyncReport> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CONTENT_SYNC_LOCK_KEY}::bigint)`;
      const reports: ModuleSyncReport[] = [];
      for (const [position, module] of modules.entries()) {
        reports.push(await syncModule(tx, module, position, now));
      }
      const kept = modules.map((module) => module.slug);
      const retiring = await tx.module.findMany({
        where: { retiredAt: null, slug: { notIn: kept } },
        select: { slug: true },
      });
      if (retiring.length > 0) {
        await tx.module.updateMany({ where: { slug: { in: retiring.map((m) => m.slug) } }, data: { retiredAt: now } });
      }
      return { modules: reports, modulesRetired: retiring.map((m) => m.slug) };
    },
    { timeout: 60_000 },
  );
}

async function syncModule(db: Tx, module: Module, position: number, now: Date): Promise<ModuleSyncReport> {
  const contentHash = computeContentHash(module);
  const report: ModuleSyncReport = {
    slug: module.slug,
    status: "unchanged",
    factsCreated: 0,
    factsRevised: 0,
    factsRetired: 0,
    factsRestored: 0,
  };
  const existing = await db.module.findUnique({
    where: { slug: module.slug },
    select: { id: true, contentHash: true, position: true, retiredAt: true },
  });
  if (
    existing &&
    existing.contentHash === contentHash &&
    existing.retiredAt === null &&
    existing.position === position
  ) {
    return report;
  }
  report.status = existing ? "updated" : "created";

  const moduleData = {
    position,
    titleFr: module.title.fr,
    titleEn: module.title.en,
    descriptionFr: module.description.fr,
    descriptionEn: module.description.en,
    contentHash,
    vocabulary: vocabularyOf(module),
    syncedAt: now,
    retiredAt: null,
  };
  const { id: moduleId } = await db.module.upsert({
    where: { slug: module.slug },
    create: { id: randomUUID(), slug: module.slug, ...moduleData },
    update: moduleData,
    select: { id: true },
  });

  const topicIds = new Map<string, string>();
  for (const [index, topic] of module.topics.entries()) {
    const topicData = {
      position: index,
      titleFr: topic.title.fr,
      titleEn: topic.title.en,
      descriptionFr: topic.description.fr,
      descriptionEn: topic.description.en,
      retiredAt: null,
    };
    const row = await db.topic.upsert({
      where: { moduleId_key: { moduleId, key: topic.id } },
      create: { id: randomUUID(), moduleId, key: topic.id, ...topicData },
      update: topicData,
      select: { id: true },
    });
    topicIds.set(topic.id, row.id);
  }
  await db.topic.updateMany({
    where: { moduleId, retiredAt: null, key: { notIn: module.topics.map((t) => t.id) } },
    data: { retiredAt: now },
  });

  const stored = new Map(
    (
      await db.fact.findMany({
        where: { moduleId },
        select: { id: true, key: true, revision: true, contentHash: true, retiredAt: true },
      })
    ).map((fact) => [fact.key, fact]),
  );

  const newFacts: { id: string; fact: Fact; hash: string }[] = [];
  for (const fact of module.facts) {
    const hash = factContentHash(fact);
    const topicId = topicIds.get(fact.topic)!;
    const current = stored.get(fact.id);
    if (!current) {
      newFacts.push({ id: randomUUID(), fact, hash });
      continue;
    }
    const changed = current.contentHash !== hash;
    const restored = current.retiredAt !== null;
    if (!changed && !restored) continue;
    const revision = changed ? current.revision + 1 : current.revision;
    await db.fact.update({
      where: { id: current.id },
      data: { topicId, revision, contentHash: hash, data: fact, retiredAt: null },
    });
    if (changed) {
      await db.factRevision.create({
        data: { id: randomUUID(), factId: current.id, revision, contentHash: hash, data: fact, createdAt: now },
      });
      report.factsRevised += 1;
    }
    if (restored) report.factsRestored += 1;
  }

  if (newFacts.length > 0) {
    await db.fact.createMany({
      data: newFacts.map(({ id, fact, hash }) => ({
        id,
        moduleId,
        topicId: topicIds.get(fact.topic)!,
        key: fact.id,
        revision: 1,
        contentHash: hash,
        data: fact,
        createdAt: now,
        updatedAt: now,
      })),
    });
    await db.factRevision.createMany({
      data: newFacts.map(({ id, fact, hash }) => ({
        id: randomUUID(),
        factId: id,
        revision: 1,
        contentHash: hash,
        data: fact,
        createdAt: now,
      })),
    });
    report.factsCreated = newFacts.length;
  }

  const kept = new Set(module.facts.map((fact) => fact.id));
  const retiring = [...stored.values()].filter((fact) => fact.retiredAt === null && !kept.has(fact.key));
  if (retiring.length > 0) {
    await db.fact.updateMany({ where: { id: { in: retiring.map((f) => f.id) } }, data: { retiredAt: now } });
    report.factsRetired = retiring.length;
  }
  return report;
}
