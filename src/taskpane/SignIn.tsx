import { Button } from "@fluentui/react-components";
import { usePaneStyles } from "./styles";
import { useWords } from "./words";

/** Offered when no Graph token could be had without the user (nested app authentication). */
export function SignIn({ busy, onSignIn }: { busy: boolean; onSignIn: () => void }) {
  const styles = usePaneStyles();
  const { text } = useWords();
  return (
    <section aria-labelledby="rg-sign-in" className={styles.section}>
      <h2 id="rg-sign-in" className={styles.heading}>
        {text.taskPane.signInTitle}
      </h2>
      <Button appearance="primary" disabled={busy} onClick={onSignIn}>
        {text.taskPane.signIn}
      </Button>
    </section>
  );
}
