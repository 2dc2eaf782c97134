import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type PaneTheme = "light" | "dark" | "high-contrast";

/** Office's theme colours as the host reports them (Office.context.officeTheme). */
export type OfficeThemeColours = { bodyBackgroundColor?: string } | null;

export function fluentTheme(theme: PaneTheme): Theme {
  return theme === "dark" ? webDarkTheme : theme === "high-contrast" ? teamsHighContrastTheme : webLightTheme;
}

function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const value = parseInt(match[1] ?? "0", 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Follows Office's theme: forced colours win, then a dark body background means dark. */
export function paneThemeFrom(officeTheme: OfficeThemeColours, prefersContrast: boolean): PaneTheme {
  if (prefersContrast) return "high-contrast";
  const light = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return light !== null && light < 0.5 ? "dark" : "light";
}

/** A theme that may change while the pane is open (useSyncExternalStore's shape). */
export interface ThemeSource {
  current(): PaneTheme;
  subscribe(listener: () => void): () => void;
}

export const CONTRAST_QUERY = "(forced-colors: active), (prefers-contrast: more)";

export interface ThemeInputs {
  readonly officeTheme: () => OfficeThemeColours;
  /** Office's OfficeThemeChanged event, where the host has it. */
  readonly onOfficeThemeChanged?: (listener: (theme: OfficeThemeColours) => void) => unknown;
  readonly matchMedia?: (query: string) => Pick<MediaQueryList, "matches" | "addEventListener">;
}

/** Office's theme and the system's contrast setting, followed for as long as the page lives. */
export function createThemeSource(inputs: ThemeInputs): ThemeSource {
  const listeners = new Set<() => void>();
  const contrast = inputs.matchMedia?.(CONTRAST_QUERY) ?? null;
  let colours = inputs.officeTheme();
  let theme = paneThemeFrom(colours, contrast?.matches === true);
  const update = () => {
    const next = paneThemeFrom(colours, contrast?.matches === true);
    if (next === theme) return;
    theme = next;
    for (const listener of [...listeners]) listener();
  };
  contrast?.addEventListener("change", update);
  inputs.onOfficeThemeChanged?.((next) => {
    colours = next;
    update();
  });
  return {
    current: () => theme,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A theme that never changes. */
export function fixedTheme(theme: PaneTheme): ThemeSource {
  return { current: () => theme, subscribe: () => () => undefined };
}
