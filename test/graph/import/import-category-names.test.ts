import { describe, expect, it } from "vitest";
import { categoryNames, categoryOf } from "../../../src/graph/import/category-names.js";
import { CATEGORIES, type Category } from "../../../src/graph/model/person.js";

/** Forms people label with, by language: both genders, singular and plural, any case and accents. */
const FORMS: Readonly<Record<Category, readonly string[]>> = {
  former_colleague: [
    "Former colleague",
    "former colleagues",
    "Ex-colleague",
    "former coworkers",
    "Ehemalige Kollegin",
    "Ehemaliger Kollege",
    "Ehemalige Kollegen",
    "ehemalige Kolleginnen",
    "Ex-Kollegin",
    "ancienne collègue",
    "ancien collègue",
    "anciens collègues",
    "anciennes collègues",
    "ANCIENNE COLLEGUE",
    "antigua compañera",
    "antiguo compañero",
    "antiguos compañeros",
    "ex colega",
    "ex colegas",
    "ex collega",
    "ex colleghi",
    "ex colleghe",
    "oud-collega",
    "oud-collega's",
    "voormalige collega",
  ],
  client: [
    "Client",
    "Clients",
    "Kunde",
    "Kundin",
    "Kunden",
    "Kundinnen",
    "cliente",
    "clientes",
    "clienti",
    "klant",
    "klanten",
    "customers",
  ],
  friend: [
    "Friend",
    "friends",
    "Freund",
    "Freundin",
    "Freunde",
    "Freundinnen",
    "ami",
    "amie",
    "amis",
    "amies",
    "amigo",
    "amiga",
    "amigos",
    "amico",
    "amica",
    "amici",
    "amiche",
    "vriend",
    "vriendin",
    "vrienden",
  ],
  family: ["Family", "Familie", "famille", "familia", "famiglia"],
  vendor: [
    "vendors",
    "Lieferant",
    "Lieferantin",
    "Lieferanten",
    "fournisseur",
    "fournisseuse",
    "proveedor",
    "proveedora",
    "fornitori",
    "leveranciers",
  ],
  former_employer: [
    "former employer",
    "ehemaliger Arbeitgeber",
    "ehemalige Arbeitgeberin",
    "ancien employeur",
    "ancienne employeuse",
  ],
  former_client: [
    "former clients",
    "ehemaliger Kunde",
    "ehemalige Kundin",
    "ancienne cliente",
    "anciens clients",
    "antiguo cliente",
    "voormalige klanten",
  ],
  mentor: ["mentor", "Mentorin", "Mentoren", "mentore", "mentora"],
  recruiter: [
    "recruiters",
    "Recruiterin",
    "Personalvermittler",
    "Personalvermittlerin",
    "recruteur",
    "recruteuse",
    "reclutadora",
  ],
  investor: [
    "investors",
    "Investorin",
    "Investorinnen",
    "investisseur",
    "investisseuse",
    "inversora",
    "investitori",
  ],
  community: ["community", "Gemeinschaft", "Gemeinschaften", "Communauté", "comunidad", "comunità"],
};

describe("category names in other languages", () => {
  for (const category of CATEGORIES) {
    it(`maps every gender, number, case and accent of ${category} to it`, () => {
      for (const form of FORMS[category]) expect(categoryOf(form), form).toBe(category);
    });
  }

  it("keeps words that only look alike as tags", () => {
    for (const label of [
      "Kunst",
      "Amiga 500",
      "Chess",
      "Golf",
      "Running Club",
      "Clientele",
      "Formula 1",
      "Mentoring",
      "Familiar faces",
      "Colleges",
    ]) {
      expect(categoryOf(label), label).toBeUndefined();
    }
    expect(categoryNames(["Kunst", "Ehemalige Kolleginnen"])).toEqual({
      categories: ["former_colleague"],
      tags: ["kunst"],
      lists: [],
    });
  });

  it("still finds the follow-up lists, in the singular and plural", () => {
    expect(categoryNames(["Next Contact", "immediate follow-ups"]).lists).toEqual([
      "next_contact",
      "immediate_follow_up",
    ]);
  });
});
