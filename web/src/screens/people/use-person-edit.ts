/**
 * Saving edits of one person: updatePerson with only the changed fields, the answer kept as
 * the person now is (no reload of the page), the error kept to show in words, and a sentence
 * announced on success.
 */
import { useCallback, useState } from "react";
import { toApiError, useApi, type ApiError } from "../../api";
import {
  SET_PERSON_CADENCE,
  UPDATE_PERSON,
  type PersonDetails,
  type PersonPatch,
} from "./people.documents";

export interface PersonEdit {
  person: PersonDetails;
  error: ApiError | null;
  said: string;
  save(patch: PersonPatch, what: string): Promise<boolean>;
  saveCadence(ideal: number | null, max: number | null): Promise<boolean>;
}

export function usePersonEdit(initial: PersonDetails): PersonEdit {
  const client = useApi();
  const [person, setPerson] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [said, setSaid] = useState("");

  const save = useCallback(
    async (patch: PersonPatch, what: string) => {
      setError(null);
      try {
        const { updatePerson } = await client.request(UPDATE_PERSON, {
          input: { id: initial.id, ...patch },
        });
        setPerson(updatePerson);
        setSaid(`Saved ${what}.`);
        return true;
      } catch (e) {
        setError(toApiError(e));
        setSaid("");
        return false;
      }
    },
    [client, initial.id],
  );

  const saveCadence = useCallback(
    async (ideal: number | null, max: number | null) => {
      setError(null);
      try {
        await client.request(SET_PERSON_CADENCE, {
          personId: initial.id,
          idealDays: ideal,
          maxDays: max,
        });
        setPerson((p) => ({ ...p, cadenceIdealDays: ideal, cadenceMaxDays: max }));
        setSaid(
          ideal === null
            ? "Cadence cleared: their categories’ cadence applies."
            : "Saved the cadence.",
        );
        return true;
      } catch (e) {
        setError(toApiError(e));
        setSaid("");
        return false;
      }
    },
    [client, initial.id],
  );
  return { person, error, said, save, saveCadence };
}

/** "a, b ,c" as ["a", "b", "c"], blanks dropped. */
export const splitList = (text: string): string[] =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** A blank text clears the field (null). */
export const textOrNull = (text: string): string | null =>
  text.trim() === "" ? null : text.trim();
