// Makes the import test variants from data-to-insight's fake return (fixtures/ssda903/d2i-fake) into
// fixtures/ssda903/variants. Run from packages/imports: `pnpm exec tsx test/make-variants.ts`. The
// outputs are committed; the tests read them. Each variant changes one thing a council's export does.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "fixtures/ssda903/d2i-fake");
const out = join(here, "fixtures/ssda903/variants");
rmSync(out, { recursive: true, force: true });

const lines = (table: string, n?: number) => {
  const all = readFileSync(join(source, `${table}.csv`), "utf8")
    .replace(/^\ufeff/, "")
    .trim()
    .split(/\r?\n/);
  return n === undefined ? all : all.slice(0, n + 1);
};
const write = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), content);
};

// A UTF-8 byte-order mark and CRLF line ends (Excel on Windows).
write("bom-crlf/header.csv", `\ufeff${lines("header", 50).join("\r\n")}\r\n`);
write("bom-crlf/episodes.csv", `\ufeff${lines("episodes", 100).join("\r\n")}\r\n`);
// UTF-16 little-endian with a BOM, and big-endian without one.
write(
  "utf16/episodes.csv",
  iconv.encode(`${lines("episodes", 100).join("\r\n")}\r\n`, "utf16le", { addBOM: true }),
);
write("utf16/header.csv", iconv.encode(`${lines("header", 50).join("\n")}\n`, "utf16be", { addBOM: false }));
// Windows-1252: child identifiers with an accented letter (é is 0xE9 in Windows-1252, two bytes in UTF-8).
write(
  "windows-1252/header.csv",
  iconv.encode(
    `${lines("header", 20)
      .map((l, i) => (i === 0 ? l : l.replace(/^(\d+)/, "CAFÉ$1")))
      .join("\r\n")}\r\n`,
    "win1252",
  ),
);
// Semicolons between cells (a European-locale spreadsheet).
write(
  "semicolons/episodes.csv",
  `${lines("episodes", 100)
    .map((l) => l.replaceAll(",", ";"))
    .join("\n")}\n`,
);
// Column names in lower case: still the 903 table.
write(
  "renamed-columns/episodes.csv",
  `${lines("episodes", 30)
    .map((l, i) => (i === 0 ? l.toLowerCase() : l))
    .join("\n")}\n`,
);
// The XML element name PL where the CSV has PLACE.
write(
  "xml-column-name/episodes.csv",
  `${lines("episodes", 30)
    .map((l, i) => (i === 0 ? l.replace(",PLACE,", ",PL,") : l))
    .join("\n")}\n`,
);
// No PLACE_PROVIDER column at all.
const dropColumn = (ls: string[], column: string) => {
  const at = (ls[0] ?? "").split(",").indexOf(column);
  return ls.map((l) =>
    l
      .split(",")
      .filter((_, i) => i !== at)
      .join(","),
  );
};
write("missing-column/episodes.csv", `${dropColumn(lines("episodes", 30), "PLACE_PROVIDER").join("\n")}\n`);
// Year-prefixed names, as liia-tools and many councils name them.
write("year-prefixed/SSDA903_2018_Header.csv", `${lines("header", 50).join("\n")}\n`);
write("year-prefixed/SSDA903_2018_Episodes.csv", `${lines("episodes", 100).join("\n")}\n`);
// A corrected re-import: the first 100 episodes again, the first open one closed on 31 March 2018 (E8).
const corrected = lines("episodes", 100);
const openAt = corrected.findIndex((l, i) => i > 0 && l.split(",")[7] === "");
const cells = (corrected[openAt] ?? "").split(",");
cells[7] = "31/03/2018";
cells[8] = "E8";
corrected[openAt] = cells.join(",");
write("corrected/episodes.csv", `${corrected.join("\n")}\n`);
// A folder holding two years, one sub-folder each: 2017-18 as given; 2018-19 the same children's
// episodes moved on one year (dates + 1 year), so each year has its own figures.
write("two-years/2017-18/header.csv", `${lines("header").join("\n")}\n`);
write("two-years/2017-18/episodes.csv", `${lines("episodes").join("\n")}\n`);
const shift = (l: string) =>
  l.replace(/(\d\d)\/(\d\d)\/(\d{4})/g, (_, d: string, m: string, y: string) =>
    d === "29" && m === "02" ? `28/02/${Number(y) + 1}` : `${d}/${m}/${Number(y) + 1}`,
  );
write("two-years/2018-19/header.csv", `${lines("header").join("\n")}\n`);
write(
  "two-years/2018-19/episodes.csv",
  `${lines("episodes")
    .map((l, i) => (i === 0 ? l : shift(l)))
    .join("\n")}\n`,
);
process.stdout.write(`variants written to ${out}\n`);
