// `npm start`: Eleventy's dev server (live reload, drafts) that stays up through any mistake in content.
// A broken post is left out and the rest served (src/dev/); a failed build keeps the last good pages; either
// way the error is printed here and shown over every page until a build succeeds. Only an engine that
// does not load, or a port already taken, stops it.
// https://www.11ty.dev/docs/programmatic/
import { createServer } from "node:net";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describeFailure } from "./report.ts";
import { excludeFile, isExcluded, setBuildFailure, standingErrors } from "../dev/errors.ts";
import { findInputError } from "../site/errors.ts";
import { siteConfigReadAt } from "../dev/site-config.ts";
import { withOverlay } from "../dev/overlay.ts";

const port = Number(process.env.PORT ?? 8080);

/** True when something else already listens on the port (the dev server would only log it and idle). */
function portTaken(wanted: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    probe.listen(wanted, () => probe.close(() => resolve(false)));
  });
}

/** What a build returns, for the dev server's live reload: copied files, then each page with its HTML. */
type Written = [unknown[], { outputPath?: unknown; content?: unknown }[][]];

/** The built pages the browser may patch in place (rather than reload) carry the standing errors too. */
function withOverlayIn([copies, pages]: Written): Written {
  const errors = standingErrors();
  if (!errors.length) return [copies, pages];
  const shown = (page: { outputPath?: unknown; content?: unknown }) =>
    typeof page.content === "string" && String(page.outputPath).endsWith(".html")
      ? { ...page, content: withOverlay(page.content, errors) }
      : page;
  return [copies, pages.map((list) => (Array.isArray(list) ? list.map(shown) : list))];
}

async function main(): Promise<void> {
  if (await portTaken(port)) {
    console.error(
      `Port ${port} is in use, so the dev server cannot start (another \`npm start\` or \`docker compose up\`?).\n` +
        `  Fix: stop what uses it, or choose another port: PORT=${port + 1} npm start`,
    );
    process.exitCode = 1;
    return;
  }
  const eleventy = new Eleventy(undefined, undefined, {
    configPath: ".eleventy.js",
    quietMode: true,
    runMode: "serve",
  });
  // Build errors are printed below, in the author's terms, instead of as Eleventy's chain of wrapped errors.
  eleventy.errorHandler.once = () => undefined;
  const write = eleventy.write.bind(eleventy);
  let watching = false;
  let configSavedAt = 0;
  const build = async (): Promise<Written> => {
    // Eleventy reloads its configuration for a _config.yml saved while a build runs only at the next save of it.
    if (configSavedAt > siteConfigReadAt()) {
      eleventy.resetConfig();
      await eleventy.init();
    }
    try {
      const written = (await write()) as Written;
      setBuildFailure(undefined);
      return withOverlayIn(written);
    } catch (error) {
      // A post's own mistake: built again without that post (the error stands until it is saved), so the rest
      // of the site is served even when the server starts with it.
      const input = findInputError(error);
      if (input?.file.startsWith("posts/") && !isExcluded(input.file)) {
        excludeFile(input.file, input.message);
        await eleventy.restart();
        await eleventy.init();
        return build();
      }
      const message = describeFailure(error);
      console.error(
        `${message}\n  (The pages stay as they were last built; the error shows on each until a build succeeds.)`,
      );
      setBuildFailure(message);
      // The first build: watching and serving start all the same. Later ones: the browser reloads to show it.
      if (!watching) return [[], []];
      await eleventy.eleventyServe.reload({ files: [], build: { templates: [] } });
      throw error;
    }
  };
  eleventy.write = build;
  try {
    await eleventy.init();
    await eleventy.watch();
  } catch (error) {
    console.error(
      `The engine (src/, .eleventy.js) failed to load, so the dev server cannot start:\n${describeFailure(error)}`,
    );
    process.exitCode = 1;
    await eleventy.stopWatch();
    return;
  }
  watching = true;
  eleventy.watcher.on("change", (file: string) => {
    if (path.resolve(file) === path.resolve("_config.yml")) configSavedAt = Date.now();
  });
  await eleventy.serve(port);
  // As Eleventy's own CLI: Ctrl+C closes the watcher and the server, and Node exits once they are closed.
  process.on("SIGINT", () => void eleventy.stopWatch());
}

// A mistake the build did not catch must not stop the server the author is writing with.
process.on("unhandledRejection", (error) => console.error("Unexpected error (the dev server keeps running):", error));

await main();
