import "server-only";
import { IdSchema } from "@/domain/content";
import type { Locale } from "@/i18n/locales";
import { getDb } from "@/server/db/client";

export type ModuleOverview = {
  slug: string;
  title: string;
  description: string;
  topics: { key: string; title: string; description: string; factCount: number }[];
};

/** One live module with its live topics and how many facts each holds, in the reader's language. */
export async function findModuleOverview(slug: string, locale: Locale): Promise<ModuleOverview | null> {
  // From the URL: a slug no module could have (NUL, which PostgreSQL refuses, and the like) is not found.
  if (!IdSchema.safeParse(slug).success) return null;
  const row = await getDb().module.findFirst({
    where: { slug, retiredAt: null },
    select: {
      slug: true,
      titleFr: true,
      titleEn: true,
      descriptionFr: true,
      descriptionEn: true,
      topics: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: {
          key: true,
          titleFr: true,
          titleEn: true,
          descriptionFr: true,
          descriptionEn: true,
          _count: { select: { facts: { where: { retiredAt: null } } } },
        },
      },
    },
  });
  if (!row) return null;
  const fr = locale === "fr";
  return {
    slug: row.slug,
    title: fr ? row.titleFr : row.titleEn,
    description: fr ? row.descriptionFr : row.descriptionEn,
    topics: row.topics.map((topic) => ({
      key: topic.key,
      title: fr ? topic.titleFr : topic.titleEn,
      description: fr ? topic.descriptionFr : topic.descriptionEn,
      factCount: topic._count.facts,
    })),
  };
}
