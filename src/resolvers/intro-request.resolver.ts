import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import {
  createIntroRequest,
  introRequests,
  setElevatorPitch,
  setIntroRequestStatus,
  type IntroRequest,
  type IntroRequestStatus,
} from "../graph/index.js";
import { IntroRequestStatus as StatusEnum } from "../schema/enums.js";
import { IntroRequestType } from "../schema/intro-request.type.js";
import { PersonType } from "../schema/person.type.js";
import type { WarmpathContext } from "./context.js";
import type { Loaders } from "./loaders.js";
import { personOf } from "./load-people.js";
import { idempotent } from "./idempotent.js";
import { IdempotencyKeyArg } from "../schema/idempotency-key.field.js";
import { Needs } from "./needs.js";

/** A request with the people it names loaded; one just created or moved has waited 0 days. */
async function view(loaders: Loaders, request: IntroRequest & { waitingDays?: number }) {
  return {
    ...request,
    target: await personOf(loaders, request.targetId),
    introducer: await personOf(loaders, request.introducerId),
    path: await Promise.all(request.path.map((id) => personOf(loaders, id))),
    waitingDays: request.waitingDays ?? 0,
  };
}

@Resolver()
export class IntroRequestResolver {
  @Needs("intros:write")
  @Mutation(() => PersonType, {
    description: "Sets your elevator pitch, which goes with every introduction request.",
  })
  setElevatorPitch(
    @Arg("pitch", () => String) pitch: string,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    return setElevatorPitch(store, ownerId, pitch);
  }

  @Needs("intros:write")
  @Mutation(() => IntroRequestType, {
    description:
      "Drafts a double opt-in request along the warmest path to the target (through the introducer you name, if any).",
  })
  async createIntroRequest(
    @Arg("targetId", () => ID) targetId: string,
    @Ctx() { store, ownerId, loaders, now }: WarmpathContext,
    @Arg("introducerId", () => ID, { nullable: true }) introducerId?: string,
    @Arg("note", () => String, {
      nullable: true,
      description: "A line of your own for the introducer.",
    })
    note?: string,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    const args = {
      targetId,
      introducerId: introducerId ?? null,
      note: note ?? null,
      idempotencyKey,
    };
    return view(
      loaders,
      await idempotent({ store, ownerId }, "createIntroRequest", args, (input) =>
        createIntroRequest(store, ownerId, input, { now }),
      ),
    );
  }

  @Needs("intros:write")
  @Mutation(() => IntroRequestType, {
    description:
      "Moves a request along drafted, asked, accepted or declined, introduced, met; the outcome warms the ties and the favors ledger.",
  })
  async setIntroRequestStatus(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => StatusEnum) status: string,
    @Ctx() { store, ownerId, loaders, now }: WarmpathContext,
    @Arg("outcome", () => String, { nullable: true }) outcome?: string,
  ) {
    return view(
      loaders,
      await setIntroRequestStatus(store, ownerId, id, status as IntroRequestStatus, {
        outcome: outcome ?? null,
        now,
      }),
    );
  }

  @Needs("contacts:read")
  @Query(() => [IntroRequestType], {
    description: "Your introduction requests, with how long each has waited.",
  })
  async introRequests(
    @Ctx() { store, ownerId, loaders, now }: WarmpathContext,
    @Arg("status", () => StatusEnum, { nullable: true }) status?: string,
  ) {
    const requests = await introRequests(store, ownerId, {
      status: (status ?? null) as IntroRequestStatus | null,
      now,
    });
    return Promise.all(requests.map((r) => view(loaders, r)));
  }
}
