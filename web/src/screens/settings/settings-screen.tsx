/**
 * Screen 7, "Settings": your profile and elevator pitch, your keep-in-touch cadences, and with
 * accounts your sessions, passkeys, API tokens, teams and blocklist. A single-user install on
 * loopback has no accounts, so it shows only the first three and says why.
 */
import { useQuery } from "../../api";
import { useSession } from "../../app/session-context";
import { ErrorMessage, Loading } from "../../ui";
import { ApiTokensSection } from "./api-tokens-section";
import { BlocklistSection } from "./blocklist-section";
import { CadencesSection } from "./cadences-section";
import { PasskeysSection } from "./passkeys-section";
import { PitchSection } from "./pitch-section";
import { ProfileSection } from "./profile-section";
import { MY_PROFILE } from "./profile.documents";
import { SessionsSection } from "./sessions-section";
import { TeamsSection } from "./teams-section";
import "./settings.css";

export function SettingsScreen() {
  const { singleUser } = useSession();
  const profile = useQuery(MY_PROFILE, {});
  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {profile.state.status === "loading" ? <Loading label="Loading your profile…" /> : null}
      {profile.state.status === "failed" ? (
        <ErrorMessage error={profile.state.error} onRetry={profile.refetch} />
      ) : null}
      {profile.state.status === "done" ? (
        <>
          <ProfileSection profile={profile.state.data.me} />
          <PitchSection pitch={profile.state.data.me.elevatorPitch} />
        </>
      ) : null}
      <CadencesSection />
      {singleUser ? (
        <section className="settings__section" aria-labelledby="settings-accounts-title">
          <h2 id="settings-accounts-title">Sessions, passkeys, API tokens and teams</h2>
          <p>
            Not shown here: this warmpath runs for one person on this computer, without accounts, so
            there is nobody to sign in, nothing to sign out, and no team to share with.
          </p>
          <p className="hint">
            To use them, create the first account on the server’s machine (
            <code>npx warmpath user create --admin</code>) and sign in.
          </p>
        </section>
      ) : (
        <>
          <SessionsSection />
          <PasskeysSection />
          <ApiTokensSection />
          <TeamsSection />
          <BlocklistSection />
        </>
      )}
    </section>
  );
}
