-- What an inbound reply was decided to ask (book, later, price, question, not interested,
-- auto-reply, opt-out, other), by the reply rules or the LLM, with its evidence and what
-- was done: the timeline shows it on the message.
alter table messages add column decision text;
