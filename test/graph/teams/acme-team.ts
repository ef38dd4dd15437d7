/**
 * The team of the pooling tests. Rita searches; Ada shares everything (`full`), Bob only
 * "someone at <company>" (`company`).
 *
 *   Rita: Olga (olga@orbit.example, CTO at Orbit) 0.7; organizations Orbit and "ACME "
 *   Ada:  Grace (grace@acme.example + linkedin.com/in/grace, VP Engineering at Acme) 0.8,
 *         Olga (same address as Rita's) 0.5, Alex (alex@one.example, PM) 0.45,
 *         Bob (bob@team.example: Bob's own person) 0.3, Grace-Alex 0.5,
 *         hidden: Greta (gmail only) 0.95, Nemo (no title, employer or profile) 0.95,
 *         Doc (tag "doctor", blocked) 0.95, Mum (category family, blocked, shared anyway) 0.95,
 *         Pat (gmail only, shared by choice) 0.2
 *   Bob:  Alex (alex@two.example: another Alex, Sales at Contoso) 0.5, Grace by her profile only 0.35
 */
import type { PoolingSettings } from "../../../src/graph/store/teams.js";
import {
  buildPooledNetwork,
  type PoolMemberNetwork,
} from "../../../src/graph/teams/pooled-network.js";
import { member, Network, TEAM } from "./team-fixture.js";
import type { NetworkStore } from "../../../src/graph/index.js";

export interface AcmeTeam {
  rita: Network;
  ada: Network;
  bob: Network;
  adaSettings: PoolingSettings;
  members(): Promise<PoolMemberNetwork[]>;
  pool(): Promise<ReturnType<typeof buildPooledNetwork>>;
}

export async function acmeTeam(store: NetworkStore): Promise<AcmeTeam> {
  const rita = await Network.create(store, { name: "Rita", emails: ["rita@team.example"] });
  await rita.person("olga", {
    name: "Olga",
    emails: ["olga@orbit.example"],
    title: "CTO",
    at: ["Orbit"],
    notes: "SECRET: Rita's note",
  });
  await rita.organization("ACME ");
  await rita.tie("self", "olga", 0.7);

  const ada = await Network.create(store, { name: "Ada L.", emails: ["ada@team.example"] });
  await ada.person("grace", {
    name: "Grace",
    emails: ["grace@acme.example"],
    profileUrl: "https://www.LinkedIn.com/in/Grace/",
    title: "VP Engineering",
    at: ["Acme"],
    phones: ["+1 555 0100"],
    notes: "SECRET: Ada's note",
    tags: ["golfing buddy"],
  });
  await ada.person("olga", { name: "Olga K.", emails: ["OLGA@orbit.example"], title: "CTO" });
  await ada.person("alex", { name: "Alex", emails: ["alex@one.example"], title: "PM" });
  await ada.person("bob", { name: "Bob", emails: ["bob@team.example"], title: "Founder" });
  await ada.person("greta", { name: "Greta", emails: ["greta@gmail.com"], title: "Designer" });
  await ada.person("nemo", { name: "Nemo", emails: ["nemo@corp.example"] });
  await ada.person("doc", { name: "Doc", title: "GP", tags: ["doctor"] });
  await ada.person("mum", { name: "Mum", title: "Retired", categories: ["family"] });
  await ada.person("pat", { name: "Pat", emails: ["pat@gmail.com"] });
  await ada.tie("self", "grace", 0.8);
  await ada.tie("self", "olga", 0.5);
  await ada.tie("self", "alex", 0.45);
  await ada.tie("self", "bob", 0.3);
  await ada.tie("grace", "alex", 0.5);
  for (const hidden of ["greta", "nemo", "doc", "mum"]) await ada.tie("self", hidden, 0.95);
  await ada.tie("greta", "grace", 0.95);
  await ada.tie("self", "pat", 0.2);
  const adaSettings: PoolingSettings = {
    blockedLabels: ["Doctor", "family"],
    contacts: [
      { personId: ada.id.mum!, sharing: "shared" },
      { personId: ada.id.pat!, sharing: "shared" },
    ],
  };

  const bob = await Network.create(store, { name: "Bob", emails: ["bob@team.example"] });
  await bob.person("alex", {
    name: "Alex",
    emails: ["alex@two.example"],
    title: "Sales",
    at: ["Contoso"],
  });
  await bob.person("grace", { name: "G.", profileUrl: "linkedin.com/in/grace" });
  await bob.tie("self", "alex", 0.5);
  await bob.tie("self", "grace", 0.35);

  const team: AcmeTeam = {
    rita,
    ada,
    bob,
    adaSettings,
    members: async () => [
      await member(ada, "u-ada", "Ada", "full", adaSettings),
      await member(bob, "u-bob", "Bob", "company"),
    ],
    pool: async () =>
      buildPooledNetwork(
        { userId: "u-rita", ownerId: rita.ownerId, projection: await rita.projection() },
        await team.members(),
        { teamId: TEAM },
      ),
  };
  return team;
}
