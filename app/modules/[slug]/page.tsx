import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuizSettingsForm } from "@/components/practice/quiz-settings-form";
import { getCurrentLocale } from "@/i18n/current-locale";
import { startPractice } from "@/server/actions/attempts";
import { findViewer } from "@/server/auth/viewer";
import { findModuleOverview } from "@/server/data/module-overview";
import { getModuleMastery } from "@/server/data/progress";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  return findModuleOverview(slug, await getCurrentLocale());
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const overview = await load((await params).slug);
  return { title: overview?.title };
}

export default async function ModulePage({ params }: Params) {
  const { slug } = await params;
  const overview = await load(slug);
  if (!overview) notFound();
  const [viewer, t, tLevels] = await Promise.all([findViewer(), getTranslations("practice"), getTranslations("progress.levels")]);
  const mastery = viewer ? await getModuleMastery(viewer, overview.slug) : null;
  const topics = overview.topics.map((topic) => {
    const level = mastery?.topics.get(topic.key)?.level;
    return { ...topic, mastery: level ? tLevels(level) : undefined };
  });
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{overview.title}</h1>
        <p className="max-w-3xl text-lg text-muted">{overview.description}</p>
        {mastery ? <p className="font-medium">{t("moduleMastery", { level: tLevels(mastery.module.level) })}</p> : null}
      </header>
      <section aria-labelledby="practice-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="practice-heading" className="text-2xl font-semibold">
          {t("startTitle")}
        </h2>
        {viewer ? (
          <>
            <p className="text-muted">{t("startIntro")}</p>
            <QuizSettingsForm moduleSlug={overview.slug} topics={topics} action={startPractice} />
          </>
        ) : (
          <p>
            <Link href={`/sign-in?next=${encodeURIComponent(`/modules/${overview.slug}`)}`} className="font-medium text-brand underline">
              {t("signInToPractice")}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
