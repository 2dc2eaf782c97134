import { DIRECTORY_FAILURES } from "../../src/core/types";
import { unavailableDirectory } from "../../src/directory/unavailable";
import { directoryContract, SCRIPTED_CAST } from "./contract";

// The directory that never reaches the world: every answer is a failure, whichever cause it is built with.

directoryContract("unavailable directory", {
  cast: SCRIPTED_CAST,
  reachesTheWorld: false,
  healthy: () => unavailableDirectory(),
  failures: DIRECTORY_FAILURES.map((cause) => ({
    name: `built for ${cause}`,
    open: () => unavailableDirectory(cause),
  })),
});
