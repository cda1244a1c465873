import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/server/errors";
import { getAuth } from "./auth";
import { lookupViewer } from "./session-lookup";

import { isRole, type Role } from "./roles";

export type { Role };

/** The signed-in person, as every data function and action receives them. */
export type Viewer = { id: string; name: string; email: string; role: Role };

function toRole(value: unknown): Role {
  return isRole(value) ? value : "learner";
}

/** The viewer of the current request, or null when nobody is signed in. */
export async function findViewer(): Promise<Viewer | null> {
  return viewerFromHeaders(await headers());
}

/** The viewer a request's headers carry: the one-statement lookup, or better-auth when it must decide. */
export async function viewerFromHeaders(requestHeaders: Headers): Promise<Viewer | null> {
  const fast = await lookupViewer(requestHeaders);
  if (fast !== undefined) return fast;
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session;
  return { id: user.id, name: user.name, email: user.email, role: toRole((user as { role?: unknown }).role) };
}

/** For pages: the viewer, or a redirect to sign-in that comes back here afterwards. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await findViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/** For actions and data: the viewer with one of `roles`, or an UNAUTHENTICATED/FORBIDDEN error. */
export function assertRole(viewer: Viewer | null, roles: readonly Role[]): asserts viewer is Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED");
  if (!roles.includes(viewer.role)) throw new AppError("FORBIDDEN");
}
