import { readFileSync } from "node:fs";

/**
 * The code blocks of a Markdown document and what each one is. A block's role is given by an HTML
 * comment on the line before its opening fence (invisible when the page is rendered):
 *
 * - `<!-- runnable -->` or `<!-- runnable exit=N -->` before a `js`, `ts` or `sh` block: a test runs it
 *   and it must exit with N (default 0). A `text` or `json` block that follows it, with only blank lines
 *   between, is its documented output, which the run's output must match (see `expected-output.ts`).
 * - `<!-- file: NAME -->`: the block is a file the document's runnable blocks use; the test writes it
 *   as NAME in their working directory.
 * - `<!-- commands -->` before an `sh` block: a list of commands too long-running or too global to run
 *   in a test (start the product, a ten-minute soak, a package install); each is checked to name a
 *   script, file, flag or package that exists (see `command-checks.ts`).
 * - `<!-- recorded-output: PATH -->`: a recorded result printed by the program at PATH (a measurement);
 *   its first line must be printed by that program's source.
 *
 * A block with none of these is `unmarked`, and the coverage test fails on it.
 */

/** What a code block is for. */
export type ExampleBlock =
  | {
      readonly kind: "runnable";
      readonly lang: "js" | "ts" | "sh";
      readonly exit: number;
      readonly expected: { readonly lang: "text" | "json"; readonly body: string } | null;
      readonly code: string;
      readonly line: number;
    }
  | { readonly kind: "file"; readonly name: string; readonly code: string; readonly line: number }
  | { readonly kind: "commands"; readonly code: string; readonly line: number }
  | {
      readonly kind: "recorded-output";
      readonly source: string;
      readonly code: string;
      readonly line: number;
    }
  | {
      readonly kind: "unmarked";
      readonly lang: string;
      readonly code: string;
      readonly line: number;
      readonly why: string;
    };

interface RawBlock {
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The comment on the line before the fence, if any. */
  readonly marker: string | null;
  /** Whether only blank lines separate this block from the previous block. */
  readonly followsBlock: boolean;
}

function rawBlocks(markdown: string): RawBlock[] {
  const lines = markdown.split("\n");
  const blocks: RawBlock[] = [];
  let lastBlockEnd = -2;
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```\s*([\w-]*)\s*$/.exec(lines[i] ?? "");
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i] ?? ""); i++) body.push(lines[i] ?? "");
    let previous = start - 1;
    while (previous >= 0 && (lines[previous] ?? "").trim() === "") previous--;
    const marker = /^<!--\s*(.*?)\s*-->$/.exec((lines[previous] ?? "").trim());
    blocks.push({
      lang: open[1] ?? "",
      code: body.join("\n"),
      line: start + 1,
      marker: marker && previous === start - 1 ? (marker[1] ?? "") : null,
      followsBlock: previous === lastBlockEnd,
    });
    lastBlockEnd = i;
  }
  return blocks;
}

/**
 * Reads the code blocks of a Markdown text with their roles, in document order. Output blocks are
 * attached to the runnable block they follow rather than listed on their own.
 *
 * @param markdown - the document's text
 * @returns one entry per code block that is not a documented output
 * @example
 * parseExamples("<!-- runnable -->\n```sh\necho hi\n```\n\n```text\nhi\n```\n")[0]?.kind; // "runnable"
 */
export function parseExamples(markdown: string): ExampleBlock[] {
  const result: ExampleBlock[] = [];
  const raw = rawBlocks(markdown);
  for (let i = 0; i < raw.length; i++) {
    const block = raw[i] as RawBlock;
    const { code, line, marker, lang } = block;
    const runnable = marker === null ? null : /^runnable(?:\s+exit=(\d+))?$/.exec(marker);
    if (runnable) {
      const next = raw[i + 1];
      const hasOutput =
        next !== undefined &&
        next.marker === null &&
        next.followsBlock &&
        (next.lang === "text" || next.lang === "json");
      if (lang !== "js" && lang !== "ts" && lang !== "sh") {
        result.push({
          kind: "unmarked",
          lang,
          code,
          line,
          why: `a runnable block must be js, ts or sh, not '${lang}'`,
        });
        continue;
      }
      result.push({
        kind: "runnable",
        lang,
        exit: Number(runnable[1] ?? 0),
        expected: hasOutput ? { lang: next.lang as "text" | "json", body: next.code } : null,
        code,
        line,
      });
      if (hasOutput) i++;
      continue;
    }
    const file = marker === null ? null : /^file:\s*(\S+)$/.exec(marker);
    const recorded = marker === null ? null : /^recorded-output:\s*(\S+)$/.exec(marker);
    if (file?.[1] !== undefined) result.push({ kind: "file", name: file[1], code, line });
    else if (marker === "commands" && lang === "sh") result.push({ kind: "commands", code, line });
    else if (recorded?.[1] !== undefined)
      result.push({ kind: "recorded-output", source: recorded[1], code, line });
    else
      result.push({
        kind: "unmarked",
        lang,
        code,
        line,
        why:
          marker === null
            ? "no test runs this block: mark it runnable, file, commands or recorded-output"
            : `unknown marker '<!-- ${marker} -->'`,
      });
  }
  return result;
}

/**
 * Reads a Markdown file and parses its code blocks.
 *
 * @param path - the file
 * @returns its code blocks with their roles
 * @example
 * readExamples("docs/cli.md").filter((b) => b.kind === "runnable").length; // 6
 */
export function readExamples(path: string): ExampleBlock[] {
  return parseExamples(readFileSync(path, "utf8"));
}
