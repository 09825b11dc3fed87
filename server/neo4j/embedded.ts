/**
 * Köprü's own Neo4j, used when NEO4J_URI is not set. Builds the launcher in `neo4j/` with Maven once
 * (Neo4j Community comes from Maven Central on the first build), starts it as a child JVM with Bolt on
 * 127.0.0.1 and authentication on, and returns the connection details plus a way to stop it.
 *
 * Data, Neo4j's logs and a generated password live in a home folder (`.kopru/` in the project root by
 * default), so a later start on the same home reuses both the data and the password.
 *
 * The JVM must never outlive this process. Normal exits and unhandled SIGINT/SIGTERM/SIGHUP send it
 * SIGTERM; a crash or SIGKILL of Node closes the stdin pipe the launcher watches, and the launcher also
 * polls its parent, so it shuts itself down (see neo4j/src/main/java/org/kopru/launcher/Launcher.java).
 * Once started, the JVM does not keep Node's event loop alive on its own: callers `stop()` it when done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

/** The Neo4j user the launcher configures; the only one there is. */
export const EMBEDDED_USER = 'neo4j';
/** The default database of a Neo4j Community DBMS. */
export const EMBEDDED_DATABASE = 'neo4j';

const MIN_JAVA_MAJOR = 17;
const LAUNCHER_CLASS = 'org.kopru.launcher.Launcher';
const LAUNCHER_JAR = 'kopru-neo4j-launcher.jar';
const READY_LINE = /^KOPRU_NEO4J_READY (\S+) version=(\S+)\s*$/;
const DEFAULT_HEAP = '1g';
const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 15_000;
const STDERR_TAIL_LINES = 40;
const BOLT_RETRY_MS = 500;
const PROGRESS_EVERY_MS = 5_000;
const MAVEN_ERROR_LINES = 15;
// Exit codes of Launcher.java that deserve their own message.
const EXIT_STORE_LOCKED = 3;
const EXIT_PORT_IN_USE = 4;

// Neo4j's own start script opens these JDK internals (off-heap memory, direct file I/O, Netty);
// without them Neo4j falls back to slower paths or warns on every start.
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
];

const INSTALL_HINT =
  'Install a JDK 17+ and Maven (Debian/Ubuntu: `apt-get install openjdk-17-jdk-headless maven`), ' +
  'or set NEO4J_URI (with its user and password) to use an existing Neo4j 5 server instead.';

export interface EmbeddedNeo4jOptions {
  /** Folder for data, logs and the password. Default: `.kopru/` in the project root. */
  home?: string | undefined;
  /** Bolt port on 127.0.0.1. Default: a free port chosen at start (read `port` on the result). */
  port?: number | undefined;
  /** Human-readable progress (Maven build and download, start-up). Default: stderr, unless `quiet`. */
  onProgress?: ((message: string) => void) | undefined;
  /** Print nothing when no `onProgress` is given. Default false. */
  quiet?: boolean | undefined;
  /** JVM heap ceiling, passed as `-Xmx`. Default `1g`. */
  heap?: string | undefined;
  /** Neo4j page cache in MiB (the store's in-memory cache, off-heap). Default 128. */
  pagecacheMb?: number | undefined;
  /** How long to wait for Bolt to answer once the JVM is spawned. Default 120 000 ms. */
  startTimeoutMs?: number | undefined;
  /**
   * Load Neo4j Graph Data Science (GDS 2.13, from Maven Central, built once by neo4j/gds/pom.xml) as a
   * plugin, so that `gds.*` procedures exist. Default false (KOPRU_GDS=1 turns it on, see config.ts).
   */
  gds?: boolean | undefined;
}

export interface EmbeddedNeo4jExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when `stop()` or `kill()` asked for it; false for a crash or an outside kill. */
  requested: boolean;
}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly user: typeof EMBEDDED_USER;
  readonly password: string;
  readonly database: typeof EMBEDDED_DATABASE;
  /** Neo4j's version as the running server reports it, e.g. `5.26.30`. */
  readonly version: string;
  readonly pid: number;
  readonly port: number;
  readonly home: string;
  readonly embedded: true;
  /** Settles when the JVM has exited, for whatever reason. */
  readonly exited: Promise<EmbeddedNeo4jExit>;
  /** SIGTERM (Neo4j checkpoints and closes its store), SIGKILL after 15 s; resolves once the JVM is gone. */
  stop(): Promise<void>;
  /** Sends a signal without waiting (default SIGKILL: a crash, for tests). Await `exited` to know it is gone. */
  kill(signal?: NodeJS.Signals): void;
  /** Calls `listener` when the JVM exits (at once if it already has); returns an unsubscribe function. */
  onExit(listener: (exit: EmbeddedNeo4jExit) => void): () => void;
}

export type EmbeddedNeo4jFailure =
  'missing-tools' | 'build-failed' | 'store-locked' | 'port-in-use' | 'unauthorized' | 'exited' | 'timeout';

/** Why the embedded Neo4j could not start; `message` tells the user what to do. */
export class EmbeddedNeo4jError extends Error {
  readonly reason: EmbeddedNeo4jFailure;

  constructor(reason: EmbeddedNeo4jFailure, message: string) {
    super(message);
    this.name = 'EmbeddedNeo4jError';
    this.reason = reason;
  }
}

/** Where the embedded instance keeps things inside its home folder. */
export function embeddedPaths(home: string): {
  dataDir: string;
  passwordFile: string;
  debugLog: string;
  importDir: string;
} {
  const dataDir = path.join(home, 'neo4j-data');
  return {
    dataDir,
    // LOAD CSV's file:/// root (the launcher sets server.directories.import to it).
    importDir: path.join(dataDir, 'import'),
    passwordFile: path.join(home, 'neo4j-password'),
    debugLog: path.join(dataDir, 'logs', 'debug.log'),
  };
}

/** The folder holding `neo4j/pom.xml`, found from this file so that it works from `server/` and `dist/`. */
export function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'neo4j', 'pom.xml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find neo4j/pom.xml above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export function defaultEmbeddedHome(): string {
  return path.join(findProjectRoot(), '.kopru');
}

/** A port on 127.0.0.1 that was free a moment ago. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port found'))));
    });
  });
}

/**
 * Starts Neo4j (building the launcher first if needed) and resolves once Bolt accepts the password.
 * Rejects with an {@link EmbeddedNeo4jError}; no JVM is left running after a rejection.
 */
export async function startEmbeddedNeo4j(options: EmbeddedNeo4jOptions = {}): Promise<EmbeddedNeo4j> {
  const progress =
    options.onProgress ??
    (options.quiet ? () => undefined : (message: string) => process.stderr.write(`[neo4j] ${message}\n`));
  const home = path.resolve(options.home ?? defaultEmbeddedHome());
  const heap = options.heap ?? DEFAULT_HEAP;
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  await checkJava();
  const root = findProjectRoot();
  const launcherClasspath = await ensureLauncher(root, progress);
  const gds = options.gds ? await ensureGds(root, progress) : null;
  const classpath = gds ? withGds(launcherClasspath, gds) : launcherClasspath;

  await mkdir(home, { recursive: true, mode: 0o700 });
  const paths = embeddedPaths(home);
  const password = await ensurePassword(paths.passwordFile);
  const port = options.port ?? (await findFreePort());

  progress(`Starting Neo4j on 127.0.0.1:${port} (data in ${paths.dataDir})…`);
  const args = [
    `-Xmx${heap}`,
    ...(options.pagecacheMb === undefined ? [] : [`-Dkopru.pagecache.mb=${Math.round(options.pagecacheMb)}`]),
    ...(gds ? [`-Dkopru.plugins.dir=${gds.pluginsDir}`] : []),
    ...JVM_FLAGS,
    '-cp',
    classpath,
    LAUNCHER_CLASS,
    '--data',
    paths.dataDir,
    '--port',
    String(port),
    '--password-file',
    paths.passwordFile,
  ];
  // stdin stays an open pipe for the JVM's whole life: its EOF is how the launcher learns that
  // Node died. Own process group, so a terminal's Ctrl-C reaches Node, which then stops Neo4j in order.
  const child = spawn('java', args, { cwd: home, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  const started = await supervise(child, {
    home,
    port,
    password,
    timeoutMs,
    deadline: Date.now() + timeoutMs,
  });
  progress(`Neo4j ${started.version} is ready at ${started.uri}.`);
  return started;
}

interface LaunchContext {
  home: string;
  port: number;
  password: string;
  timeoutMs: number;
  deadline: number;
}

async function supervise(child: ChildProcess, context: LaunchContext): Promise<EmbeddedNeo4j> {
  const { dataDir, debugLog } = embeddedPaths(context.home);
  const stderrTail: string[] = [];
  let requested = false;
  let exitInfo: EmbeddedNeo4jExit | null = null;

  const exited = new Promise<EmbeddedNeo4jExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal, requested };
      resolve(exitInfo);
    });
    // A failed spawn emits 'error' and never 'exit'.
    child.once('error', (error) => {
      stderrTail.push(String(error));
      exitInfo ??= { code: null, signal: null, requested };
      resolve(exitInfo);
    });
  });
  track(child, exited);

  // SIGTERM lets Neo4j checkpoint and release its store; SIGKILL if that takes past the grace period.
  const terminate = async (): Promise<void> => {
    if (exitInfo) return;
    requested = true;
    child.ref();
    child.kill('SIGTERM');
    const escalate = setTimeout(() => {
      if (!exitInfo) child.kill('SIGKILL');
    }, STOP_GRACE_MS);
    try {
      await exited;
    } finally {
      clearTimeout(escalate);
    }
  };

  if (child.stderr) {
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
    });
  }
  const ready = new Promise<{ uri: string; version: string }>((resolve) => {
    if (!child.stdout) return;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (match?.[1] && match[2]) resolve({ uri: match[1], version: match[2] });
    });
  });

  const failedEarly = exited.then((exit) => {
    throw earlyExitError(exit, context, dataDir, debugLog, stderrTail);
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => {
        reject(
          new EmbeddedNeo4jError(
            'timeout',
            `Neo4j did not answer on 127.0.0.1:${context.port} within ${Math.round(context.timeoutMs / 1000)} s. ` +
              `Last output:\n${tail(stderrTail)}\nNeo4j's own log: ${debugLog}`,
          ),
        );
      },
      Math.max(0, context.deadline - Date.now()),
    );
  });

  try {
    const { uri, version } = await Promise.race([ready, failedEarly, timedOut]);
    await Promise.race([
      waitForBolt(uri, context.password, context.deadline, () => exitInfo !== null),
      failedEarly,
      timedOut,
    ]);
    clearTimeout(timer);
    // From here on the JVM should not hold Node open by itself; stop() takes the reference back.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr]) unrefStream(stream);

    let stopping: Promise<void> | null = null;
    const handle: EmbeddedNeo4j = {
      uri,
      user: EMBEDDED_USER,
      password: context.password,
      database: EMBEDDED_DATABASE,
      version,
      pid: child.pid ?? -1,
      port: context.port,
      home: context.home,
      embedded: true,
      exited,
      stop() {
        stopping ??= terminate();
        return stopping;
      },
      kill(signal = 'SIGKILL') {
        if (exitInfo) return;
        requested = true;
        // Take the reference back, as stop() does: a caller that then awaits `exited` with nothing
        // else pending would otherwise see Node end early (exit 13, unsettled top-level await).
        child.ref();
        child.kill(signal);
      },
      onExit(listener) {
        let active = true;
        void exited.then((exit) => {
          if (active) listener(exit);
        });
        return () => {
          active = false;
        };
      },
    };
    return handle;
  } catch (error) {
    clearTimeout(timer);
    await terminate();
    throw error;
  } finally {
    // Keep the unhandled-rejection tracker quiet about the race losers.
    failedEarly.catch(() => undefined);
    timedOut.catch(() => undefined);
  }
}

function earlyExitError(
  exit: EmbeddedNeo4jExit,
  context: LaunchContext,
  dataDir: string,
  debugLog: string,
  stderrTail: string[],
): EmbeddedNeo4jError {
  const output = tail(stderrTail);
  if (exit.code === EXIT_STORE_LOCKED || /locked by another process|store_lock/i.test(output)) {
    return new EmbeddedNeo4jError(
      'store-locked',
      `The Neo4j data in ${dataDir} is in use by another process: another Köprü (npm start, a test run) ` +
        `is probably running with the home folder ${context.home}. Stop it first, or give this one another home folder.`,
    );
  }
  if (exit.code === EXIT_PORT_IN_USE) {
    return new EmbeddedNeo4jError(
      'port-in-use',
      `Port ${context.port} on 127.0.0.1 is already in use. Stop what is using it or choose another port ` +
        `(KOPRU_NEO4J_PORT).`,
    );
  }
  const how = exit.signal ? `killed by ${exit.signal}` : `exit code ${String(exit.code)}`;
  return new EmbeddedNeo4jError(
    'exited',
    `Neo4j stopped during start-up (${how}). Last output:\n${output}\nNeo4j's own log: ${debugLog}`,
  );
}

async function waitForBolt(
  uri: string,
  password: string,
  deadline: number,
  gone: () => boolean,
): Promise<void> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(EMBEDDED_USER, password), {
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 1,
  });
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity({ database: EMBEDDED_DATABASE });
        return;
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'Neo.ClientError.Security.Unauthorized') {
          throw new EmbeddedNeo4jError(
            'unauthorized',
            `Neo4j is up at ${uri} but refused the password from the home folder's neo4j-password file.`,
          );
        }
        // Losing the race to the exit or timeout promises, which carry the better message.
        if (gone() || Date.now() >= deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, BOLT_RETRY_MS));
      }
    }
  } finally {
    await driver.close();
  }
}

/** Reads the password kept in the home folder, creating it (mode 0600) on the first start. */
async function ensurePassword(file: string): Promise<string> {
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    // Neo4j's minimum length; a shorter (hand-edited) one would fail inside the JVM less clearly.
    if (existing.length >= 8) {
      if (((await stat(file)).mode & 0o777) !== 0o600) await chmod(file, 0o600);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  // writeFile's mode only applies to a new file and is filtered by the umask.
  await chmod(file, 0o600);
  return password;
}

async function checkJava(): Promise<void> {
  const result = await capture('java', ['-version']);
  if (!result) throw missingTools('`java` was not found on the PATH');
  const major = javaMajor(/version "([^"]+)"/.exec(result.output)?.[1]);
  if (major === null) {
    throw missingTools(`\`java -version\` did not report a version (${firstLine(result.output)})`);
  }
  if (major < MIN_JAVA_MAJOR)
    throw missingTools(`\`java\` is Java ${major}, Neo4j 5 needs ${MIN_JAVA_MAJOR}+`);
}

async function checkMaven(): Promise<void> {
  const result = await capture('mvn', ['-version']);
  if (!result) throw missingTools('`mvn` (Maven) was not found on the PATH');
  const major = javaMajor(/Java version: (\S+)/.exec(result.output)?.[1]);
  if (major !== null && major < MIN_JAVA_MAJOR) {
    throw missingTools(`Maven runs on Java ${major}; point JAVA_HOME at a JDK ${MIN_JAVA_MAJOR}+`);
  }
}

/** `17.0.15` → 17, `1.8.0_392` → 8, `21` → 21. */
function javaMajor(version: string | undefined): number | null {
  const parts = version?.split(/[.+_-]/).map(Number) ?? [];
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return major !== undefined && Number.isInteger(major) ? major : null;
}

function missingTools(problem: string): EmbeddedNeo4jError {
  return new EmbeddedNeo4jError(
    'missing-tools',
    `Köprü's built-in Neo4j cannot start: ${problem}. ${INSTALL_HINT}`,
  );
}

/**
 * Returns the launcher's classpath, running Maven first unless the jar and the dependency list are
 * newer than the pom and every Java source, and every listed jar is still in the local repository.
 */
async function ensureLauncher(root: string, progress: (message: string) => void): Promise<string> {
  const moduleDir = path.join(root, 'neo4j');
  const target = path.join(moduleDir, 'target');
  const jar = path.join(target, LAUNCHER_JAR);
  const classpathFile = path.join(target, 'classpath.txt');

  const fresh = await freshClasspath(moduleDir, jar, classpathFile);
  if (fresh) return fresh;

  await checkMaven();
  // The dependency plugin leaves an unchanged list untouched, which would keep it looking stale.
  await rm(classpathFile, { force: true });
  progress('Building the Neo4j launcher with Maven (the first build downloads Neo4j, about 150 MB)…');
  await runMaven(moduleDir, classpathFile, progress);
  const built = await freshClasspath(moduleDir, jar, classpathFile);
  if (!built) {
    throw new EmbeddedNeo4jError(
      'build-failed',
      `Maven succeeded but did not produce ${jar} and ${classpathFile}.`,
    );
  }
  return built;
}

async function freshClasspath(moduleDir: string, jar: string, classpathFile: string): Promise<string | null> {
  const jarTime = await mtime(jar);
  const listTime = await mtime(classpathFile);
  if (jarTime === null || listTime === null) return null;
  if (await newerSource(moduleDir, Math.min(jarTime, listTime))) return null;

  const entries = (await readFile(classpathFile, 'utf8')).trim().split(path.delimiter).filter(Boolean);
  // A cleaned ~/.m2 leaves a list that points at nothing.
  if (entries.length === 0 || !entries.every((entry) => existsSync(entry))) return null;
  return [jar, ...entries].join(path.delimiter);
}

/** True when the module's pom.xml or a file under its src/ changed after `builtAt`. */
async function newerSource(moduleDir: string, builtAt: number): Promise<boolean> {
  const sourceDir = path.join(moduleDir, 'src');
  const sources = [path.join(moduleDir, 'pom.xml')];
  if (existsSync(sourceDir)) {
    for (const entry of await readdir(sourceDir, { recursive: true }))
      sources.push(path.join(sourceDir, entry));
  }
  for (const source of sources) {
    const time = await mtime(source);
    if (time !== null && time > builtAt) return true;
  }
  return false;
}

/** What neo4j/gds/pom.xml builds (all under the launcher's git-ignored target folder). */
interface GdsBuild {
  /** Our small extension that registers GDS's injectable components (see KopruGdsExtension.java). */
  jar: string;
  /** GDS's runtime classpath, Neo4j excluded (GDS declares it as provided). */
  classpath: string[];
  /** The org.neo4j.gds jars: Neo4j registers procedures only from jars in its plugins folder. */
  pluginsDir: string;
}

/** Builds neo4j/gds/ with Maven when needed (the first time downloads GDS, about 40 MB). */
async function ensureGds(root: string, progress: (message: string) => void): Promise<GdsBuild> {
  const moduleDir = path.join(root, 'neo4j', 'gds');
  const target = path.join(root, 'neo4j', 'target');
  const build: GdsBuild = {
    jar: path.join(target, 'gds-build', 'kopru-neo4j-gds.jar'),
    classpath: [],
    pluginsDir: path.join(target, 'gds-plugins'),
  };
  const classpathFile = path.join(target, 'gds-classpath.txt');
  const fresh = async (): Promise<string[] | null> => {
    const jarTime = await mtime(build.jar);
    const listTime = await mtime(classpathFile);
    if (jarTime === null || listTime === null || !existsSync(build.pluginsDir)) return null;
    if (await newerSource(moduleDir, Math.min(jarTime, listTime))) return null;
    const entries = (await readFile(classpathFile, 'utf8')).trim().split(path.delimiter).filter(Boolean);
    return entries.length > 0 && entries.every((entry) => existsSync(entry)) ? entries : null;
  };
  const existing = await fresh();
  if (existing) return { ...build, classpath: existing };

  await checkMaven();
  await rm(classpathFile, { force: true });
  // A plugins folder left from another GDS version would register both.
  await rm(build.pluginsDir, { recursive: true, force: true });
  progress('Building Neo4j Graph Data Science support with Maven (the first build downloads GDS)…');
  await runMaven(moduleDir, null, progress, 'Graph Data Science');
  const built = await fresh();
  if (!built) {
    throw new EmbeddedNeo4jError(
      'build-failed',
      `Maven succeeded but did not produce ${build.jar}, ${classpathFile} and ${build.pluginsDir}.`,
    );
  }
  return { ...build, classpath: built };
}

/** Maven repository layout: …/repository/<group path>/<artifact>/<version>/<file>.jar → group/artifact. */
function artifactKey(jar: string): string {
  const parts = jar.split(path.sep);
  const repository = parts.lastIndexOf('repository');
  return repository >= 0 ? parts.slice(repository + 1, -2).join('/') : jar;
}

/**
 * The launcher's classpath plus GDS's jars, dropping every GDS dependency Neo4j already ships (one
 * copy of each library on the classpath, Neo4j's version, as in a server's lib/ + plugins/).
 */
function withGds(launcherClasspath: string, gds: GdsBuild): string {
  const base = launcherClasspath.split(path.delimiter);
  const present = new Set(base.map(artifactKey));
  const extra = gds.classpath.filter((jar) => !present.has(artifactKey(jar)));
  return [...base, ...extra, gds.jar].join(path.delimiter);
}

async function runMaven(
  moduleDir: string,
  classpathFile: string | null,
  progress: (message: string) => void,
  what = 'Neo4j',
) {
  // neo4j/gds/pom.xml writes its classpath and plugins itself (its executions); the launcher's
  // classpath is asked for here.
  const args = [
    '-B',
    '-Dstyle.color=never',
    '-f',
    path.join(moduleDir, 'pom.xml'),
    'package',
    ...(classpathFile === null
      ? []
      : ['dependency:build-classpath', `-Dmdep.outputFile=${classpathFile}`, '-Dmdep.includeScope=runtime']),
  ];
  const lines: string[] = [];
  let downloads = 0;
  let lastReport = 0;
  const code = await new Promise<number | null>((resolve, reject) => {
    const maven = spawn('mvn', args, { cwd: moduleDir, stdio: ['ignore', 'pipe', 'pipe'] });
    maven.once('error', reject);
    const onLine = (raw: string) => {
      const line = stripAnsi(raw);
      lines.push(line);
      if (lines.length > 400) lines.shift();
      if (line.includes('Downloaded from')) {
        downloads += 1;
        const now = Date.now();
        if (downloads === 1 || now - lastReport >= PROGRESS_EVERY_MS) {
          lastReport = now;
          progress(`Fetching ${what} from Maven Central… ${plural(downloads, 'artifact')}`);
        }
      }
    };
    if (maven.stdout) createInterface({ input: maven.stdout }).on('line', onLine);
    if (maven.stderr) createInterface({ input: maven.stderr }).on('line', onLine);
    maven.once('close', resolve);
  });
  if (downloads > 0) progress(`Fetched ${plural(downloads, 'artifact')} from Maven Central.`);
  if (code !== 0) {
    const errors = lines.filter((line) => line.startsWith('[ERROR]'));
    const shown = errors.length > 0 ? errors.slice(0, MAVEN_ERROR_LINES) : lines.slice(-40);
    const more =
      errors.length > shown.length ? `\n… and ${errors.length - shown.length} more [ERROR] lines` : '';
    const excerpt = shown.join('\n') + more;
    throw new EmbeddedNeo4jError(
      'build-failed',
      `Building the ${what === 'Neo4j' ? 'Neo4j launcher' : what + ' plugin set'} failed (mvn exited with ${String(code)}). Maven said:\n${excerpt}\n` +
        `To see everything, run: mvn -f ${path.join(moduleDir, 'pom.xml')} package`,
    );
  }
  progress(what === 'Neo4j' ? 'Neo4j launcher built.' : `${what} plugin set built.`);
}

/** Runs a short command to the end; null when the program does not exist. */
async function capture(
  command: string,
  args: string[],
): Promise<{ code: number | null; output: string } | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    let output = '';
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? resolve(null) : reject(error),
    );
    proc.once('close', (code) => resolve({ code, output: stripAnsi(output) }));
  });
}

async function mtime(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

function stripAnsi(text: string): string {
  // Debian's Maven prints colour resets even in batch mode; an escape is ESC, '[', digits/';', a letter.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 27 && text[i + 1] === '[') {
      let j = i + 2;
      while (j < text.length && /[0-9;]/.test(text[j] ?? '')) j++;
      i = j;
      continue;
    }
    out += text[i];
  }
  return out;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

function tail(lines: string[]): string {
  const last = lines.slice(-15);
  return last.length > 0 ? last.map((line) => `  ${line}`).join('\n') : '  (nothing on stderr)';
}

function unrefStream(stream: unknown): void {
  const unref = (stream as { unref?: unknown } | null)?.unref;
  if (typeof unref === 'function') unref.call(stream);
}

// Every JVM started here, so that process exit and unhandled signals can take them down too.
const running = new Set<ChildProcess>();
const HANDLED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const signalHandlers = new Map(HANDLED_SIGNALS.map((signal) => [signal, () => onSignal(signal)] as const));

function track(child: ChildProcess, exited: Promise<EmbeddedNeo4jExit>): void {
  if (running.size === 0) {
    process.on('exit', onProcessExit);
    for (const [signal, handler] of signalHandlers) process.on(signal, handler);
  }
  running.add(child);
  void exited.then(() => {
    running.delete(child);
    if (running.size === 0) removeProcessHooks();
  });
}

function removeProcessHooks(): void {
  process.off('exit', onProcessExit);
  for (const [signal, handler] of signalHandlers) process.off(signal, handler);
}

function onProcessExit(): void {
  // Only synchronous work is possible here; the JVM shuts down by itself after SIGTERM.
  for (const child of running) child.kill('SIGTERM');
}

function onSignal(signal: NodeJS.Signals): void {
  // Another listener (the server's graceful shutdown, vitest) owns this signal and will call stop().
  if (process.listenerCount(signal) > 1) return;
  for (const child of running) child.kill('SIGTERM');
  removeProcessHooks();
  // Re-raise with no listener left, so Node ends the way it would have without us.
  process.kill(process.pid, signal);
}
