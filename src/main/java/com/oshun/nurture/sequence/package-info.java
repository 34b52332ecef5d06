/**
 * Sequence definitions (versioned data, not code), the defaults a clinic starts with, and
 * the planning of each step's due time.
 */
package com.oshun.nurture.sequence;
