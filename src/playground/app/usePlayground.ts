import { createContext, useContext, useSyncExternalStore } from "react";
import type { PlaygroundHost, PlaygroundState } from "../host/playground-host";

export const HostContext = createContext<PlaygroundHost | null>(null);

export function useHost(): PlaygroundHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost outside HostContext");
  return host;
}

export function usePlaygroundState(): PlaygroundState {
  const host = useHost();
  return useSyncExternalStore(host.subscribeState, host.getState);
}
