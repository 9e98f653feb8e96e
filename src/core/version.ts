/**
 * The toolkit's name and version, written into every run manifest.
 *
 * @example
 * ```ts
 * import { TOOL_VERSION } from "./version.ts";
 * import { match } from "node:assert/strict";
 * match(TOOL_VERSION, /^\d+\.\d+\.\d+$/);
 * ```
 *
 * @module
 */

/** The toolkit's name. */
export const TOOL_NAME = "partnership-sim";
/** The toolkit's semantic version. */
export const TOOL_VERSION = "0.1.0";
