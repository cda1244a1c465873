import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { AccountMenu } from "@/components/layout/account-menu";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import { findViewer } from "@/server/auth/viewer";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

const CLIENT_NAMESPACES = ["auth", "errors", "practice", "quiz", "admin", "teach"] as const;

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations();
  const viewer = await findViewer();
  const messages = await getMessages();
  // Client components only need these namespaces; the rest stays on the server.
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((namespace) => [namespace, messages[namespace]]));
  return (
    <html lang={locale}>
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("app.skipToContent")}
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
            <Link href="/" className="text-lg font-bold text-brand-dark">
              {t("app.name")}
            </Link>
            <div className="flex min-w-0 flex-wrap items-center justify-end gap-3">
              <nav aria-label={t("nav.account")}>
                <AccountMenu viewer={viewer} />
              </nav>
              <LocaleSwitch />
            </div>
          </div>
        </header>
        <TimeZoneCookie />
        <NextIntlClientProvider messages={clientMessages}>
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
