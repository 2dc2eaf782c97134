import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

// Every style of the pane, from Fluent's tokens so that light, dark and high contrast all follow.

export const usePaneStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalL },
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "40rem" },
  status: { ...typographyStyles.body1, margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
  verdict: {
    ...typographyStyles.title3,
    margin: 0,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  subheading: { ...typographyStyles.body1Strong, margin: 0 },
  text: { ...typographyStyles.body1, margin: 0 },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fullWidth: { alignSelf: "stretch" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, alignSelf: "stretch" },
  row: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { ...typographyStyles.body1Strong, overflowWrap: "anywhere" },
  secondary: {
    ...typographyStyles.caption1,
    color: tokens.colorNeutralForeground3,
    overflowWrap: "anywhere",
  },
  confirmed: { ...typographyStyles.body1Strong, margin: 0, color: tokens.colorPaletteGreenForeground1 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
