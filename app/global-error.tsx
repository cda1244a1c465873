"use client";

// Replaces the root layout when it fails, so it cannot use the layout's translations: it says
// the same thing in both languages.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Une erreur inattendue s’est produite.</h1>
        <p lang="en">Something unexpected went wrong.</p>
        <button type="button" onClick={reset}>
          Réessayer / <span lang="en">Try again</span>
        </button>
      </body>
    </html>
  );
}
