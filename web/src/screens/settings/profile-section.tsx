/** Your own person, where your paths start: name, title, location, profile URL, e-mails. */
import { useState } from "react";
import { useOperation } from "../../api";
import { UPDATE_PROFILE, type Profile } from "./profile.documents";
import { TextField } from "../../ui";
import { SaveForm } from "./save-form";

const orNull = (text: string) => (text.trim() === "" ? null : text.trim());

export function ProfileSection({ profile }: { profile: Profile }) {
  const [name, setName] = useState(profile.name);
  const [title, setTitle] = useState(profile.title ?? "");
  const [location, setLocation] = useState(profile.location ?? "");
  const [profileUrl, setProfileUrl] = useState(profile.profileUrl ?? "");
  const [emails, setEmails] = useState(profile.emails.join("\n"));
  const saving = useOperation(UPDATE_PROFILE);

  const submit = () => {
    void saving.run({
      input: {
        id: profile.id,
        name: name.trim(),
        title: orNull(title),
        location: orNull(location),
        profileUrl: orNull(profileUrl),
        emails: emails
          .split(/[\n,]/)
          .map((e) => e.trim())
          .filter((e) => e !== ""),
      },
    });
  };

  return (
    <section className="settings__section" aria-labelledby="settings-profile-title">
      <h2 id="settings-profile-title">Profile</h2>
      <p className="hint">You, as the start of every path. Nobody else sees this.</p>
      <SaveForm
        state={saving.state}
        saveLabel="Save profile"
        savedText="Profile saved."
        onSubmit={submit}
      >
        <TextField
          id="profile-name"
          label="Name"
          type="text"
          required
          autoComplete="name"
          value={name}
          onValue={setName}
        />
        <TextField
          id="profile-title"
          label="Title"
          type="text"
          autoComplete="organization-title"
          value={title}
          onValue={setTitle}
        />
        <TextField
          id="profile-location"
          label="Location"
          type="text"
          value={location}
          onValue={setLocation}
        />
        <TextField
          id="profile-url"
          label="Profile URL"
          type="url"
          inputMode="url"
          value={profileUrl}
          onValue={setProfileUrl}
        />
        <div className="field">
          <label htmlFor="profile-emails">E-mail addresses</label>
          <textarea
            id="profile-emails"
            rows={2}
            aria-describedby="profile-emails-hint"
            value={emails}
            onChange={(e) => setEmails(e.target.value)}
          />
          <span id="profile-emails-hint" className="hint">
            One a line.
          </span>
        </div>
      </SaveForm>
    </section>
  );
}
