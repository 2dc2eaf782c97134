import { Button } from "@fluentui/react-components";
import { enGB } from "../present/en-GB";
import { usePaneStyles } from "./styles";

/** Offered when no Graph token could be had without the user (nested app authentication). */
export function SignIn({ busy, onSignIn }: { busy: boolean; onSignIn: () => void }) {
  const styles = usePaneStyles();
  return (
    <section aria-labelledby="rg-sign-in" className={styles.section}>
      <h2 id="rg-sign-in" className={styles.heading}>
        {enGB.taskPane.signInTitle}
      </h2>
      <Button appearance="primary" disabled={busy} onClick={onSignIn}>
        {enGB.taskPane.signIn}
      </Button>
    </section>
  );
}
