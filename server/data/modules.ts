import "server-only";
import type { Locale } from "@/i18n/locales";
import { getDb } from "@/server/db/client";

export type ModuleSummary = {
  slug: string;
  title: string;
  description: string;
  topics: { key: string; title: string }[];
  factCount: number;
};

/** The modules on offer, with their topics, in the reader's language. One query. */
export async function listModules(locale: Locale): Promise<ModuleSummary[]> {
  const rows = await getDb().module.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      titleFr: true,
      titleEn: true,
      descriptionFr: true,
      descriptionEn: true,
      topics: {
        where: { retiredAt: null },
        orderBy: { position: "asc" },
        select: { key: true, titleFr: true, titleEn: true },
      },
      _count: { select: { facts: { where: { retiredAt: null } } } },
    },
  });
  return rows.map((row) => ({
    slug: row.slug,
    title: locale === "fr" ? row.titleFr : row.titleEn,
    description: locale === "fr" ? row.descriptionFr : row.descriptionEn,
    topics: row.topics.map((topic) => ({ key: topic.key, title: locale === "fr" ? topic.titleFr : topic.titleEn })),
    factCount: row._count.facts,
  }));
}
