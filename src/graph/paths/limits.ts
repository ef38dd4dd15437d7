/** The one check of the whole-number limits the path and analytics queries take (maxHops, k, limit). */
import { badInput } from "../../errors.js";

export function checkLimit(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw badInput(field, `must be a whole number from 1 to ${max}`);
  return value;
}
