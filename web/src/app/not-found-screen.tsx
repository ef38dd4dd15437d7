/** An address the app has no screen for. */
import { HOME_PATH } from "./routes";
import { Link } from "./router";

export function NotFoundScreen({ pathname }: { pathname: string }) {
  return (
    <section className="screen" aria-labelledby="not-found-title">
      <h1 id="not-found-title">There is no page at {pathname}</h1>
      <p>
        The address may be mistyped, or the page may have moved.{" "}
        <Link to={HOME_PATH}>Find a way in</Link> is where warmpath starts.
      </p>
    </section>
  );
}
