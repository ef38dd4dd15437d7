/** Screen 2, "See it": a path's drawing (from a path card), or the network map. */
import { Link, useLocation } from "../../app/router";
import { NetworkMap } from "./network-map";
import { PathDrawing } from "./path-drawing";
import { readSeeAddress } from "./see-address";
import "./see.css";

export function SeeScreen() {
  const address = readSeeAddress(useLocation().searchParams);
  const map = address.path.length === 0 && address.focus === null;
  return (
    <section className="screen see" aria-labelledby="see-title">
      <h1 id="see-title">{map ? "Your network map" : "See the path"}</h1>
      {map ? (
        <p className="hint">
          Open a path from <Link to="/find">Find a way in</Link> to see it drawn over its people’s
          networks.
        </p>
      ) : (
        <p className="hint">
          <Link to="/see">See the whole network map</Link>
        </p>
      )}
      {map ? <NetworkMap /> : <PathDrawing key={address.path.join(",")} address={address} />}
    </section>
  );
}
