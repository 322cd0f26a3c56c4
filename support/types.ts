/**
 * The support feature's types: the assistant's answers, conversations (assistant and live chat) and
 * requests (sollicitations). The workflows, their activities and the API edge all speak these.
 */
import type { LiveChatHours, OpeningHours } from './opening-hours';

/** A link an answer offers: label and where it leads (a page of the portal or an API path). */
export interface Link {
  label: string;
  href: string;
}

/** What the assistant says to a question. */
export interface Answer {
  /** false: the assistant did not understand (no passage answers the question well enough). */
  understood: boolean;
  text: string;
  /** The knowledge-base article answered from. */
  article?: string;
  title?: string;
  links: Link[];
  /** The caller's invoice the answer is about, when the question named one. */
  invoice?: { id: string; number: string; status: string };
}

/** Who answers a request: platform support, or the business service of the buyer concerned. */
export type Routing = 'PLATEFORME' | 'SERVICE_ACHETEUR';

export interface Category {
  code: string;
  label: string;
  routing: Routing;
  subcategories: { code: string; label: string }[];
}

/** How a platform runs its support; the defaults are French public holidays and support/categories.json. */
export interface SupportSettings {
  /** Extra closed days of the live chat (French public holidays are built in). */
  openingHours?: OpeningHours;
  /** The request categories (SUPPORT_CATEGORIES_FILE); default: support/categories.json. */
  categories?: Category[];
}

// ---- Conversations (the assistant, then maybe a live chat) ----

/** A conversation with the assistant, started by the API at the first question. */
export interface ConversationStart {
  conversationId: string;
  /** The signed-in user, if any: answers are then about their own invoices. */
  userId?: string;
  startedAt: string;
  openingHours?: OpeningHours;
  /** Misunderstood answers plus negative ratings that make the assistant offer a person (default 2). */
  troublesBeforeOffer?: number;
  /** Minutes a queued chat waits for an advisor before a request is offered instead (default 10). */
  chatWaitMinutes?: number;
  /** Minutes of silence that end a live chat (default 15). */
  chatIdleMinutes?: number;
  /** Minutes of silence that end the conversation (default 30). */
  idleMinutes?: number;
}

export type Offer = 'LIVE_CHAT' | 'REQUEST';
export type ChatStatus = 'EN_ATTENTE' | 'EN_COURS' | 'TERMINE' | 'SANS_CONSEILLER';
export type ConversationStatus = 'OUVERTE' | 'CHAT_EN_ATTENTE' | 'CHAT_EN_COURS' | 'TERMINEE';

export interface ChatMessage {
  seq: number;
  author: 'USER' | 'ADVISOR' | 'SYSTEM';
  authorId?: string;
  text: string;
  at: string;
}

export interface ConversationState {
  conversationId: string;
  userId?: string;
  status: ConversationStatus;
  exchanges: number;
  misunderstood: number;
  negativeRatings: number;
  offer?: Offer;
  chat?: { status: ChatStatus; advisorId?: string; requestedAt: string; messages: ChatMessage[] };
}

export interface AskResult {
  seq: number;
  answer: Answer;
  offer?: Offer;
  /** With an offer: the live chat's hours and next opening, for "a conseiller answers from ...". */
  liveChat?: LiveChatHours;
}

/** Who acts in a conversation, as the API authenticated them; advisor: an operator on duty for the live chat. */
export interface ConversationActor {
  userId?: string;
  advisor?: boolean;
}

/** Why a conversation's update is refused; support/workflow-calls.ts maps each to a domain code. */
export type SupportRefusal =
  'NotYours' | 'Ended' | 'NoOffer' | 'ChatNotWaiting' | 'ChatNotActive' | 'NotAnAdvisor' | 'UnknownAnswer';

/** A question asked in a conversation, as its workflow hands it to the assistant. */
export interface Question {
  conversationId: string;
  seq: number;
  question: string;
  userId?: string;
  at: string;
}

/** A live chat waiting for an advisor, as the advisors' queue shows it. */
export interface WaitingChat {
  conversationId: string;
  userId?: string;
  waitingSince: string;
  misunderstood: number;
  negativeRatings: number;
}

// ---- Requests (sollicitations) ----

/** A request (sollicitation) filed by a user, signed in or not. */
export interface SupportRequestInput {
  id: string;
  /** The signed-in requester; undefined: a logged-out request, answered by email only. */
  userId?: string;
  contactEmail: string;
  category: string;
  subcategory: string;
  routing: Routing;
  /** The buyer's structure and service, for SERVICE_ACHETEUR requests. */
  structureId?: string;
  serviceCode?: string;
  subject: string;
  text: string;
  createdAt: string;
  /** Days an answered request waits for the user before it is closed (default 15). */
  closeAfterDays?: number;
}

/** What a user fills in to file a request. */
export interface RequestFiling {
  category: string;
  subcategory: string;
  subject: string;
  text: string;
  contactEmail?: string;
  structureId?: string;
  serviceCode?: string;
}

export type RequestStatus = 'NOUVELLE' | 'EN_COURS' | 'EN_ATTENTE_UTILISATEUR' | 'REPONDUE' | 'CLOTUREE';

export interface RequestMessage {
  seq: number;
  author: 'USER' | 'ADVISOR';
  authorId?: string;
  text: string;
  at: string;
}

export interface RequestState {
  id: string;
  status: RequestStatus;
  advisorId?: string;
  /** Who may handle it: members of the routed service, or (platform requests) nobody but operators. */
  advisors: string[];
  messages: RequestMessage[];
}

/** Who acts on a request, as the API authenticated them. */
export interface RequestActor {
  userId?: string;
  operator?: boolean;
}

export type RequestRefusal = 'NotAnAdvisor' | 'NotTheRequester' | 'Closed';

/** A request as its requester and advisors see it. */
export interface RequestView {
  id: string;
  status: RequestStatus;
  category: string;
  subcategory: string;
  routing: Routing;
  structureId?: string;
  serviceCode?: string;
  subject: string;
  advisorId?: string;
  createdAt: string;
  updatedAt: string;
}

/** Who handles a request (an operator, or a member of the buyer's service) and where to write to them. */
export interface Advisor {
  userId: string;
  email: string;
}
