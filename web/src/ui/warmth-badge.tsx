/**
 * A path's warmth as the engine labels it (warm, lukewarm, cool, cold): the word, the number
 * and a four-step meter, so the colour is never the only signal. Shared by every screen that
 * shows a path.
 */
const STEPS = ["cold", "cool", "lukewarm", "warm"] as const;

export function WarmthBadge({ warmth, label }: { warmth: number; label: string }) {
  const step = Math.max(0, STEPS.indexOf(label as (typeof STEPS)[number]));
  return (
    <span className={`warmth warmth--${STEPS[step]}`}>
      <span className="warmth__meter" aria-hidden="true">
        {STEPS.map((name, i) => (
          <span key={name} className={i <= step ? "warmth__bar warmth__bar--on" : "warmth__bar"} />
        ))}
      </span>
      <span className="warmth__label">{label}</span>
      <span className="warmth__value">
        <span className="visually-hidden">, warmth </span>
        {warmth.toFixed(2)}
      </span>
    </span>
  );
}
