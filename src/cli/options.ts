/**
 * Command-line option helpers shared by the verbs: the usage error and whole-number options.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A mistake on the command line (exit code 2, with a pointer to the usage text). */
export class UsageError extends Error {
  /**
   * @param message What was expected and what was found.
   */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Parses a verb's arguments strictly (unknown options are usage errors).
 *
 * @param args The arguments after the verb.
 * @param options The options the verb takes.
 * @returns Values and positionals.
 * @throws {UsageError} For an unknown option or a missing value.
 *
 * @example
 * ```ts
 * import { parseVerbArgs } from "./options.ts";
 * import { deepStrictEqual, throws } from "node:assert/strict";
 * const { values } = parseVerbArgs(["--out", "x"], { out: { type: "string" } });
 * deepStrictEqual(values.out, "x");
 * throws(() => parseVerbArgs(["--nope"], {}), /Unknown option/);
 * ```
 */
export function parseVerbArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Reads a whole-number option.
 *
 * @param name The option, for messages (e.g. `--replicates`).
 * @param text Its value as typed, or undefined when not given.
 * @param fallback The value when not given.
 * @param min Smallest allowed.
 * @param max Largest allowed.
 * @returns The number.
 * @throws {UsageError} For anything but a whole number in range.
 *
 * @example
 * ```ts
 * import { integerOption } from "./options.ts";
 * import { strictEqual, throws } from "node:assert/strict";
 * strictEqual(integerOption("--replicates", "12", 5, 1, 100), 12);
 * strictEqual(integerOption("--replicates", undefined, 5, 1, 100), 5);
 * throws(() => integerOption("--replicates", "1.5", 5, 1, 100), /whole number in \[1, 100\]/);
 * ```
 */
export function integerOption(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(
      `${name}: expected a whole number in [${min}, ${max}], found ${JSON.stringify(text)}`,
    );
  }
  return value;
}
