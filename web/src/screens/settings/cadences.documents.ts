/** Settings: how often to be in touch with each category of people. */
import type { CategoryName as Category } from "../../api/category";
import { graphql } from "../../api/typed-document";

export type { Category };

export interface CategoryCadence {
  category: Category;
  idealDays: number;
  maxDays: number;
  isDefault: boolean;
}

export const CADENCES = graphql<{ cadences: CategoryCadence[] }>(`
  query Cadences {
    cadences {
      category
      idealDays
      maxDays
      isDefault
    }
  }
`);

/** Both days set a category's cadence; neither returns it to the built-in default. */
export const SET_CADENCE = graphql<
  { setCadence: { idealDays: number; maxDays: number; source: string } | null },
  { category: Category; idealDays: number | null; maxDays: number | null }
>(`
  mutation SetCategoryCadence($category: Category!, $idealDays: Int, $maxDays: Int) {
    setCadence(category: $category, idealDays: $idealDays, maxDays: $maxDays) {
      idealDays
      maxDays
      source
    }
  }
`);
