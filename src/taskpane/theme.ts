import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type PaneTheme = "light" | "dark" | "high-contrast";

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
export function paneThemeFrom(
  officeTheme: { bodyBackgroundColor?: string } | null,
  prefersContrast: boolean,
): PaneTheme {
  if (prefersContrast) return "high-contrast";
  const light = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : null;
  return light !== null && light < 0.5 ? "dark" : "light";
}
