import { makeStyles, tokens } from "@fluentui/react-components";
import { text } from "./strings";
import { useHost } from "./usePlayground";

const useStyles = makeStyles({
  section: { maxWidth: "24rem", fontSize: tokens.fontSizeBase200 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

const number = (value: number) => value.toLocaleString("en-GB");

/** The policy the add-in runs under here: which file, and the figures that decide a send. */
export function PolicyPanel() {
  const policy = useHost().environment.policy ?? null;
  const styles = useStyles();
  return (
    <section aria-labelledby="policy-heading" className={styles.section}>
      <h2 id="policy-heading" className={styles.heading}>
        {text.policyHeading}
      </h2>
      {policy ? (
        <ul className={styles.list}>
          <li>{text.policySource(policy.source)}</li>
          <li>{text.policyThresholds(number(policy.warnAt), number(policy.blockAt))}</li>
          <li>
            {policy.blockedAddresses.length > 0
              ? text.policyBlocked(policy.blockedAddresses.join(", "))
              : text.policyNoneBlocked}
          </li>
          <li>{text.policyUnavailable(policy.directoryUnavailable, policy.unknownList)}</li>
          <li>{text.policySendTimeout(number(policy.sendTimeoutMs))}</li>
        </ul>
      ) : (
        <p>{text.policyMissing}</p>
      )}
    </section>
  );
}
