import type { Module } from "./schema";

/**
 * JSON with object keys sorted at every level (arrays keep their order, since order is
 * meaningful: topics are listed in teaching order). `undefined` properties are dropped, as
 * JSON.stringify does, so an absent optional key and a missing one hash the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const FNV_OFFSET_BASIS = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`; 16 lowercase hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, "0");
}

/**
 * Content version of a module: FNV-1a 64 of its canonical JSON. Equal for equal content
 * whatever the key order or formatting of the YAML files, different as soon as any text, id
 * or value changes. Not a cryptographic hash (the domain layer has no node:crypto); it only
 * tells the sync whether a module changed.
 */
export function computeContentHash(module: Module): string {
  return fnv1a64(canonicalJson(module));
}
