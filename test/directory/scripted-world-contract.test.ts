import { DIRECTORY_FAILURES } from "../../src/core/types";
import { directoryContract, SCRIPTED_CAST, scriptedWorld, type Trouble } from "./contract";

// The scripted world the cache and the breaker wrap keeps the contract itself, so that what they
// are found to do is theirs.

const world = (trouble: Trouble = null) => scriptedWorld(SCRIPTED_CAST, trouble).directory;

directoryContract("the scripted world", {
  cast: SCRIPTED_CAST,
  healthy: () => world(),
  failures: [
    ...DIRECTORY_FAILURES.map((cause) => ({ name: `down, every answer ${cause}`, open: () => world(cause) })),
    { name: "hanging until the deadline", open: () => world("hang") },
  ],
});
