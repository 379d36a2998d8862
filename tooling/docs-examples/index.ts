export { commandProblems } from "./command-checks.js";
export { exampleProblems } from "./example-problems.js";
export { outputMismatches } from "./expected-output.js";
export { type ExampleBlock, parseExamples, readExamples } from "./markdown-examples.js";
export { type ExampleRun, moduleSource, runExample, typeErrors } from "./run-example.js";
export { type ExampleRunner, exampleRunners, markdownFiles, repositoryRoot } from "./runners.js";
