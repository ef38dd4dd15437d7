/**
 * Outlook CSV headers by name: Outlook writes its column titles in the language
 * of the installation and in a different order per version (the desktop export
 * wizard, Outlook.com, Outlook for Mac), so columns are found through a table of
 * the spellings each field has. Spellings follow Outlook's own export field
 * lists for English, German and French, plus variants seen from Outlook.com
 * and older versions.
 */

/** The Outlook columns warmpath reads. */
export const OUTLOOK_FIELDS = [
  "firstName",
  "middleName",
  "lastName",
  "displayName",
  "company",
  "jobTitle",
  "emails",
  "phones",
  "categories",
  "notes",
  "webPages",
] as const;
export type OutlookField = (typeof OUTLOOK_FIELDS)[number];

/** Header spellings per field, compared after `headerKey`. A field may have several columns (e-mail 1 to 3, phones). */
export const OUTLOOK_HEADER_ALIASES: Readonly<Record<OutlookField, readonly string[]>> =
  Object.freeze({
    firstName: ["First Name", "FirstName", "Given Name", "Vorname", "Prénom"],
    middleName: [
      "Middle Name",
      "Weitere Vornamen",
      "Zweiter Vorname",
      "Deuxième prénom",
      "Autre prénom",
    ],
    lastName: ["Last Name", "LastName", "Surname", "Nachname", "Nom", "Nom de famille"],
    displayName: [
      "Display Name",
      "Full Name",
      "Anzeigename",
      "Vollständiger Name",
      "Nom complet",
      "Nom d'affichage",
    ],
    company: ["Company", "Firma", "Unternehmen", "Société", "Entreprise"],
    // French Outlook writes "Titre" twice, the salutation first: the last column of a field wins (see `outlookColumns`).
    jobTitle: ["Job Title", "Position", "Berufsbezeichnung", "Titre", "Fonction"],
    emails: [
      "E-mail Address",
      "E-mail 2 Address",
      "E-mail 3 Address",
      "Email Address",
      "Email 2 Address",
      "Email 3 Address",
      "E-mail",
      "Email",
      "E-Mail-Adresse",
      "E-Mail 2: Adresse",
      "E-Mail 3: Adresse",
      "E-Mail-Adresse 2",
      "E-Mail-Adresse 3",
      "E-Mail 2-Adresse",
      "E-Mail 3-Adresse",
      "Adresse de messagerie",
      "Adresse de messagerie 2",
      "Adresse de messagerie 3",
      "Adresse e-mail",
      "Adresse e-mail 2",
      "Adresse e-mail 3",
    ],
    phones: [
      "Mobile Phone",
      "Business Phone",
      "Business Phone 2",
      "Home Phone",
      "Home Phone 2",
      "Primary Phone",
      "Other Phone",
      "Company Main Phone",
      "Car Phone",
      "Mobiltelefon",
      "Mobiltelefon 2",
      "Telefon geschäftlich",
      "Telefon geschäftlich 2",
      "Telefon privat",
      "Telefon privat 2",
      "Haupttelefon",
      "Weiteres Telefon",
      "Telefon Firma",
      "Autotelefon",
      "Tél. mobile",
      "Téléphone mobile",
      "Téléphone portable",
      "Tél. bureau",
      "Tél. bureau 2",
      "Téléphone (bureau)",
      "Téléphone 2 (bureau)",
      "Téléphone professionnel",
      "Tél. domicile",
      "Téléphone (domicile)",
      "Téléphone 2 (domicile)",
      "Téléphone personnel",
      "Téléphone principal",
      "Téléphone (autre)",
      "Téléphone société",
      "Téléphone (voiture)",
    ],
    categories: ["Categories", "Kategorien", "Catégories"],
    notes: ["Notes", "Notizen", "Note"],
    webPages: [
      "Web Page",
      "Personal Web Page",
      "Webpage",
      "Webseite",
      "Persönliche Webseite",
      "Page Web",
      "Page Web personnelle",
      "Page Web (domicile)",
      "Page d'accueil professionnelle",
    ],
  });

/** Comparison key of a header: case, accents' composition, spacing (French exports pad "Société "), curly apostrophes. */
export const headerKey = (header: string): string =>
  header
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, " ")
    .trim();

const FIELD_BY_KEY: ReadonlyMap<string, OutlookField> = new Map(
  OUTLOOK_FIELDS.flatMap((field) =>
    OUTLOOK_HEADER_ALIASES[field].map((alias) => [headerKey(alias), field] as const),
  ),
);

/** The field a header names, if any. */
export const outlookFieldOf = (header: string): OutlookField | undefined =>
  FIELD_BY_KEY.get(headerKey(header));

/**
 * The columns of each field found in a header row, in file order. Fields with
 * one value (names, company, title, notes) read the last of their columns.
 */
export function outlookColumns(header: readonly string[]): Map<OutlookField, number[]> {
  const columns = new Map<OutlookField, number[]>();
  header.forEach((cell, index) => {
    const field = outlookFieldOf(cell);
    if (field !== undefined) columns.set(field, [...(columns.get(field) ?? []), index]);
  });
  return columns;
}
