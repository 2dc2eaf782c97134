import { Dropdown, Field, Option, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { PlaygroundFaults } from "../host/faults";
import { DISPLAY_LANGUAGES, isDisplayLanguage } from "../host/language";
import { isPlatformChoice, MAILBOX_VERSIONS, PLATFORM_CHOICES } from "../host/platform";
import { PolicyPanel } from "./PolicyPanel";
import { text } from "./strings";
import { useHost, usePlaygroundState } from "./usePlayground";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXL,
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  intro: { maxWidth: "44rem", margin: 0 },
  title: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase500 },
  faults: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
  outlook: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const FAULTS: readonly (keyof PlaygroundFaults)[] = ["slow", "throttled", "down", "noToken"];

export function Header() {
  const host = useHost();
  const state = usePlaygroundState();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.intro}>
        <h1 className={styles.title}>{text.title}</h1>
        <p className={styles.intro}>{text.intro}</p>
      </div>
      <fieldset className={styles.faults}>
        <legend className={styles.legend}>{text.faultsHeading}</legend>
        {FAULTS.map((name) => (
          <Switch
            key={name}
            label={text.faults[name]}
            checked={state.faults[name]}
            onChange={(_, data) => void host.setFault(name, data.checked)}
          />
        ))}
      </fieldset>
      <div className={styles.outlook}>
        <Field label={text.platformLabel}>
          <Dropdown
            value={text.platforms[state.platform] ?? state.platform}
            selectedOptions={[state.platform]}
            onOptionSelect={(_, data) =>
              isPlatformChoice(data.optionValue) && host.setPlatform(data.optionValue)
            }
          >
            {PLATFORM_CHOICES.map((platform) => (
              <Option key={platform} value={platform}>
                {text.platforms[platform] ?? platform}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={text.outlookVersion}>
          {/* A phone supports Mailbox 1.5 whatever is chosen here (outlook-mobile-apis.md). */}
          <Dropdown
            value={
              state.platform === "phone"
                ? text.mobileVersion
                : (text.versions[state.mailboxVersion] ?? state.mailboxVersion)
            }
            disabled={state.platform === "phone"}
            selectedOptions={[state.mailboxVersion]}
            onOptionSelect={(_, data) => data.optionValue && host.setMailboxVersion(data.optionValue)}
          >
            {[...MAILBOX_VERSIONS].reverse().map((version) => (
              <Option key={version} value={version}>
                {text.versions[version] ?? `Mailbox ${version}`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Switch
          label={text.nestedAppAuth}
          checked={state.nestedAppAuth}
          onChange={(_, data) => host.setNestedAppAuth(data.checked)}
        />
        {/* Outlook's display language (Office.context.displayLanguage): the add-in follows it. */}
        <Field label={text.languageLabel}>
          <Dropdown
            value={text.languages[state.displayLanguage] ?? state.displayLanguage}
            button={{ lang: state.displayLanguage }}
            selectedOptions={[state.displayLanguage]}
            onOptionSelect={(_, data) =>
              isDisplayLanguage(data.optionValue) && host.setDisplayLanguage(data.optionValue)
            }
          >
            {DISPLAY_LANGUAGES.map((language) => (
              <Option key={language} value={language} lang={language}>
                {text.languages[language] ?? language}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <PolicyPanel />
    </header>
  );
}
