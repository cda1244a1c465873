import "server-only";
import { IdSchema, type ContentList, type Entity, type Fact, type Module, type Section } from "@/domain/content";
import { getDb } from "@/server/db/client";

type Vocabulary = { source: Module["source"]; sections: Section[]; lists: ContentList[]; entities: Entity[] };

// Modules are rebuilt from the database once per content version and kept: the quiz builder
// indexes a module on first use, and content only changes when the app restarts with new files.
const cache = new Map<string, { contentHash: string; module: Module }>();

/** The live module (active topics and facts) as the quiz builder reads it, or null. */
export async function findQuizModule(slug: string): Promise<(Module & { dbId: string }) | null> {
  // Slugs come from forms and URLs; one that no module could have (NUL, which PostgreSQL refuses,
  // among others) is simply not found.
  if (!IdSchema.safeParse(slug).success) return null;
  const db = getDb();
  const head = await db.module.findFirst({ where: { slug, retiredAt: null }, select: { id: true, contentHash: true } });
  if (!head) return null;
  const cached = cache.get(slug);
  if (cached && cached.contentHash === head.contentHash) return { ...cached.module, dbId: head.id };

  const row = await db.module.findUniqueOrThrow({
    where: { id: head.id },
    select: {
      slug: true,
      titleFr: true,
      titleEn: true,
      descriptionFr: true,
      descriptionEn: true,
      contentHash: true,
      vocabulary: true,
      topics: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { key: true, titleFr: true, titleEn: true, descriptionFr: true, descriptionEn: true },
      },
      facts: { where: { retiredAt: null }, orderBy: { key: "asc" }, select: { data: true } },
    },
  });
  const vocabulary = row.vocabulary as unknown as Vocabulary;
  const rebuilt: Module = {
    slug: row.slug,
    title: { fr: row.titleFr, en: row.titleEn },
    description: { fr: row.descriptionFr, en: row.descriptionEn },
    source: vocabulary.source,
    topics: row.topics.map((topic) => ({
      id: topic.key,
      title: { fr: topic.titleFr, en: topic.titleEn },
      description: { fr: topic.descriptionFr, en: topic.descriptionEn },
    })),
    sections: vocabulary.sections,
    lists: vocabulary.lists,
    entities: vocabulary.entities,
    // Stored from validated content by the sync; the order of the files is restored by key.
    facts: row.facts.map((fact) => fact.data as unknown as Fact),
  };
  cache.set(slug, { contentHash: row.contentHash, module: rebuilt });
  return { ...rebuilt, dbId: head.id };
}
