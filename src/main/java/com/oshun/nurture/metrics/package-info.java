/**
 * What operators scrape and probe: step and webhook metrics at
 * {@code /actuator/prometheus} and the scheduler's health, read from our own tables and
 * requests, never from patient data.
 */
package com.oshun.nurture.metrics;
