/**
 * Time and durable jobs: the clock (system or simulated), db-scheduler and its tasks,
 * quiet hours.
 */
package com.oshun.nurture.scheduling;
