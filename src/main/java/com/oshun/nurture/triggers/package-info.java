/**
 * What starts re-engagement: webhooks in (signed, deduplicated), the warm-lead mark, and
 * the recurring inactivity and lapse checks.
 */
package com.oshun.nurture.triggers;
