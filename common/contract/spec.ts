/**
 * How a domain writes its part of the contract: each invoke is one line, `channel<Request, Response>()`,
 * and each push one line, `event<Payload>()`. The markers are empty objects at run time (only their
 * keys matter: the channel set is derived from them); their types carry the request and response,
 * from which common/contract/index.ts derives every map.
 */

/** An invoke's request and response types; nothing at run time. */
export interface ChannelSpec<Req, Res> {
  readonly request: Req;
  readonly response: Res;
}

/** A push's payload type; nothing at run time. */
export interface EventSpec<Payload> {
  readonly payload: Payload;
}

/** `undefined` as the request: the invoke takes no payload. */
export const channel = <Req, Res>(): ChannelSpec<Req, Res> => ({}) as ChannelSpec<Req, Res>;

export const event = <Payload>(): EventSpec<Payload> => ({}) as EventSpec<Payload>;
