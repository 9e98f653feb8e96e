/** Test helper: the leaf parameters of a parameter set, by dotted path. */

/**
 * Every leaf of a (nested) parameter set by dotted path; lists (shocks) are skipped, as they
 * have no single default per field.
 */
export function leafPaths(value: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (Array.isArray(inner)) continue;
    if (inner !== null && typeof inner === "object") {
      for (const [p, v] of leafPaths(inner, path)) out.set(p, v);
    } else out.set(path, inner);
  }
  return out;
}
