/**
 * Getting a message to the contact: the outbox (dry run) today, Chatwoot when configured.
 */
package com.oshun.nurture.delivery;
