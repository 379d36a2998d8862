export * from "./cli/cli-io.js";
export * from "./cli/config.js";
export * from "./cli/run-cli.js";
export * from "./http.js";
export * from "./import/import-report-text.js";
export * from "./input/csv-table.js";
export * from "./input/record-file.js";
