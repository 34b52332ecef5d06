/**
 * What operators get: the admin API behind a bearer token, the timeline, and the
 * simulated clock.
 */
package com.oshun.nurture.admin;
