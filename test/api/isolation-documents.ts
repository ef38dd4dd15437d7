/** The GraphQL documents of the isolation suite: fragments, mutations, and reads used more than once. */

export const PERSON = `fragment P on Person { id name emails phones profileUrl title location categories tags
  interests hobbies notes news newsAt pressMentions seeking cadenceIdealDays cadenceMaxDays askForNews
  elevatorPitch isSelf createdAt updatedAt
  knows { id strength context since lastInteraction provenance notes createdAt person { id name } }
  employment { id title from to current organization { id name } }
  memberships { id role since until organization { id name } }
  interactions { id kind at direction summary needsReply person { id } }
  followUps { id due reason list status snoozedUntil }
  favors { id direction kind date summary } }`;
export const ORGANIZATION = `fragment O on Organization { id name kind domain location notes createdAt updatedAt
  currentPeople { id name } formerPeople { id name }
  employment { id title from to current person { id } }
  members { id role since until person { id } } }`;
export const PATHS = `noPathReason paths { warmth label people { id name } weakestLink { strength }
  hops { strength inferred evidence from { id } to { id } } }`;
export const REQUEST = `id status message outcome statusChangedAt waitingDays target { id } introducer { id } path { id }`;
export const DRAFT = `id batch to subject body status sentAt person { id }`;

/** Reads by one id, asked in more than one place. */
export const Q = {
  person: `query($id: ID!) { person(id: $id) { ...P } } ${PERSON}`,
  personName: `query($id: ID!) { person(id: $id) { id name } }`,
  organization: `query($id: ID!) { organization(id: $id) { ...O } } ${ORGANIZATION}`,
  introPathsTo: `query($id: ID!) { introPaths(to: { personId: $id }) { ${PATHS} } }`,
  updateDrafts: `query($batch: String!) { updateDrafts(batch: $batch) { ${DRAFT} } }`,
};

export const M = {
  createPerson: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
  updatePerson: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id name title tags } }`,
  deletePerson: `mutation($id: ID!) { deletePerson(input: { id: $id }) }`,
  createOrganization: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
  updateOrganization: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id name } }`,
  deleteOrganization: `mutation($id: ID!) { deleteOrganization(input: { id: $id }) }`,
  connect: `mutation($input: ConnectInput!) { connect(input: $input) { id strength person { id } } }`,
  disconnect: `mutation($a: ID!, $b: ID!) { disconnect(input: { personA: $a, personB: $b }) { id person { id } } }`,
  setEmployment: `mutation($input: SetEmploymentInput!) { setEmployment(input: $input) { id current } }`,
  addMembership: `mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }`,
  logInteraction: `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
  recordFavor: `mutation($input: RecordFavorInput!) { recordFavor(input: $input) { id } }`,
  recordNews: `mutation($p: ID!, $text: String!, $date: LocalDate) { recordNews(personId: $p, text: $text, date: $date) { id } }`,
  addFollowUp: `mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }`,
  snoozeFollowUp: `mutation($id: ID!, $until: LocalDate!) { snoozeFollowUp(id: $id, until: $until) { id status } }`,
  completeFollowUp: `mutation($id: ID!) { completeFollowUp(id: $id) { id status } }`,
  setCadence: `mutation($category: Category, $p: ID, $ideal: Int, $max: Int) { setCadence(category: $category, personId: $p, idealDays: $ideal, maxDays: $max) { idealDays maxDays source } }`,
  setElevatorPitch: `mutation($pitch: String!) { setElevatorPitch(pitch: $pitch) { id } }`,
  createIntroRequest: `mutation($target: ID!, $introducer: ID) { createIntroRequest(targetId: $target, introducerId: $introducer) { ${REQUEST} } }`,
  setIntroRequestStatus: `mutation($id: ID!, $status: IntroRequestStatus!) { setIntroRequestStatus(id: $id, status: $status) { ${REQUEST} } }`,
  draftUpdate: `mutation($input: DraftUpdateInput!) { draftUpdate(input: $input) { batch drafts { ${DRAFT} } } }`,
  markUpdateSent: `mutation($batch: String!) { markUpdateSent(batch: $batch) { ${DRAFT} } }`,
  importContacts: `mutation($text: String!) { importContacts(format: LINKEDIN, text: $text) { created updated unchanged rejected rows { line outcome personId } } }`,
};
