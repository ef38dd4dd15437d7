/**
 * Screen 4, "Today": the keep-in-touch habits on one screen. Next Contact (whom to get in touch
 * with this month), Immediate Follow-up (what waits for your answer) and Losing touch (past the
 * longest gap you allow), each entry with why and since when and its one-click actions; then the
 * blanket update. After an action the lists are asked again and the result is announced.
 */
import { useCallback, useState } from "react";
import { useQuery } from "../../api";
import { ErrorMessage, Loading } from "../../ui";
import { TODAY_LISTS } from "./today.documents";
import { immediateEntry, losingTouchEntry, nextContactEntry } from "./today-entry";
import { TodayList } from "./today-list";
import { UpdatePanel } from "./update-panel";
import "./today.css";

export function TodayScreen() {
  const lists = useQuery(TODAY_LISTS, {});
  const [said, setSaid] = useState("");
  const { refetch } = lists;
  const changed = useCallback(
    (message: string) => {
      setSaid(message);
      refetch();
    },
    [refetch],
  );
  // Keep the last answer on screen while the lists are asked again, so focus stays put.
  const [shown, setShown] = useState<typeof lists.state | null>(null);
  if (lists.state.status !== "loading" && lists.state !== shown) setShown(lists.state);
  const state = lists.state.status === "loading" && shown ? shown : lists.state;

  return (
    <section className="screen today" aria-labelledby="today-title">
      <h1 id="today-title">Today</h1>
      <p className="today__said" role="status">
        {said}
      </p>
      {state.status === "loading" || state.status === "idle" ? (
        <Loading label="Reading your lists…" />
      ) : null}
      {state.status === "failed" ? <ErrorMessage error={state.error} onRetry={refetch} /> : null}
      {state.status === "done" ? (
        <div className="today__lists">
          <TodayList
            id="today-immediate"
            title="Immediate Follow-up"
            hint="Messages and asks that wait for your answer, longest-waiting first."
            empty="Nothing waits for your answer."
            entries={state.data.immediateFollowUps.map((e) => immediateEntry(e))}
            onChanged={changed}
          />
          <TodayList
            id="today-next"
            title="Next Contact"
            hint="People to get in touch with over the next 30 days: their cadence or a dated follow-up is due. Logging any contact resets a cadence."
            empty="Nobody is due in the next 30 days."
            entries={state.data.nextContacts.map((e) => nextContactEntry(e))}
            onChanged={changed}
          />
          <TodayList
            id="today-losing"
            title="Losing touch"
            hint="People past the longest gap their cadence allows, longest silence first."
            empty="Nobody is past their longest gap."
            entries={state.data.losingTouch.map((e) => losingTouchEntry(e))}
            onChanged={changed}
          />
        </div>
      ) : null}
      <UpdatePanel onChanged={changed} />
    </section>
  );
}
