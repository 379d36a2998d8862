import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";

/** The files of an import as read from disk, or why they cannot be read. */
export type ImportFiles =
  | { readonly ok: true; readonly files: { path: string; bytes: Uint8Array }[] }
  | { readonly ok: false; readonly error: string };

/** The files a statutory return's folder is read for. */
const RETURN_FILES = /\.(csv|xml|txt|xlsx)$/i;

async function walk(dir: string, wanted: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, wanted)));
    else if (wanted.test(e.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Read the files of a statutory import: every `.csv`, `.xml`, `.txt` and `.xlsx` file under a folder (sub-folders
 * included, so a folder with one sub-folder per year imports in one go), or the files named. Each keeps
 * its path from the folder given, the folder's own name first (`903-2017-18/episodes.csv`), so that a
 * folder or file name can state the collection year.
 *
 * @param cwd - the working directory
 * @param paths - folders or files, as the user typed them
 * @param wanted - the names of the files read from a folder (default: `.csv`, `.xml`, `.txt`, `.xlsx`)
 * @returns the files with their paths and bytes, or the error
 * @example
 * ```ts
 * const read = await readImportFiles(process.cwd(), ["903"]);
 * ```
 */
export async function readImportFiles(
  cwd: string,
  paths: readonly string[],
  wanted: RegExp = RETURN_FILES,
): Promise<ImportFiles> {
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const p of paths) {
    const full = resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = (await stat(full)).isDirectory();
    } catch (e) {
      return { ok: false, error: `cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
    const list = isDir ? await walk(full, wanted) : [full];
    if (isDir && list.length === 0)
      return {
        ok: false,
        error: `${p} holds no ${wanted === RETURN_FILES ? ".csv or .xml" : ".csv, .parquet or .xlsx"} file`,
      };
    for (const f of list) {
      const name = isDir ? `${basename(full)}/${relative(full, f).split("\\").join("/")}` : basename(f);
      files.push({ path: name, bytes: await readFile(f) });
    }
  }
  return { ok: true, files };
}
