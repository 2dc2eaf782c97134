import { createCachedDirectory } from "../../src/directory/cache";
import { createMemoryStore } from "../../src/storage/memory";
import type { KeyValueStore } from "../../src/storage/port";
import {
  directoryContract,
  MAILBOX,
  SCRIPTED_CAST,
  scriptedWorld,
  type Failure,
  type Trouble,
} from "./contract";

// The list-size cache over a scripted world, with a store of its own that may fail too.

const cast = SCRIPTED_CAST;
const HOUR = 3_600_000;

async function cached(trouble: Trouble, options: { warm?: boolean; store?: KeyValueStore } = {}) {
  const world = scriptedWorld(cast);
  const directory = createCachedDirectory(world.directory, options.store ?? createMemoryStore(), {
    ttlMs: HOUR,
  });
  if (options.warm) {
    const everyone = [cast.person, cast.list.address, cast.external, cast.stranger, cast.unsized];
    await directory.resolve([...everyone, ...cast.crowd.slice(0, 3)], {
      deadlineAt: Date.now() + 1000,
      mailbox: MAILBOX,
    });
  }
  world.trouble = trouble;
  return directory;
}

const refusing: KeyValueStore = {
  get: () => Promise.reject(new Error("storage blocked")),
  set: () => Promise.reject(new Error("storage full")),
  remove: () => Promise.reject(new Error("storage blocked")),
};

const never = () => new Promise<never>(() => undefined);
const silent: KeyValueStore = { get: never, set: never, remove: never };
const neverWrites = (): KeyValueStore => ({ ...createMemoryStore(), set: never, remove: never });

// What the cache may never keep: an answer that is no size.
const NEVER_KEPT = ["stranger", "unsized"] as const;

const failures: Failure[] = [
  { name: "the directory behind it is down", open: () => cached("unavailable") },
  { name: "the directory behind it has no token", open: () => cached("no-token") },
  { name: "the directory behind it runs out its deadline", open: () => cached("hang") },
  {
    name: "warmed, then the directory behind it goes down",
    hits: NEVER_KEPT,
    open: () => cached("unavailable", { warm: true }),
  },
  {
    name: "warmed, then the directory behind it runs out its deadline",
    hits: NEVER_KEPT,
    open: () => cached("hang", { warm: true }),
  },
  {
    name: "its store refuses every read and write",
    hits: "any",
    open: () => cached(null, { store: refusing }),
  },
  {
    name: "its store never answers",
    hits: "any",
    open: () => cached(null, { store: silent }),
  },
  {
    name: "its store reads but never finishes a write",
    hits: "any",
    open: () => cached(null, { store: neverWrites() }),
  },
];

directoryContract("list-size cache", {
  cast,
  healthy: () => cached(null),
  failures,
});
