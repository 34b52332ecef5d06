/**
 * Getting a message to the contact: through Chatwoot when configured (routing, the 24 h
 * window and templates, exactly-once markers, retries), else the dry-run outbox.
 */
package com.oshun.nurture.delivery;
